import { csvCellValue, csvSheetName, csvToWorkbook, decodeCsvBytes, detectDelimiter, parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads quoted fields with separators, doubled quotes and line breaks, CRLF or LF', () => {
    expect(parseCsv('a,"b,c","say ""hi"""\r\n"two\nlines",x,\n')).toEqual([
      ['a', 'b,c', 'say "hi"'],
      ['two\nlines', 'x', ''],
    ]);
  });
  it('keeps a last line without a line break, and empty fields', () => {
    expect(parseCsv('a,,b\n,,')).toEqual([['a', '', 'b'], ['', '', '']]);
  });
  it('uses semicolons or tabs when the heading line does', () => {
    expect(detectDelimiter('Child ID;Date;Team\n1,5;2;3')).toBe(';');
    expect(detectDelimiter('Child ID\tDate\n')).toBe('\t');
    expect(detectDelimiter('Child ID,Date\n')).toBe(',');
    expect(parseCsv('a;b\n1;2\n')).toEqual([['a', 'b'], ['1', '2']]);
  });
});

describe('decodeCsvBytes', () => {
  it('reads UTF-8 with or without a BOM, UTF-16 with a BOM, and Windows-1252 otherwise', () => {
    expect(decodeCsvBytes(Buffer.from('\ufeffcafé', 'utf8'))).toBe('café');
    expect(decodeCsvBytes(Buffer.from('café', 'utf8'))).toBe('café');
    expect(decodeCsvBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('café', 'utf16le')]))).toBe('café');
    expect(decodeCsvBytes(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x80]))).toBe('café €');
  });
});

describe('csvToWorkbook', () => {
  it('one sheet named after the file, rectangular, numbers as numbers, IDs with leading zeros and dates as text', () => {
    const wb = csvToWorkbook('Child ID,Looked after,Age\n00123,31/03/2024,7\n5,,\n\n\n', 'March tracker.csv');
    expect(wb.date1904).toBe(false);
    expect(wb.sheets).toHaveLength(1);
    const [sheet] = wb.sheets;
    expect(sheet.sheetName).toBe('March tracker');
    expect(sheet.values).toEqual([
      ['Child ID', 'Looked after', 'Age'],
      ['00123', '31/03/2024', 7],
      [5, '', ''],
    ]);
  });
  it('sheet names follow Excel\'s rules', () => {
    expect(csvSheetName('a/b:c*d?.csv')).toBe('a_b_c_d_');
    expect(csvSheetName(`${'x'.repeat(40)}.csv`)).toHaveLength(31);
    expect(csvSheetName('.csv')).toBe('Sheet1');
  });
  it('numbers: plain decimals only', () => {
    expect(csvCellValue('12')).toBe(12);
    expect(csvCellValue('-3.5')).toBe(-3.5);
    expect(csvCellValue('007')).toBe('007');
    expect(csvCellValue('1e5')).toBe('1e5');
    expect(csvCellValue('1234567890123456')).toBe('1234567890123456');
  });
});
