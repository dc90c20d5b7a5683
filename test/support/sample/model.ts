/**
 * The sample's vocabulary: its columns (canonical and local, with another
 * authority's wording), routes, cells, planted-error kinds, options and
 * result, and small pure date helpers the other parts share.
 */
import type ExcelJS from 'exceljs';
import type { CanonicalFieldId } from '../../../src/core/fields';

export const SAMPLE_AS_OF = '2024-03-31';
export const SAMPLE_SHEET = 'Tracker';
export const SAMPLE_TABLE = 'PermanenceData';
export const DATE_FMT = 'dd/mm/yyyy';

/** Columns of the sample: canonical fields plus local ones. */
export type SampleColumnKey = CanonicalFieldId | 'legalAdviceMeeting' | 'lastReview' | 'reviewNotes';

export interface SampleColumn {
  key: SampleColumnKey;
  header: string;
  /** Another authority's wording for the same column. */
  altHeader: string;
  kind: 'date' | 'text';
  width: number;
}

export const COLUMNS: readonly SampleColumn[] = [
  { key: 'childId', header: 'CLAS ID', altHeader: 'Child ID', kind: 'text', width: 10 },
  { key: 'dateOfBirth', header: 'DOB', altHeader: 'Date of birth', kind: 'date', width: 11 },
  { key: 'gender', header: 'Gender', altHeader: 'Sex', kind: 'text', width: 8 },
  { key: 'lookedAfterStart', header: 'Date became looked after', altHeader: 'Start of episode', kind: 'date', width: 13 },
  { key: 'firstAccommodated', header: 'Date 1st accommodated', altHeader: 'First placement away from home', kind: 'date', width: 13 },
  { key: 'lastAccommodated', header: 'Date last accommodated', altHeader: 'Latest accommodation date', kind: 'date', width: 13 },
  { key: 'permanenceRecommendation', header: 'Perm rec date (LAC review)', altHeader: 'Permanence recommendation', kind: 'date', width: 14 },
  { key: 'legalAdviceMeeting', header: 'Legal advice meeting', altHeader: 'Legal advice meeting', kind: 'date', width: 13 },
  { key: 'panel', header: 'Panel date', altHeader: 'Permanence panel', kind: 'date', width: 12 },
  { key: 'admDecision', header: 'ADM date', altHeader: 'Agency decision maker', kind: 'date', width: 12 },
  { key: 'finalPlacement', header: 'Final placement date', altHeader: 'Moved to permanent placement', kind: 'date', width: 13 },
  { key: 'courtApplication', header: 'Court application lodged', altHeader: 'Application lodged with court', kind: 'date', width: 13 },
  { key: 'legalPermanence', header: 'Order granted', altHeader: 'Legal permanence achieved', kind: 'date', width: 12 },
  { key: 'placementType', header: 'Placement type', altHeader: 'Current placement', kind: 'text', width: 22 },
  { key: 'placementStart', header: 'Placement start', altHeader: 'Current placement start', kind: 'date', width: 12 },
  { key: 'legalStatus', header: 'Legal status', altHeader: 'Current legal status', kind: 'text', width: 30 },
  { key: 'legalStatusStart', header: 'Legal status start', altHeader: 'Legal status date', kind: 'date', width: 12 },
  { key: 'team', header: 'Team', altHeader: 'Locality', kind: 'text', width: 9 },
  { key: 'route', header: 'Permanence route', altHeader: 'Route', kind: 'text', width: 20 },
  { key: 'ceasedDate', header: 'Date ceased', altHeader: 'Date ceased LAC', kind: 'date', width: 12 },
  { key: 'respite', header: 'Respite', altHeader: 'Short break', kind: 'text', width: 8 },
];

export const EXTRA_COLUMNS: readonly SampleColumn[] = [
  { key: 'lastReview', header: 'Last LAC review', altHeader: 'Last LAC review', kind: 'date', width: 12 },
  { key: 'reviewNotes', header: 'Review notes', altHeader: 'Review notes', kind: 'text', width: 24 },
];

export const SAMPLE_ROUTES = ['Fostering/Adoption', 'Kinship', 'Remaining at home', 'Rehabilitation home', 'Residential'] as const;
export type SampleRoute = (typeof SAMPLE_ROUTES)[number];

/** A cell of the synthetic sheet before it is written. */
export type SampleCell =
  | null
  | string
  | { day: number } // a real date cell (day number since 1970-01-01)
  | { serial: number } // a raw serial with a date format (the 1900 placeholder)
  | { number: number } // a plain number (a year typed into a date column)
  | { error: string };

export interface SampleChild {
  route: SampleRoute | null;
  cells: Partial<Record<SampleColumnKey, SampleCell>>;
}

export type PlantedErrorKind =
  | 'textDate'
  | 'twoDigitYear'
  | 'unreadableText'
  | 'placeholder'
  | 'errorValue'
  | 'yearNumber'
  | 'admBeforePanel'
  | 'courtBeforeAdm'
  | 'duplicateId'
  | 'missingId'
  | 'futureDate'
  | 'beforeBirth'
  | 'outsidePopulation'
  | 'recommendationBeforeLookedAfter';

export interface PlantedError {
  kind: PlantedErrorKind;
  /** 1-based worksheet row. */
  row: number;
  field: SampleColumnKey;
  /** The header of that column in this variant. */
  header: string;
  /** A1 address of the cell in this variant. */
  cell: string;
  /** What was put in the cell, as a user would describe it. */
  value: string;
  description: string;
}

/** A planted error by child index (0 = first data row). */
export type PlantedAt = Omit<PlantedError, 'row' | 'header' | 'cell'> & { index: number };

export interface SampleOptions {
  /** Number of children (default 300). */
  children?: number;
  seed?: number;
  /** yyyy-mm-dd (default SAMPLE_AS_OF). */
  asOf?: string;
  /** Column order: 'standard', 'reversed', 'shuffled' (seeded), or an explicit list of keys. */
  columnOrder?: 'standard' | 'reversed' | 'shuffled' | SampleColumnKey[];
  /** Put the data in an Excel Table (named SAMPLE_TABLE). */
  asTable?: boolean;
  /** Write the workbook in the 1904 date system. */
  date1904?: boolean;
  /** Add local columns "Last LAC review" (dates) and "Review notes" (text). */
  extraLocalColumns?: boolean;
  /** Header wording: this authority's ('standard') or another authority's ('alternative'). */
  wording?: 'standard' | 'alternative';
  /** Rows above the header (title + blanks); default 2, so the header is on row 3. */
  rowsAboveHeader?: number;
  /** Plant the realistic data errors (default true). */
  plantErrors?: boolean;
  sheetName?: string;
  /** Add the "Notes" sheet (default true). */
  notesSheet?: boolean;
}

export interface SampleResult {
  workbook: ExcelJS.Workbook;
  sheetName: string;
  headerRow: number;
  firstDataRow: number;
  lastDataRow: number;
  /** Column keys in sheet order (column A first). */
  columns: SampleColumnKey[];
  /** Header text of each key in this variant. */
  headers: Partial<Record<SampleColumnKey, string>>;
  /** Column letter of each key in this variant. */
  columnLetters: Partial<Record<SampleColumnKey, string>>;
  children: SampleChild[];
  plantedErrors: PlantedError[];
  respiteRows: number[];
  asOf: string;
}


/** mulberry32: small, fast, seeded; good enough for synthetic data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MS_PER_DAY = 86400000;

export function isoToDay(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

export function dayToDate(day: number): Date {
  return new Date(day * MS_PER_DAY);
}

/** dd/mm/yyyy (or dd/mm/yy) text of a day, as someone would type it. */
export function dayToUkText(day: number, twoDigitYear = false): string {
  const d = dayToDate(day);
  const dd = String(d.getUTCDate()).padStart(2, '0');
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  const yyyy = String(d.getUTCFullYear());
  return `${dd}/${mm}/${twoDigitYear ? yyyy.slice(2) : yyyy}`;
}

/** Serial of a day in the given date system (1900 system counts the phantom 29/02/1900). */
export function dayToSerial(day: number, date1904: boolean): number {
  return day + 25569 - (date1904 ? 1462 : 0);
}
