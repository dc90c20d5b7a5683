/* eslint-disable @typescript-eslint/no-explicit-any -- the JSON documents under test are untyped on purpose: their keys and types are what is checked. */
jest.setTimeout(60_000); // several runs of the command line each; the machine may be busy
/**
 * aims: every figure recomputed here, independently, from the raw workbook
 * (read with exceljs, not with the project's reader) by a small reference
 * calculation written straight from cli-contract.md's definitions, and
 * compared with `pace-tracker aims --json`: counts exact, numbers to 0.1.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { makeTempDir, removeDir, runCli, runJson, writeSample, writeText } from './helpers';
import { PRESET_AIMS } from '../../src/core/aims/definition';
import type { SampleColumnKey, SampleResult } from '../support/sample';

const DAY_MS = 86400000;

// ───────────────────────────── reading the raw workbook ─────────────────────────────

interface RawChild {
  row: number;
  childId: string | null;
  dates: Partial<Record<string, number>>;
  route: string | null;
  team: string | null;
  respite: boolean;
}

function isoDay(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}

function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * A usable date: a real date cell, or dd/mm/yyyy (dd/mm/yy: 20yy) text. Junk
 * text, plain numbers, error values and placeholder dates (01/01/1900) are
 * never dates (pace-domain.md §2).
 */
function dayOfCell(value: ExcelJS.CellValue): number | null {
  if (value instanceof Date) {
    if (value.getUTCFullYear() < 1910) return null;
    return Math.round(value.getTime() / DAY_MS);
  }
  if (typeof value === 'string') {
    const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/.exec(value.trim());
    if (!m) return null;
    const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return Date.UTC(year, Number(m[2]) - 1, Number(m[1])) / DAY_MS;
  }
  return null;
}

function textOfCell(value: ExcelJS.CellValue): string | null {
  if (value === null || value === undefined) return null;
  const t = String(value).trim();
  return t === '' ? null : t;
}

const DATE_KEYS: SampleColumnKey[] = [
  'dateOfBirth',
  'lookedAfterStart',
  'firstAccommodated',
  'lastAccommodated',
  'permanenceRecommendation',
  'legalAdviceMeeting',
  'panel',
  'admDecision',
  'finalPlacement',
  'courtApplication',
  'legalPermanence',
  'ceasedDate',
];

async function readRaw(file: string, sample: SampleResult): Promise<RawChild[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sample.sheetName) as ExcelJS.Worksheet;
  // Columns found by their header text on the header row, as a person would.
  const columnOf = new Map<SampleColumnKey, number>();
  ws.getRow(sample.headerRow).eachCell((cell, col) => {
    const key = (Object.keys(sample.headers) as SampleColumnKey[]).find((k) => sample.headers[k] === cell.value);
    if (key) columnOf.set(key, col);
  });
  const value = (row: number, key: SampleColumnKey) => {
    const col = columnOf.get(key);
    return col === undefined ? null : ws.getCell(row, col).value;
  };
  const children: RawChild[] = [];
  for (let row = sample.firstDataRow; row <= sample.lastDataRow; row++) {
    const dates: Partial<Record<string, number>> = {};
    for (const key of DATE_KEYS) {
      const day = dayOfCell(value(row, key));
      if (day !== null) dates[key] = day;
    }
    children.push({
      row,
      childId: textOfCell(value(row, 'childId')),
      dates,
      route: textOfCell(value(row, 'route')),
      team: textOfCell(value(row, 'team')),
      respite: textOfCell(value(row, 'respite'))?.toLowerCase() === 'yes',
    });
  }
  return children;
}

// ───────────────────────────── the reference calculation ─────────────────────────────

interface RefAim {
  start: string;
  end: string;
  targetWeeks?: number | null;
  cohortFrom?: string | null;
  excludeRespite?: boolean;
  filters?: { route?: string[]; team?: string[]; ageAtStart?: { min?: number; max?: number } };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function ageInYears(birth: number, on: number): number {
  const b = new Date(birth * DAY_MS);
  const o = new Date(on * DAY_MS);
  let years = o.getUTCFullYear() - b.getUTCFullYear();
  if (o.getUTCMonth() < b.getUTCMonth() || (o.getUTCMonth() === b.getUTCMonth() && o.getUTCDate() < b.getUTCDate())) years--;
  return years;
}

/**
 * The PACE population (pace-domain.md §1): a child who ceased to be looked
 * after more than a year before the as-of date is outside it and in no
 * figure. A year before 31/03/2024 is 31/03/2023; ceasing that day is inside.
 * (A ceased date after the as-of date or before birth is a doubtful date with
 * its own finding; the row stays.)
 */
function inPopulation(c: RawChild, asOf: number): boolean {
  const ceased = c.dates.ceasedDate;
  if (ceased === undefined || ceased > asOf) return true;
  if (c.dates.dateOfBirth !== undefined && c.dates.dateOfBirth <= asOf && ceased < c.dates.dateOfBirth) return true;
  const a = new Date(asOf * DAY_MS);
  const day = a.getUTCMonth() === 1 && a.getUTCDate() === 29 ? 28 : a.getUTCDate();
  return ceased >= Date.UTC(a.getUTCFullYear() - 1, a.getUTCMonth(), day) / DAY_MS;
}

function reference(all: RawChild[], aim: RefAim, asOfIso: string, keepOutsidePopulation = false) {
  const asOf = isoDay(asOfIso);
  const children = keepOutsidePopulation ? all : all.filter((c) => inPopulation(c, asOf));
  const from = aim.cohortFrom ? isoDay(aim.cohortFrom) : -Infinity;
  const target = aim.targetWeeks ?? null;
  const excludeRespite = aim.excludeRespite ?? true;
  const f = aim.filters ?? {};
  // cohort: respite out first; start present, on or after cohortFrom, on or before as-of; filters.
  const cohort = children.filter((c) => {
    if (excludeRespite && c.respite) return false;
    const start = c.dates[aim.start];
    if (start === undefined || start < from || start > asOf) return false;
    if (f.route && !f.route.includes(c.route ?? '')) return false;
    if (f.team && !f.team.includes(c.team ?? '')) return false;
    if (f.ageAtStart) {
      const birth = c.dates.dateOfBirth;
      if (birth === undefined) return false;
      const age = ageInYears(birth, start);
      if (f.ageAtStart.min !== undefined && age < f.ageAtStart.min) return false;
      if (f.ageAtStart.max !== undefined && age > f.ageAtStart.max) return false;
    }
    return true;
  });
  const startOf = (c: RawChild) => c.dates[aim.start] as number;
  const endBy = (c: RawChild, day: number) => {
    const end = c.dates[aim.end];
    return end !== undefined && end <= day ? end : null;
  };
  const ceasedBy = (c: RawChild, day: number) => {
    const ceased = c.dates.ceasedDate;
    return ceased !== undefined && ceased <= day;
  };
  // An end before the start (an error the checks flag) is not completed: it is
  // listed as excluded and enters no figure (cli-contract.md, "completed").
  const endsBeforeStart = (c: RawChild) => {
    const end = endBy(c, asOf);
    return end !== null && end < startOf(c);
  };
  const excluded = cohort.filter(endsBeforeStart).map((c) => ({ childId: c.childId, row: c.row, reason: 'end date before start date' }));
  const completed = cohort
    .filter((c) => endBy(c, asOf) !== null && !endsBeforeStart(c))
    .map((c) => ({ c, start: startOf(c), end: endBy(c, asOf) as number, days: (endBy(c, asOf) as number) - startOf(c) }))
    .sort((a, b) => a.end - b.end || a.start - b.start || a.c.row - b.c.row);
  const within = (days: number) => (target === null ? null : days <= 7 * target);
  const waiting = cohort.filter((c) => endBy(c, asOf) === null && !ceasedBy(c, asOf));
  const withinCount = completed.filter((x) => within(x.days) === true).length;
  const med = median(completed.map((x) => x.days / 7));

  const monthKey = (day: number) => isoOf(day).slice(0, 7);
  const monthEnd = (key: string) => {
    const [y, m] = key.split('-').map(Number);
    return Date.UTC(y, m, 1) / DAY_MS - 1;
  };
  const months: string[] = [];
  if (completed.length > 0) {
    for (let key = monthKey(completed[0].end); key <= monthKey(asOf); key = monthKey(monthEnd(key) + 1)) months.push(key);
  }
  const monthly = months.map((month) => {
    const inMonth = completed.filter((x) => monthKey(x.end) === month);
    const w = inMonth.filter((x) => within(x.days) === true).length;
    const m = median(inMonth.map((x) => x.days / 7));
    // Nothing after the as-of date is known, so the current month is counted on the as-of date.
    const at = Math.min(monthEnd(month), asOf);
    const waitingAtMonthEnd = cohort.filter((c) => startOf(c) <= at && endBy(c, at) === null && !ceasedBy(c, at)).length;
    return {
      month,
      completed: inMonth.length,
      withinTarget: target === null ? 0 : w,
      percentWithinTarget: target === null || inMonth.length === 0 ? null : round1((100 * w) / inMonth.length),
      medianWeeks: m === null ? null : round1(m),
      waitingAtMonthEnd,
    };
  });

  return {
    completed: completed.length,
    withinTarget: withinCount,
    percentWithinTarget: target === null || completed.length === 0 ? null : round1((100 * withinCount) / completed.length),
    medianWeeks: med === null ? null : round1(med),
    waiting: waiting.length,
    waitingBeyondTarget: target === null ? 0 : waiting.filter((c) => asOf - startOf(c) > 7 * target).length,
    children: completed.map((x) => ({
      childId: x.c.childId,
      row: x.c.row,
      startDate: isoOf(x.start),
      endDate: isoOf(x.end),
      weeks: round1(x.days / 7),
      withinTarget: within(x.days),
    })),
    waitingChildren: waiting.map((c) => ({ childId: c.childId, row: c.row, startDate: isoOf(startOf(c)), weeksWaiting: round1((asOf - startOf(c)) / 7) })),
    monthly,
    firstWeeks: completed.map((x) => x.days / 7),
    excluded,
  };
}

// ───────────────────────────── comparing ─────────────────────────────

function expectNear(actual: number | null, expected: number | null, what: string): void {
  if (expected === null || actual === null) {
    expect({ what, actual }).toEqual({ what, actual: expected });
    return;
  }
  expect({ what, ok: Math.abs(actual - expected) <= 0.1 + 1e-9, actual, expected }).toEqual({ what, ok: true, actual, expected });
}

function compareAim(out: any, ref: ReturnType<typeof reference>): void {
  const id = out.id;
  expect({ id, completed: out.completed, withinTarget: out.withinTarget, waiting: out.waiting, waitingBeyondTarget: out.waitingBeyondTarget }).toEqual({
    id,
    completed: ref.completed,
    withinTarget: ref.withinTarget,
    waiting: ref.waiting,
    waitingBeyondTarget: ref.waitingBeyondTarget,
  });
  expectNear(out.percentWithinTarget, ref.percentWithinTarget, `${id} percentWithinTarget`);
  expectNear(out.medianWeeks, ref.medianWeeks, `${id} medianWeeks`);

  // children: same children in the same order (end, start, row), same dates, weeks to 0.1.
  expect(out.children.map((c: any) => [c.row, c.childId, c.startDate, c.endDate, c.withinTarget])).toEqual(
    ref.children.map((c) => [c.row, c.childId, c.startDate, c.endDate, c.withinTarget]),
  );
  out.children.forEach((c: any, i: number) => expectNear(c.weeks, ref.children[i].weeks, `${id} row ${c.row} weeks`));

  // waiting: the same children (ties in the wait may come in any order), longest first.
  const byRow = (xs: any[]) => [...xs].sort((a, b) => a.row - b.row);
  expect(byRow(out.waitingChildren)).toEqual(byRow(ref.waitingChildren));
  for (let i = 1; i < out.waitingChildren.length; i++) {
    expect(out.waitingChildren[i - 1].weeksWaiting).toBeGreaterThanOrEqual(out.waitingChildren[i].weeksWaiting);
  }

  // monthly: every month from the first completion to the as-of month.
  expect(out.monthly.map((m: any) => m.month)).toEqual(ref.monthly.map((m) => m.month));
  out.monthly.forEach((m: any, i: number) => {
    const r = ref.monthly[i];
    expect({ id, month: m.month, completed: m.completed, withinTarget: m.withinTarget, waitingAtMonthEnd: m.waitingAtMonthEnd }).toEqual({
      id,
      month: r.month,
      completed: r.completed,
      withinTarget: r.withinTarget,
      waitingAtMonthEnd: r.waitingAtMonthEnd,
    });
    expectNear(m.percentWithinTarget, r.percentWithinTarget, `${id} ${m.month} percent`);
    expectNear(m.medianWeeks, r.medianWeeks, `${id} ${m.month} median`);
  });

  // Children whose end date is before the start date: listed, in no figure.
  expect(out.excluded).toEqual(ref.excluded);

  // The run chart: one point per completed child, in end-date order, weeks as values.
  expect(out.runChart.points).toHaveLength(ref.completed);
  out.runChart.points.forEach((p: any, i: number) => expectNear(p.value, ref.firstWeeks[i], `${id} point ${i}`));
}

// ───────────────────────────── the tests ─────────────────────────────

const SAMPLE_FILE = path.join(__dirname, '..', '..', 'samples', 'pace-sample.xlsx');

let dir: string;
beforeAll(() => {
  dir = makeTempDir('aims');
});
afterAll(() => removeDir(dir));

describe.each([
  ['the shipped sample, as of 2024-03-31', 'shipped', '2024-03-31'],
  ['a larger variant (900 children, shuffled), as of 2023-11-17', 'large', '2023-11-17'],
])('aims presets on %s', (_label, which, asOf) => {
  it('match the reference calculation for every preset', async () => {
    let file: string;
    let sample: SampleResult;
    if (which === 'shipped') {
      ({ sample } = await writeSample(dir, 'unused', {}));
      file = SAMPLE_FILE;
    } else {
      ({ file, sample } = await writeSample(dir, 'large', { children: 900, columnOrder: 'shuffled', seed: 31337 }));
    }
    const raw = await readRaw(file, sample);
    const { json } = await runJson(['aims', file, '--as-of', asOf, '--json']);
    expect(json.asOf).toBe(asOf);
    expect(json.aims.map((a: any) => [a.id, a.start, a.end, a.targetWeeks, a.targetPercent, a.cohortFrom])).toEqual(
      PRESET_AIMS.map((a) => [a.id, a.start, a.end, a.targetWeeks ?? null, a.targetPercent ?? null, a.cohortFrom ?? null]),
    );
    PRESET_AIMS.forEach((preset, i) => {
      const ref = reference(raw, preset, asOf);
      expect(ref.completed).toBeGreaterThan(5);
      compareAim(json.aims[i], ref);
    });
    // Rows outside the population are counted and listed, never silently dropped.
    const outside = raw.filter((c) => !inPopulation(c, isoDay(asOf)));
    expect(json.outsidePopulation).toEqual({
      count: outside.length,
      leftOut: outside.length > 0,
      reason: 'ceased to be looked after more than a year before the as-of date',
      children: outside.map((c) => ({ childId: c.childId, row: c.row, ceasedDate: isoOf(c.dates.ceasedDate as number) })),
    });
    if (which === 'shipped') {
      // The sample plants both: the comparison above must have had something to leave out.
      expect(outside.length).toBeGreaterThan(0);
      expect(json.aims.some((a: any) => a.excluded.length > 0)).toBe(true);
    }

    // --include-outside-population keeps those rows: the reference over every row.
    const kept = (await runJson(['aims', file, '--as-of', asOf, '--include-outside-population', '--json'])).json;
    expect(kept.outsidePopulation).toMatchObject({ count: outside.length, leftOut: false });
    PRESET_AIMS.forEach((preset, i) => compareAim(kept.aims[i], reference(raw, preset, asOf, true)));
  });
});

describe('aims with a custom AIMS.json', () => {
  const AIMS = {
    aims: [
      {
        id: 'aim2',
        name: 'Accommodation to permanence recommendation',
        start: 'firstAccommodated',
        end: 'permanenceRecommendation',
        targetWeeks: 26,
        targetPercent: 90,
        cohortFrom: '2022-04-01',
        deadline: '2025-03-31',
        excludeRespite: true,
        filters: { route: ['Fostering/Adoption', 'Kinship'], team: ['North', 'South', 'East'] },
        baseline: { points: 12 },
        rephaseRun: 9,
        direction: 'down',
        rules: 'ihi',
      },
      { id: 'legal-advice', start: 'permanenceRecommendation', end: 'legalAdviceMeeting', targetWeeks: 3, targetPercent: 80, cohortFrom: '2021-01-01' },
      { id: 'young', start: 'firstAccommodated', end: 'permanenceRecommendation', targetWeeks: 26, filters: { ageAtStart: { min: 0, max: 4 } } },
      { id: 'respite-counted', start: 'lookedAfterStart', end: 'ceasedDate', targetWeeks: 2, cohortFrom: '2023-01-01', excludeRespite: false },
      { id: 'respite-left-out', start: 'lookedAfterStart', end: 'ceasedDate', targetWeeks: 2, cohortFrom: '2023-01-01' },
      { id: 'panel-to-adm', start: 'panel', end: 'admDecision', targetWeeks: 4, baseline: { before: '2022-01-01' } },
    ],
    changes: [{ date: '2022-05-01', label: 'Two-week planning meeting introduced' }],
  };

  it('match the reference calculation: cohortFrom, filters, respite and a local milestone', async () => {
    const { file, sample } = await writeSample(dir, 'custom', { children: 600, seed: 2468 });
    const aimsFile = writeText(dir, 'AIMS.json', JSON.stringify(AIMS, null, 2));
    const raw = await readRaw(file, sample);
    const asOf = '2024-03-31';
    const { run, json } = await runJson(['aims', file, '--as-of', asOf, '--aims', aimsFile, '--json']);
    expect(run.stderr).toBe('');
    expect(json.aims.map((a: any) => a.id)).toEqual(AIMS.aims.map((a) => a.id));
    const refs = AIMS.aims.map((aim) => reference(raw, aim, asOf));
    json.aims.forEach((out: any, i: number) => compareAim(out, refs[i]));

    // The definitions are echoed, defaults filled in.
    expect(json.aims[0]).toMatchObject({ name: 'Accommodation to permanence recommendation', targetWeeks: 26, targetPercent: 90, cohortFrom: '2022-04-01' });
    expect(json.aims[1]).toMatchObject({ start: 'permanenceRecommendation', end: 'legalAdviceMeeting', cohortFrom: '2021-01-01' });
    // The local milestone is named in the user's words when the aim has no name.
    expect(json.aims[1].name).toMatch(/legal advice meeting/i);
    expect(json.aims[2]).toMatchObject({ targetPercent: null, cohortFrom: null });

    // The reference must actually exercise each feature, or the comparison proves little.
    expect(refs[0].completed).toBeGreaterThan(5);
    expect(refs[0].completed).toBeLessThan(reference(raw, { ...AIMS.aims[0], filters: undefined }, asOf).completed);
    expect(refs[1].completed).toBeGreaterThan(5);
    expect(refs[2].completed).toBeLessThan(reference(raw, { ...AIMS.aims[2], filters: undefined }, asOf).completed);
    expect(refs[3].completed).toBeGreaterThan(refs[4].completed);
    expect(refs[0].waiting + refs[1].waiting).toBeGreaterThan(0);

    // A `before` baseline: every point whose end date is before that date.
    const beforeCount = refs[5].children.filter((c) => c.endDate < '2022-01-01').length;
    expect(beforeCount).toBeGreaterThan(0);
    expect(json.aims[5].runChart.points.filter((p: any) => p.baseline)).toHaveLength(beforeCount);
    expect(json.aims[5].runChart.phases[0].medianFrom).toEqual([0, beforeCount - 1]);
  });

  it('the same aims give the same figures through the report summary', async () => {
    const { file } = await writeSample(dir, 'custom-report', { children: 200, seed: 55 });
    const aimsFile = writeText(dir, 'AIMS2.json', JSON.stringify(AIMS));
    const { json } = await runJson(['aims', file, '--as-of', '2024-03-31', '--aims', aimsFile, '--json']);
    const out = path.join(dir, 'custom-report-out.xlsx');
    const report = await runCli(['report', file, '-o', out, '--as-of', '2024-03-31', '--aims', aimsFile]);
    expect(report.code).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
    for (const aim of json.aims) {
      expect(report.stdout).toContain(`${aim.name}: ${aim.completed} completed`);
      expect(report.stdout).toContain(`${aim.waiting} waiting`);
    }
  });
});

describe('samples/README.md states the sample\'s headline figures', () => {
  it('as the command line computes them', async () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'samples', 'README.md'), 'utf8');
    const { json } = await runJson(['aims', SAMPLE_FILE, '--as-of', '2024-03-31', '--json']);
    const shown = (x: number | null) => (x === null ? '–' : Number.isInteger(x) ? `${x}.0` : String(x));
    for (const a of json.aims) {
      const pct = a.percentWithinTarget === null ? '–' : String(a.percentWithinTarget);
      const within = a.targetWeeks === null ? '–' : String(a.withinTarget);
      expect(readme).toContain(`| ${a.completed} | ${within} | ${pct} | ${shown(a.medianWeeks)} | ${a.waiting} | ${a.excluded.length} |`);
    }
  });
});
