/**
 * npm start: Excel desktop where there is one, a plain explanation where there
 * is not (Linux), and never a usage-data prompt.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';

interface StartScript {
  desktopArgs(sampleExists: boolean): string[];
  plan(platform: string, argv: string[]): 'web' | 'desktop' | 'explain';
  startWeb(devCerts: { getHttpsServerOptions(): Promise<unknown> }): Promise<boolean>;
  usageDataIsOff(): boolean;
}
interface DevCerts {
  certificateHelp(err: unknown, platform?: string): string;
  httpsOptionsOrExplain(devCerts: { getHttpsServerOptions(): Promise<unknown> }, print?: (t: string) => void): Promise<unknown>;
}
// eslint-disable-next-line @typescript-eslint/no-var-requires
const start = require('../scripts/start.js') as StartScript;
// eslint-disable-next-line @typescript-eslint/no-var-requires
const devCerts = require('../scripts/dev-certs.js') as DevCerts;
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

  describe('the development certificate (npm run start:web)', () => {
    // The error office-addin-dev-certs throws where there is no administrator rights (seen on Linux without sudo).
    const failure = new Error('Unable to install the CA certificate. /bin/sh: 1: sudo: not found\n');
    const failing = { getHttpsServerOptions: () => Promise.reject(failure) };

    it('says in plain words what is needed and how, instead of a stack trace, and does not start the server', async () => {
      const printed: string[] = [];
      expect(await devCerts.httpsOptionsOrExplain(failing, (t) => printed.push(t))).toBeNull();
      const text = printed.join('\n');
      expect(text).toMatch(/needs a trusted development certificate/);
      expect(text).toMatch(/installed once, with administrator rights/);
      expect(text).toContain('npx office-addin-dev-certs install');
      expect(text).toContain('(What went wrong: Unable to install the CA certificate. /bin/sh: 1: sudo: not found)');
      expect(text).not.toMatch(/\n\s+at /);
    });

    it('start:web stops with exit code 1 and never spawns the server when the certificate fails', async () => {
      const errors: string[] = [];
      const spy = jest.spyOn(console, 'error').mockImplementation((t: string) => void errors.push(t));
      const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
      const before = process.exitCode;
      try {
        expect(await start.startWeb(failing)).toBe(false);
        expect(process.exitCode).toBe(1);
        expect(errors.join('\n')).toContain('npx office-addin-dev-certs install');
        expect(log).not.toHaveBeenCalled();
      } finally {
        process.exitCode = before;
        spy.mockRestore();
        log.mockRestore();
      }
    });

    it('says how on each system', () => {
      expect(devCerts.certificateHelp(failure, 'win32')).toContain('Run as administrator');
      expect(devCerts.certificateHelp(failure, 'darwin')).toContain('administrator password');
      expect(devCerts.certificateHelp(failure, 'linux')).toContain('sudo npx office-addin-dev-certs install');
    });

    it('passes the options through when the certificate is there', async () => {
      const options = { cert: 'c', key: 'k', ca: 'a' };
      expect(await devCerts.httpsOptionsOrExplain({ getHttpsServerOptions: async () => options }, () => undefined)).toBe(options);
    });
  });
});
