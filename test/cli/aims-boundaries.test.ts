/* eslint-disable @typescript-eslint/no-explicit-any -- the JSON documents under test are untyped on purpose: their keys and types are what is checked. */
/**
 * aims on a tiny hand-made tracker whose every figure is worked out by hand
 * below, at the edges of cli-contract.md's definitions: exactly on target,
 * one day over, a child who has since ceased, a child who ceased while
 * waiting, an end date after the as-of date, respite, the cohort "from" date.
 */
import * as path from 'path';
import ExcelJS from 'exceljs';
import { makeTempDir, removeDir, runJson, writeText } from './helpers';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

// As of 2024-03-31. Aim: first accommodated → permanence recommendation, 26 weeks (182 days), cohort from 2022-04-01.
const ROWS: [string, string | null, string | null, string | null, string][] = [
  // id, first accommodated, recommendation, ceased, respite
  ['C1', '2023-01-02', '2023-07-03', null, 'No'], // 182 days: exactly on target, within
  ['C2', '2023-01-02', '2023-07-04', null, 'No'], // 183 days: one day over
  ['C3', '2023-02-01', '2023-03-01', '2023-06-01', 'No'], // 28 days; ceased since: still counts as completed
  ['C4', '2023-10-01', null, null, 'No'], // waiting 182 days on the as-of date: not beyond target
  ['C5', '2023-09-30', null, null, 'No'], // waiting 183 days: beyond target
  ['C6', '2023-05-01', null, '2023-12-15', 'No'], // ceased while waiting: not waiting now; waiting at month ends before December
  ['C7', '2023-06-01', '2024-05-01', null, 'No'], // recommendation after the as-of date: still waiting (304 days)
  ['C8', '2023-03-01', '2023-04-01', null, 'Yes'], // respite: left out
  ['C9', '2021-06-01', '2021-09-01', null, 'No'], // before the cohort "from" date: left out
  ['C10', '2024-04-10', null, null, 'No'], // starts after the as-of date: not in the cohort
];

let dir: string;
let json: any;

beforeAll(async () => {
  dir = makeTempDir('bounds');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tracker');
  ws.getRow(1).values = ['Child ID', 'Date first accommodated', 'Permanence recommendation date', 'Date ceased', 'Respite'];
  ROWS.forEach(([id, acc, rec, ceased, respite], i) => {
    const row = ws.getRow(i + 2);
    row.values = [id, acc ? d(acc) : null, rec ? d(rec) : null, ceased ? d(ceased) : null, respite];
    for (const c of [2, 3, 4]) row.getCell(c).numFmt = 'dd/mm/yyyy';
  });
  const file = path.join(dir, 'bounds.xlsx');
  await wb.xlsx.writeFile(file);
  const aims = writeText(
    dir,
    'aims.json',
    JSON.stringify({ aims: [{ id: 'aim2', start: 'firstAccommodated', end: 'permanenceRecommendation', targetWeeks: 26, targetPercent: 90, cohortFrom: '2022-04-01' }] }),
  );
  json = (await runJson(['aims', file, '--as-of', '2024-03-31', '--aims', aims, '--json'])).json;
});
afterAll(() => removeDir(dir));

const rowOf = (id: string) => ROWS.findIndex((r) => r[0] === id) + 2;

it('counts completed, within target (exactly on target is within), percentage and median', () => {
  const aim = json.aims[0];
  expect(aim).toMatchObject({ completed: 3, withinTarget: 2, percentWithinTarget: 66.7, medianWeeks: 26 });
});

it('lists the children by end date with their weeks and verdicts', () => {
  expect(json.aims[0].children).toEqual([
    { childId: 'C3', row: rowOf('C3'), startDate: '2023-02-01', endDate: '2023-03-01', weeks: 4, withinTarget: true },
    { childId: 'C1', row: rowOf('C1'), startDate: '2023-01-02', endDate: '2023-07-03', weeks: 26, withinTarget: true },
    { childId: 'C2', row: rowOf('C2'), startDate: '2023-01-02', endDate: '2023-07-04', weeks: 26.1, withinTarget: false },
  ]);
});

it('counts who is waiting now (not ceased, end not reached by the as-of date), longest first, and who is past the target', () => {
  const aim = json.aims[0];
  expect(aim.waiting).toBe(3);
  expect(aim.waitingBeyondTarget).toBe(2);
  expect(aim.waitingChildren).toEqual([
    { childId: 'C7', row: rowOf('C7'), startDate: '2023-06-01', weeksWaiting: 43.4 },
    { childId: 'C5', row: rowOf('C5'), startDate: '2023-09-30', weeksWaiting: 26.1 },
    { childId: 'C4', row: rowOf('C4'), startDate: '2023-10-01', weeksWaiting: 26 },
  ]);
});

it('builds the monthly table by month of the end milestone, with the number waiting at each month end', () => {
  const monthly = new Map<string, any>(json.aims[0].monthly.map((m: any) => [m.month, m]));
  expect([...monthly.keys()]).toEqual([
    '2023-03',
    '2023-04',
    '2023-05',
    '2023-06',
    '2023-07',
    '2023-08',
    '2023-09',
    '2023-10',
    '2023-11',
    '2023-12',
    '2024-01',
    '2024-02',
    '2024-03',
  ]);
  // 31/03/2023: C1 and C2 started and waiting (C3 reached its recommendation on 01/03).
  expect(monthly.get('2023-03')).toEqual({ month: '2023-03', completed: 1, withinTarget: 1, percentWithinTarget: 100, medianWeeks: 4, waitingAtMonthEnd: 2 });
  // 30/06/2023: C1, C2, C6, C7.
  expect(monthly.get('2023-06')).toMatchObject({ completed: 0, percentWithinTarget: null, medianWeeks: null, waitingAtMonthEnd: 4 });
  // 31/07/2023: C1 and C2 done this month; C6 and C7 waiting.
  expect(monthly.get('2023-07')).toEqual({ month: '2023-07', completed: 2, withinTarget: 1, percentWithinTarget: 50, medianWeeks: 26.1, waitingAtMonthEnd: 2 });
  // 30/11/2023: C6 (not ceased yet), C7, C5, C4.
  expect(monthly.get('2023-11')?.waitingAtMonthEnd).toBe(4);
  // 31/12/2023: C6 ceased on 15/12.
  expect(monthly.get('2023-12')?.waitingAtMonthEnd).toBe(3);
  expect(monthly.get('2024-03')?.waitingAtMonthEnd).toBe(3);
});

it('puts one run-chart point per completed child, by end date, in weeks', () => {
  expect(json.aims[0].runChart.points.map((p: any) => [p.date, p.value])).toEqual([
    ['2023-03-01', 4],
    ['2023-07-03', 26],
    ['2023-07-04', 26.1429],
  ]);
});
