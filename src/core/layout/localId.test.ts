import { FIELDS } from '../fields';
import { localMilestoneId } from './localId';

describe('localMilestoneId', () => {
  test.each([
    ['Legal advice meeting', 'legalAdviceMeeting'],
    ['  Legal  advice   meeting ', 'legalAdviceMeeting'],
    ['LAC review (2nd)', 'lacReview2nd'],
    ['Child’s plan meeting', 'childsPlanMeeting'],
    ['Réunion', 'reunion'],
    ['2nd LAC review', 'local2ndLacReview'],
    ['', 'localMilestone'],
    ['***', 'localMilestone'],
    ['Panel', 'panelLocal'],
    ['Team', 'teamLocal'],
  ])('%p → %p', (header, id) => {
    expect(localMilestoneId(header)).toBe(id);
  });

  test('never collides with a canonical id', () => {
    for (const f of FIELDS) expect(localMilestoneId(f.id)).not.toBe(f.id);
  });

  test('avoids ids already taken', () => {
    expect(localMilestoneId('Legal advice meeting', ['legalAdviceMeeting'])).toBe('legalAdviceMeeting2');
    expect(localMilestoneId('Legal advice meeting', ['legalAdviceMeeting', 'legalAdviceMeeting2'])).toBe('legalAdviceMeeting3');
    expect(localMilestoneId('Legal advice meeting', ['other'])).toBe('legalAdviceMeeting');
  });
});
