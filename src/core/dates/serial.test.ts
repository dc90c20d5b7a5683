import fc from 'fast-check';
import { dayFromIso, dayFromParts, dayFromSerial, isoFromDay, roundTo1, serialFromDay, serialFromIso, todayDay, ukFromDay, weeksBetween } from './serial';

const iso = (serial: number, date1904 = false) => {
  const day = dayFromSerial(serial, date1904);
  return day === null ? null : isoFromDay(day);
};

describe('dayFromSerial (1900 system)', () => {
  test.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [25569, '1970-01-01'],
    [43555, '2019-03-31'],
    [43558, '2019-04-03'],
    [43558.75, '2019-04-03'],
    [2958465, '9999-12-31'],
    [0, '1899-12-31'],
  ])('serial %p is %s', (serial, expected) => {
    expect(iso(serial)).toBe(expected);
  });

  test.each([[60], [-1], [2958466], [NaN], [Infinity]])('serial %p has no day', (serial) => {
    expect(dayFromSerial(serial, false)).toBeNull();
  });
});

describe('dayFromSerial (1904 system)', () => {
  test.each([
    [0, '1904-01-01'],
    [1, '1904-01-02'],
    [42096, '2019-04-03'],
    [24107, '1970-01-01'],
  ])('serial %p is %s', (serial, expected) => {
    expect(iso(serial, true)).toBe(expected);
  });
  test('negatives and past 9999 have no day', () => {
    expect(dayFromSerial(-3, true)).toBeNull();
    expect(dayFromSerial(2957004, true)).toBeNull();
    expect(iso(2957003, true)).toBe('9999-12-31');
  });
});

describe('serialFromDay', () => {
  test('known serials', () => {
    expect(serialFromDay(dayFromParts(2019, 4, 3), false)).toBe(43558);
    expect(serialFromDay(dayFromParts(1900, 3, 1), false)).toBe(61);
    expect(serialFromDay(dayFromParts(1900, 2, 28), false)).toBe(59);
    expect(serialFromDay(dayFromParts(1900, 1, 1), false)).toBe(1);
    expect(serialFromDay(dayFromParts(2019, 4, 3), true)).toBe(42096);
  });
  test('round-trips every day from 1900 to 9999 in both systems', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayFromParts(1900, 1, 1), max: dayFromParts(9999, 12, 31) }), fc.boolean(), (day, date1904) => {
        if (date1904 && day < dayFromParts(1904, 1, 1)) return;
        expect(dayFromSerial(serialFromDay(day, date1904), date1904)).toBe(day);
      }),
    );
  });
});

describe('iso and uk text', () => {
  test('isoFromDay and ukFromDay', () => {
    expect(isoFromDay(0)).toBe('1970-01-01');
    expect(isoFromDay(dayFromParts(2024, 2, 29))).toBe('2024-02-29');
    expect(ukFromDay(dayFromParts(2019, 4, 3))).toBe('03/04/2019');
    expect(ukFromDay(dayFromParts(1899, 12, 31))).toBe('31/12/1899');
  });
  test.each([
    ['2019-04-03', dayFromParts(2019, 4, 3)],
    ['2024-02-29', dayFromParts(2024, 2, 29)],
    ['1970-01-01', 0],
  ])('dayFromIso(%s)', (text, day) => {
    expect(dayFromIso(text)).toBe(day);
  });
  test.each(['2023-02-29', '2019-13-01', '2019-4-3', '03/04/2019', '2019-04-03T00:00', '', '2019-00-10', '2019-04-31'])(
    'dayFromIso rejects %p',
    (text) => {
      expect(dayFromIso(text)).toBeNull();
    },
  );
  test('iso round-trip for any day', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayFromParts(1000, 1, 1), max: dayFromParts(9999, 12, 31) }), (day) => {
        expect(dayFromIso(isoFromDay(day))).toBe(day);
      }),
    );
  });
});

describe('todayDay, weeksBetween, roundTo1', () => {
  test('todayDay uses the local calendar day', () => {
    const now = new Date(2024, 2, 31, 23, 59);
    expect(isoFromDay(todayDay(now))).toBe('2024-03-31');
    expect(isoFromDay(todayDay(new Date(2024, 0, 1, 0, 1)))).toBe('2024-01-01');
  });
  test('weeksBetween is days / 7', () => {
    expect(weeksBetween(0, 14)).toBe(2);
    expect(weeksBetween(10, 13)).toBeCloseTo(3 / 7, 12);
    expect(weeksBetween(14, 0)).toBe(-2);
  });
  test.each([
    [28.714285, 28.7],
    [0.05, 0.1],
    [1.25, 1.3],
    [-1.25, -1.3],
    [-0.01, 0],
    [31, 31],
    [201 / 7, 28.7],
  ])('roundTo1(%p) = %p', (x, expected) => {
    expect(roundTo1(x)).toBe(expected);
    expect(Object.is(roundTo1(x), -0)).toBe(false);
  });
});

describe('serialFromIso', () => {
  test('Excel serials in both date systems', () => {
    expect(serialFromIso('1970-01-01', false)).toBe(25569);
    expect(serialFromIso('2024-03-31', false)).toBe(45382);
    expect(serialFromIso('2024-03-31', true)).toBe(45382 - 1462);
    expect(serialFromIso('2024-02-30', false)).toBeNull();
  });
});
