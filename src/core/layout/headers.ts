/**
 * Matching a column heading, in any authority's wording, to a canonical
 * PACE field, with a confidence 0..1. Headings are normalised (case,
 * punctuation, abbreviations such as "LAC", "accom", "perm rec", "ADM"),
 * then compared with each field's known wordings: an exact wording scores
 * 0.95, the same words around "date"/"of"/"current" 0.9, a wording inside a
 * longer heading less the more extra words there are. Words that change the
 * meaning ("reason", "type", "start"…) rule a field out.
 */
import type { CanonicalFieldId } from '../fields';

/** Words replaced before matching, so "Date 1st accom" and "First accommodated" meet. */
const TOKEN_EXPANSIONS: Record<string, string> = {
  accom: 'accommodated',
  accomm: 'accommodated',
  accomodated: 'accommodated',
  accommodation: 'accommodated',
  accomodation: 'accommodated',
  accommodate: 'accommodated',
  lac: 'looked after',
  laac: 'looked after',
  lookedafter: 'looked after',
  perm: 'permanence',
  permanency: 'permanence',
  permanent: 'permanence',
  rec: 'recommendation',
  recc: 'recommendation',
  recd: 'recommendation',
  recom: 'recommendation',
  recommend: 'recommendation',
  recommends: 'recommendation',
  recommended: 'recommendation',
  recommending: 'recommendation',
  recommendations: 'recommendation',
  dob: 'date of birth',
  '1st': 'first',
  latest: 'last',
  app: 'application',
  appl: 'application',
  applic: 'application',
  applied: 'application',
  applications: 'application',
  submission: 'application',
  submitted: 'application',
  adms: 'adm',
  no: 'number',
  num: 'number',
  ref: 'reference',
  dte: 'date',
  dt: 'date',
  po: 'permanence order',
  poa: 'permanence order',
  cso: 'compulsory supervision order',
  sw: 'social work',
  moved: 'move',
  cease: 'ceased',
  ceasing: 'ceased',
  lodge: 'lodged',
  sex: 'gender',
  terminated: 'termination',
  terminate: 'termination',
  signoff: 'sign off',
  localities: 'locality',
  teams: 'team',
};

/** Whole phrases folded into one word first (multi-word abbreviations). */
const PHRASE_EXPANSIONS: [RegExp, string][] = [
  [/\bagency decision makers?\b/g, 'adm'],
  [/\bagency decision\b/g, 'adm'],
  [/\bd o b\b/g, 'dob'],
  [/\bf a\b/g, 'fostering adoption'],
  [/\blooked after and accommodated\b/g, 'accommodated'],
  [/\bunique information system identifier\b/g, 'unique id'],
  [/\bidentifier\b/g, 'id'],
];

/** Filler words: "Date of panel" and "Panel" mean the same column. */
const FILLER = new Set([
  'date', 'dates', 'of', 'the', 'to', 'for', 'a', 'an', 'on', 'at', 'current', 'currently', 'child', 'childs', 'yp',
  'young', 'person', 'persons', 'when', 'was', 'is', 'by', 'dd', 'mm', 'yy', 'yyyy', 'y', 'n', 'yn', 'in', 'and', 'or',
  'd', 'm', 'if', 'any', 'with',
]);

export interface FieldWording {
  field: CanonicalFieldId;
  /** Known wordings, written as a user would; normalised once at load. */
  wordings: string[];
  /** Any of these words in a heading rules the field out. */
  excluded: string[];
  /** When given, a heading must hold one of these words (a start date needs a word saying "start"). */
  required?: string[];
}

/** Words that make "Legal status …" or "Placement …" a start date rather than the type. */
const START_WORDS = ['start', 'started', 'date', 'from', 'since', 'began', 'placed', 'begin', 'commenced'];

export const FIELD_WORDINGS: readonly FieldWording[] = [
  {
    field: 'childId',
    wordings: [
      'Child ID', 'ID', 'CLAS ID', 'Unique ID', 'Child reference', 'SWIFT ID', 'Mosaic ID', 'CareFirst ID', 'Carefirst number',
      'Client ID', 'Person ID', 'Unique information system identifier', 'Child number', 'Case number', 'Case reference',
      'Reference number', 'Reference', 'Client number', 'Person number', 'Unique identifier', 'Child identifier', 'Record ID',
      'System ID', 'Paris ID', 'Eclipse ID', 'SEEMiS ID', 'Care first ID', 'Swift number', 'Mosaic number', 'CHI',
    ],
    excluded: [
      'name', 'carer', 'worker', 'sibling', 'siblings', 'mother', 'father', 'parent', 'birth', 'panel', 'placement', 'placements',
      'court', 'address', 'postcode', 'gender', 'moves', 'children', 'insurance', 'phone', 'telephone', 'contact', 'count', 'total',
    ],
  },
  {
    field: 'dateOfBirth',
    wordings: ['Date of birth', 'DOB', 'Birth date', 'Birthdate', 'Born'],
    excluded: ['mother', 'father', 'parent', 'carer', 'sibling', 'place', 'country', 'registered'],
  },
  {
    field: 'gender',
    wordings: ['Gender', 'Sex', 'Gender identity'],
    excluded: ['carer', 'worker'],
  },
  {
    field: 'lookedAfterStart',
    wordings: [
      'Date became looked after', 'Became looked after', 'Date LAC', 'LAC date', 'Start of episode', 'Episode start',
      'Episode start date', 'LAC start date', 'Date looked after', 'Became LAC', 'Looked after start', 'Looked after date',
      'Start of current episode of care', 'Start of care episode', 'Care episode start', 'Date became LAC',
      'Looked after since', 'Date accommodated/looked after', 'Date LAC started', 'Legal episode start', 'Start date of episode',
    ],
    excluded: ['ceased', 'end', 'ended', 'reason', 'legal status', 'status', 'type', 'placement', 'age', 'first', 'last', 'review', 'recommendation', 'left'],
  },
  {
    field: 'firstAccommodated',
    wordings: [
      'First accommodated', 'Date 1st accom', 'Date first accommodated away from home', 'First accommodated away from home',
      '1st accommodation date', 'First placement date', 'First placement', 'Date of first placement', 'First accommodation',
      'Date first accommodated', 'Accommodated', 'Date accommodated', 'First away from home',
    ],
    excluded: ['last', 'reason', 'type', 'age', 'ceased', 'end', 'address', 'carer'],
  },
  {
    field: 'lastAccommodated',
    wordings: [
      'Last accommodated', 'Date last accom', 'Latest accommodation date', 'Start of latest period of accommodation',
      'Last accommodated away from home', 'Date last accommodated away from home', 'Date last accommodated',
      'Most recent accommodation', 'Latest period of accommodation', 'Last accommodation',
    ],
    excluded: ['first', 'reason', 'type', 'age', 'ceased', 'end', 'address', 'carer'],
  },
  {
    field: 'permanenceRecommendation',
    wordings: [
      'Permanence recommendation', 'Perm rec', 'Perm rec date', 'Perm rec date (LAC review)', 'LAC review recommends permanence',
      'Date of permanence recommendation', 'Recommendation for permanence', 'Permanence recommendation made',
      'LAC review permanence recommendation', 'Review recommends permanence', 'Permanence recommended',
      'Recommendation to pursue permanence', 'Looked after review recommendation', 'CLAS permanence recommendation',
      'Date permanence recommended', 'Permanence rec at LAC review', 'Recommendation',
    ],
    excluded: ['panel', 'adm', 'reason', 'type', 'route', 'outcome', 'court', 'order', 'granted', 'plan'],
  },
  {
    field: 'panel',
    wordings: [
      'Panel', 'Panel date', 'Fostering/Adoption panel', 'Permanence panel', 'Date of Fostering/Adoption/Permanence/Kinship Panel',
      'Adoption panel', 'Fostering panel', 'Kinship panel', 'Adoption and permanence panel', 'Date of panel',
      'Fostering and adoption panel', 'Permanence panel date', 'Panel meeting', 'Date to panel',
      'Presented to panel',
    ],
    excluded: ['outcome', 'reason', 'type', 'chair', 'minutes', 'adm', 'court', 'number', 'member', 'members', 'deferred'],
  },
  {
    field: 'admDecision',
    wordings: [
      'ADM', 'ADM date', 'ADM decision', 'ADM sign off', 'Agency Decision Maker', 'Agency Decision Maker approval',
      'ADM approval', 'ADM decision date', 'Date of ADM decision', 'ADM signed off', 'Agency decision maker sign off',
      'ADM approves permanence', 'ADM approval of permanence', 'CLAS ADM', 'ADM ratified', 'ADM ratification',
    ],
    excluded: ['panel', 'court', 'reason', 'outcome', 'name', 'lodged'],
  },
  {
    field: 'finalPlacement',
    wordings: [
      'Final placement', 'Move to final placement', 'Date of move to intended final placement', 'Permanent placement date',
      'Permanent placement', 'Moved to final placement', 'Intended final placement', 'Date moved to permanent placement',
      'Final placement date', 'Move to permanent placement', 'Move to intended final placement', 'Date of final placement',
      'Moved to permanent carers', 'Placed with permanent carers', 'Moved to prospective adopters', 'Date moved to prospective adopters',
      'Placed with prospective adopters', 'Move to permanent carers',
    ],
    excluded: ['type', 'reason', 'address', 'carer name', 'name', 'postcode', 'end', 'ended'],
  },
  {
    field: 'courtApplication',
    wordings: [
      'Court application lodged', 'Application to court', 'Date application submitted to court', 'Court lodged', 'PO application',
      'Date lodged', 'Court application', 'Application lodged', 'Date of application submission to court', 'Application submission to court',
      'Date application lodged', 'Lodged in court', 'Application submitted', 'Permanence order application', 'Adoption application',
      'Date lodged with court', 'Court application date', 'Lodged', 'POA application', 'Application to court lodged',
    ],
    excluded: ['granted', 'hearing', 'outcome', 'reason', 'withdrawn', 'type', 'legal aid', 'advice'],
  },
  {
    field: 'legalPermanence',
    wordings: [
      'Order granted', 'Date order granted', 'Legal permanence', 'Date legal permanence secured', 'PO granted', 'Legal permanence secured',
      'Permanence order granted', 'Date of order', 'Adoption order granted', 'Adoption order', 'CSO terminated', 'CSO termination',
      'Date CSO terminated', 'Order terminated', 'Termination of order', 'Legally secured', 'Date legally secured',
      'Permanence secured', 'Permanence order made', 'Order made', 'POA granted', 'Kinship care order granted', 'Order date',
    ],
    excluded: ['application', 'lodged', 'type', 'status', 'reason', 'hearing', 'advice', 'start', 'started', 'began'],
  },
  {
    field: 'placementType',
    wordings: [
      'Placement type', 'Current placement type', 'Placement', 'Type of placement', 'Current placement', 'Placement category',
      'Accommodation type', 'Placement type including home', 'Placement code',
    ],
    excluded: ['start', 'date', 'final', 'permanence', 'reason', 'end', 'ended', 'move', 'first', 'last', 'address', 'postcode', 'number', 'moves', 'area', 'team', 'started'],
  },
  {
    field: 'placementStart',
    wordings: [
      'Placement start', 'Current placement start date', 'Placement start date', 'Date of current placement', 'Date placed',
      'Current placement from', 'Placement date', 'Date current placement started', 'Placement began', 'Placement started',
    ],
    excluded: ['type', 'final', 'permanence', 'reason', 'end', 'ended', 'address', 'first', 'last', 'area'],
    required: START_WORDS,
  },
  {
    field: 'legalStatus',
    wordings: [
      'Legal status', 'Current legal status', 'Type of order', 'Order type', 'Current legal status/type of order', 'Legal order',
      'Current order', 'Legal status type', 'Status', 'Legal basis',
    ],
    excluded: ['start', 'date', 'end', 'ended', 'from', 'since', 'granted', 'termination', 'began', 'started', 'placement', 'respite', 'case'],
  },
  {
    field: 'legalStatusStart',
    wordings: [
      'Legal status start', 'Legal status date', 'Current legal status start date', 'Legal status start date', 'Order start date',
      'Legal status from', 'Current legal status/type of order start date', 'Date of current legal status', 'Legal status since',
      'Date legal status began', 'Legal status began', 'Legal status started',
    ],
    excluded: ['end', 'ended', 'reason', 'placement'],
    required: START_WORDS,
  },
  {
    field: 'team',
    wordings: [
      'Team', 'Locality', 'Area', 'Current team/locality', 'Social work team', 'Team/locality', 'Area team', 'Allocated team',
      'Local office', 'District', 'Team name', 'Locality team',
    ],
    excluded: ['placement', 'address', 'postcode', 'manager', 'leader', 'worker', 'date', 'panel', 'court'],
  },
  {
    field: 'route',
    wordings: [
      'Route', 'Permanence route', 'Plan', 'Permanence plan', 'Pathway', 'Permanence pathway', 'Permanence destination',
      'Care plan', 'Plan for permanence', 'Route to permanence', 'Permanence type', 'Type of permanence', 'Intended permanence',
    ],
    excluded: ['date', 'reason', 'review', 'recommendation', 'panel', 'adm', 'order', 'meeting'],
  },
  {
    field: 'ceasedDate',
    wordings: [
      'Ceased', 'Date ceased', 'Date ceased to be looked after', 'Episode end', 'End date', 'Date left care', 'Discharge date',
      'Ceased to be looked after', 'Ceased looked after', 'Episode end date', 'Left care', 'Date of discharge', 'LAC end date',
      'Looked after end date', 'Date LAC ended', 'End of episode', 'Date care ended', 'Care ended', 'Date left',
      'Episode ended', 'Date episode ended', 'Date ceased LAC',
    ],
    excluded: ['reason', 'destination', 'type', 'age', 'why', 'placement', 'legal', 'status', 'order', 'respite', 'start'],
  },
  {
    field: 'respite',
    wordings: ['Respite', 'Respite episode', 'Respite (Y/N)', 'Short break', 'Short breaks', 'Respite care', 'Is respite', 'Respite only', 'Short break episode'],
    excluded: ['date', 'start', 'end', 'reason', 'carer', 'number', 'nights'],
  },
];

/**
 * Words that make any heading something other than a field: computed
 * intervals ("Weeks LAC to perm rec"), ages, reasons and free-text notes.
 */
const EXCLUDED_EVERYWHERE = ['weeks', 'days', 'months', 'duration', 'timescale', 'within', 'target', 'age', 'reason', 'why', 'comments', 'comment', 'notes', 'note'];

const PUNCTUATION_TO_SPACE = /[\s/\\\-_(),:;&+|[\]{}<>=?!"*~^@#%$£]+/g;

/**
 * Lower-case words of a heading with abbreviations expanded: "D.O.B." →
 * "date of birth", "Perm rec date (LAC review)" → "permanence recommendation
 * date looked after review".
 */
export function normaliseHeader(header: string): string {
  let text = header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[.'’`]/g, '')
    .replace(PUNCTUATION_TO_SPACE, ' ')
    .replace(/[^a-z0-9 ]/g, '')
    .trim();
  for (const [pattern, replacement] of PHRASE_EXPANSIONS) text = text.replace(pattern, replacement);
  const words: string[] = [];
  for (const word of text.split(' ')) {
    if (word === '') continue;
    words.push(TOKEN_EXPANSIONS[word] ?? word);
  }
  let joined = words.join(' ');
  for (const [pattern, replacement] of PHRASE_EXPANSIONS) joined = joined.replace(pattern, replacement);
  return joined;
}

function contentWords(normalised: string): string[] {
  return normalised.split(' ').filter((w) => w !== '' && !FILLER.has(w));
}

/** True when `needle` appears in `haystack` as consecutive words. */
function containsRun(haystack: string[], needle: string[]): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

interface PreparedWording {
  full: string;
  words: string[];
}

interface PreparedField {
  field: CanonicalFieldId;
  wordings: PreparedWording[];
  excluded: string[][];
  required: string[] | null;
}

const PREPARED: PreparedField[] = FIELD_WORDINGS.map((w) => ({
  field: w.field,
  wordings: w.wordings.map((text) => {
    const full = normaliseHeader(text);
    return { full, words: contentWords(full) };
  }),
  excluded: [...w.excluded, ...EXCLUDED_EVERYWHERE].map((text) => normaliseHeader(text).split(' ')),
  required: w.required ?? null,
}));

function scoreWording(full: string, words: string[], wording: PreparedWording): number {
  if (wording.words.length === 0 || words.length === 0) return 0;
  if (full === wording.full) return 0.95;
  if (words.length === wording.words.length && containsRun(words, wording.words)) return 0.9;
  const coverage = wording.words.length / words.length;
  if (containsRun(words, wording.words)) return Math.min(0.85, 0.5 + 0.35 * coverage);
  if (wording.words.every((w) => words.includes(w))) return Math.min(0.75, 0.4 + 0.3 * coverage);
  return 0;
}

/** How well a heading names one field, 0..1 (0 when a word rules it out). */
export function scoreHeaderForField(header: string, field: CanonicalFieldId): number {
  const prepared = PREPARED.find((p) => p.field === field);
  if (!prepared) return 0;
  const full = normaliseHeader(header);
  return scorePrepared(full, contentWords(full), full.split(' '), prepared);
}

function scorePrepared(full: string, words: string[], allWords: string[], prepared: PreparedField): number {
  for (const excluded of prepared.excluded) if (containsRun(allWords, excluded)) return 0;
  if (prepared.required && !prepared.required.some((w) => allWords.includes(w))) return 0;
  let best = 0;
  for (const wording of prepared.wordings) {
    const score = scoreWording(full, words, wording);
    if (score > best) best = score;
  }
  return best;
}

export interface HeaderMatch {
  field: CanonicalFieldId;
  confidence: number;
}

/** Below this a heading is not taken to name a field. */
export const MIN_CONFIDENCE = 0.5;

const matchCache = new Map<string, HeaderMatch[]>();

/**
 * Every field a heading could name, best first, each at least MIN_CONFIDENCE.
 * Cached: the same headings are scored for every candidate row and sheet.
 */
export function matchHeader(header: string): HeaderMatch[] {
  const cached = matchCache.get(header);
  if (cached) return cached;
  const full = normaliseHeader(header);
  const words = contentWords(full);
  const allWords = full.split(' ');
  const matches: HeaderMatch[] = [];
  if (full.length > 0 && full.length <= 120) {
    for (const prepared of PREPARED) {
      const confidence = scorePrepared(full, words, allWords, prepared);
      if (confidence >= MIN_CONFIDENCE) matches.push({ field: prepared.field, confidence });
    }
    matches.sort((a, b) => b.confidence - a.confidence);
  }
  if (matchCache.size > 20_000) matchCache.clear();
  matchCache.set(header, matches);
  return matches;
}

/** The field a heading most likely names, or null. */
export function bestFieldForHeader(header: string): HeaderMatch | null {
  return matchHeader(header)[0] ?? null;
}
