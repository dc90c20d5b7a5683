import type { CheckResult, Finding } from '../model';
import { parseCellAddress } from '../grid';
import { ISSUES_COLUMNS, issuesSummaryLine, linkTarget, planIssuesSheet, safeTableName } from './issuesSheet';

const finding = (over: Partial<Finding>): Finding => ({
  rule: 'adm-before-panel',
  severity: 'error',
  cell: 'I17',
  cells: ['I17', 'H17'],
  row: 17,
  field: 'admDecision',
  childId: 'C0123',
  message: 'The ADM decision (02/03/2021) is before the permanence panel (15/04/2021).',
  ...over,
});

const result = (findings: Finding[]): CheckResult => ({
  sheet: 'Tracker',
  headerRow: 3,
  asOf: '2024-03-31',
  findings,
  counts: {
    error: findings.filter((f) => f.severity === 'error').length,
    warning: findings.filter((f) => f.severity === 'warning').length,
    info: findings.filter((f) => f.severity === 'info').length,
  },
});

describe('planIssuesSheet', () => {
  const findings = [
    finding({ severity: 'info', rule: 'text-date', cell: 'D9', row: 9, field: 'lookedAfterStart', childId: 'C0009', message: 'info message' }),
    finding({}),
    finding({ severity: 'warning', rule: 'respite-row', cell: 'T40', row: 40, field: 'respite', childId: null, message: 'respite message' }),
    finding({ severity: 'info', rule: 'unmapped-local-column', cell: 'AA3', row: 3, field: null, childId: null, message: 'column message' }),
    finding({ rule: 'unreadable-date', cell: 'U20', row: 20, field: 'legalAdviceMeeting', message: 'tbc' }),
  ];
  const sheet = planIssuesSheet(result(findings), "Children's tracker", { date1904: false, localLabels: new Map([['legalAdviceMeeting', 'Legal advice meeting']]) });
  const table = sheet.blocks.find((b) => b.at === 'A5')!;

  test('is the issues sheet with a title, the summary line and a note', () => {
    expect(sheet.name).toBe('PACE Issues');
    expect(sheet.role).toBe('issues');
    expect(sheet.blocks[0]).toMatchObject({ at: 'A1', values: [['PACE Issues']], style: 'title' });
    expect(sheet.blocks[1]).toMatchObject({ at: 'A2', style: 'subtitle', values: [["Checked sheet 'Children's tracker' as of 31/03/2024: 2 errors, 1 warning, 2 notes"]] });
    expect(sheet.blocks[2]).toMatchObject({ at: 'A3', style: 'note' });
    expect(sheet.charts).toEqual([]);
  });

  test('one table row per finding, errors first, each problem named in plain words', () => {
    expect(table.values[0]).toEqual([...ISSUES_COLUMNS]);
    expect(table.values.slice(1).map((r) => [r[0], r[1], r[2], r[3], r[4]])).toEqual([
      ['Error', 'I17', 'C0123', 'Agency decision maker (ADM) decision', 'ADM decision before panel'],
      ['Error', 'U20', 'C0123', 'Legal advice meeting', 'Not a date'],
      ['Warning', 'T40', '', 'Respite episode', 'Respite episode'],
      ['Note', 'D9', 'C0009', 'Became looked after', 'Date typed as text'],
      ['Note', 'AA3', '', '', 'Column not used'],
    ]);
    expect(table.values[1][5]).toBe(findings[1].message);
    expect(table.values.slice(1).every((r) => r[6] === 45382)).toBe(true); // 31/03/2024 as an Excel serial
    expect(table.columnFormats?.[6]).toBe('dd/mm/yyyy');
    expect(table.wrap).toBe(true);
  });

  test('the as-of date is a serial in the workbook date system, or UK text when the system is not given', () => {
    const in1904 = planIssuesSheet(result(findings), 'Tracker', { date1904: true }).blocks.find((b) => b.at === 'A5')!;
    expect(in1904.values[1][6]).toBe(45382 - 1462);
    const unknown = planIssuesSheet(result(findings), 'Tracker', {}).blocks.find((b) => b.at === 'A5')!;
    expect(unknown.values[1][6]).toBe('31/03/2024');
  });

  test('the table covers the header and every row, under a safe name', () => {
    expect(sheet.tables).toEqual([{ name: 'PaceIssues', range: 'A5:G10', style: 'TableStyleMedium2' }]);
    expect(planIssuesSheet(result(findings), 'Tracker', { tableName: 'My issues 2024' }).tables[0].name).toBe('My_issues_2024');
  });

  test('each Cell is a link to that cell on the source sheet', () => {
    expect(sheet.links).toHaveLength(5);
    expect(sheet.links[0]).toMatchObject({ cell: 'B6', target: "'Children''s tracker'!I17", text: 'I17' });
    for (const [i, link] of sheet.links.entries()) {
      expect(parseCellAddress(link.cell)).toEqual({ row: 6 + i, column: 2 });
      expect(link.text).toBe(table.values[i + 1][1]);
    }
  });

  test('header rows frozen; message column wide', () => {
    expect(sheet.freezeRows).toBe(5);
    expect(sheet.columnWidths).toHaveLength(7);
    expect(sheet.columnWidths[5]).toBeGreaterThanOrEqual(60);
    expect(Math.max(...sheet.columnWidths)).toBe(sheet.columnWidths[5]);
  });

  test('no findings: a friendly line and no table', () => {
    const empty = planIssuesSheet(result([]), 'Tracker', {});
    expect(empty.tables).toEqual([]);
    expect(empty.links).toEqual([]);
    expect(empty.blocks.map((b) => b.values[0][0])).toEqual([
      'PACE Issues',
      "Checked sheet 'Tracker' as of 31/03/2024: 0 errors, 0 warnings, 0 notes",
      "No issues found: every date on sheet 'Tracker' could be read and the milestones are in order.",
    ]);
    expect(empty.freezeRows).toBe(0);
  });
});

describe('issues sheet helpers', () => {
  test('summary line uses singular for one', () => {
    const r = result([finding({})]);
    expect(issuesSummaryLine(r, 'T')).toBe("Checked sheet 'T' as of 31/03/2024: 1 error, 0 warnings, 0 notes");
  });
  test('link targets are always quoted', () => {
    expect(linkTarget('Tracker', 'H17')).toBe("'Tracker'!H17");
    expect(linkTarget("O'Neil", 'A1')).toBe("'O''Neil'!A1");
  });
  test('table names are made safe', () => {
    expect(safeTableName('PaceIssues')).toBe('PaceIssues');
    expect(safeTableName('2024 issues')).toBe('_2024_issues');
  });
});
