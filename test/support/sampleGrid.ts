/**
 * A realistic PACE sheet for tests: title rows above the headings (one a
 * merged title), authority wording in shuffled order, a local "Legal advice
 * meeting" column, text dates, junk, placeholders, a blank row in the middle
 * and blank rows at the end. Deterministic, so tests can name rows and cells.
 */
import type { CellValue, SheetGrid, WorkbookGrid } from '../../src/core/grid';
import { columnLetter } from '../../src/core/grid';
import { dayFromParts, serialFromDay } from '../../src/core/dates/serial';

export const SAMPLE_DATE_FORMAT = 'dd/mm/yyyy';

/** Headings as they appear on the sample sheet, left to right, with the field each should map to (null: none). */
export const SAMPLE_HEADERS: readonly [string, string | null][] = [
  ['Team', 'team'],
  ['CLAS ID', 'childId'],
  ['Gender', 'gender'],
  ['D.O.B.', 'dateOfBirth'],
  ['Date became looked after', 'lookedAfterStart'],
  ['Date 1st accom', 'firstAccommodated'],
  ['Date last accom', 'lastAccommodated'],
  ['Perm rec date (LAC review)', 'permanenceRecommendation'],
  ['Legal advice meeting', null],
  ['Panel date', 'panel'],
  ['ADM sign off', 'admDecision'],
  ['Date of move to intended final placement', 'finalPlacement'],
  ['Court application lodged', 'courtApplication'],
  ['Date order granted', 'legalPermanence'],
  ['Current placement type', 'placementType'],
  ['Placement start', 'placementStart'],
  ['Legal status', 'legalStatus'],
  ['Legal status start', 'legalStatusStart'],
  ['Permanence route', 'route'],
  ['Date ceased', 'ceasedDate'],
  ['Ceased reason', null],
  ['Respite (Y/N)', 'respite'],
  ['Notes', null],
];

/**
 * The same columns worded as the CELCIS data requirements (seed 000) word
 * them, as an authority copying the template would: same order as
 * SAMPLE_HEADERS, so fixtures stay comparable.
 */
export const TEMPLATE_HEADINGS: readonly string[] = [
  'Current team/locality',
  'Unique information system identifier',
  'Sex',
  'Date of birth',
  'Date child/young person became looked after (start of current episode of care)',
  'Date child was first accommodated away from home (first placement in current episode)',
  'Date child was last accommodated away from home (start of latest period of accommodation)',
  'LAC review (or other meeting) recommends pursuing permanence at home or away from home for child',
  'Legal advice meeting',
  'Date of Fostering/Adoption/Permanence/Kinship Panel',
  'Agency Decision Maker approval of decision to pursue permanence for child',
  'Date of move to (intended) final placement (even if not yet legally secured)',
  'Date of application submission to court',
  'Date that legal permanence is secured for child',
  'Current placement type (including home)',
  'Current placement start date',
  'Current legal status/type of order',
  'Current legal status/type of order start date',
  'Permanence route',
  'Date ceased to be looked after',
  'Reason ceased',
  'Respite episode',
  'Comments',
];

export interface SampleOptions {
  /** Which wording the headings use (default 'authority': SAMPLE_HEADERS). */
  headings?: 'authority' | 'template';
  sheetName?: string;
  /** Number of children (default 40; at least 12 so every special row exists). */
  children?: number;
  date1904?: boolean;
  /** 1-based sheet row of the grid's first row (default 1). */
  firstRow?: number;
  /** 1-based sheet column of the grid's first column (default 1). */
  firstColumn?: number;
  table?: string | null;
}

export interface SampleGrid {
  grid: SheetGrid;
  /** Field id → column letters on the sheet. */
  fieldColumns: Record<string, string>;
  /** Column letters of the local "Legal advice meeting" column. */
  legalAdviceColumn: string;
  headerRow: number;
  firstDataRow: number;
  lastDataRow: number;
  /** Sheet row of each child, in order (the blank row is skipped). */
  childRows: number[];
  /** Sheet row of the fully blank row among the children. */
  blankRow: number;
  /** Expected ISO date of each child's permanence recommendation (null when none or unreadable). */
  recommendation: (string | null)[];
}

/** Rows above the headings: a merged title, an as-at line, a blank row. */
const TITLE_ROWS = 3;
/** The fully blank row comes after this many children. */
const BLANK_AFTER = 8;
const TRAILING_BLANK_ROWS = 3;

function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 0x100000000;
  };
}

function isoOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Builds the sample sheet; `date1904` converts every date cell to the 1904 system. */
export function buildSampleGrid(options: SampleOptions = {}): SampleGrid {
  const children = Math.max(12, options.children ?? 40);
  const date1904 = options.date1904 ?? false;
  const firstRow = options.firstRow ?? 1;
  const firstColumn = options.firstColumn ?? 1;
  const width = SAMPLE_HEADERS.length;
  const random = lcg(20240331);
  const values: CellValue[][] = [];
  const formats: string[][] = [];
  const blankRowCells = (): CellValue[] => Array.from({ length: width }, () => '');
  const generalRow = (): string[] => Array.from({ length: width }, () => 'General');

  const title = blankRowCells();
  title[0] = 'PACE permanence tracker - North Authority';
  values.push(title, blankRowCells(), blankRowCells());
  values[1][0] = 'Data as at 31/03/2024';
  formats.push(generalRow(), generalRow(), generalRow());
  values.push(options.headings === 'template' ? [...TEMPLATE_HEADINGS] : SAMPLE_HEADERS.map(([h]) => h));
  formats.push(generalRow());

  const index = new Map(SAMPLE_HEADERS.map(([h, f], i) => [f ?? h, i]));
  const col = (key: string): number => index.get(key)!;
  const childRows: number[] = [];
  const recommendation: (string | null)[] = [];
  const headerRow = firstRow + TITLE_ROWS;
  let blankRow = 0;

  for (let i = 0; i < children; i++) {
    if (i === BLANK_AFTER) {
      values.push(blankRowCells());
      formats.push(generalRow());
      blankRow = firstRow + values.length - 1;
    }
    const row = blankRowCells();
    const fmt = generalRow();
    const putDate = (key: string, day: number | null) => {
      if (day === null) return;
      row[col(key)] = serialFromDay(day, date1904);
      fmt[col(key)] = SAMPLE_DATE_FORMAT;
    };
    const birth = dayFromParts(2008 + (i % 12), 1 + (i % 12), 1 + ((i * 7) % 28));
    const lookedAfter = birth + 200 + Math.floor(random() * 1500);
    const firstAccom = lookedAfter + Math.floor(random() * 30);
    const lastAccom = firstAccom + Math.floor(random() * 60);
    const stage = i % 6; // how far along the journey the child is
    const rec = stage >= 1 ? lastAccom + 100 + Math.floor(random() * 200) : null;
    const panel = stage >= 2 && rec !== null ? rec + 40 + Math.floor(random() * 60) : null;
    const adm = stage >= 3 && panel !== null ? panel + 7 + Math.floor(random() * 21) : null;
    const finalPlacement = stage >= 3 && adm !== null ? adm - 20 + Math.floor(random() * 80) : null;
    const court = stage >= 4 && adm !== null ? adm + 50 + Math.floor(random() * 100) : null;
    const order = stage >= 5 && court !== null ? court + 80 + Math.floor(random() * 120) : null;

    row[col('team')] = ['North', 'South', 'East', 'West'][i % 4];
    row[col('childId')] = `C${1000 + i}`;
    row[col('gender')] = i % 2 === 0 ? 'Female' : 'Male';
    putDate('dateOfBirth', birth);
    putDate('lookedAfterStart', lookedAfter);
    putDate('firstAccommodated', firstAccom);
    putDate('lastAccommodated', lastAccom);
    putDate('permanenceRecommendation', rec);
    putDate('panel', panel);
    putDate('admDecision', adm);
    putDate('finalPlacement', finalPlacement);
    putDate('courtApplication', court);
    putDate('legalPermanence', order);
    if (i % 2 === 0 && rec !== null) putDate('Legal advice meeting', rec + 14);
    row[col('placementType')] = ['Foster care', 'Kinship care', 'Residential', 'Prospective adopters'][i % 4];
    putDate('placementStart', finalPlacement ?? lastAccom);
    row[col('legalStatus')] = order !== null ? 'Permanence order' : 'CSO';
    putDate('legalStatusStart', order ?? lookedAfter + 10);
    row[col('route')] = ['Fostering/Adoption', 'Kinship', 'Remaining at home', 'Residential'][i % 4];
    row[col('respite')] = 'N';
    let recIso = rec === null ? null : isoOf(rec);

    // The special rows, each one kind of trouble a data lead sees.
    if (i === 2) {
      row[col('permanenceRecommendation')] = '03/04/2019';
      fmt[col('permanenceRecommendation')] = '@';
      recIso = '2019-04-03';
    }
    if (i === 3) row[col('panel')] = 'tbc';
    if (i === 4) row[col('admDecision')] = '#N/A';
    if (i === 5) {
      row[col('courtApplication')] = 0;
      fmt[col('courtApplication')] = SAMPLE_DATE_FORMAT;
    }
    if (i === 6) {
      row[col('ceasedDate')] = '3.4.19';
      row[col('Ceased reason')] = 'Returned home';
    }
    if (i === 7) row[col('childId')] = 1234;
    if (i === 9) {
      row[col('respite')] = 'Yes';
      row[col('Notes')] = 'Respite only';
    }
    if (i === 10) row[col('respite')] = 'maybe';
    if (i === 11) row[col('team')] = '  South  ';
    values.push(row);
    formats.push(fmt);
    childRows.push(firstRow + values.length - 1);
    recommendation.push(recIso);
  }
  const lastDataRow = firstRow + values.length - 1;
  for (let k = 0; k < TRAILING_BLANK_ROWS; k++) {
    values.push(blankRowCells());
    formats.push(generalRow());
  }

  const fieldColumns: Record<string, string> = {};
  SAMPLE_HEADERS.forEach(([, field], i) => {
    if (field) fieldColumns[field] = columnLetter(firstColumn + i);
  });
  return {
    grid: {
      sheetName: options.sheetName ?? 'Tracker',
      firstRow,
      firstColumn,
      values,
      numberFormats: formats,
      table: options.table ?? null,
    },
    fieldColumns,
    legalAdviceColumn: columnLetter(firstColumn + col('Legal advice meeting')),
    headerRow,
    firstDataRow: headerRow + 1,
    lastDataRow,
    childRows,
    blankRow,
    recommendation,
  };
}

/** A workbook around the sample: a notes sheet first, the tracker, and an earlier output sheet. */
export function buildSampleWorkbook(options: SampleOptions = {}): WorkbookGrid {
  const sample = buildSampleGrid(options);
  const notes: SheetGrid = {
    sheetName: 'Read me',
    firstRow: 1,
    firstColumn: 1,
    values: [['How to fill in this tracker'], ['Enter one row per child.'], ['Dates as dd/mm/yyyy.']],
    numberFormats: null,
    table: null,
  };
  const output: SheetGrid = {
    sheetName: 'PACE Issues',
    firstRow: 1,
    firstColumn: 1,
    values: [
      ['PACE issues', '', '', ''],
      ['Child ID', 'Cell', 'Date became looked after', 'Permanence recommendation'],
      ['C1000', 'H5', 43558, 43600],
    ],
    numberFormats: null,
    table: null,
  };
  return { sheets: [notes, sample.grid, output], date1904: options.date1904 ?? false };
}
