/**
 * Highland's aim 1 (issue 10.5) through the command line: the preset cohort
 * list in `aims --json`, its review-date column read as a local milestone, a
 * list of its own from AIMS.json, and its own sheet in the report.
 */
import * as path from 'path';
import ExcelJS from 'exceljs';
import { makeTempDir, removeDir, runCli, runJson, writeText } from './helpers';

let dir: string;
let file: string;

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

beforeAll(async () => {
  dir = makeTempDir('cohorts');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tracker');
  ws.addRows([
    ['Child ID', 'Date of birth', 'Date became looked after', 'Permanence route', 'Team', 'Date ceased to be looked after', 'Peer review'],
    // As of 31/03/2024, more than 24 months: looked after before 31/03/2022.
    ['A', d('2015-01-01'), d('2022-03-30'), 'Remaining at home', 'North', null, d('2023-05-01')],
    ['B', d('2015-01-01'), d('2022-03-31'), 'Remaining at home', 'North', null, null],
    ['C', d('2015-01-01'), d('2020-01-01'), 'Fostering/Adoption', 'South', null, null],
    ['E', d('2015-01-01'), d('2019-06-01'), 'Remaining at home', 'South', null, null],
    ['F', d('2015-01-01'), d('2019-06-01'), 'Remaining at home', 'South', d('2024-01-15'), d('2020-01-01')],
  ]);
  for (const col of ['B', 'C', 'F', 'G']) ws.getColumn(col).numFmt = 'dd/mm/yyyy';
  file = path.join(dir, 'at-home.xlsx');
  await wb.xlsx.writeFile(file);
});

afterAll(() => removeDir(dir));

describe('the at-home cohort list', () => {
  it('aims --json lists the preset, with the peer review column read as its review date', async () => {
    const { json } = await runJson(['aims', file, '--as-of', '2024-03-31', '--json']);
    expect(json.cohorts).toEqual([
      {
        id: 'at-home-over-2-years',
        name: 'Looked after at home for more than 2 years: peer review',
        months: 24,
        reviewMilestone: 'peerReview',
        count: 2,
        reviewed: 1,
        percentReviewed: 50,
        children: [
          // 01/06/2019 → 31/03/2024 is 1765 days (252.1 weeks); 30/03/2022 → 732 days (104.6).
          { childId: 'E', row: 5, lookedAfterStart: '2019-06-01', weeksLookedAfter: 252.1, team: 'South', reviewDate: null },
          { childId: 'A', row: 2, lookedAfterStart: '2022-03-30', weeksLookedAfter: 104.6, team: 'North', reviewDate: '2023-05-01' },
        ],
      },
    ]);
  });

  it('AIMS.json can set its own list (18 months here) and the text output lists the children', async () => {
    const aims = writeText(dir, 'aims.json', JSON.stringify({ aims: [{ id: 'aim2', start: 'lookedAfterStart', end: 'ceasedDate' }], cohorts: [{ id: 'h18', name: 'At home 18 months', months: 18 }] }));
    const { json } = await runJson(['aims', file, '--as-of', '2024-03-31', '--aims', aims, '--json']);
    expect(json.cohorts.map((c: { id: string; count: number; reviewed: unknown }) => [c.id, c.count, c.reviewed])).toEqual([['h18', 3, null]]);
    const text = await runCli(['aims', file, '--as-of', '2024-03-31', '--aims', aims]);
    expect(text.stdout).toContain('At home 18 months: 3 children looked after at home for more than 18 months, no review-date column on the sheet.');
    expect(text.stdout).toContain('E            looked after since 01/06/2019 (252.1 weeks), South');
  });

  it('a review column that is not on the sheet is refused plainly', async () => {
    const aims = writeText(dir, 'bad.json', JSON.stringify({ aims: [{ id: 'aim2', start: 'lookedAfterStart', end: 'ceasedDate' }], cohorts: [{ id: 'h', reviewMilestone: 'lacReview' }] }));
    const run = await runCli(['aims', file, '--as-of', '2024-03-31', '--aims', aims]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^pace-tracker: Cohort list 'h': the review date column 'lacReview' is not a date column on this sheet\./);
  });

  it('report writes the list on its own sheet', async () => {
    const output = path.join(dir, 'report.xlsx');
    const run = await runCli(['report', file, '--as-of', '2024-03-31', '-o', output]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Looked after at home for more than 2 years: peer review: 2 children looked after at home for more than 24 months, 1 reviewed (50%).');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    const sheet = wb.getWorksheet('PACE Aim 5 At home 24m+');
    expect(sheet).toBeDefined();
    expect(sheet?.getCell('A9').value).toBe('E');
    expect(sheet?.getCell('A10').value).toBe('A');
    expect(sheet?.getCell('F10').value).toEqual(d('2023-05-01'));
  });
});
