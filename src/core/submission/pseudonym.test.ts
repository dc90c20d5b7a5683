import type { ChildRecord } from '../model';
import { assignPseudonyms, formatPseudonym, keyBytesFromText, PSEUDONYM_HEX_LENGTH, pseudonymInputs, pseudonymsWith } from './pseudonym';

function record(row: number, childId: string | null): ChildRecord {
  return { row, childId, text: {}, dates: {}, respite: null, cells: {} };
}

describe('pseudonymInputs', () => {
  it('lists each ID once, trimmed, in sheet order, without blanks', () => {
    const records = [record(5, 'C2'), record(6, null), record(7, ' C1 '), record(8, 'C2'), record(9, '')];
    expect(pseudonymInputs(records)).toEqual(['C2', 'C1']);
  });
});

describe('formatPseudonym', () => {
  it('keeps the first ten hex characters, upper case, after "P-"', () => {
    expect(formatPseudonym('3fa94c0b12deadbeef00')).toBe('P-3FA94C0B12');
    expect(PSEUDONYM_HEX_LENGTH).toBe(10);
  });
  it('can be lengthened', () => {
    expect(formatPseudonym('3fa94c0b12deadbeef00', 14)).toBe('P-3FA94C0B12DEAD');
  });
  it('refuses text that is not a long enough hash', () => {
    expect(() => formatPseudonym('xyz')).toThrow();
    expect(() => formatPseudonym('abc')).toThrow();
  });
});

describe('assignPseudonyms', () => {
  it('gives each ID the short form of its hash', () => {
    const result = assignPseudonyms(new Map([['C1', 'aaaaaaaaaa1111'], ['C2', 'bbbbbbbbbb2222']]));
    expect(result).toEqual(new Map([['C1', 'P-AAAAAAAAAA'], ['C2', 'P-BBBBBBBBBB']]));
  });
  it('lengthens only the IDs whose short forms clash', () => {
    const result = assignPseudonyms(
      new Map([
        ['C1', 'aaaaaaaaaa11ff'],
        ['C2', 'aaaaaaaaaa22ff'],
        ['C3', 'cccccccccc3333'],
      ]),
    );
    expect(result.get('C1')).toBe('P-AAAAAAAAAA11');
    expect(result.get('C2')).toBe('P-AAAAAAAAAA22');
    expect(result.get('C3')).toBe('P-CCCCCCCCCC');
    expect(new Set(result.values()).size).toBe(3);
  });
  it('terminates when two hashes are identical', () => {
    const result = assignPseudonyms(new Map([['C1', 'abababababab'], ['C2', 'abababababab']]));
    expect(result.size).toBe(2);
  });
});

describe('keyBytesFromText', () => {
  it('reads a 64-hex-character key as its 32 bytes', () => {
    const hex = '00ff10'.padEnd(64, 'a');
    const bytes = keyBytesFromText(`${hex}\n`);
    expect(bytes.length).toBe(32);
    expect([...bytes.slice(0, 4)]).toEqual([0x00, 0xff, 0x10, 0xaa]);
  });
  it('reads any other text as UTF-8', () => {
    expect([...keyBytesFromText('key é')]).toEqual([107, 101, 121, 32, 0xc3, 0xa9]);
  });
  it('refuses an empty key', () => {
    expect(() => keyBytesFromText('  \n')).toThrow();
  });
});

describe('pseudonymsWith', () => {
  it('keys each ID with the given hash function, sync or async', async () => {
    const hex = (id: string) => (id === 'C1' ? 'a'.repeat(64) : 'b'.repeat(64));
    expect(await pseudonymsWith(['C1', 'C2'], hex)).toEqual(new Map([['C1', 'P-AAAAAAAAAA'], ['C2', 'P-BBBBBBBBBB']]));
    expect(await pseudonymsWith(['C2'], async (id) => hex(id))).toEqual(new Map([['C2', 'P-BBBBBBBBBB']]));
  });
});
