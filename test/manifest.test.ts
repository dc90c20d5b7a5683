/**
 * The add-in manifest: valid against Microsoft's XSDs (offline, xmllint-wasm),
 * its icons exist, and every URL points at the development host. The schema
 * part needs Microsoft's XSDs (PACE_MANIFEST_SCHEMAS; the README says where
 * to get them); without them that part is skipped with a message saying how
 * to get them (the XSDs are not redistributed here).
 */
import * as fs from 'fs';
import * as path from 'path';

interface Validator {
  findSchemaDir(): string | null;
  validateAgainstSchema(xml: string, dir: string): Promise<{ valid: boolean; errors: string[] }>;
  checkUrlsAndIcons(xml: string, origin?: string): string[];
  manifestUrls(xml: string): string[];
}
// eslint-disable-next-line @typescript-eslint/no-var-requires
const validator = require('../scripts/validate-manifest.js') as Validator;

const ROOT = path.resolve(__dirname, '..');
const manifest = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const schemaDir = validator.findSchemaDir();
const withSchema = schemaDir ? it : it.skip;
if (!schemaDir) {
  // eslint-disable-next-line no-console
  console.warn(
    "Manifest schema tests skipped: Microsoft's add-in manifest XSDs were not found. Save them from [MS-OWEMXML] Appendix A (see README, 'Some tests need things…') into a folder and set PACE_MANIFEST_SCHEMAS to it.",
  );
}

describe('manifest.xml', () => {
  withSchema('is valid against the Office add-in manifest schema', async () => {
    const result = await validator.validateAgainstSchema(manifest, schemaDir as string);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  }, 30000);

  withSchema('the validator rejects a manifest with a wrong permission (so the check can fail)', async () => {
    const broken = manifest.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>Everything</Permissions>');
    const result = await validator.validateAgainstSchema(broken, schemaDir as string);
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(/Permissions/);
  }, 30000);

  it('names icons that exist and URLs that all point at https://localhost:3000', () => {
    expect(validator.checkUrlsAndIcons(manifest)).toEqual([]);
    const urls = validator.manifestUrls(manifest);
    expect(urls).toEqual(expect.arrayContaining([
      'https://localhost:3000/taskpane.html',
      'https://localhost:3000/assets/icon-16.png',
      'https://localhost:3000/assets/icon-32.png',
      'https://localhost:3000/assets/icon-64.png',
      'https://localhost:3000/assets/icon-80.png',
      'https://localhost:3000/assets/icon-128.png',
    ]));
  });

  it('reports a missing icon and a foreign URL', () => {
    const broken = manifest
      .replace('assets/icon-16.png', 'assets/icon-17.png')
      .replace('https://localhost:3000/help.html', 'https://example.com/help.html');
    const problems = validator.checkUrlsAndIcons(broken);
    expect(problems.some((p) => p.includes('icon-17.png'))).toBe(true);
    expect(problems.some((p) => p.includes('https://example.com/help.html'))).toBe(true);
  });

  it('is an Excel task pane add-in that needs ExcelApi 1.7 and can read and write the workbook', () => {
    expect(manifest).toMatch(/xsi:type="TaskPaneApp"/);
    expect(manifest).toMatch(/<Host Name="Workbook" \/>/);
    expect(manifest).toMatch(/<Set Name="ExcelApi" MinVersion="1.7" \/>/);
    expect(manifest).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    expect(manifest).toMatch(/<DefaultLocale>en-GB<\/DefaultLocale>/);
    expect(manifest).toMatch(/<Action xsi:type="ShowTaskpane">/);
    expect(manifest).toMatch(/<Id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\/Id>/);
  });

  it('icons are real PNGs of the sizes their names say', () => {
    for (const size of [16, 32, 64, 80, 128]) {
      const png = fs.readFileSync(path.join(ROOT, 'assets', `icon-${size}.png`));
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(png.readUInt32BE(16)).toBe(size);
      expect(png.readUInt32BE(20)).toBe(size);
    }
  });
});

describe('icons', () => {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const icons = require('../scripts/make-icons.js') as { drawIcon(size: number): Buffer; SIZES: number[] };

  it('the committed icons are exactly what scripts/make-icons.js draws', () => {
    expect(icons.SIZES).toEqual([16, 32, 64, 80, 128]);
    for (const size of icons.SIZES) {
      expect(icons.drawIcon(size).equals(fs.readFileSync(path.join(ROOT, 'assets', `icon-${size}.png`)))).toBe(true);
    }
  });

  it('draw a blue rounded square with transparent corners and a white line inside', () => {
    const zlib = require('zlib') as typeof import('zlib');
    const png = icons.drawIcon(64);
    // Decode the single IDAT chunk (filter byte 0 on every row, RGBA).
    const idatAt = png.indexOf('IDAT');
    const length = png.readUInt32BE(idatAt - 4);
    const raw = zlib.inflateSync(png.subarray(idatAt + 4, idatAt + 4 + length));
    const pixel = (x: number, y: number) => Array.from(raw.subarray(y * (64 * 4 + 1) + 1 + x * 4, y * (64 * 4 + 1) + 1 + x * 4 + 4));
    expect(pixel(0, 0)[3]).toBe(0); // corner outside the rounded square
    const centreish = pixel(32, 60);
    expect(centreish[3]).toBe(255);
    expect(centreish[2]).toBeGreaterThan(centreish[0]); // blue
    let white = 0;
    for (let y = 0; y < 64; y++) for (let x = 0; x < 64; x++) if (pixel(x, y).slice(0, 3).every((c) => c > 240)) white++;
    expect(white).toBeGreaterThan(100); // the run-chart line
  });
});

describe('npm run validate', () => {
  it('says "valid" only when the schema check ran', () => {
    const v = require('../scripts/validate-manifest.js') as { validationSummary(name: string, schemaChecked: boolean): string };
    expect(v.validationSummary('manifest.xml', true)).toBe('manifest.xml is valid against the Office add-in manifest schema; icons and URLs checked.');
    const skipped = v.validationSummary('manifest.xml', false);
    expect(skipped).toContain('the schema check was skipped');
    expect(skipped).not.toMatch(/is valid/);
    expect(skipped).toMatch(/NOT confirmed valid/);
  });

  it('run without the schemas beside the repo, it never prints "is valid"', () => {
    const { spawnSync } = require('child_process') as typeof import('child_process');
    const out = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'validate-manifest.js')], {
      encoding: 'utf8',
      env: { ...process.env, PACE_MANIFEST_SCHEMAS: path.join(ROOT, 'no-such-folder') },
      cwd: ROOT,
    });
    if (validator.findSchemaDir() !== null && !out.stdout.includes('skipped')) return; // ../shared is present: the schema check ran
    expect(out.stdout).not.toMatch(/is valid/);
    expect(out.stdout).toMatch(/NOT confirmed valid/);
  });
});
