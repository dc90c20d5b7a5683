import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chooseOutput, defaultReportPath, folderIgnoresCase, isSameFile, nextFreeName, realPathOf, requireXlsxName } from './outputPath';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pace-output-'));
  fs.writeFileSync(path.join(dir, 'Tracker.xlsx'), 'input');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('isSameFile', () => {
  it('sees through spellings, symbolic links and hard links', () => {
    const input = path.join(dir, 'Tracker.xlsx');
    fs.symlinkSync(input, path.join(dir, 'sym.xlsx'));
    fs.linkSync(input, path.join(dir, 'hard.xlsx'));
    expect(isSameFile(input, path.join(dir, '.', 'Tracker.xlsx'))).toBe(true);
    expect(isSameFile(input, path.join(dir, 'sym.xlsx'))).toBe(true);
    expect(isSameFile(input, path.join(dir, 'hard.xlsx'))).toBe(true);
    expect(isSameFile(input, path.join(dir, 'other.xlsx'))).toBe(false);
  });

  it('compares letter case only where the disk ignores it', () => {
    const input = path.join(dir, 'Tracker.xlsx');
    const other = path.join(dir, 'TRACKER.xlsx');
    // On a disk that ignores case the two names are one file; on one that does not, they are two.
    expect(isSameFile(input, other)).toBe(folderIgnoresCase(realPathOf(dir)));
  });
});

describe('names', () => {
  it('report beside the input, then (2), (3)…', () => {
    const first = defaultReportPath(path.join(dir, 'Tracker.xlsx'));
    expect(first).toBe(path.join(dir, 'Tracker-pace-report.xlsx'));
    expect(nextFreeName(first)).toBe(path.join(dir, 'Tracker-pace-report (2).xlsx'));
    fs.writeFileSync(path.join(dir, 'Tracker-pace-report (2).xlsx'), '');
    expect(nextFreeName(first)).toBe(path.join(dir, 'Tracker-pace-report (3).xlsx'));
  });

  it('-o must end in .xlsx, in any case', () => {
    expect(() => requireXlsxName('a.XLSX')).not.toThrow();
    expect(() => requireXlsxName('a.xls')).toThrow('-o must name an .xlsx file');
  });

  it('a folder given as -o is refused even with --force', () => {
    const folder = path.join(dir, 'sub.xlsx');
    fs.mkdirSync(folder);
    expect(() => chooseOutput({ given: folder, input: path.join(dir, 'Tracker.xlsx'), force: true, what: 'report' })).toThrow('is a folder');
  });

  it('never the key file', () => {
    const key = path.join(dir, 'k.xlsx');
    expect(() =>
      chooseOutput({ given: key, input: path.join(dir, 'Tracker.xlsx'), force: true, what: 'copy', protect: [{ file: key, what: 'the key file' }] }),
    ).toThrow('cannot be written over the key file');
  });
});
