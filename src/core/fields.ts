/**
 * The canonical PACE fields (ids are the contract with the checks, the aims,
 * the command line and the tests: see pace-domain.md §1). Keep ids exactly.
 */
export type FieldKind = 'text' | 'date' | 'milestone' | 'flag';

export type CanonicalFieldId =
  | 'childId'
  | 'dateOfBirth'
  | 'gender'
  | 'lookedAfterStart'
  | 'firstAccommodated'
  | 'lastAccommodated'
  | 'permanenceRecommendation'
  | 'panel'
  | 'admDecision'
  | 'finalPlacement'
  | 'courtApplication'
  | 'legalPermanence'
  | 'placementType'
  | 'placementStart'
  | 'legalStatus'
  | 'legalStatusStart'
  | 'team'
  | 'route'
  | 'ceasedDate'
  | 'respite';

/** A canonical id, or a local milestone id chosen by the user (e.g. "legalAdviceMeeting"). */
export type FieldId = CanonicalFieldId | string;

export interface FieldDefinition {
  id: CanonicalFieldId;
  /** What a data lead calls it; used in messages, dropdowns and sheet headers. */
  label: string;
  /** Short label for narrow places (chart axes, table headers). */
  shortLabel: string;
  kind: FieldKind;
}

export const FIELDS: readonly FieldDefinition[] = [
  { id: 'childId', label: 'Child ID', shortLabel: 'Child ID', kind: 'text' },
  { id: 'dateOfBirth', label: 'Date of birth', shortLabel: 'DOB', kind: 'date' },
  { id: 'gender', label: 'Gender', shortLabel: 'Gender', kind: 'text' },
  { id: 'lookedAfterStart', label: 'Became looked after', shortLabel: 'Looked after', kind: 'milestone' },
  { id: 'firstAccommodated', label: 'First accommodated away from home', shortLabel: 'First accommodated', kind: 'milestone' },
  { id: 'lastAccommodated', label: 'Last accommodated away from home', shortLabel: 'Last accommodated', kind: 'milestone' },
  { id: 'permanenceRecommendation', label: 'Permanence recommendation', shortLabel: 'Recommendation', kind: 'milestone' },
  { id: 'panel', label: 'Permanence panel', shortLabel: 'Panel', kind: 'milestone' },
  { id: 'admDecision', label: 'Agency decision maker (ADM) decision', shortLabel: 'ADM decision', kind: 'milestone' },
  { id: 'finalPlacement', label: 'Moved to final placement', shortLabel: 'Final placement', kind: 'milestone' },
  { id: 'courtApplication', label: 'Court application lodged', shortLabel: 'Court application', kind: 'milestone' },
  { id: 'legalPermanence', label: 'Legal permanence secured', shortLabel: 'Legal permanence', kind: 'milestone' },
  { id: 'placementType', label: 'Current placement type', shortLabel: 'Placement type', kind: 'text' },
  { id: 'placementStart', label: 'Current placement start', shortLabel: 'Placement start', kind: 'date' },
  { id: 'legalStatus', label: 'Current legal status', shortLabel: 'Legal status', kind: 'text' },
  { id: 'legalStatusStart', label: 'Current legal status start', shortLabel: 'Legal status start', kind: 'date' },
  { id: 'team', label: 'Team / locality', shortLabel: 'Team', kind: 'text' },
  { id: 'route', label: 'Permanence route', shortLabel: 'Route', kind: 'text' },
  { id: 'ceasedDate', label: 'Ceased to be looked after', shortLabel: 'Ceased', kind: 'date' },
  { id: 'respite', label: 'Respite episode', shortLabel: 'Respite', kind: 'flag' },
];

export const FIELD_BY_ID: ReadonlyMap<string, FieldDefinition> = new Map(FIELDS.map((f) => [f.id, f]));

export const MILESTONES: readonly CanonicalFieldId[] = FIELDS.filter((f) => f.kind === 'milestone').map((f) => f.id);

/** Every canonical field holding a date (milestones and the other dates). */
export const DATE_FIELDS: readonly CanonicalFieldId[] = FIELDS.filter((f) => f.kind === 'milestone' || f.kind === 'date').map((f) => f.id);

export function isCanonicalField(id: string): id is CanonicalFieldId {
  return FIELD_BY_ID.has(id);
}

/** Label for any field id, canonical or local milestone (local ids are shown as the user named them). */
export function fieldLabel(id: FieldId, localLabels?: ReadonlyMap<string, string>): string {
  return FIELD_BY_ID.get(id)?.label ?? localLabels?.get(id) ?? id;
}

/**
 * The two expected chains along a journey (pace-domain.md §1). Each adjacent
 * pair is an order rule; finalPlacement deliberately appears in neither chain
 * because it may legitimately come before the ADM decision, and legal
 * permanence may come before it.
 */
export const MILESTONE_CHAINS: readonly (readonly CanonicalFieldId[])[] = [
  ['lookedAfterStart', 'firstAccommodated', 'lastAccommodated'],
  ['permanenceRecommendation', 'panel', 'admDecision', 'courtApplication', 'legalPermanence'],
];

/** The milestones of a child's journey to permanence, in the order they are expected (pace-domain.md §1). */
export const JOURNEY_MILESTONES = [
  'lookedAfterStart',
  'firstAccommodated',
  'permanenceRecommendation',
  'panel',
  'admDecision',
  'courtApplication',
  'legalPermanence',
] as const satisfies readonly CanonicalFieldId[];
