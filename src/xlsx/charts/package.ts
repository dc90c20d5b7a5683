/**
 * Native charts in an .xlsx package (exceljs has no chart support): chart
 * parts and one drawing per sheet with its relationships. The sheet part
 * links the drawing (sheetXml.ts) and the caller declares the content types.
 */
import type JSZip from 'jszip';
import type { PlannedChart } from '../../core/report/plan';
import { CONTENT_TYPE, REL_TYPE, relsPathOf, renderRels } from '../ooxml';
import { buildChartXml, ChartCache } from './chartXml';
import { buildDrawingXml, ChartAnchor } from './drawingXml';

export interface SheetCharts {
  sheetName: string;
  charts: PlannedChart[];
  /** One cache per chart, same order. */
  caches: ChartCache[];
}

/** Highest N among parts named like `${prefix}N.xml`. */
function highestIndex(zip: JSZip, prefix: string): number {
  let max = 0;
  // Part names compare without regard to case (OPC): Chart3.xml takes number 3 too.
  const re = new RegExp(`^${prefix.replace(/[/.]/g, '\\$&')}(\\d+)\\.xml$`, 'i');
  zip.forEach((path) => {
    const m = re.exec(path);
    if (m) max = Math.max(max, Number(m[1]));
  });
  return max;
}

/** Numbers of the last chart and drawing parts in a package; writing a drawing moves them on. */
export interface PartNumbers {
  chart: number;
  drawing: number;
}

/** The chart and drawing numbers already used in a package. */
export function usedPartNumbers(zip: JSZip): PartNumbers {
  return { chart: highestIndex(zip, 'xl/charts/chart'), drawing: highestIndex(zip, 'xl/drawings/drawing') };
}

/** A new part: where it goes, its XML and its content type (none for relationship parts). */
export interface NewPart {
  path: string;
  xml: string;
  contentType?: string;
}

/**
 * One sheet's charts and the drawing that places them (with its rels), as
 * new parts numbered after `numbers`. Returns the drawing's path and the
 * parts; the caller stores them and links the drawing from the sheet.
 */
export function chartDrawingParts(sheet: SheetCharts, numbers: PartNumbers, date1904 = false): { drawingPath: string; parts: NewPart[] } {
  numbers.drawing += 1;
  const drawingPath = `xl/drawings/drawing${numbers.drawing}.xml`;
  const parts: NewPart[] = [];
  const drawingRels = [];
  const anchors: ChartAnchor[] = [];
  for (let i = 0; i < sheet.charts.length; i++) {
    const chart = sheet.charts[i];
    numbers.chart += 1;
    const chartPath = `xl/charts/chart${numbers.chart}.xml`;
    parts.push({ path: chartPath, xml: buildChartXml(chart, sheet.sheetName, sheet.caches[i], date1904), contentType: CONTENT_TYPE.chart });
    const relId = `rId${i + 1}`;
    drawingRels.push({ id: relId, type: REL_TYPE.chart, target: `../charts/chart${numbers.chart}.xml` });
    anchors.push({ name: chart.name, from: chart.anchor.from, to: chart.anchor.to, relId });
  }
  parts.push({ path: drawingPath, xml: buildDrawingXml(anchors), contentType: CONTENT_TYPE.drawing });
  parts.push({ path: relsPathOf(drawingPath), xml: renderRels(drawingRels) });
  return { drawingPath, parts };
}
