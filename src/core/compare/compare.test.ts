import { createHmac } from 'crypto';
import type { CellValue, SheetGrid } from '../grid';
import { dayFromIso } from '../dates';
import { analyseSheet, type LoadedSheet } from '../usecases/pipeline';
import { compareSheets, endOfPreviousMonth } from '../usecases/compare';
import { formatPseudonym } from '../submission/pseudonym';
import { looksPseudonymised, pseudonymMatcher, type Change } from './compare';

const HEADERS = ['Child ID', 'Date of birth', 'Date became looked after', 'Date first accommodated', 'Permanence recommendation', 'Panel date', 'Permanence route', 'Legal status', 'Date ceased'];

function sheet(rows: CellValue[][], headers: string[] = HEADERS, name = 'Tracker'): LoadedSheet {
  const grid: SheetGrid = { sheetName: name, firstRow: 1, firstColumn: 1, values: [headers, ...rows], numberFormats: null, table: null };
  return analyseSheet(grid, false);
}

function day(iso: string): number {
  return dayFromIso(iso) as number;
}

const LAST: CellValue[][] = [
  ['C1', '01/02/2015', '01/01/2023', '05/01/2023', '01/06/2023', '', 'Adoption', 'CSO', ''],
  ['C2', '01/02/2016', '01/01/2023', '05/01/2023', '', '', 'Kinship', 'CSO', ''],
  ['C3', '01/02/2017', '01/03/2022', '01/03/2022', '01/05/2022', '01/07/2022', 'Adoption', 'PO', '10/01/2024'],
  ['C4', '01/02/2018', '01/04/2022', '', '', '', 'Remaining at home', 'CSO', ''],
];

function changesOf(kind: string, changes: readonly Change[]): Change[] {
  return changes.filter((c) => c.kind === kind);
}

describe('compareSheets', () => {
  const asOf = day('2024-03-31');
  const lastAsOf = day('2024-02-29');

  it('finds nothing when the two months are the same', () => {
    const result = compareSheets({ last: sheet(LAST), now: sheet(LAST), thisAsOf: asOf, lastName: 'February' });
    expect(result.comparison.changes).toEqual([]);
    expect(result.comparison.matched).toBe(4);
    expect(result.plan.sheets[0].name).toBe('PACE Changes');
  });

  it('lists each planted difference once, with its kind', () => {
    const now: CellValue[][] = [
      // C1: recommendation moved 3 weeks earlier (retro-edit of a submitted date), panel newly reached.
      ['C1', '01/02/2015', '01/01/2023', '05/01/2023', '11/05/2023', '10/03/2024', 'Adoption', 'CSO', ''],
      // C2: first accommodated blanked; route changed.
      ['C2', '01/02/2016', '01/01/2023', '', '', '', 'Fostering', 'CSO', ''],
      // C3 gone after ceasing; C4 vanished without a ceased date. C5 new.
      ['C5', '01/02/2019', '01/03/2024', '', '', '', '', 'CSO', ''],
    ];
    const { comparison } = compareSheets({ last: sheet(LAST), now: sheet(now), thisAsOf: asOf, lastAsOf, lastName: 'February' });
    const kinds = comparison.changes.map((c) => `${c.kind}:${c.childId}:${c.field ?? ''}`);
    expect(kinds).toEqual([
      'added:C5:',
      'vanished:C4:',
      'goneCeased:C3:',
      'dateChanged:C1:permanenceRecommendation',
      'dateRemoved:C2:firstAccommodated',
      'reached:C1:panel',
      'routeChanged:C2:route',
    ]);
    const moved = changesOf('dateChanged', comparison.changes)[0];
    expect(moved).toMatchObject({ before: '2023-06-01', after: '2023-05-11', weeksMoved: -3, severity: 'warning', row: 2, cell: 'E2', lastRow: 2 });
    // 05/01/2023 → 01/06/2023 is 147 days (21 weeks); → 11/05/2023 is 126 days (18 weeks).
    expect(moved.points).toEqual([
      { aim: 'accommodation-to-recommendation', aimName: 'Accommodation to permanence recommendation', weeksBefore: 21, weeksAfter: 18 },
    ]);
    expect(changesOf('vanished', comparison.changes)[0]).toMatchObject({ severity: 'warning', row: null, lastRow: 5 });
    expect(changesOf('goneCeased', comparison.changes)[0].severity).toBeNull();
    expect(changesOf('dateRemoved', comparison.changes)[0]).toMatchObject({ severity: 'warning', before: '2023-01-05', after: null, cell: 'D3' });
    // The panel date is after last month's as-of date: newly reached, not a correction.
    expect(changesOf('reached', comparison.changes)[0]).toMatchObject({ severity: null, after: '2024-03-10' });
    expect(changesOf('reached', comparison.changes)[0].points?.[0]).toMatchObject({ aim: 'recommendation-to-panel', weeksBefore: null });
    expect(comparison.counts).toMatchObject({ added: 1, vanished: 1, goneCeased: 1, dateChanged: 1, dateRemoved: 1, reached: 1, routeChanged: 1, legalStatusChanged: 0 });
    expect(comparison.severityCounts).toEqual({ error: 0, warning: 3, info: 0 });
  });

  it('says when a newly recorded milestone is dated before last month’s as-of date', () => {
    const now = LAST.map((r) => [...r]);
    now[1][4] = '01/02/2024'; // C2's recommendation, dated in February: last month's figures missed it.
    const { comparison } = compareSheets({ last: sheet(LAST), now: sheet(now), thisAsOf: asOf, lastAsOf, lastName: 'February' });
    expect(comparison.changes).toHaveLength(1);
    expect(comparison.changes[0]).toMatchObject({ kind: 'reached', severity: 'info' });
    expect(comparison.changes[0].message).toContain('29/02/2024');
  });

  it('treats a small correction as information and a large one as a warning (threshold in days)', () => {
    const now = LAST.map((r) => [...r]);
    now[0][4] = '03/06/2023'; // two days later
    const small = compareSheets({ last: sheet(LAST), now: sheet(now), thisAsOf: asOf, lastAsOf, lastName: 'February' }).comparison.changes;
    expect(small[0]).toMatchObject({ kind: 'dateChanged', severity: 'info', weeksMoved: 0.3 });
    const strict = compareSheets({ last: sheet(LAST), now: sheet(now), thisAsOf: asOf, lastAsOf, changedDaysThreshold: 1, lastName: 'February' }).comparison.changes;
    expect(strict[0].severity).toBe('warning');
  });

  it('lines up columns that moved or were renamed between the months', () => {
    const renamed = ['Panel date', 'CLAS ID', 'Perm rec date (LAC review)', 'Date LAC', 'Date 1st accom', 'D.O.B.', 'Date ceased', 'Legal status', 'Permanence route'];
    const order = [5, 0, 4, 2, 3, 1, 8, 7, 6];
    const now = LAST.map((r) => order.map((i) => r[i]));
    const result = compareSheets({ last: sheet(LAST), now: sheet(now, renamed), thisAsOf: asOf, lastName: 'February' });
    expect(result.comparison.changes).toEqual([]);
    expect(result.notCompared).toEqual([]);
  });

  it('reads junk as text and says a date became something that is not a date', () => {
    const now = LAST.map((r) => [...r]);
    now[0][5] = 'tbc';
    const { comparison } = compareSheets({ last: sheet(LAST), now: sheet(now), thisAsOf: asOf, lastAsOf, lastName: 'February' });
    expect(comparison.changes[0]).toMatchObject({ kind: 'reached', before: null, after: 'tbc' });
  });

  it('defaults last month to the end of the previous month', () => {
    expect(endOfPreviousMonth(day('2024-03-31'))).toBe(day('2024-02-29'));
    expect(endOfPreviousMonth(day('2024-01-15'))).toBe(day('2023-12-31'));
  });
});

describe('matching by pseudonym', () => {
  const key = Buffer.from('a'.repeat(64), 'hex');
  const hmac = (id: string) => createHmac('sha256', key).update(id, 'utf8').digest('hex');
  const pseudo = (id: string) => formatPseudonym(hmac(id));

  it('matches this month’s tracker to last month’s submission copy with the key', () => {
    const lastCopy = LAST.map((r) => [pseudo(String(r[0])), ...r.slice(1)]);
    const headers = ['Pseudonymous ID', ...HEADERS.slice(1)];
    const now = LAST.map((r) => [...r]);
    now[0][5] = '01/03/2024';
    const result = compareSheets({ last: sheet(lastCopy, headers), now: sheet(now), thisAsOf: day('2024-03-31'), hmacHexOf: hmac, lastName: 'February copy' });
    expect(result.matchedBy).toBe('pseudonym');
    expect(result.comparison.matched).toBe(4);
    expect(result.comparison.changes.map((c) => `${c.kind}:${c.childId}`)).toEqual(['reached:C1']);
  });

  it('does not call a child new that last month’s copy left out as outside the PACE population', () => {
    // C5 ceased in 2021, more than a year before either as-of date: a submission copy leaves it out.
    const nowRows = [...LAST.map((r) => [...r]), ['C5', '01/02/2014', '01/01/2019', '01/01/2019', '', '', 'Home', 'CSO', '01/06/2021']];
    // C6 is a row genuinely added since: still listed.
    nowRows.push(['C6', '01/02/2019', '01/02/2024', '', '', '', '', 'CSO', '']);
    const lastCopy = LAST.map((r) => [pseudo(String(r[0])), ...r.slice(1)]);
    const headers = ['Pseudonymous ID', ...HEADERS.slice(1)];
    const result = compareSheets({ last: sheet(lastCopy, headers), now: sheet(nowRows), thisAsOf: day('2024-03-31'), hmacHexOf: hmac, lastName: 'February copy' });
    expect(result.comparison.leftOutOfLast).toEqual(['C5']);
    expect(result.comparison.changes.map((c) => `${c.kind}:${c.childId}`)).toEqual(['added:C6']);
    expect(result.plan.sheets[0].blocks[1].values[0][0]).toContain('1 child outside the PACE population is not in last month');
  });

  it('still lists such a child as added between two full trackers (the row really is new there)', () => {
    const nowRows = [...LAST.map((r) => [...r]), ['C5', '01/02/2014', '01/01/2019', '01/01/2019', '', '', 'Home', 'CSO', '01/06/2021']];
    const result = compareSheets({ last: sheet(LAST), now: sheet(nowRows), thisAsOf: day('2024-03-31'), lastName: 'February' });
    expect(result.comparison.leftOutOfLast).toEqual([]);
    expect(result.comparison.changes.map((c) => `${c.kind}:${c.childId}`)).toEqual(['added:C5']);
  });

  it('asks for the key rather than calling every child new', () => {
    const lastCopy = LAST.map((r) => [pseudo(String(r[0])), ...r.slice(1)]);
    const headers = ['Pseudonymous ID', ...HEADERS.slice(1)];
    expect(() => compareSheets({ last: sheet(lastCopy, headers), now: sheet(LAST), thisAsOf: day('2024-03-31'), lastName: 'x' })).toThrow(/key/);
  });

  it('matches a lengthened pseudonym (a clash in that month) by the longest prefix', () => {
    const full = hmac('C1');
    const match = pseudonymMatcher([`P-${full.slice(0, 12).toUpperCase()}`, 'P-0000000000'], hmac);
    expect(match('C1')).toBe(`P-${full.slice(0, 12).toUpperCase()}`);
    expect(match('C2')).toBeUndefined();
  });

  it('recognises a submission copy by its IDs', () => {
    expect(looksPseudonymised(sheet(LAST.map((r) => [pseudo(String(r[0])), ...r.slice(1)]), ['Pseudonymous ID', ...HEADERS.slice(1)]).records)).toBe(true);
    expect(looksPseudonymised(sheet(LAST).records)).toBe(false);
  });
});
