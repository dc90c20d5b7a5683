import type { AimResult, Finding, SheetLayout } from '../core/model';
import {
  aimFigures,
  checkVerdict,
  dateFromIso,
  findingLabel,
  formatUkDate,
  isoFromDate,
  mappingVerdict,
  parseTypedDate,
  UK_CALENDAR_FORMATTING,
  blankAim,
  chooseField,
  children,
  filterFindings,
  groupFindings,
  isIsoDate,
  listText,
  localMilestoneId,
  mappingFromRows,
  milestoneChoices,
  needsChecking,
  nextAimId,
  parseList,
  parseNumber,
  percentText,
  problemTitle,
  ruleLabel,
  rowsFromLayout,
  themeFromBackground,
  ukDate,
  weeksText,
  withFreshId,
} from './view';

const finding = (over: Partial<Finding>): Finding => ({
  rule: 'adm-before-panel',
  severity: 'error',
  cell: 'J5',
  row: 5,
  field: 'admDecision',
  childId: 'C1',
  message: 'ADM decision (02/03/2021) is before the panel (15/04/2021).',
  ...over,
});

describe('ukDate', () => {
  it('turns ISO dates into dd/mm/yyyy', () => {
    expect(ukDate('2024-03-31')).toBe('31/03/2024');
    expect(ukDate('2019-01-02')).toBe('02/01/2019');
  });
  it('leaves other text alone and shows nothing for blanks', () => {
    expect(ukDate('soon')).toBe('soon');
    expect(ukDate('')).toBe('');
    expect(ukDate(null)).toBe('');
  });
});

describe('isIsoDate', () => {
  it('accepts real days only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('31/03/2024')).toBe(false);
    expect(isIsoDate('')).toBe(false);
  });
});

describe('themeFromBackground', () => {
  it('is dark for Office dark backgrounds and light for light ones', () => {
    expect(themeFromBackground('#262626')).toBe('dark');
    expect(themeFromBackground('#000000')).toBe('dark');
    expect(themeFromBackground('#ffffff')).toBe('light');
    expect(themeFromBackground('#F3F2F1')).toBe('light');
  });
  it('is light when Office gives no colour', () => {
    expect(themeFromBackground(undefined)).toBe('light');
    expect(themeFromBackground('not a colour')).toBe('light');
  });
});

describe('problemTitle', () => {
  it('has a plain title for each kind', () => {
    expect(problemTitle('emptyWorkbook')).toBe('This workbook is empty');
    expect(problemTitle('noHeader')).toMatch(/headings/);
    expect(problemTitle('protectedSheet')).toMatch(/protected/);
    expect(problemTitle('usage')).toBe('Please check');
  });
});

describe('filterFindings', () => {
  const list = [
    finding({ severity: 'error', childId: 'C1', cell: 'J5' }),
    finding({ severity: 'warning', childId: 'C2', cell: 'D9', message: 'Two-digit year read as 2019.', rule: 'two-digit-year' }),
    finding({ severity: 'info', childId: null, cell: 'H3', message: 'Local column not used.', rule: 'unmapped-local-column' }),
  ];
  it('keeps only the chosen severities', () => {
    expect(filterFindings(list, { severities: new Set(['error']), text: '' }).map((f) => f.cell)).toEqual(['J5']);
    expect(filterFindings(list, { severities: new Set(['warning', 'info']), text: '' }).map((f) => f.cell)).toEqual(['D9', 'H3']);
  });
  it('finds every word in the message, child, cell or rule, ignoring case', () => {
    const all = new Set(['error', 'warning', 'info'] as const);
    expect(filterFindings(list, { severities: all, text: 'c2' }).map((f) => f.cell)).toEqual(['D9']);
    expect(filterFindings(list, { severities: all, text: 'ADM panel' }).map((f) => f.cell)).toEqual(['J5']);
    expect(filterFindings(list, { severities: all, text: 'h3' }).map((f) => f.cell)).toEqual(['H3']);
    expect(filterFindings(list, { severities: all, text: 'nothing-like-this' })).toEqual([]);
  });
});

describe('groupFindings', () => {
  const list = [
    finding({ rule: 'two-digit-year', severity: 'warning', childId: 'C2', row: 9, cell: 'D9' }),
    finding({ rule: 'adm-before-panel', severity: 'error', childId: 'C3', row: 12, cell: 'J12' }),
    finding({ rule: 'two-digit-year', severity: 'warning', childId: 'C1', row: 4, cell: 'E4' }),
    finding({ rule: 'missing-child-id', severity: 'error', childId: null, row: 7, cell: 'A7' }),
  ];
  it('by rule: most serious first, findings in row order', () => {
    const groups = groupFindings(list, 'rule');
    expect(groups.map((g) => g.key)).toEqual(['adm-before-panel', 'missing-child-id', 'two-digit-year']);
    expect(groups[2].findings.map((f) => f.cell)).toEqual(['E4', 'D9']);
    expect(groups[0].label).toBe('ADM decision before panel');
  });
  it('by child: in sheet order, a row without an ID named by its row', () => {
    const groups = groupFindings(list, 'child');
    expect(groups.map((g) => g.label)).toEqual(['Child C1', 'Row 7 (no child ID)', 'Child C2', 'Child C3']);
  });
  it('ruleLabel turns ids into words', () => {
    expect(ruleLabel('future-date')).toBe('Date after the as-of date');
  });
});

describe('column mapping rows', () => {
  const layout: SheetLayout = {
    sheet: 'Tracker',
    headerRow: 3,
    firstDataRow: 4,
    lastDataRow: 303,
    date1904: false,
    table: null,
    columns: [
      { field: 'childId', header: 'CLAS ID', column: 'A', confidence: 0.95 },
      { field: 'panel', header: 'Panel date', column: 'I', confidence: 0.6 },
      { field: 'route', header: 'Route', column: 'AA', confidence: 0.9 },
    ],
    unmapped: [{ header: 'Legal advice meeting', column: 'H', looksLikeDates: true }],
  };

  it('lists mapped and unmapped columns in sheet order (A, H, I, AA)', () => {
    const rows = rowsFromLayout(layout);
    expect(rows.map((r) => r.column)).toEqual(['A', 'H', 'I', 'AA']);
    expect(rows[1]).toMatchObject({ field: null, header: 'Legal advice meeting', looksLikeDates: true });
  });

  it('flags guesses under 0.7 for checking', () => {
    const rows = rowsFromLayout(layout);
    expect(rows.filter(needsChecking).map((r) => r.column)).toEqual(['I']);
  });

  it('choosing a field frees it from any other column and marks the choice as the user’s', () => {
    const rows = chooseField(rowsFromLayout(layout), 'H', 'panel');
    expect(rows.find((r) => r.column === 'H')).toMatchObject({ field: 'panel', confidence: 1 });
    expect(rows.find((r) => r.column === 'I')).toMatchObject({ field: null });
  });

  it('a local milestone keeps its label; Not used drops the column from the mapping', () => {
    let rows = chooseField(rowsFromLayout(layout), 'H', 'legalAdviceMeeting', 'Legal advice meeting');
    rows = chooseField(rows, 'AA', null);
    const mapping = mappingFromRows(rows);
    expect(mapping.map((m) => m.column)).toEqual(['A', 'H', 'I']);
    expect(mapping[1]).toEqual({ field: 'legalAdviceMeeting', header: 'Legal advice meeting', column: 'H', confidence: 1, label: 'Legal advice meeting' });
    expect(mapping[0]).toEqual({ field: 'childId', header: 'CLAS ID', column: 'A', confidence: 0.95 });
  });

  it('changing a local milestone back to a canonical field drops its label', () => {
    let rows = chooseField(rowsFromLayout(layout), 'H', 'legalAdviceMeeting', 'Legal advice meeting');
    rows = chooseField(rows, 'H', 'finalPlacement');
    expect(mappingFromRows(rows).find((m) => m.column === 'H')).toEqual({ field: 'finalPlacement', header: 'Legal advice meeting', column: 'H', confidence: 1 });
  });
});

describe('localMilestoneId', () => {
  it('makes a camelCase id from the name', () => {
    expect(localMilestoneId('Legal advice meeting', [])).toBe('legalAdviceMeeting');
    expect(localMilestoneId('  LAC review (2nd) ', [])).toBe('lacReview2nd');
  });
  it('never reuses an id already taken, canonical or local', () => {
    expect(localMilestoneId('Panel', ['panel'])).toBe('panelLocal');
    expect(localMilestoneId('Panel', ['panelLocal'])).toBe('panelLocal2');
    expect(localMilestoneId('Legal advice meeting', ['legalAdviceMeeting'])).toBe('legalAdviceMeeting2');
  });
  it('gives a usable id for names with no letters first', () => {
    expect(localMilestoneId('2nd review', [])).toBe('local2ndReview');
    expect(localMilestoneId('???', [])).toBe('localMilestone');
  });
});

describe('milestoneChoices', () => {
  it('offers milestones, other dates and local milestones, not text fields', () => {
    const choices = milestoneChoices([
      { id: 'childId', label: 'Child ID', kind: 'text' },
      { id: 'panel', label: 'Panel', kind: 'milestone' },
      { id: 'ceasedDate', label: 'Ceased', kind: 'date' },
      { id: 'respite', label: 'Respite', kind: 'flag' },
      { id: 'legalAdviceMeeting', label: 'Legal advice meeting', kind: 'local' },
    ]);
    expect(choices.map((c) => c.id)).toEqual(['panel', 'ceasedDate', 'legalAdviceMeeting']);
  });
});

describe('aim editing helpers', () => {
  it('parseList and listText round-trip comma-separated values', () => {
    expect(parseList(' Fostering/Adoption, Kinship ,, ')).toEqual(['Fostering/Adoption', 'Kinship']);
    expect(parseList('  ')).toBeUndefined();
    expect(listText(['North', 'South'])).toBe('North, South');
    expect(listText(undefined)).toBe('');
  });
  it('parseNumber gives null for blanks and words', () => {
    expect(parseNumber('26')).toBe(26);
    expect(parseNumber(' 12.5 ')).toBe(12.5);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('soon')).toBeNull();
  });
  it('nextAimId and blankAim never clash with existing aims', () => {
    const aims = [blankAim([])];
    expect(aims[0].id).toBe('aim1');
    expect(nextAimId(aims)).toBe('aim2');
    expect(nextAimId([{ id: 'aim2', start: 'a', end: 'b' }])).toBe('aim3');
    expect(blankAim(aims)).toMatchObject({ id: 'aim2', start: 'firstAccommodated', end: 'permanenceRecommendation', targetWeeks: 26 });
  });
  it('withFreshId keeps a preset’s id unless it is already used', () => {
    const preset = { id: 'recommendation-to-panel', start: 'permanenceRecommendation', end: 'panel' };
    expect(withFreshId(preset, []).id).toBe('recommendation-to-panel');
    expect(withFreshId(preset, [preset]).id).toBe('aim2');
  });
  it('figures read plainly', () => {
    expect(percentText(41.5)).toBe('41.5%');
    expect(percentText(null)).toBe('–');
    expect(weeksText(29.25)).toBe('29.3 weeks');
    expect(weeksText(null)).toBe('–');
    expect(children(1)).toBe('1 child');
    expect(children(1200)).toBe('1,200 children');
  });
});

describe('dates in the date fields', () => {
  it('shows day/month/year whatever the locale', () => {
    expect(formatUkDate(new Date(2024, 2, 31))).toBe('31/03/2024');
    expect(formatUkDate(null)).toBe('');
  });
  it('reads typed dates day first, with short years and month names, by the core parser', () => {
    expect(isoFromDate(parseTypedDate('31/3/24') as Date)).toBe('2024-03-31');
    expect(isoFromDate(parseTypedDate('1/2/2024') as Date)).toBe('2024-02-01');
    expect(isoFromDate(parseTypedDate('31 March 2024') as Date)).toBe('2024-03-31');
    expect(isoFromDate(parseTypedDate('2024-03-31') as Date)).toBe('2024-03-31');
  });
  it('refuses month-first and impossible dates rather than guessing', () => {
    expect(parseTypedDate('03/31/2024')).toBeNull();
    expect(parseTypedDate('31/02/2024')).toBeNull();
    expect(parseTypedDate('soon')).toBeNull();
  });
  it('turns yyyy-mm-dd into a local-midnight date and back', () => {
    const d = dateFromIso('2024-03-31') as Date;
    expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours()]).toEqual([2024, 2, 31, 0]);
    expect(isoFromDate(d)).toBe('2024-03-31');
    expect(dateFromIso('2024-02-30')).toBeNull();
    expect(dateFromIso('')).toBeNull();
  });
  it('names days in the calendar the UK way', () => {
    expect(UK_CALENDAR_FORMATTING.formatMonthDayYear(new Date(2024, 2, 31))).toBe('31 March 2024');
  });
});

describe('checkVerdict', () => {
  it('never calls a check with errors a success', () => {
    const v = checkVerdict({ error: 11, warning: 3, info: 2 }, '2024-03-31');
    expect(v.intent).toBe('error');
    expect(v.title).toBe('Check finished: 11 errors to fix and 3 warnings to look at');
    expect(v.detail).toBe('As of 31/03/2024: 11 errors, 3 warnings, 2 notes.');
  });
  it('uses the warning colour when only warnings were found', () => {
    const v = checkVerdict({ error: 0, warning: 1, info: 0 }, '2024-03-31');
    expect(v.intent).toBe('warning');
    expect(v.title).toBe('Check finished: no errors, 1 warning to look at');
  });
  it('is a success only when nothing needs fixing', () => {
    expect(checkVerdict({ error: 0, warning: 0, info: 4 }, '2024-03-31').intent).toBe('success');
    expect(checkVerdict({ error: 1, warning: 0, info: 0 }, '2024-03-31').title).toBe('Check finished: 1 error to fix');
  });
});

describe('findingLabel', () => {
  it('says severity, cell, child and message for a screen reader', () => {
    expect(findingLabel(finding({}))).toBe('Error, Cell J5, Child C1: ADM decision (02/03/2021) is before the panel (15/04/2021).');
    expect(findingLabel(finding({ severity: 'info', childId: null }))).toMatch(/^Note, Cell J5: /);
  });
});

describe('mappingVerdict', () => {
  const row = (column: string, header: string, field: string | null, confidence = 1) => ({ column, header, field, confidence, looksLikeDates: false });
  it('says in one line how many columns were recognised and which are not used', () => {
    const v = mappingVerdict([row('A', 'Child ID', 'childId'), row('B', 'DOB', 'dateOfBirth'), row('H', 'Legal advice meeting', null)]);
    expect(v).toEqual({ confident: true, line: '2 of 3 columns recognised · Legal advice meeting not used', unsure: [] });
  });
  it('is not confident when a mapping is a guess, and lists it to show open', () => {
    const guess = row('C', 'Date', 'lookedAfterStart', 0.4);
    const v = mappingVerdict([row('A', 'Child ID', 'childId'), guess, row('H', 'x', null), row('I', '', null), row('J', 'y', null)]);
    expect(v.confident).toBe(false);
    expect(v.unsure).toEqual([guess]);
    expect(v.line).toBe('2 of 5 columns recognised · 3 columns not used · 1 to check');
  });
});

describe('aimFigures', () => {
  it('puts completed, % within target, median and waiting on one line', () => {
    const r = { targetWeeks: 26, completed: 41, percentWithinTarget: 63.41, medianWeeks: 20.14, waiting: 12 } as unknown as AimResult;
    expect(aimFigures(r)).toBe('41 completed · 63.4% within 26 weeks · median 20.1 weeks · 12 waiting');
    expect(aimFigures({ ...r, targetWeeks: null })).toBe('41 completed · median 20.1 weeks · 12 waiting');
  });
});
