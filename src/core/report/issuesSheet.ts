/**
 * The "PACE Issues" sheet: every finding of the check as an Excel Table, each
 * cell address a link back to the user's sheet, errors first.
 */
import { fieldLabel } from '../fields';
import { serialFromIso } from '../dates/serial';
import { dayFromIsoDate, ukDate } from '../checks/format';
import { SEVERITY_LABELS, severityCounts } from '../severity';
import { ruleTitle } from '../checks/titles';
import type { CheckResult, Finding, Severity } from '../model';
import { DATE_FORMAT, type CellBlock, type PlannedLink, type PlannedSheet } from './plan';

export const ISSUES_SHEET_NAME = 'PACE Issues';
export const ISSUES_TABLE_NAME = 'PaceIssues';

export const ISSUES_COLUMNS = ['Severity', 'Cell', 'Child ID', 'Field', 'Problem', 'Message', 'As of'] as const;

/** Row of the table's header; rows above hold the title, the summary line and the note. */
const HEADER_ROW = 5;

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

export interface IssuesSheetOptions {
  /** Excel Table name (default PaceIssues); made safe for Excel if needed. */
  tableName?: string;
  /**
   * The workbook's date system, so the as-of date is written as a real date
   * (serial). Left out, the as-of date is written as dd/mm/yyyy text, which is
   * right in either date system.
   */
  date1904?: boolean;
  /** Names of local milestones for the Field column (id → the user's name). */
  localLabels?: ReadonlyMap<string, string>;
}

/** "Checked sheet 'Tracker' as of 31/03/2024: 12 errors, 1 warning, 5 notes". */
export function issuesSummaryLine(result: CheckResult, sourceSheet: string): string {
  const asOf = dayFromIsoDate(result.asOf);
  const shownAsOf = asOf === null ? result.asOf : ukDate(asOf);
  return `Checked sheet '${sourceSheet}' as of ${shownAsOf}: ${severityCounts(result.counts)}`;
}

/** A workbook-internal link target: 'Tracker'!H17 (quotes doubled inside the name). */
export function linkTarget(sourceSheet: string, cell: string): string {
  return `'${sourceSheet.replace(/'/g, "''")}'!${cell}`;
}

/** Excel Table names: letters, digits, underscores, starting with a letter or underscore. */
export function safeTableName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `_${cleaned}`;
}


/** Errors first, then warnings, then notes; otherwise as the check listed them. */
function bySeverity(findings: readonly Finding[]): Finding[] {
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity] || a.index - b.index)
    .map((x) => x.finding);
}

export function planIssuesSheet(result: CheckResult, sourceSheet: string, options: IssuesSheetOptions = {}): PlannedSheet {
  const blocks: CellBlock[] = [
    { at: 'A1', values: [['PACE Issues']], style: 'title' },
    { at: 'A2', values: [[issuesSummaryLine(result, sourceSheet)]], style: 'subtitle' },
  ];
  const sheet: PlannedSheet = {
    name: ISSUES_SHEET_NAME,
    role: 'issues',
    tabColor: result.counts.error > 0 ? '#C00000' : result.counts.warning > 0 ? '#ED7D31' : '#2E7D32',
    blocks,
    tables: [],
    links: [],
    charts: [],
    columnWidths: [12, 9, 14, 30, 34, 90, 12],
    freezeRows: 0,
  };

  if (result.findings.length === 0) {
    // An Excel Table needs a data row; a plain sentence is clearer than a table saying "none".
    blocks.push({
      at: 'A4',
      values: [[`No issues found: every date on sheet '${sourceSheet}' could be read and the milestones are in order.`]],
      style: 'normal',
    });
    return sheet;
  }

  blocks.push({
    at: 'A3',
    values: [
      [
        'Errors cannot be right: correct them on your sheet. Warnings are probably wrong or unclear: check them. Notes say how a value was read or which rows the aims leave out: nothing to correct. Click a cell address to go to it, then run the check again.',
      ],
    ],
    style: 'note',
  });

  const asOfDay = dayFromIsoDate(result.asOf);
  const asOfCell =
    options.date1904 === undefined ? (asOfDay === null ? result.asOf : ukDate(asOfDay)) : serialFromIso(result.asOf, options.date1904);
  const links: PlannedLink[] = [];
  const rows = bySeverity(result.findings).map((f, i) => {
    const row = HEADER_ROW + 1 + i;
    links.push({ cell: `B${row}`, target: linkTarget(sourceSheet, f.cell), text: f.cell, tooltip: `Go to ${f.cell} on '${sourceSheet}'` });
    return [
      SEVERITY_LABELS[f.severity],
      f.cell,
      f.childId ?? '',
      f.field === null ? '' : fieldLabel(f.field, options.localLabels),
      ruleTitle(f.rule),
      f.message,
      asOfCell,
    ];
  });
  blocks.push({
    at: `A${HEADER_ROW}`,
    values: [[...ISSUES_COLUMNS], ...rows],
    columnFormats: [null, null, '@', null, null, null, DATE_FORMAT],
    wrap: true,
  });
  sheet.tables.push({
    name: safeTableName(options.tableName ?? ISSUES_TABLE_NAME),
    range: `A${HEADER_ROW}:G${HEADER_ROW + rows.length}`,
    style: 'TableStyleMedium2',
  });
  sheet.links = links;
  sheet.freezeRows = HEADER_ROW;
  return sheet;
}
