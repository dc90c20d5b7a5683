/**
 * The Office namespaces the adapter runs against: the real globals inside
 * Excel, or the strict fake in tests. Passing them in keeps every other
 * module free of globals.
 */
import { UserFacingError } from '../core/errors';

export interface ExcelEnv {
  excel: typeof Excel;
  /** Absent outside Office (then every requirement set counts as supported). */
  office: typeof Office | undefined;
}

/** The globals, when running inside Office. */
export function globalEnv(): ExcelEnv {
  const g = globalThis as { Excel?: typeof Excel; Office?: typeof Office };
  if (!g.Excel) throw new UserFacingError('unsupportedExcel', 'The add-in must run inside Excel. Open it from the Home tab in Excel.');
  return { excel: g.Excel, office: g.Office };
}

/** True when this Excel supports ExcelApi `version` (e.g. "1.7"). */
export function supportsExcelApi(env: ExcelEnv, version: string): boolean {
  const requirements = env.office?.context?.requirements;
  if (!requirements) return true;
  return requirements.isSetSupported('ExcelApi', version);
}

/** Throws a plain-words error when this Excel is too old for `what`. */
export function requireExcelApi(env: ExcelEnv, version: string, what: string): void {
  if (!supportsExcelApi(env, version)) {
    throw new UserFacingError(
      'unsupportedExcel',
      `This version of Excel cannot ${what} (it needs Excel JavaScript API ${version}). Update Excel, or use Excel on the web or Microsoft 365.`,
    );
  }
}

/** Reading needs null objects and used-range-or-null (ExcelApi 1.4). */
export const READ_API = '1.4';
/** Writing the report needs chart series binding, hyperlinks and freeze panes (ExcelApi 1.7). */
export const WRITE_API = '1.7';
/** Data labels on series. */
export const DATA_LABELS_API = '1.8';
/** Axis number formats. */
export const AXIS_FORMAT_API = '1.8';
/** A chart series on the secondary value axis (ChartSeries.axisGroup). */
export const AXIS_GROUP_API = '1.8';
/** One axis by type and group, e.g. the secondary value axis (ChartAxes.getItem). */
export const CHART_AXES_API = '1.7';
/** Conditional formats. */
export const CONDITIONAL_FORMAT_API = '1.6';
/** Page orientation, paper, margins, scale, print titles and page breaks on a sheet. */
export const PAGE_LAYOUT_API = '1.9';
/** Multi-area ranges (one conditional format over many cells). */
export const RANGE_AREAS_API = '1.9';
