/**
 * The synthetic children's journeys: each of the five permanence routes with
 * realistic intervals, shortened for work started after 2022 (so run charts
 * show a shift), respite rows, cut at the as-of date. Seeded: same options,
 * same children.
 */
import { isoToDay, SAMPLE_AS_OF, seededRandom, type PlantedAt, type SampleCell, type SampleChild, type SampleColumnKey, type SampleOptions, type SampleRoute } from './model';
import { plantErrors } from './plantedErrors';


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
