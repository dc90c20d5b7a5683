/**
 * npm start: Excel desktop where there is one, a plain explanation where there
 * is not (Linux), and never a usage-data prompt.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';

interface StartScript {
  desktopArgs(sampleExists: boolean): string[];
  plan(platform: string, argv: string[]): 'web' | 'desktop' | 'explain';
  usageDataIsOff(): boolean;
}
// eslint-disable-next-line @typescript-eslint/no-var-requires
const start = require('../scripts/start.js') as StartScript;
const ROOT = path.resolve(__dirname, '..');

describe('scripts/start.js', () => {
  it('sideloads into Excel desktop on Windows and macOS, explains on Linux, serves for the web when asked', () => {
    expect(start.plan('win32', [])).toBe('desktop');
    expect(start.plan('darwin', [])).toBe('desktop');
    expect(start.plan('linux', [])).toBe('explain');
    expect(start.plan('linux', ['--web'])).toBe('web');
  });

  it('opens the sample workbook in Excel desktop with the add-in, when the sample exists', () => {
    const args = start.desktopArgs(true);
    expect(args.slice(0, 3)).toEqual(['start', path.join(ROOT, 'manifest.xml'), 'desktop']);
    expect(args).toEqual(expect.arrayContaining(['--app', 'excel', '--document', path.join(ROOT, 'samples', 'pace-sample.xlsx')]));
    expect(start.desktopArgs(false)).not.toContain('--document');
  });

  it('the installed usage-data package is the one that never asks and never sends', () => {
    expect(start.usageDataIsOff()).toBe(true);
  });

  it('on Linux prints the two ways on and exits 0', () => {
    if (process.platform !== 'linux') return;
    const out = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'start.js')], { encoding: 'utf8' });
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/Excel desktop is not available/);
    expect(out.stdout).toMatch(/npm run start:web/);
    expect(out.stdout).toMatch(/Upload My Add-in/);
    expect(out.stdout).toMatch(/npx pace-tracker report samples\/pace-sample\.xlsx/);
    expect(out.stdout).toMatch(/npx pace-tracker inspect samples\/pace-sample\.xlsx/);
  });
});
