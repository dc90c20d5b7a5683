/**
 * Deterministic synthetic PACE tracker (fictional children) for the sample
 * workbook, tests and the benchmark. Same options → same workbook, byte for
 * byte in its cell values: a seeded PRNG, never Math.random.
 *
 * Journeys follow the five permanence routes with realistic intervals, are
 * cut at the as-of date (so many children are still waiting at each stage),
 * intervals shorten for work started after 2022 (so run charts show a shift),
 * and a dozen realistic data errors are planted where a data lead would find
 * them. `plantedErrors` says exactly where, so tests can assert them.
 */
import ExcelJS from 'exceljs';
import type { CanonicalFieldId } from '../../src/core/fields';
import { cellAddress } from '../../src/core/grid';

export const SAMPLE_AS_OF = '2024-03-31';
export const SAMPLE_SHEET = 'Tracker';
export const SAMPLE_TABLE = 'PermanenceData';
const DATE_FMT = 'dd/mm/yyyy';

/** Columns of the sample: canonical fields plus local ones. */
export type SampleColumnKey = CanonicalFieldId | 'legalAdviceMeeting' | 'lastReview' | 'reviewNotes';

interface SampleColumn {
  key: SampleColumnKey;
  header: string;
  /** Another authority's wording for the same column. */
  altHeader: string;
  kind: 'date' | 'text';
  width: number;
}

const COLUMNS: readonly SampleColumn[] = [
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

const EXTRA_COLUMNS: readonly SampleColumn[] = [
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

// ───────────────────────────── small pure helpers ─────────────────────────────

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

// ───────────────────────────── journeys ─────────────────────────────

interface Rng {
  next: () => number;
  int: (min: number, max: number) => number;
  chance: (p: number) => boolean;
  /** Log-normal weeks around a median, in days. */
  weeks: (median: number, sigma: number) => number;
  pick: <T>(items: readonly T[]) => T;
}

function makeRng(seed: number): Rng {
  const next = seededRandom(seed);
  const normal = () => {
    const u = Math.max(next(), 1e-12);
    const v = next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    weeks: (median, sigma) => Math.max(1, Math.round(median * 7 * Math.exp(sigma * normal()))),
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}

/** Work started after the service change (2022) goes faster: the shift on the run charts. */
const IMPROVEMENT_FROM = isoToDay('2022-01-01');
function pace(day: number): number {
  return day >= IMPROVEMENT_FROM ? 0.6 : 1;
}

interface Journey {
  route: SampleRoute | null;
  dob: number;
  gender: string;
  team: string;
  lookedAfterStart: number;
  firstAccommodated: number | null;
  lastAccommodated: number | null;
  permanenceRecommendation: number | null;
  legalAdviceMeeting: number | null;
  panel: number | null;
  admDecision: number | null;
  finalPlacement: number | null;
  courtApplication: number | null;
  legalPermanence: number | null;
  ceasedDate: number | null;
  respite: boolean;
  /** Legal status once legal permanence is secured / once ceased. */
  securedStatus: string;
  ceasedStatus: string;
  lastReview: number | null;
}

const YEAR = 365.25;

function accommodation(rng: Rng, start: number, pFirstSameDay: number, pLastSame: number): [number, number] {
  const first = rng.chance(pFirstSameDay) ? start : start + rng.int(1, 60);
  const last = rng.chance(pLastSame) ? first : first + rng.int(60, 300);
  return [first, last];
}

function journeyFor(rng: Rng, route: SampleRoute, start: number, asOf: number): Journey {
  const stall = rng.chance(0.12) ? rng.int(1, 4) : 0; // one stage of this journey drags
  const slow = (stage: number) => (stall === stage ? 2.5 : 1);
  const ageAtStart: Record<SampleRoute, [number, number]> = {
    'Fostering/Adoption': [0, 6],
    Kinship: [0, 12],
    'Remaining at home': [0, 14],
    'Rehabilitation home': [0, 12],
    Residential: [10, 15],
  };
  const [amin, amax] = ageAtStart[route];
  let dob = start - Math.round(rng.int(amin * 365, amax * 365 + 300));
  // Everyone is under 18 on the as-of date, so no unplanned "age 18+" findings.
  dob = Math.max(dob, Math.round(asOf - 17.5 * YEAR));
  dob = Math.min(dob, start);
  const j: Journey = {
    route,
    dob,
    gender: rng.chance(0.5) ? 'Male' : 'Female',
    team: rng.pick(['North', 'South', 'East', 'West', 'Central']),
    lookedAfterStart: start,
    firstAccommodated: null,
    lastAccommodated: null,
    permanenceRecommendation: null,
    legalAdviceMeeting: null,
    panel: null,
    admDecision: null,
    finalPlacement: null,
    courtApplication: null,
    legalPermanence: null,
    ceasedDate: null,
    respite: false,
    securedStatus: 'Permanence Order',
    ceasedStatus: 'Permanence Order',
    lastReview: null,
  };
  switch (route) {
    case 'Fostering/Adoption': {
      const [first, last] = accommodation(rng, start, 0.75, 0.8);
      j.firstAccommodated = first;
      j.lastAccommodated = last;
      j.permanenceRecommendation = last + Math.round(rng.weeks(36 * pace(last), 0.35) * slow(1));
      j.legalAdviceMeeting = j.permanenceRecommendation + rng.int(7, 35);
      j.panel = j.permanenceRecommendation + Math.round(rng.weeks(14 * pace(j.permanenceRecommendation), 0.35) * slow(2));
      j.admDecision = j.panel + rng.int(7, 28);
      j.finalPlacement = rng.chance(0.35)
        ? Math.max(last, j.admDecision - rng.int(30, 200))
        : j.admDecision + rng.weeks(10 * pace(j.admDecision), 0.5);
      j.courtApplication = j.admDecision + Math.round(rng.weeks(20 * pace(j.admDecision), 0.35) * slow(3));
      j.legalPermanence = j.courtApplication + Math.round(rng.weeks(30, 0.3) * slow(4));
      j.securedStatus = rng.chance(0.5) ? 'Permanence Order with authority to adopt' : 'Permanence Order';
      if (j.securedStatus.includes('adopt') && rng.chance(0.6)) j.ceasedDate = j.legalPermanence + rng.weeks(20, 0.4);
      j.ceasedStatus = 'Adoption Order';
      break;
    }
    case 'Kinship': {
      const [first] = accommodation(rng, start, 0.85, 1);
      j.firstAccommodated = first;
      j.lastAccommodated = first;
      j.permanenceRecommendation = first + Math.round(rng.weeks(30 * pace(first), 0.35) * slow(1));
      if (rng.chance(0.6)) j.legalAdviceMeeting = j.permanenceRecommendation + rng.int(7, 28);
      j.panel = j.permanenceRecommendation + Math.round(rng.weeks(12 * pace(j.permanenceRecommendation), 0.35) * slow(2));
      j.admDecision = j.panel + rng.int(7, 21);
      // Often the child already lives with the kinship carers: final placement before the ADM decision.
      j.finalPlacement = rng.chance(0.6) ? first : j.admDecision + rng.weeks(6, 0.5);
      j.courtApplication = j.admDecision + Math.round(rng.weeks(14 * pace(j.admDecision), 0.4) * slow(3));
      j.legalPermanence = j.courtApplication + Math.round(rng.weeks(20, 0.3) * slow(4));
      if (rng.chance(0.7)) {
        j.securedStatus = 'Kinship Care Order';
        j.ceasedDate = j.legalPermanence;
        j.ceasedStatus = 'Kinship Care Order';
      }
      break;
    }
    case 'Remaining at home': {
      // No accommodation; permanence at home is secured when the CSO is terminated.
      j.permanenceRecommendation = start + Math.round(rng.weeks(30 * pace(start), 0.4) * slow(1));
      j.legalPermanence = j.permanenceRecommendation + Math.round(rng.weeks(26 * pace(j.permanenceRecommendation), 0.4) * slow(2));
      j.ceasedDate = j.legalPermanence;
      j.securedStatus = 'CSO terminated';
      j.ceasedStatus = 'CSO terminated';
      break;
    }
    case 'Rehabilitation home': {
      const [first, last] = accommodation(rng, start, 0.8, 0.85);
      j.firstAccommodated = first;
      j.lastAccommodated = last;
      j.permanenceRecommendation = last + Math.round(rng.weeks(30 * pace(last), 0.4) * slow(1));
      j.finalPlacement = j.permanenceRecommendation + rng.weeks(8, 0.4);
      j.legalPermanence = j.finalPlacement + Math.round(rng.weeks(30 * pace(j.finalPlacement), 0.4) * slow(2));
      j.ceasedDate = j.legalPermanence;
      j.securedStatus = 'CSO terminated';
      j.ceasedStatus = 'CSO terminated';
      break;
    }
    case 'Residential': {
      const [first, last] = accommodation(rng, start, 0.6, 0.7);
      j.firstAccommodated = first;
      j.lastAccommodated = last;
      j.permanenceRecommendation = last + Math.round(rng.weeks(45 * pace(last), 0.4) * slow(1));
      j.panel = j.permanenceRecommendation + Math.round(rng.weeks(14 * pace(j.permanenceRecommendation), 0.4) * slow(2));
      j.admDecision = j.panel + rng.int(7, 28);
      j.finalPlacement = rng.chance(0.6) ? j.admDecision + rng.weeks(8, 0.5) : Math.max(last, j.admDecision - rng.int(30, 200));
      if (rng.chance(0.3)) {
        j.courtApplication = j.admDecision + Math.round(rng.weeks(20 * pace(j.admDecision), 0.35) * slow(3));
        j.legalPermanence = j.courtApplication + rng.weeks(30, 0.3);
      }
      break;
    }
  }
  return j;
}

function respiteJourney(rng: Rng, asOf: number): Journey {
  const start = asOf - rng.int(20, 300);
  const dob = start - rng.int(5 * 365, 14 * 365);
  return {
    route: null,
    dob,
    gender: rng.chance(0.5) ? 'Male' : 'Female',
    team: rng.pick(['North', 'South', 'East', 'West', 'Central']),
    lookedAfterStart: start,
    firstAccommodated: start,
    lastAccommodated: start,
    permanenceRecommendation: null,
    legalAdviceMeeting: null,
    panel: null,
    admDecision: null,
    finalPlacement: null,
    courtApplication: null,
    legalPermanence: null,
    ceasedDate: start + rng.int(2, 14),
    respite: true,
    securedStatus: '',
    ceasedStatus: 'Section 25 (voluntary)',
    lastReview: null,
  };
}

const MILESTONE_KEYS = [
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
] as const;

/** Cuts a journey at the as-of date: what the tracker would hold on that day. */
function cutAt(j: Journey, asOf: number): Journey {
  const cut = { ...j };
  for (const key of MILESTONE_KEYS) {
    const v = cut[key];
    if (v !== null && v > asOf) cut[key] = null;
  }
  // A later step cannot be recorded before the earlier one happened.
  if (cut.permanenceRecommendation === null) {
    cut.legalAdviceMeeting = null;
    cut.panel = null;
  }
  if (cut.panel === null) cut.admDecision = null;
  if (cut.admDecision === null) cut.courtApplication = null;
  if (cut.route !== 'Remaining at home' && cut.route !== 'Rehabilitation home' && cut.courtApplication === null) cut.legalPermanence = null;
  if (cut.legalPermanence === null && !cut.respite) cut.ceasedDate = null;
  if (cut.route === 'Rehabilitation home' && cut.finalPlacement === null) cut.legalPermanence = null;
  if (cut.route === 'Rehabilitation home' && cut.legalPermanence === null) cut.ceasedDate = null;
  return cut;
}

function describe(j: Journey, rng: Rng, asOf: number): SampleChild {
  const cells: Partial<Record<SampleColumnKey, SampleCell>> = {};
  const date = (d: number | null): SampleCell => (d === null ? null : { day: d });
  cells.dateOfBirth = date(j.dob);
  cells.gender = j.gender;
  cells.lookedAfterStart = date(j.lookedAfterStart);
  cells.firstAccommodated = date(j.firstAccommodated);
  cells.lastAccommodated = date(j.lastAccommodated);
  cells.permanenceRecommendation = date(j.permanenceRecommendation);
  cells.legalAdviceMeeting = date(j.legalAdviceMeeting);
  cells.panel = date(j.panel);
  cells.admDecision = date(j.admDecision);
  cells.finalPlacement = date(j.finalPlacement);
  cells.courtApplication = date(j.courtApplication);
  cells.legalPermanence = date(j.legalPermanence);
  cells.ceasedDate = date(j.ceasedDate);
  cells.team = j.team;
  cells.route = j.route;
  cells.respite = j.respite ? 'Yes' : 'No';

  let placementType: string;
  let placementStart = j.lastAccommodated ?? j.lookedAfterStart;
  const moved = j.finalPlacement !== null;
  if (moved) placementStart = Math.max(placementStart, j.finalPlacement as number);
  switch (j.route) {
    case 'Fostering/Adoption':
      placementType = moved ? (j.securedStatus.includes('adopt') ? 'Prospective adopters' : 'Permanent foster care') : 'Foster care';
      break;
    case 'Kinship':
      placementType = 'Kinship care';
      break;
    case 'Remaining at home':
      placementType = 'At home with parents';
      break;
    case 'Rehabilitation home':
      placementType = moved ? 'At home with parents' : 'Foster care';
      break;
    case 'Residential':
      placementType = 'Residential unit';
      break;
    default:
      placementType = 'Respite / short break';
  }
  cells.placementType = placementType;
  cells.placementStart = date(placementStart);

  let legalStatus: string;
  let legalStart = j.lookedAfterStart;
  if (j.respite) legalStatus = 'Section 25 (voluntary)';
  else if (j.ceasedDate !== null) {
    legalStatus = j.ceasedStatus;
    legalStart = j.legalPermanence ?? j.ceasedDate;
    if (legalStatus === 'Adoption Order') legalStart = j.ceasedDate;
  } else if (j.legalPermanence !== null) {
    legalStatus = j.securedStatus;
    legalStart = j.legalPermanence;
  } else if (j.route === 'Remaining at home') legalStatus = 'CSO at home';
  else legalStatus = rng.chance(0.8) ? 'CSO away from home' : 'Section 25 (voluntary)';
  cells.legalStatus = legalStatus;
  cells.legalStatusStart = date(legalStart);

  // Local columns (only written when asked for).
  const lastReview = Math.max(j.lookedAfterStart + 28, asOf - rng.int(10, 170));
  cells.lastReview = lastReview <= asOf && j.ceasedDate === null ? { day: lastReview } : null;
  cells.reviewNotes = j.ceasedDate === null ? rng.pick(['', 'Plan on track', 'Awaiting reports', 'Contact under review', 'Carers assessed']) || null : null;
  return { route: j.route, cells };
}

function pickRoute(rng: Rng): SampleRoute {
  const r = rng.next();
  if (r < 0.3) return 'Fostering/Adoption';
  if (r < 0.52) return 'Kinship';
  if (r < 0.72) return 'Remaining at home';
  if (r < 0.86) return 'Rehabilitation home';
  return 'Residential';
}

/**
 * The synthetic children, in row order, with IDs and (optionally) planted
 * errors. Pure: same options, same children.
 */
export function generateChildren(options: SampleOptions = {}): { children: SampleChild[]; planted: PlantedAt[] } {
  const count = options.children ?? 300;
  const asOf = isoToDay(options.asOf ?? SAMPLE_AS_OF);
  const rng = makeRng(options.seed ?? 20240331);
  const earliest = isoToDay('2019-01-01');
  const journeys: Journey[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 60 === 17) {
      journeys.push(cutAt(respiteJourney(rng, asOf), asOf));
      continue;
    }
    // Population: looked after now, or ceased within the last year.
    for (;;) {
      // Skewed towards recent starts so that many children are still mid-journey.
      const start = earliest + Math.floor(Math.pow(rng.next(), 0.8) * (asOf - 14 - earliest));
      const j = cutAt(journeyFor(rng, pickRoute(rng), start, asOf), asOf);
      if (j.ceasedDate === null || j.ceasedDate >= asOf - 365) {
        journeys.push(j);
        break;
      }
    }
  }
  // Trackers usually grow row by row as children become looked after.
  journeys.sort((a, b) => a.lookedAfterStart - b.lookedAfterStart);
  const width = Math.max(4, String(count).length);
  const children = journeys.map((j, i) => {
    const child = describe(j, rng, asOf);
    child.cells.childId = `SYN${String(i + 1).padStart(width, '0')}`;
    return child;
  });
  const planted = options.plantErrors === false ? [] : plantErrors(children, asOf, options.date1904 ?? false);
  return { children, planted };
}

function dayOf(cell: SampleCell | undefined): number | null {
  return cell && typeof cell === 'object' && 'day' in cell ? cell.day : null;
}

/** Plants the realistic errors on suitable children (spread down the sheet); mutates `children`. */
function plantErrors(children: SampleChild[], asOf: number, date1904: boolean): PlantedAt[] {
  const planted: PlantedAt[] = [];
  const used = new Set<number>();
  const n = children.length;
  const find = (fraction: number, ok: (c: SampleChild) => boolean): number | null => {
    const from = Math.floor(n * fraction);
    for (let k = 0; k < n; k++) {
      const i = (from + k) % n;
      if (!used.has(i) && children[i].route !== null && ok(children[i])) {
        used.add(i);
        return i;
      }
    }
    return null;
  };
  const has = (c: SampleChild, key: SampleColumnKey) => dayOf(c.cells[key]) !== null;
  const add = (index: number | null, p: Omit<PlantedAt, 'index'>, apply: (c: SampleChild) => void) => {
    if (index === null) return;
    apply(children[index]);
    planted.push({ ...p, index });
  };

  let i = find(0.1, (c) => has(c, 'permanenceRecommendation'));
  if (i !== null) {
    const text = dayToUkText(dayOf(children[i].cells.permanenceRecommendation) as number);
    add(i, { kind: 'textDate', field: 'permanenceRecommendation', value: `"${text}" (text)`, description: 'Date typed as text instead of an Excel date' }, (c) => {
      c.cells.permanenceRecommendation = text;
    });
  }
  i = find(0.15, (c) => dayOf(c.cells.lookedAfterStart) !== null && has(c, 'firstAccommodated'));
  if (i !== null) {
    const text = dayToUkText(dayOf(children[i].cells.lookedAfterStart) as number, true);
    add(i, { kind: 'twoDigitYear', field: 'lookedAfterStart', value: `"${text}" (text)`, description: 'Text date with a two-digit year' }, (c) => {
      c.cells.lookedAfterStart = text;
    });
  }
  i = find(0.8, (c) => has(c, 'permanenceRecommendation') && c.cells.panel === null && (c.route === 'Fostering/Adoption' || c.route === 'Kinship'));
  add(i, { kind: 'unreadableText', field: 'panel', value: '"tbc"', description: 'Panel date not known yet, typed as "tbc"' }, (c) => {
    c.cells.panel = 'tbc';
  });
  i = find(0.3, (c) => c.route === 'Residential' && has(c, 'admDecision') && c.cells.courtApplication === null);
  add(i, { kind: 'unreadableText', field: 'courtApplication', value: '"N/A"', description: '"N/A" typed in a date column' }, (c) => {
    c.cells.courtApplication = 'N/A';
  });
  i = find(0.4, (c) => c.route === 'Fostering/Adoption' && has(c, 'admDecision') && c.cells.finalPlacement === null);
  add(
    i,
    { kind: 'placeholder', field: 'finalPlacement', value: date1904 ? '"01/01/1900" (text)' : '01/01/1900 (date cell)', description: 'Placeholder date 01/01/1900' },
    (c) => {
      // The 1904 date system cannot hold a 1900 date, so there it is the text someone typed.
      c.cells.finalPlacement = date1904 ? '01/01/1900' : { serial: 1 };
    },
  );
  i = find(0.45, (c) => has(c, 'placementStart'));
  add(i, { kind: 'errorValue', field: 'placementStart', value: '#N/A', description: 'Excel error value left by a broken lookup' }, (c) => {
    c.cells.placementStart = { error: '#N/A' };
  });
  i = find(0.55, (c) => c.route === 'Kinship' && has(c, 'permanenceRecommendation') && c.cells.panel === null);
  add(i, { kind: 'yearNumber', field: 'panel', value: '2023 (a number)', description: 'A year typed as a number in a date column' }, (c) => {
    c.cells.panel = { number: 2023 };
  });
  i = find(0.2, (c) => {
    const rec = dayOf(c.cells.permanenceRecommendation);
    const panel = dayOf(c.cells.panel);
    return rec !== null && panel !== null && has(c, 'admDecision') && panel - rec >= 28;
  });
  if (i !== null) {
    const panel = dayOf(children[i].cells.panel) as number;
    add(i, { kind: 'admBeforePanel', field: 'admDecision', value: dayToUkText(panel - 21), description: 'ADM decision three weeks before the panel' }, (c) => {
      c.cells.admDecision = { day: panel - 21 };
    });
  }
  i = find(0.6, (c) => {
    const panel = dayOf(c.cells.panel);
    const adm = dayOf(c.cells.admDecision);
    return panel !== null && adm !== null && adm - panel >= 4 && has(c, 'courtApplication');
  });
  if (i !== null) {
    const panel = dayOf(children[i].cells.panel) as number;
    const adm = dayOf(children[i].cells.admDecision) as number;
    const court = adm - Math.max(1, Math.floor((adm - panel) / 2));
    add(i, { kind: 'courtBeforeAdm', field: 'courtApplication', value: dayToUkText(court), description: 'Court application lodged before the ADM decision' }, (c) => {
      c.cells.courtApplication = { day: court };
    });
  }
  const original = Math.floor(n * 0.25);
  i = find(0.5, () => true);
  if (i !== null) {
    const id = children[original].cells.childId as string;
    add(i, { kind: 'duplicateId', field: 'childId', value: id, description: `Same child ID as an earlier row (${id} appears twice)` }, (c) => {
      c.cells.childId = id;
    });
  }
  i = find(0.65, () => true);
  add(i, { kind: 'missingId', field: 'childId', value: '(blank)', description: 'Child ID missing' }, (c) => {
    c.cells.childId = null;
  });
  i = find(0.7, (c) => has(c, 'courtApplication') && c.cells.legalPermanence === null);
  add(i, { kind: 'futureDate', field: 'legalPermanence', value: dayToUkText(asOf + 75), description: 'Order granted date in the future (after the as-of date)' }, (c) => {
    c.cells.legalPermanence = { day: asOf + 75 };
  });
  i = find(0.35, (c) => {
    const dob = dayOf(c.cells.dateOfBirth);
    const start = dayOf(c.cells.lookedAfterStart);
    const first = dayOf(c.cells.firstAccommodated);
    return dob !== null && start !== null && first !== null && start - dob < 200 && first >= start;
  });
  if (i !== null) {
    // The year typed one too low: became looked after before being born.
    const start = dayOf(children[i].cells.lookedAfterStart) as number;
    const typo = start - 365;
    add(i, { kind: 'beforeBirth', field: 'lookedAfterStart', value: dayToUkText(typo), description: 'Became looked after before the date of birth (year typed one too low)' }, (c) => {
      c.cells.lookedAfterStart = { day: typo };
    });
  }
  // Planted last, so the rows of the errors above stay where samples/README.md lists them.
  const dateKeys = COLUMNS.filter((col) => col.kind === 'date' && col.key !== 'dateOfBirth').map((col) => col.key);
  const lastDay = (c: SampleChild) => Math.max(...dateKeys.map((key) => dayOf(c.cells[key]) ?? -Infinity));
  i = find(0.85, (c) => c.cells.ceasedDate === null && has(c, 'legalPermanence') && lastDay(c) <= asOf - 400);
  if (i !== null) {
    // Ceased when the journey ended, well over a year ago: an old row left in this month's data.
    const ceased = lastDay(children[i]);
    add(
      i,
      { kind: 'outsidePopulation', field: 'ceasedDate', value: dayToUkText(ceased), description: 'Ceased to be looked after more than a year before the as-of date: outside the PACE population' },
      (c) => {
        c.cells.ceasedDate = { day: ceased };
      },
    );
  }
  i = find(0.92, (c) => {
    const dob = dayOf(c.cells.dateOfBirth);
    const start = dayOf(c.cells.lookedAfterStart);
    const rec = dayOf(c.cells.permanenceRecommendation);
    return dob !== null && start !== null && rec !== null && has(c, 'firstAccommodated') && rec - 365 < start && rec - 365 > dob;
  });
  if (i !== null) {
    // The year typed one too low: a recommendation before the child became looked after (and before accommodation).
    const typo = (dayOf(children[i].cells.permanenceRecommendation) as number) - 365;
    add(
      i,
      { kind: 'recommendationBeforeLookedAfter', field: 'permanenceRecommendation', value: dayToUkText(typo), description: 'Permanence recommendation before the child became looked after (year typed one too low)' },
      (c) => {
        c.cells.permanenceRecommendation = { day: typo };
      },
    );
  }
  return planted.sort((a, b) => a.index - b.index);
}

// ───────────────────────────── the workbook ─────────────────────────────

function orderColumns(options: SampleOptions): SampleColumnKey[] {
  const base = [...COLUMNS, ...(options.extraLocalColumns ? EXTRA_COLUMNS : [])].map((c) => c.key);
  const order = options.columnOrder ?? 'standard';
  if (Array.isArray(order)) return order;
  if (order === 'reversed') return [...base].reverse();
  if (order === 'shuffled') {
    const rng = seededRandom((options.seed ?? 20240331) ^ 0x5eed);
    const keys = [...base];
    for (let k = keys.length - 1; k > 0; k--) {
      const s = Math.floor(rng() * (k + 1));
      [keys[k], keys[s]] = [keys[s], keys[k]];
    }
    return keys;
  }
  return base;
}

function cellValue(cell: SampleCell | undefined): ExcelJS.CellValue {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'string') return cell;
  if ('day' in cell) return dayToDate(cell.day);
  if ('serial' in cell) return cell.serial;
  if ('number' in cell) return cell.number;
  return { error: cell.error } as ExcelJS.CellErrorValue;
}

function isDateFormatted(cell: SampleCell | undefined): boolean {
  return !!cell && typeof cell === 'object' && ('day' in cell || 'serial' in cell);
}

/** Builds the sample workbook (in memory) and says where everything is. */
export function buildSampleWorkbook(options: SampleOptions = {}): SampleResult {
  const asOf = options.asOf ?? SAMPLE_AS_OF;
  const sheetName = options.sheetName ?? SAMPLE_SHEET;
  const above = options.rowsAboveHeader ?? 2;
  const headerRow = above + 1;
  const firstDataRow = headerRow + 1;
  const keys = orderColumns(options);
  const defs = new Map([...COLUMNS, ...EXTRA_COLUMNS].map((c) => [c.key, c]));
  const alt = options.wording === 'alternative';
  const headers: Partial<Record<SampleColumnKey, string>> = {};
  const letters: Partial<Record<SampleColumnKey, string>> = {};
  keys.forEach((k, idx) => {
    const def = defs.get(k);
    if (!def) throw new Error(`Unknown sample column ${k}`);
    headers[k] = alt ? def.altHeader : def.header;
    letters[k] = cellAddress(1, idx + 1).replace(/\d+$/, '');
  });

  const { children, planted } = generateChildren(options);
  const lastDataRow = firstDataRow + children.length - 1;

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'PACE Permanence Tracker sample generator';
  workbook.created = new Date(Date.UTC(2024, 3, 1));
  workbook.modified = workbook.created;
  if (options.date1904) workbook.properties.date1904 = true;
  const ws = workbook.addWorksheet(sheetName, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: headerRow }],
  });
  if (above >= 1) {
    const title = ws.getCell(1, 1);
    title.value = `PACE permanence tracker – Synthetic data – fictional children – as at ${dayToUkText(isoToDay(asOf))}`;
    title.font = { bold: true, size: 14 };
  }
  keys.forEach((k, idx) => {
    ws.getColumn(idx + 1).width = defs.get(k)?.width ?? 12;
  });

  const rows = children.map((c) => keys.map((k) => cellValue(c.cells[k])));
  if (options.asTable) {
    ws.addTable({
      name: SAMPLE_TABLE,
      ref: cellAddress(headerRow, 1),
      headerRow: true,
      style: { theme: 'TableStyleLight9', showRowStripes: true },
      columns: keys.map((k) => ({ name: headers[k] as string, filterButton: true })),
      rows,
    });
  } else {
    const header = ws.getRow(headerRow);
    keys.forEach((k, idx) => {
      const cell = header.getCell(idx + 1);
      cell.value = headers[k] as string;
      cell.font = { bold: true };
      cell.alignment = { wrapText: true, vertical: 'top' };
    });
    rows.forEach((values, r) => {
      const row = ws.getRow(firstDataRow + r);
      values.forEach((v, cIdx) => {
        if (v !== null) row.getCell(cIdx + 1).value = v;
      });
    });
  }
  // Date formats per cell: text typed into a date column keeps General, as it would in Excel.
  children.forEach((c, r) => {
    keys.forEach((k, cIdx) => {
      if (isDateFormatted(c.cells[k])) ws.getCell(firstDataRow + r, cIdx + 1).numFmt = DATE_FMT;
    });
  });

  if (options.notesSheet !== false) {
    const notes = workbook.addWorksheet('Notes');
    notes.getColumn(1).width = 110;
    const lines = [
      'Synthetic data – fictional children',
      `As-of date for this sample: ${dayToUkText(isoToDay(asOf))} (${asOf}).`,
      `Every child on the "${sheetName}" sheet is made up by a seeded generator (scripts/make-sample.js); IDs start with SYN.`,
      'Journeys start between 2019 and 2024 and cover all five routes: Fostering/Adoption, Kinship, Remaining at home, Rehabilitation home, Residential.',
      'Intervals are shorter for work started from 2022 (a simulated improvement), so run charts show a shift.',
      `A few realistic data errors are planted on purpose (${planted.length}); samples/README.md lists them with their cells.`,
      'Respite rows have "Yes" in the Respite column.',
    ];
    lines.forEach((text, idx) => {
      notes.getCell(idx + 1, 1).value = text;
    });
    notes.getCell(1, 1).font = { bold: true, size: 14 };
  }

  const plantedErrors: PlantedError[] = planted.map((p) => ({
    kind: p.kind,
    row: firstDataRow + p.index,
    field: p.field,
    header: headers[p.field] ?? p.field,
    cell: `${letters[p.field] ?? '?'}${firstDataRow + p.index}`,
    value: p.value,
    description: p.description,
  }));
  const respiteRows = children.flatMap((c, idx) => (c.cells.respite === 'Yes' ? [firstDataRow + idx] : []));
  return {
    workbook,
    sheetName,
    headerRow,
    firstDataRow,
    lastDataRow,
    columns: keys,
    headers,
    columnLetters: letters,
    children,
    plantedErrors,
    respiteRows,
    asOf,
  };
}

/** The sample as .xlsx bytes. */
export async function buildSampleBuffer(options: SampleOptions = {}): Promise<{ buffer: Buffer; sample: SampleResult }> {
  const sample = buildSampleWorkbook(options);
  const buffer = Buffer.from(await sample.workbook.xlsx.writeBuffer());
  return { buffer, sample };
}
