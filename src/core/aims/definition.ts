/**
 * Aim definitions: the presets shipped with the add-in, the defaults that
 * fill in an aim written with only id/start/end, validation of an aims file
 * (AIMS.json or the workbook's saved aims) and the PACE aim sentence.
 */
import type { AimDefinition, AimDefinitionInput, AimFilters, AimsFile, Baseline, CohortListInput, TestOfChange } from '../model';
import { FIELD_BY_ID, fieldLabel } from '../fields';
import { UserFacingError } from '../errors';
import { dayFromIso, ukFromDay } from '../dates';

/**
 * The presets (pace-domain.md §3). No cohort "from" date or deadline: they
 * measure every child on the sheet until the authority sets its own.
 * - 26 weeks, 90%: Scottish Government guidance asks for a plan for permanence
 *   within six months of accommodation; 90% is the level Highland chose for its
 *   accommodation-to-recommendation aim (aim 2), so a stretching but usual PACE level.
 * - 12 weeks, 75%: Highland aim 3 (recommendation to permanence panel).
 * - 16 weeks, 60%: Highland aim 4 (ADM sign-off to the order being lodged).
 * - The whole journey has no target: it is tracked, not judged.
 */
export const PRESET_AIMS: AimDefinitionInput[] = [
  {
    id: 'accommodation-to-recommendation',
    name: 'Accommodation to permanence recommendation',
    start: 'firstAccommodated',
    end: 'permanenceRecommendation',
    targetWeeks: 26,
    targetPercent: 90,
  },
  {
    id: 'recommendation-to-panel',
    name: 'Permanence recommendation to panel',
    start: 'permanenceRecommendation',
    end: 'panel',
    targetWeeks: 12,
    targetPercent: 75,
  },
  {
    id: 'adm-to-court-application',
    name: 'ADM decision to court application lodged',
    start: 'admDecision',
    end: 'courtApplication',
    targetWeeks: 16,
    targetPercent: 60,
  },
  {
    id: 'looked-after-to-legal-permanence',
    name: 'Becoming looked after to legal permanence',
    start: 'lookedAfterStart',
    end: 'legalPermanence',
    targetWeeks: null,
    targetPercent: null,
  },
];

export const DEFAULT_BASELINE_POINTS = 12;
export const DEFAULT_REPHASE_RUN = 9;

/** "First accommodated away from home" → "first accommodated away from home" (keeps "ADM"). */
function lowerFirst(text: string): string {
  if (text.length > 1 && text[1] === text[1].toUpperCase() && /[A-Z]/.test(text[1])) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The default name of an aim: its two milestones in the user's words. */
export function defaultAimName(start: string, end: string, localLabels?: ReadonlyMap<string, string>): string {
  return `${fieldLabel(start, localLabels)} to ${lowerFirst(fieldLabel(end, localLabels))}`;
}

/** Fills in every default of the contract (cli-contract.md, "aims"). */
export function normaliseAim(input: AimDefinitionInput, localLabels?: ReadonlyMap<string, string>): AimDefinition {
  const name = input.name && input.name.trim() !== '' ? input.name.trim() : defaultAimName(input.start, input.end, localLabels);
  return {
    id: input.id,
    name,
    start: input.start,
    end: input.end,
    targetWeeks: input.targetWeeks ?? null,
    targetPercent: input.targetPercent ?? null,
    cohortFrom: input.cohortFrom ?? null,
    deadline: input.deadline ?? null,
    excludeRespite: input.excludeRespite ?? true,
    filters: copyFilters(input.filters ?? {}),
    baseline: input.baseline ? { ...input.baseline } : { points: DEFAULT_BASELINE_POINTS },
    rephaseRun: input.rephaseRun === undefined ? DEFAULT_REPHASE_RUN : input.rephaseRun,
    direction: input.direction ?? 'down',
    rules: input.rules ?? 'ihi',
  };
}

function copyFilters(filters: AimFilters): AimFilters {
  const out: AimFilters = {};
  if (filters.route) out.route = [...filters.route];
  if (filters.team) out.team = [...filters.team];
  if (filters.placementType) out.placementType = [...filters.placementType];
  if (filters.ageAtStart) out.ageAtStart = { ...filters.ageAtStart };
  return out;
}

// ───────────────────────────── Validation ─────────────────────────────

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isIsoDate(v: unknown): v is string {
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && dayFromIso(v) !== null;
}

/** A value from the file as the user would recognise it: text as written, anything else in JSON (never "[object Object]"). */
function shown(v: unknown): string {
  if (typeof v === 'string') return `'${v}'`;
  const json = JSON.stringify(v);
  return json === undefined ? String(v) : json.length > 40 ? `${json.slice(0, 37)}...` : json;
}

function bad(message: string): never {
  throw new UserFacingError('badAims', message);
}

function describeMilestone(id: string): string {
  return FIELD_BY_ID.has(id) ? `'${fieldLabel(id)}' (${id})` : `'${id}'`;
}

const FILTER_TEXT_KEYS = ['route', 'team', 'placementType'] as const;

function checkFilters(value: unknown, who: string): AimFilters {
  if (!isObject(value)) bad(`${who}: "filters" must be a set of filters such as { "route": ["Kinship"] }.`);
  const out: AimFilters = {};
  for (const key of Object.keys(value)) {
    const v = value[key];
    if ((FILTER_TEXT_KEYS as readonly string[]).includes(key)) {
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
        bad(`${who}: the "${key}" filter must be a list of words, for example ["North", "South"].`);
      }
      out[key as (typeof FILTER_TEXT_KEYS)[number]] = (v as string[]).map((x) => x.trim());
    } else if (key === 'ageAtStart') {
      if (!isObject(v)) bad(`${who}: the "ageAtStart" filter must look like { "min": 0, "max": 4 }.`);
      const age: { min?: number; max?: number } = {};
      for (const bound of ['min', 'max'] as const) {
        const b = v[bound];
        if (b === undefined || b === null) continue;
        if (typeof b !== 'number' || !Number.isFinite(b) || b < 0) bad(`${who}: the age "${bound}" must be a number of years, 0 or more.`);
        age[bound] = b;
      }
      if (age.min !== undefined && age.max !== undefined && age.min > age.max) {
        bad(`${who}: the youngest age (${age.min}) is above the oldest age (${age.max}).`);
      }
      out.ageAtStart = age;
    } else {
      bad(`${who}: "${key}" is not a filter the add-in knows. Use route, team, placementType or ageAtStart.`);
    }
  }
  return out;
}

function checkBaseline(value: unknown, who: string): Baseline {
  if (isObject(value) && typeof value.points === 'number') {
    if (!Number.isInteger(value.points) || value.points < 1) bad(`${who}: the baseline must be a whole number of points, 1 or more.`);
    return { points: value.points };
  }
  if (isObject(value) && value.before !== undefined) {
    if (!isIsoDate(value.before)) bad(`${who}: the baseline "before" date ${shown(value.before)} is not a date written as yyyy-mm-dd.`);
    return { before: value.before };
  }
  return bad(`${who}: the baseline must be { "points": 12 } or { "before": "yyyy-mm-dd" }.`);
}

function checkAim(raw: unknown, index: number, known: ReadonlySet<string>, seenIds: Set<string>): AimDefinitionInput {
  if (!isObject(raw)) bad(`Aim number ${index + 1} is not written as an aim (it needs at least an id, a start and an end).`);
  const id = raw.id;
  if (typeof id !== 'string' || id.trim() === '') bad(`Aim number ${index + 1} has no id. Give each aim a short id, for example "aim2".`);
  const label = typeof raw.name === 'string' && raw.name.trim() !== '' ? `'${raw.name.trim()}' (${id})` : `'${id}'`;
  const who = `Aim ${label}`;
  if (seenIds.has(id)) bad(`${who}: another aim already has the id '${id}'. Each aim needs its own id.`);
  seenIds.add(id);

  const aim: AimDefinitionInput = { id, start: '', end: '' };
  for (const which of ['start', 'end'] as const) {
    const m = raw[which];
    if (typeof m !== 'string' || m.trim() === '') bad(`${who} has no ${which} milestone.`);
    if (!known.has(m)) {
      bad(`${who}: the ${which} milestone '${m}' is not a date column on this sheet. Pick one of: ${[...known].join(', ')}.`);
    }
    aim[which] = m;
  }
  if (aim.start === aim.end) bad(`${who} starts and ends at the same milestone, ${describeMilestone(aim.start)}. Choose two different milestones.`);

  if (raw.name !== undefined && raw.name !== null) {
    if (typeof raw.name !== 'string') bad(`${who}: the name must be text.`);
    aim.name = raw.name.trim();
  }
  if (raw.targetWeeks !== undefined && raw.targetWeeks !== null) {
    const w = raw.targetWeeks;
    if (typeof w !== 'number' || !Number.isFinite(w)) bad(`${who}: the target weeks must be a number.`);
    if (w < 0) bad(`${who}: the target weeks (${w}) cannot be negative.`);
    aim.targetWeeks = w;
  } else if (raw.targetWeeks === null) aim.targetWeeks = null;
  if (raw.targetPercent !== undefined && raw.targetPercent !== null) {
    const p = raw.targetPercent;
    if (typeof p !== 'number' || !Number.isFinite(p) || p < 0 || p > 100) {
      bad(`${who}: the target percentage (${shown(p)}) must be a number from 0 to 100.`);
    }
    aim.targetPercent = p;
  } else if (raw.targetPercent === null) aim.targetPercent = null;
  for (const key of ['cohortFrom', 'deadline'] as const) {
    const v = raw[key];
    if (v === undefined) continue;
    if (v === null || v === '') {
      aim[key] = null;
      continue;
    }
    if (!isIsoDate(v)) {
      const what = key === 'cohortFrom' ? '"from" date' : 'deadline';
      bad(`${who}: the ${what} ${shown(v)} is not a real date written as yyyy-mm-dd (for example 2022-04-01).`);
    }
    aim[key] = v;
  }
  if (raw.excludeRespite !== undefined) {
    if (typeof raw.excludeRespite !== 'boolean') bad(`${who}: "excludeRespite" must be true or false.`);
    aim.excludeRespite = raw.excludeRespite;
  }
  if (raw.filters !== undefined && raw.filters !== null) aim.filters = checkFilters(raw.filters, who);
  if (raw.baseline !== undefined && raw.baseline !== null) aim.baseline = checkBaseline(raw.baseline, who);
  if (raw.rephaseRun !== undefined) {
    const r = raw.rephaseRun;
    if (r !== null && (typeof r !== 'number' || !Number.isInteger(r) || r < 0)) {
      bad(`${who}: "rephaseRun" must be a whole number of points (0 or null to never re-phase).`);
    }
    aim.rephaseRun = r as number | null;
  }
  if (raw.direction !== undefined) {
    if (raw.direction !== 'down' && raw.direction !== 'up') bad(`${who}: "direction" must be "down" (fewer weeks is better) or "up".`);
    aim.direction = raw.direction;
  }
  if (raw.rules !== undefined) {
    if (raw.rules !== 'ihi' && raw.rules !== 'anhoej') bad(`${who}: "rules" must be "ihi" or "anhoej".`);
    aim.rules = raw.rules;
  }
  return aim;
}

function checkChange(raw: unknown, index: number): TestOfChange {
  if (!isObject(raw)) bad(`Test of change number ${index + 1} must have a date and a label.`);
  const label = typeof raw.label === 'string' ? raw.label.trim() : '';
  if (label === '') bad(`Test of change number ${index + 1} has no label. Say in a few words what changed.`);
  if (raw.date === undefined || raw.date === null || raw.date === '') bad(`Test of change '${label}' has no date. Give the date it started, written as yyyy-mm-dd.`);
  if (!isIsoDate(raw.date)) bad(`Test of change '${label}': the date ${shown(raw.date)} is not a real date written as yyyy-mm-dd.`);
  return { date: raw.date, label };
}

const COHORT_KEYS = ['id', 'name', 'months', 'reviewMilestone'];

/**
 * One cohort list of the file's "cohorts" (e.g. Highland aim 1): an id, a
 * whole number of months (default 24), and the date column holding the review
 * date, when the sheet has one.
 */
function checkCohort(raw: unknown, index: number, known: ReadonlySet<string>, seenIds: Set<string>): CohortListInput {
  if (!isObject(raw)) bad(`Cohort list number ${index + 1} is not written as a cohort list (it needs at least an id, for example { "id": "athome2y", "months": 24 }).`);
  const id = raw.id;
  if (typeof id !== 'string' || id.trim() === '') bad(`Cohort list number ${index + 1} has no id. Give each cohort list a short id, for example "athome2y".`);
  const label = typeof raw.name === 'string' && raw.name.trim() !== '' ? `'${raw.name.trim()}' (${id})` : `'${id}'`;
  const who = `Cohort list ${label}`;
  if (seenIds.has(id)) bad(`${who}: another aim or cohort list already has the id '${id}'. Each needs its own id.`);
  seenIds.add(id);
  for (const key of Object.keys(raw)) {
    if (!COHORT_KEYS.includes(key)) bad(`${who}: "${key}" is not something a cohort list can have. Use ${COHORT_KEYS.join(', ')}.`);
  }
  const cohort: CohortListInput = { id };
  if (raw.name !== undefined && raw.name !== null) {
    if (typeof raw.name !== 'string') bad(`${who}: the name must be text.`);
    cohort.name = raw.name.trim();
  }
  if (raw.months !== undefined && raw.months !== null) {
    const m = raw.months;
    if (typeof m !== 'number' || !Number.isInteger(m) || m < 1) {
      bad(`${who}: "months" (${shown(m)}) must be a whole number of months, 1 or more, for example 24 for more than two years.`);
    }
    cohort.months = m;
  }
  if (raw.reviewMilestone !== undefined) {
    const r = raw.reviewMilestone;
    if (r === null || r === '') cohort.reviewMilestone = null;
    else if (typeof r !== 'string') bad(`${who}: "reviewMilestone" must be the id of the date column holding the review date, for example "peerReview".`);
    else if (!known.has(r)) {
      bad(`${who}: the review date column '${r}' is not a date column on this sheet. Pick one of: ${[...known].join(', ')}, or leave "reviewMilestone" out.`);
    } else cohort.reviewMilestone = r;
  }
  return cohort;
}

/**
 * Validates an aims file (AIMS.json, or the aims saved in a workbook).
 * `knownFields` are the date fields an aim may start or end at: canonical
 * milestones and any local milestone mapped on the sheet.
 * Throws UserFacingError('badAims') naming the aim and the problem.
 */
export function parseAimsFile(json: unknown, knownFields: string[]): AimsFile {
  if (!isObject(json)) bad('The aims file must hold { "aims": [ … ] }.');
  if (!Array.isArray(json.aims)) bad('The aims file has no list of aims. It must hold { "aims": [ … ] }.');
  const known = new Set(knownFields);
  const seen = new Set<string>();
  const aims = json.aims.map((raw, i) => checkAim(raw, i, known, seen));
  const file: AimsFile = { aims };
  if (json.changes !== undefined && json.changes !== null) {
    if (!Array.isArray(json.changes)) bad('"changes" in the aims file must be a list of tests of change, each with a date and a label.');
    file.changes = json.changes.map((c, i) => checkChange(c, i));
  }
  if (json.cohorts !== undefined && json.cohorts !== null) {
    if (!Array.isArray(json.cohorts)) bad('"cohorts" in the aims file must be a list of cohort lists, for example [{ "id": "athome2y", "months": 24 }].');
    file.cohorts = json.cohorts.map((c, i) => checkCohort(c, i, known, seen));
  }
  return file;
}

// ───────────────────────────── The aim sentence ─────────────────────────────

/** What a child "will have" at each milestone, and the milestone as the start of a wait. */
const PHRASES: Record<string, { reached: string; from: string }> = {
  lookedAfterStart: { reached: 'become looked after', from: 'becoming looked after' },
  firstAccommodated: { reached: 'been accommodated away from home', from: 'first being accommodated away from home' },
  lastAccommodated: { reached: 'been accommodated away from home again', from: 'last being accommodated away from home' },
  permanenceRecommendation: { reached: 'a permanence recommendation', from: 'the permanence recommendation' },
  panel: { reached: 'been presented to the permanence panel', from: 'the permanence panel' },
  admDecision: { reached: 'an agency decision maker (ADM) decision', from: 'the agency decision maker (ADM) decision' },
  finalPlacement: { reached: 'moved to their final placement', from: 'moving to their final placement' },
  courtApplication: { reached: 'the court application lodged', from: 'the court application being lodged' },
  legalPermanence: { reached: 'legal permanence secured', from: 'legal permanence being secured' },
};

function reachedPhrase(id: string, localLabels?: ReadonlyMap<string, string>): string {
  return PHRASES[id]?.reached ?? `reached '${fieldLabel(id, localLabels)}'`;
}

function fromPhrase(id: string, localLabels?: ReadonlyMap<string, string>): string {
  return PHRASES[id]?.from ?? `'${fieldLabel(id, localLabels)}'`;
}

function ukFromIso(iso: string): string {
  const day = dayFromIso(iso);
  return day === null ? iso : ukFromDay(day);
}

function describeFilters(filters: AimFilters): string {
  const parts: string[] = [];
  const list = (words: string[]) => words.join(' or ');
  if (filters.route && filters.route.length > 0) parts.push(`on the ${list(filters.route)} route`);
  if (filters.placementType && filters.placementType.length > 0) parts.push(`in ${list(filters.placementType)} placements`);
  if (filters.team && filters.team.length > 0) parts.push(`in the ${list(filters.team)} team`);
  const age = filters.ageAtStart;
  if (age && (age.min !== undefined || age.max !== undefined)) {
    if (age.min !== undefined && age.max !== undefined) parts.push(`aged ${age.min} to ${age.max} at the start`);
    else if (age.min !== undefined) parts.push(`aged ${age.min} or over at the start`);
    else parts.push(`aged ${age.max} or under at the start`);
  }
  return parts.length === 0 ? '' : ` Only children ${parts.join(', ')}.`;
}

/**
 * The PACE aim sentence, e.g. "By 31/03/2025, 90% of children will have a
 * permanence recommendation within 26 weeks of first being accommodated away
 * from home. Includes children from 01/04/2022."
 */
export function aimStatement(aim: AimDefinition, localLabels?: ReadonlyMap<string, string>): string {
  const reached = reachedPhrase(aim.end, localLabels);
  const from = fromPhrase(aim.start, localLabels);
  let sentence: string;
  if (aim.targetWeeks === null) {
    sentence = `Tracks the weeks children take to have ${reached} from ${from} (no target set).`;
  } else {
    const by = aim.deadline ? `By ${ukFromIso(aim.deadline)}, ` : '';
    const who = aim.targetPercent === null ? 'children' : `${formatNumber(aim.targetPercent)}% of children`;
    const whoCased = by === '' ? who.charAt(0).toUpperCase() + who.slice(1) : who;
    sentence = `${by}${whoCased} will have ${reached} within ${formatNumber(aim.targetWeeks)} weeks of ${from}.`;
  }
  const includes = aim.cohortFrom ? ` Includes children from ${ukFromIso(aim.cohortFrom)}.` : ' Includes all children on the sheet.';
  const respite = aim.excludeRespite ? '' : ' Respite episodes are included.';
  return `${sentence}${includes}${describeFilters(aim.filters)}${respite}`;
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 10) / 10);
}
