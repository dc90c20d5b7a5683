/* eslint-disable @typescript-eslint/no-explicit-any -- the JSON documents under test are untyped on purpose: their keys and types are what is checked. */
/**
 * Every command's --json output is exactly one JSON document on stdout, with
 * exactly the keys and types of cli-contract.md; dates ISO, rows and cells
 * the user's own.
 */
import {
  A1,
  ISO_DATE,
  keysOf,
  makeTempDir,
  nonIsoDateStrings,
  removeDir,
  runChartProblems,
  runCli,
  runJson,
  sorted,
  writeSample,
  writeText,
} from './helpers';
import type { SampleResult } from '../support/sample';

const AIM_KEYS = [
  'id',
  'name',
  'start',
  'end',
  'targetWeeks',
  'targetPercent',
  'cohortFrom',
  'completed',
  'withinTarget',
  'percentWithinTarget',
  'medianWeeks',
  'waiting',
  'waitingBeyondTarget',
  'monthly',
  'children',
  'waitingChildren',
  'excluded',
  'runChart',
];
const MONTH_KEYS = ['month', 'completed', 'withinTarget', 'percentWithinTarget', 'medianWeeks', 'waitingAtMonthEnd'];
const CHILD_KEYS = ['childId', 'row', 'startDate', 'endDate', 'weeks', 'withinTarget'];
const WAITING_KEYS = ['childId', 'row', 'startDate', 'weeksWaiting'];
const EXCLUDED_KEYS = ['childId', 'row', 'reason'];
const OUTSIDE_KEYS = ['count', 'leftOut', 'reason', 'children'];

let dir: string;
let file: string;
let sample: SampleResult;

beforeAll(async () => {
  dir = makeTempDir('shape');
  ({ file, sample } = await writeSample(dir, 'tracker'));
});

afterAll(() => removeDir(dir));

describe('inspect --json', () => {
  it('prints one document with exactly the contract keys and types', async () => {
    const { run, json } = await runJson(['inspect', file, '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(keysOf(json)).toEqual(sorted(['sheet', 'headerRow', 'firstDataRow', 'lastDataRow', 'date1904', 'table', 'columns', 'unmapped', 'titleAsOf']));
    expect(json).toMatchObject({
      sheet: 'Tracker',
      headerRow: sample.headerRow,
      firstDataRow: sample.firstDataRow,
      lastDataRow: sample.lastDataRow,
      date1904: false,
      table: null,
    });
    expect(json.columns.length).toBeGreaterThan(0);
    for (const c of json.columns) {
      expect(keysOf(c)).toEqual(sorted(['field', 'header', 'column', 'confidence']));
      expect(typeof c.field).toBe('string');
      expect(typeof c.header).toBe('string');
      expect(c.column).toMatch(/^[A-Z]{1,3}$/);
      expect(c.confidence).toBeGreaterThanOrEqual(0);
      expect(c.confidence).toBeLessThanOrEqual(1);
    }
    expect(json.unmapped).toEqual([{ header: 'Legal advice meeting', column: 'H', looksLikeDates: true }]);
  });
});

describe('check --json', () => {
  it('prints one document with exactly the contract keys and types, user rows and A1 cells', async () => {
    const { run, json } = await runJson(['check', file, '--as-of', '2024-03-31', '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(keysOf(json)).toEqual(sorted(['sheet', 'headerRow', 'asOf', 'findings', 'counts']));
    expect(json).toMatchObject({ sheet: 'Tracker', headerRow: 3, asOf: '2024-03-31' });
    expect(keysOf(json.counts)).toEqual(['error', 'info', 'warning']);
    const tally = { error: 0, warning: 0, info: 0 } as Record<string, number>;
    for (const f of json.findings) {
      const keys = keysOf(f);
      const base = sorted(['rule', 'severity', 'cell', 'row', 'field', 'childId', 'message']);
      expect(keys.filter((k) => k !== 'cells')).toEqual(base);
      expect(typeof f.rule).toBe('string');
      expect(['error', 'warning', 'info']).toContain(f.severity);
      expect(f.cell).toMatch(A1);
      // The blamed cell is on the finding's own row of the user's sheet.
      expect(Number(f.cell.replace(/^[A-Z]+/, ''))).toBe(f.row);
      expect(Number.isInteger(f.row) && f.row >= 1).toBe(true);
      expect(f.field === null || typeof f.field === 'string').toBe(true);
      expect(f.childId === null || typeof f.childId === 'string').toBe(true);
      expect(typeof f.message).toBe('string');
      expect(f.message.length).toBeGreaterThan(10);
      if ('cells' in f) {
        expect(Array.isArray(f.cells)).toBe(true);
        expect(f.cells).toContain(f.cell);
        for (const c of f.cells) expect(c).toMatch(A1);
      }
      tally[f.severity]++;
    }
    expect(json.counts).toEqual(tally);
    // UK dates belong in messages only; the JSON's own dates are ISO.
    expect(nonIsoDateStrings(json)).toEqual([]);
  });

  it('blames the later cell of an order problem and lists both cells', async () => {
    const { json } = await runJson(['check', file, '--as-of', '2024-03-31', '--json']);
    const adm = sample.plantedErrors.find((p) => p.kind === 'admBeforePanel');
    expect(adm).toBeDefined();
    const finding = json.findings.find((f: any) => f.cell === adm!.cell && f.severity === 'error');
    expect(finding).toBeDefined();
    expect(finding.field).toBe('admDecision');
    expect(finding.cells).toEqual(expect.arrayContaining([adm!.cell, `${sample.columnLetters.panel}${adm!.row}`]));
  });
});

describe('aims --json', () => {
  it('prints {asOf, outsidePopulation, aims} with every AIM key of the contract and valid nested shapes', async () => {
    const { run, json } = await runJson(['aims', file, '--as-of', '2024-03-31', '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(keysOf(json)).toEqual(['aims', 'asOf', 'cohorts', 'outsidePopulation']);
    expect(keysOf(json.outsidePopulation)).toEqual(sorted(OUTSIDE_KEYS));
    expect(Number.isInteger(json.outsidePopulation.count)).toBe(true);
    expect(typeof json.outsidePopulation.leftOut).toBe('boolean');
    for (const o of json.outsidePopulation.children) {
      expect(keysOf(o)).toEqual(sorted(['childId', 'row', 'ceasedDate']));
      expect(o.ceasedDate).toMatch(ISO_DATE);
    }
    expect(json.asOf).toBe('2024-03-31');
    expect(json.aims.length).toBeGreaterThanOrEqual(4);
    for (const aim of json.aims) {
      expect(keysOf(aim)).toEqual(sorted(AIM_KEYS));
      expect(typeof aim.id).toBe('string');
      expect(typeof aim.name).toBe('string');
      for (const k of ['completed', 'withinTarget', 'waiting', 'waitingBeyondTarget']) expect(Number.isInteger(aim[k])).toBe(true);
      for (const k of ['targetWeeks', 'targetPercent', 'percentWithinTarget', 'medianWeeks']) expect(aim[k] === null || typeof aim[k] === 'number').toBe(true);
      expect(aim.cohortFrom === null || ISO_DATE.test(aim.cohortFrom)).toBe(true);
      for (const m of aim.monthly) {
        expect(keysOf(m)).toEqual(sorted(MONTH_KEYS));
        expect(m.month).toMatch(/^\d{4}-\d{2}$/);
      }
      for (const c of aim.children) {
        expect(keysOf(c)).toEqual(sorted(CHILD_KEYS));
        expect(c.startDate).toMatch(ISO_DATE);
        expect(c.endDate).toMatch(ISO_DATE);
        expect(c.row).toBeGreaterThanOrEqual(sample.firstDataRow);
        expect(c.row).toBeLessThanOrEqual(sample.lastDataRow);
      }
      for (const e of aim.excluded) {
        expect(keysOf(e)).toEqual(sorted(EXCLUDED_KEYS));
        expect(e.reason).toBe('end date before start date');
      }
      for (const w of aim.waitingChildren) {
        expect(keysOf(w)).toEqual(sorted(WAITING_KEYS));
        expect(w.startDate).toMatch(ISO_DATE);
      }
      // Weeks and percentages are shown to one decimal.
      const oneDecimal = (x: number | null) => x === null || Math.abs(x * 10 - Math.round(x * 10)) < 1e-9;
      const decimals = [aim.percentWithinTarget, aim.medianWeeks, ...aim.children.map((c: any) => c.weeks), ...aim.waitingChildren.map((w: any) => w.weeksWaiting)];
      for (const m of aim.monthly) decimals.push(m.percentWithinTarget, m.medianWeeks);
      expect(decimals.filter((x) => !oneDecimal(x))).toEqual([]);
      expect(aim.children.length).toBe(aim.completed);
      expect(aim.waitingChildren.length).toBe(aim.waiting);
      expect(runChartProblems(aim.runChart, aim.id)).toEqual([]);
      expect(aim.runChart.points.length).toBe(aim.completed);
    }
    expect(nonIsoDateStrings(json)).toEqual([]);
  });

  it('orders children by end date, then start date, then row, and waiting children longest first', async () => {
    const { json } = await runJson(['aims', file, '--as-of', '2024-03-31', '--json']);
    for (const aim of json.aims) {
      for (let i = 1; i < aim.children.length; i++) {
        const a = aim.children[i - 1];
        const b = aim.children[i];
        const key = (c: any) => `${c.endDate}|${c.startDate}|${String(c.row).padStart(7, '0')}`;
        expect(key(a) < key(b)).toBe(true);
      }
      for (let i = 1; i < aim.waitingChildren.length; i++) {
        expect(aim.waitingChildren[i - 1].weeksWaiting).toBeGreaterThanOrEqual(aim.waitingChildren[i].weeksWaiting);
      }
      // The run chart is ordered by the END milestone date, one point per completed child.
      expect(aim.runChart.points.map((p: any) => p.date)).toEqual(aim.children.map((c: any) => c.endDate));
    }
  });
});

describe('runchart --json', () => {
  it('prints one RUNCHART with exactly the contract keys', async () => {
    const lines = ['date,value'];
    for (let i = 0; i < 20; i++) lines.push(`2023-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + i).padStart(2, '0')},${20 + (i % 5)}`);
    const csv = writeText(dir, 'series.csv', `${lines.join('\n')}\n`);
    const { run, json } = await runJson(['runchart', csv, '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(runChartProblems(json)).toEqual([]);
    expect(json.points).toHaveLength(20);
    expect(nonIsoDateStrings(json)).toEqual([]);
  });

  it('prints {groups:[{group, ...RUNCHART}]} for a grouped file', async () => {
    const csv = writeText(dir, 'grouped.csv', 'date,value,group\n2023-01-01,3,North\n2023-01-02,4,South\n2023-01-03,5,North\n');
    const { json } = await runJson(['runchart', csv, '--json']);
    expect(keysOf(json)).toEqual(['groups']);
    expect(json.groups.map((g: any) => g.group)).toEqual(['North', 'South']);
    for (const g of json.groups) {
      expect(keysOf(g)).toEqual(sorted(['group', 'rules', 'direction', 'points', 'phases', 'runs', 'anhoej']));
      expect(runChartProblems(g, g.group)).toEqual([]);
    }
  });
});

describe('human-readable output is the default', () => {
  it('does not print JSON without --json', async () => {
    const run = await runCli(['check', file, '--as-of', '2024-03-31']);
    expect(run.code).toBe(0);
    expect(() => JSON.parse(run.stdout)).toThrow();
    // UK dates for people.
    expect(run.stdout).toContain('31/03/2024');
  });
});

describe('the as-of date', () => {
  const localIso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

  it('defaults to today and is always shown (check and aims)', async () => {
    const before = localIso(new Date());
    const check = (await runJson(['check', file, '--json'])).json;
    const aims = (await runJson(['aims', file, '--json'])).json;
    const after = localIso(new Date());
    // Today, on this computer's calendar (before and after cover a run across midnight).
    expect([before, after]).toContain(check.asOf);
    expect([before, after]).toContain(aims.asOf);
  });

  it('--as-of decides what counts: the figures change with it', async () => {
    const early = (await runJson(['aims', file, '--as-of', '2022-03-31', '--json'])).json;
    const late = (await runJson(['aims', file, '--as-of', '2024-03-31', '--json'])).json;
    expect(early.asOf).toBe('2022-03-31');
    expect(early.aims[0].completed).toBeLessThan(late.aims[0].completed);
    for (const aim of early.aims) for (const c of aim.children) expect(c.endDate <= '2022-03-31').toBe(true);
  });
});
