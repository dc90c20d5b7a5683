import { isDateNumberFormat } from './numberFormat';

describe('isDateNumberFormat', () => {
  test.each([
    'dd/mm/yyyy',
    'd-mmm-yy',
    '[$-809]dd mmmm yyyy;@',
    'm/d/yyyy',
    'yyyy-mm-dd',
    'dd/mm/yyyy hh:mm',
    'mm-dd-yy',
    'd/m/yy h:mm',
    'mmm-yy',
    'mmmm',
    '[$-F800]dddd, mmmm dd, yyyy',
    'DD/MM/YYYY',
    '[Red]dd/mm/yyyy',
    'dd"th" mmm yyyy',
  ])('%p is a date format', (format) => {
    expect(isDateNumberFormat(format)).toBe(true);
  });

  test.each([
    null,
    '',
    'General',
    'general',
    '0',
    '0.00',
    '#,##0',
    '[h]:mm',
    '[mm]:ss',
    '@',
    'hh:mm',
    'h:mm AM/PM',
    'mm:ss',
    '0" days"',
    '#,##0 "yrs"',
    '0.00E+00',
    '[$£-809]#,##0.00',
    '\\d0',
  ])('%p is not a date format', (format) => {
    expect(isDateNumberFormat(format)).toBe(false);
  });

  test('answers stay the same when asked again (cache)', () => {
    expect(isDateNumberFormat('dd/mm/yyyy')).toBe(true);
    expect(isDateNumberFormat('dd/mm/yyyy')).toBe(true);
    expect(isDateNumberFormat('0.00')).toBe(false);
    expect(isDateNumberFormat('0.00')).toBe(false);
  });
});
