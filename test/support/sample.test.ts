import { readFileSync } from 'fs';
import { join } from 'path';
import { readWorkbookBuffer } from '../../src/xlsx/read';
import { buildSampleBuffer, buildSampleWorkbook, generateChildren, isoToDay, dayToSerial, dayToUkText, seededRandom, SampleChild, SampleColumnKey } from './sample';

const dayOf = (c: SampleChild, k: SampleColumnKey): number | null => {
  const v = c.cells[k];
  return v && typeof v === 'object' && 'day' in v ? v.day : null;
};

describe('seededRandom', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const c = seededRandom(8);
    const seqA = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(seqA);
    expect([c(), c(), c()]).not.toEqual(seqA);
    seqA.forEach((x) => expect(x >= 0 && x < 1).toBe(true));
  });
});

describe('date helpers', () => {
  it('converts days to UK text and serials', () => {
    const d = isoToDay('2021-04-03');
    expect(dayToUkText(d)).toBe('03/04/2021');
    expect(dayToUkText(d, true)).toBe('03/04/21');
    expect(dayToSerial(isoToDay('2024-03-31'), false)).toBe(45382);
    expect(dayToSerial(isoToDay('2024-03-31'), true)).toBe(45382 - 1462);
  });
});

describe('generateChildren (clean data)', () => {
  const { children } = generateChildren({ plantErrors: false });
  const asOf = isoToDay('2024-03-31');

  it('is deterministic', () => {
    expect(generateChildren({ plantErrors: false }).children).toEqual(children);
    expect(generateChildren({ plantErrors: false, seed: 1 }).children).not.toEqual(children);
  });

  it('has 300 children with unique SYN ids on every route plus a few respite rows', () => {
    expect(children).toHaveLength(300);
    const ids = children.map((c) => c.cells.childId);
    expect(new Set(ids).size).toBe(300);
    ids.forEach((id) => expect(id).toMatch(/^SYN\d{4}$/));
    const routes = new Set(children.map((c) => c.route));
    for (const r of ['Fostering/Adoption', 'Kinship', 'Remaining at home', 'Rehabilitation home', 'Residential', null]) expect(routes.has(r as never)).toBe(true);
    const respite = children.filter((c) => c.cells.respite === 'Yes');
    expect(respite.length).toBeGreaterThanOrEqual(3);
    respite.forEach((c) => expect(c.route).toBeNull());
  });

  it('keeps milestone order, dates within birth..as-of, and no gaps', () => {
    const chains: SampleColumnKey[][] = [
      ['lookedAfterStart', 'firstAccommodated', 'lastAccommodated'],
      ['permanenceRecommendation', 'panel', 'admDecision', 'courtApplication', 'legalPermanence'],
    ];
    for (const c of children) {
      for (const chain of chains) {
        const ds = chain.map((k) => dayOf(c, k)).filter((x): x is number => x !== null);
        for (let i = 1; i < ds.length; i++) expect(ds[i]).toBeGreaterThanOrEqual(ds[i - 1]);
      }
      const dob = dayOf(c, 'dateOfBirth') as number;
      for (const k of Object.keys(c.cells) as SampleColumnKey[]) {
        const d = dayOf(c, k);
        if (d === null) continue;
        expect(d).toBeLessThanOrEqual(asOf);
        expect(d).toBeGreaterThanOrEqual(dob);
      }
      expect(asOf - dob).toBeLessThan(18 * 365);
      const ceased = dayOf(c, 'ceasedDate');
      if (ceased !== null) expect(ceased).toBeGreaterThanOrEqual(asOf - 365);
      if (c.route === 'Remaining at home') {
        expect(c.cells.firstAccommodated).toBeNull();
        expect(c.cells.panel).toBeNull();
      }
      if (dayOf(c, 'legalPermanence') !== null && c.route !== 'Remaining at home' && c.route !== 'Rehabilitation home') {
        expect(dayOf(c, 'courtApplication')).not.toBeNull();
      }
    }
  });

  it('gives run charts 40+ points and a shift to shorter intervals after 2022', () => {
    const done = children
      .filter((c) => dayOf(c, 'lookedAfterStart') !== null && dayOf(c, 'permanenceRecommendation') !== null)
      .map((c) => ({ end: dayOf(c, 'permanenceRecommendation') as number, weeks: ((dayOf(c, 'permanenceRecommendation') as number) - (dayOf(c, 'lookedAfterStart') as number)) / 7 }));
    expect(done.length).toBeGreaterThan(40);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const cut = isoToDay('2022-06-01');
    const before = median(done.filter((d) => d.end < cut).map((d) => d.weeks));
    const after = median(done.filter((d) => d.end >= cut).map((d) => d.weeks));
    expect(after).toBeLessThan(before * 0.8);
  });

  it('has children waiting at every stage', () => {
    const waiting = (from: SampleColumnKey, to: SampleColumnKey) =>
      children.filter((c) => dayOf(c, from) !== null && c.cells[to] === null && c.cells.ceasedDate === null && c.route !== null).length;
    expect(waiting('lookedAfterStart', 'permanenceRecommendation')).toBeGreaterThanOrEqual(10);
    expect(waiting('permanenceRecommendation', 'panel')).toBeGreaterThanOrEqual(10);
    expect(waiting('admDecision', 'courtApplication')).toBeGreaterThanOrEqual(10);
    expect(waiting('courtApplication', 'legalPermanence')).toBeGreaterThanOrEqual(10);
  });

  it('scales to 20,000 children with 5-digit ids', () => {
    const big = generateChildren({ children: 20000, plantErrors: false }).children;
    expect(big).toHaveLength(20000);
    expect(big[19999].cells.childId).toBe('SYN20000');
  });
});

describe('planted errors', () => {
  const sample = buildSampleWorkbook();
  const ws = sample.workbook.getWorksheet('Tracker');

  it('plants each kind once (twice for unreadable text) at the cells it reports', () => {
    const kinds = sample.plantedErrors.map((p) => p.kind).sort();
    expect(kinds).toEqual(
      ['admBeforePanel', 'beforeBirth', 'courtBeforeAdm', 'duplicateId', 'errorValue', 'futureDate', 'missingId', 'outsidePopulation', 'placeholder', 'recommendationBeforeLookedAfter', 'textDate', 'twoDigitYear', 'unreadableText', 'unreadableText', 'yearNumber'].sort(),
    );
    const at = (kind: string) => sample.plantedErrors.find((p) => p.kind === kind)!;
    expect(ws!.getCell(at('textDate').cell).value).toMatch(/^\d\d\/\d\d\/\d{4}$/);
    expect(ws!.getCell(at('twoDigitYear').cell).value).toMatch(/^\d\d\/\d\d\/\d\d$/);
    expect(ws!.getCell(at('placeholder').cell).value).toBe(1);
    expect(ws!.getCell(at('placeholder').cell).numFmt).toBe('dd/mm/yyyy');
    expect(ws!.getCell(at('errorValue').cell).value).toEqual({ error: '#N/A' });
    expect(ws!.getCell(at('yearNumber').cell).value).toBe(2023);
    expect(ws!.getCell(at('missingId').cell).value).toBeNull();
    const dup = at('duplicateId');
    const sameId = sample.children.filter((c) => c.cells.childId === dup.value);
    expect(sameId).toHaveLength(2);
    const unreadable = sample.plantedErrors.filter((p) => p.kind === 'unreadableText').map((p) => ws!.getCell(p.cell).value);
    expect(unreadable.sort()).toEqual(['N/A', 'tbc']);
  });

  it('orders the planted order errors as described', () => {
    const child = (row: number) => sample.children[row - sample.firstDataRow];
    const adm = sample.plantedErrors.find((p) => p.kind === 'admBeforePanel')!;
    expect(dayOf(child(adm.row), 'admDecision')!).toBeLessThan(dayOf(child(adm.row), 'panel')!);
    const court = sample.plantedErrors.find((p) => p.kind === 'courtBeforeAdm')!;
    expect(dayOf(child(court.row), 'courtApplication')!).toBeLessThan(dayOf(child(court.row), 'admDecision')!);
    const birth = sample.plantedErrors.find((p) => p.kind === 'beforeBirth')!;
    expect(dayOf(child(birth.row), 'lookedAfterStart')!).toBeLessThan(dayOf(child(birth.row), 'dateOfBirth')!);
    const future = sample.plantedErrors.find((p) => p.kind === 'futureDate')!;
    expect(dayOf(child(future.row), 'legalPermanence')!).toBeGreaterThan(isoToDay(sample.asOf));
  });

  it('reports cells in the variant\'s own columns', () => {
    const reversed = buildSampleWorkbook({ columnOrder: 'reversed', rowsAboveHeader: 3 });
    expect(reversed.headerRow).toBe(4);
    expect(reversed.columnLetters.childId).toBe('U');
    const missing = reversed.plantedErrors.find((p) => p.kind === 'missingId')!;
    expect(missing.cell).toBe(`U${missing.row}`);
    expect(reversed.workbook.getWorksheet('Tracker')!.getCell(4, 21).value).toBe('CLAS ID');
  });
});

describe('the committed sample', () => {
  const root = join(__dirname, '..', '..');

  it('is what the generator writes today (run `npm run sample` after changing it)', async () => {
    const committed = await readWorkbookBuffer(readFileSync(join(root, 'samples', 'pace-sample.xlsx')));
    const fresh = await readWorkbookBuffer((await buildSampleBuffer()).buffer);
    expect(committed).toEqual(fresh);
  });

  it('has every planted error and respite row listed in samples/README.md', () => {
    const readme = readFileSync(join(root, 'samples', 'README.md'), 'utf8');
    const sample = buildSampleWorkbook();
    for (const p of sample.plantedErrors) expect(readme).toContain(`| ${p.row} | ${p.cell} | ${p.header} |`);
    expect(readme).toContain(`Rows ${sample.respiteRows.slice(0, -1).join(', ')}, ${sample.respiteRows[sample.respiteRows.length - 1]} have "Yes"`);
    expect(readme).toContain('As-of date: 31/03/2024 (2024-03-31)');
  });
});
