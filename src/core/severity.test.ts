import { SEVERITY_LABELS, severityCount, severityCounts } from './severity';

describe('severity words, the same everywhere', () => {
  test('labels are Error, Warning and Note', () => {
    expect(SEVERITY_LABELS).toEqual({ error: 'Error', warning: 'Warning', info: 'Note' });
  });
  test('counts use the singular for one and the plural otherwise', () => {
    expect(severityCount('error', 1)).toBe('1 error');
    expect(severityCount('info', 0)).toBe('0 notes');
    expect(severityCounts({ error: 2, warning: 1, info: 5 })).toBe('2 errors, 1 warning, 5 notes');
  });
});
