import type { CanonicalFieldId } from '../fields';
import { bestFieldForHeader, FIELD_WORDINGS, matchHeader, normaliseHeader, scoreHeaderForField } from './headers';

describe('normaliseHeader', () => {
  test.each([
    ['D.O.B.', 'date of birth'],
    ['DOB', 'date of birth'],
    ['Perm rec date (LAC review)', 'permanence recommendation date looked after review'],
    ['Date 1st accom', 'date first accommodated'],
    ['Agency Decision Maker approval', 'adm approval'],
    ['  Respite (Y/N) ', 'respite y n'],
    ['Fostering/Adoption panel', 'fostering adoption panel'],
    ['Child’s ID', 'childs id'],
    ['PO granted', 'permanence order granted'],
  ])('%p → %p', (header, expected) => {
    expect(normaliseHeader(header)).toBe(expected);
  });
});

const MAPS: [string, CanonicalFieldId][] = [
  ['CLAS ID', 'childId'],
  ['Child ID', 'childId'],
  ['ID', 'childId'],
  ['Unique ID', 'childId'],
  ['Child reference', 'childId'],
  ['SWIFT ID', 'childId'],
  ['Mosaic ID', 'childId'],
  ['CareFirst ID', 'childId'],
  ['Client ID', 'childId'],
  ['Person ID', 'childId'],
  ['Unique information system identifier', 'childId'],
  ['Child No.', 'childId'],
  ["Child's ID", 'childId'],
  ['Swift no.', 'childId'],
  ['Date of ADM', 'admDecision'],
  ['Date of Panel', 'panel'],
  ['Date application lodged', 'courtApplication'],
  ['Date PO granted', 'legalPermanence'],
  ['Date CSO terminated', 'legalPermanence'],
  ['Date Order Granted / CSO Terminated', 'legalPermanence'],
  ['Episode End Date', 'ceasedDate'],
  ['Date episode ended', 'ceasedDate'],
  ['Date moved to prospective adopters', 'finalPlacement'],
  ['Date of LAC review recommending permanence', 'permanenceRecommendation'],
  ['Date PO granted', 'legalPermanence'],
  ['Locality/Team', 'team'],
  ['SW Team', 'team'],
  ['Respite?', 'respite'],
  ['DOB', 'dateOfBirth'],
  ['D.O.B.', 'dateOfBirth'],
  ['Date of birth', 'dateOfBirth'],
  ['Birth date', 'dateOfBirth'],
  ['Child DOB', 'dateOfBirth'],
  ['Gender', 'gender'],
  ['Sex', 'gender'],
  ['Date LAC', 'lookedAfterStart'],
  ['Date became looked after', 'lookedAfterStart'],
  ['Start of episode', 'lookedAfterStart'],
  ['Episode start', 'lookedAfterStart'],
  ['LAC start date', 'lookedAfterStart'],
  ['Date looked after', 'lookedAfterStart'],
  ['Became LAC', 'lookedAfterStart'],
  ['Date child/young person became looked after (start of current episode of care)', 'lookedAfterStart'],
  ['Date accommodated/looked after', 'lookedAfterStart'],
  ['Date 1st accom', 'firstAccommodated'],
  ['First accommodated', 'firstAccommodated'],
  ['Date first accommodated away from home', 'firstAccommodated'],
  ['1st accommodation date', 'firstAccommodated'],
  ['First placement date', 'firstAccommodated'],
  ['Date child was first accommodated away from home (first placement in current episode)', 'firstAccommodated'],
  ['Last accommodated', 'lastAccommodated'],
  ['Date last accom', 'lastAccommodated'],
  ['Latest accommodation date', 'lastAccommodated'],
  ['Start of latest period of accommodation', 'lastAccommodated'],
  ['Date child was last accommodated away from home (start of latest period of accommodation)', 'lastAccommodated'],
  ['Perm rec date (LAC review)', 'permanenceRecommendation'],
  ['Permanence recommendation', 'permanenceRecommendation'],
  ['LAC review recommends permanence', 'permanenceRecommendation'],
  ['Date of permanence recommendation', 'permanenceRecommendation'],
  ['Recommendation for permanence', 'permanenceRecommendation'],
  ['Perm rec', 'permanenceRecommendation'],
  ['Perm. Rec. Date', 'permanenceRecommendation'],
  ['LAC review (or other meeting) recommends pursuing permanence at home or away from home for child', 'permanenceRecommendation'],
  ['Panel', 'panel'],
  ['Panel date', 'panel'],
  ['Fostering/Adoption panel', 'panel'],
  ['Permanence panel', 'panel'],
  ['Date of Fostering/Adoption/Permanence/Kinship Panel', 'panel'],
  ['Panel recommendation', 'panel'],
  ['ADM date', 'admDecision'],
  ['ADM', 'admDecision'],
  ['Agency decision maker', 'admDecision'],
  ['ADM decision', 'admDecision'],
  ['ADM sign off', 'admDecision'],
  ['ADM sign-off', 'admDecision'],
  ['Agency Decision Maker approval', 'admDecision'],
  ['Agency Decision Maker approval of decision to pursue permanence for child', 'admDecision'],
  ['Final placement', 'finalPlacement'],
  ['Move to final placement', 'finalPlacement'],
  ['Date of move to intended final placement', 'finalPlacement'],
  ['Permanent placement date', 'finalPlacement'],
  ['Date of move to (intended) final placement (even if not yet legally secured)', 'finalPlacement'],
  ['Court application lodged', 'courtApplication'],
  ['Application to court', 'courtApplication'],
  ['Date application submitted to court', 'courtApplication'],
  ['Court lodged', 'courtApplication'],
  ['PO application', 'courtApplication'],
  ['Date lodged', 'courtApplication'],
  ['Date of application submission to court', 'courtApplication'],
  ['Order granted', 'legalPermanence'],
  ['Date order granted', 'legalPermanence'],
  ['Legal permanence', 'legalPermanence'],
  ['Date legal permanence secured', 'legalPermanence'],
  ['PO granted', 'legalPermanence'],
  ['Adoption order', 'legalPermanence'],
  ['CSO terminated', 'legalPermanence'],
  ['Date that legal permanence is secured for child', 'legalPermanence'],
  ['Placement type', 'placementType'],
  ['Current placement type', 'placementType'],
  ['Placement', 'placementType'],
  ['Current placement type (including home)', 'placementType'],
  ['Placement start', 'placementStart'],
  ['Current placement start date', 'placementStart'],
  ['Legal status', 'legalStatus'],
  ['Current legal status', 'legalStatus'],
  ['Type of order', 'legalStatus'],
  ['Order type', 'legalStatus'],
  ['Current legal status/type of order', 'legalStatus'],
  ['Legal status start', 'legalStatusStart'],
  ['Legal status date', 'legalStatusStart'],
  ['Current legal status start date', 'legalStatusStart'],
  ['Current legal status/type of order start date', 'legalStatusStart'],
  ['Team', 'team'],
  ['Locality', 'team'],
  ['Area', 'team'],
  ['Current team/locality', 'team'],
  ['Social work team', 'team'],
  ['Route', 'route'],
  ['Permanence route', 'route'],
  ['Plan', 'route'],
  ['Permanence plan', 'route'],
  ['Pathway', 'route'],
  ['Ceased', 'ceasedDate'],
  ['Date ceased', 'ceasedDate'],
  ['Date ceased to be looked after', 'ceasedDate'],
  ['Episode end', 'ceasedDate'],
  ['End date', 'ceasedDate'],
  ['Date left care', 'ceasedDate'],
  ['Discharge date', 'ceasedDate'],
  ['Respite', 'respite'],
  ['Respite episode', 'respite'],
  ['Respite (Y/N)', 'respite'],
  ['Short break', 'respite'],
];

describe('matching real authority wording', () => {
  test.each(MAPS)('%p → %s', (header, field) => {
    const best = bestFieldForHeader(header);
    expect(best?.field).toBe(field);
    expect(best!.confidence).toBeGreaterThanOrEqual(0.5);
  });

  test('exact wordings are near-certain, longer wordings less so', () => {
    expect(scoreHeaderForField('Date of birth', 'dateOfBirth')).toBe(0.95);
    expect(scoreHeaderForField('Date of panel', 'panel')).toBeGreaterThanOrEqual(0.9);
    const long = scoreHeaderForField('Date of Fostering/Adoption/Permanence/Kinship Panel held', 'panel');
    expect(long).toBeGreaterThanOrEqual(0.5);
    expect(long).toBeLessThan(0.9);
  });
});

const MUST_NOT_MAP: string[] = [
  'Name',
  'Forename',
  'Surname',
  "Child's name",
  'Address',
  'Postcode',
  'Carer name',
  'Social worker',
  'Ceased reason',
  'Reason ceased',
  'Notes',
  'Comments',
  'Legal advice meeting',
  'Age',
  'Age at permanence recommendation',
  'Ethnicity',
  'Disability',
  'Number of placements',
  'Court hearing date',
  'Panel outcome',
  'Weeks from LAC to perm rec',
  'Days to panel',
  'Date',
  '',
  '   ',
  'Reason for becoming looked after',
  'Mother DOB',
  'Carer ID',
  'Worker ID',
  'LAC review date',
  'Placement end date',
  'Legal status end date',
  'Respite start date',
  'Column1',
  'PACE permanence tracker 2024',
  'Age at LAC',
  'Weeks LAC to Perm Rec',
  'No. of placements',
  'Date of final hearing',
  'First LAC Review',
  'Date of 1st LAC review',
  'Reason for accommodation',
  'Date of referral',
  "Date of Child's Plan meeting",
];

describe('headings that must not map', () => {
  test.each(MUST_NOT_MAP)('%p maps to nothing', (header) => {
    expect(matchHeader(header)).toEqual([]);
  });
});

describe('confusing pairs go to the right field', () => {
  test.each<[string, CanonicalFieldId, CanonicalFieldId]>([
    ['Legal status start', 'legalStatusStart', 'legalStatus'],
    ['Legal status', 'legalStatus', 'legalStatusStart'],
    ['Placement start', 'placementStart', 'placementType'],
    ['Placement type', 'placementType', 'placementStart'],
    ['Final placement', 'finalPlacement', 'placementType'],
    ['Date ceased', 'ceasedDate', 'lookedAfterStart'],
    ['Permanence panel', 'panel', 'permanenceRecommendation'],
    ['Permanence plan', 'route', 'permanenceRecommendation'],
    ['Legal permanence', 'legalPermanence', 'legalStatus'],
    ['First accommodated', 'firstAccommodated', 'lastAccommodated'],
    ['Last accommodated', 'lastAccommodated', 'firstAccommodated'],
    ['PO application', 'courtApplication', 'legalPermanence'],
    ['PO granted', 'legalPermanence', 'courtApplication'],
    ['Legal Status (current)', 'legalStatus', 'legalStatusStart'],
    ['Placement (current)', 'placementType', 'placementStart'],
    ['Current placement', 'placementType', 'placementStart'],
    ['Date placed', 'placementStart', 'placementType'],
  ])('%p is %s, not %s', (header, right, wrong) => {
    expect(bestFieldForHeader(header)?.field).toBe(right);
    expect(scoreHeaderForField(header, wrong)).toBeLessThan(scoreHeaderForField(header, right));
  });
});

describe('every known wording', () => {
  test('names its own field, near-certainly', () => {
    for (const { field, wordings } of FIELD_WORDINGS) {
      for (const wording of wordings) {
        const best = bestFieldForHeader(wording);
        expect([wording, best?.field]).toEqual([wording, field]);
        expect([wording, best!.confidence >= 0.9]).toEqual([wording, true]);
      }
    }
  });
});
