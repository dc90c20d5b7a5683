/* eslint-disable @typescript-eslint/no-explicit-any -- JSON documents under test are untyped on purpose. */
/**
 * Issue 10 point 6 and issue 15 point 7: what the add-in saved in the
 * workbook is used by the command line. Office keeps an add-in's document
 * settings inside the .xlsx package, in xl/webextensions/webextension1.xml,
 * one <we:property name="…" value="…"/> per setting, the value being the JSON
 * of what the add-in stored (and the add-in stores JSON text). The packages
 * here are built the way Office writes them: the part, its relationship from
 * the task-pane part, and the content types.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { PRESET_AIMS } from '../../src/core/aims/definition';
import { addinSettingsInPackage, decodeSettingValue, propertiesInWebExtensionXml } from '../../src/cli/savedSettings';
import { makeTempDir, removeDir, runCli, runJson, writeSample } from './helpers';

const xmlAttr = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Office's encoding of one setting: the add-in stores JSON text, Office stores that string as JSON. */
const officeValue = (value: unknown, twice = true) => (twice ? JSON.stringify(JSON.stringify(value)) : JSON.stringify(value));

function webExtensionXml(properties: Record<string, string>): string {
  const props = Object.entries(properties)
    .map(([name, value]) => `<we:property name="${xmlAttr(name)}" value="${xmlAttr(value)}"/>`)
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{5B4C3D2E-1F00-4A6B-9C8D-7E6F5A4B3C2D}">' +
    '<we:reference id="0c8a2d3e-5b4f-4e2a-9d6c-1a2b3c4d5e6f" version="1.0.0.0" store="developer" storeType="Registry"/>' +
    `<we:alternateReferences/><we:properties>${props}</we:properties><we:bindings/>` +
    '<we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></we:webextension>'
  );
}

/** Adds the add-in's settings part to an .xlsx package, with the relationships and content types Office writes. */
async function withSettings(bytes: Uint8Array, properties: Record<string, string>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  zip.file('xl/webextensions/webextension1.xml', webExtensionXml(properties));
  zip.file(
    'xl/webextensions/taskpanes.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11"><wetp:taskpane dockstate="right" visibility="0" width="350" row="4"><wetp:webextensionref xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></wetp:taskpane></wetp:taskpanes>',
  );
  zip.file(
    'xl/webextensions/_rels/taskpanes.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/webextension" Target="webextension1.xml"/></Relationships>',
  );
  const rels = (await zip.file('_rels/.rels')?.async('string')) as string;
  zip.file('_rels/.rels', rels.replace('</Relationships>', '<Relationship Id="rIdWe" Type="http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes" Target="xl/webextensions/taskpanes.xml"/></Relationships>'));
  const types = (await zip.file('[Content_Types].xml')?.async('string')) as string;
  zip.file(
    '[Content_Types].xml',
    types.replace(
      '</Types>',
      '<Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/>' +
        '<Override PartName="/xl/webextensions/taskpanes.xml" ContentType="application/vnd.ms-office.webextensiontaskpanes+xml"/></Types>',
    ),
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

const SAVED_AIMS = {
  aims: [
    { id: 'our-aim-2', name: 'Accommodated to recommendation (ours)', start: 'firstAccommodated', end: 'permanenceRecommendation', targetWeeks: 20, targetPercent: 80 },
    { id: 'our-aim-3', name: 'Recommendation to panel (ours)', start: 'permanenceRecommendation', end: 'panel', targetWeeks: 10, targetPercent: 70 },
  ],
  changes: [{ date: '2023-01-09', label: 'Tracking meeting started' }],
};

let dir: string;
let plain: string;
let saved: string;

beforeAll(async () => {
  dir = makeTempDir('saved');
  plain = (await writeSample(dir, 'plain', { children: 60, seed: 21 })).file;
  saved = path.join(dir, 'saved.xlsx');
  fs.writeFileSync(saved, await withSettings(fs.readFileSync(plain), { 'paceTracker.aims': officeValue(SAVED_AIMS), 'paceTracker.asOf': officeValue('2024-03-31') }));
});
afterAll(() => removeDir(dir));

describe('reading the settings part', () => {
  it('decodes values stored as JSON, or JSON inside JSON, and keeps plain text', () => {
    expect(decodeSettingValue(officeValue({ a: 1 }))).toEqual({ a: 1 });
    expect(decodeSettingValue(officeValue({ a: 1 }, false))).toEqual({ a: 1 });
    expect(decodeSettingValue('not json')).toBe('not json');
    const props = propertiesInWebExtensionXml(webExtensionXml({ 'paceTracker.x': officeValue([1, 2]), other: '"y"' }));
    expect([...props]).toEqual([['paceTracker.x', [1, 2]], ['other', 'y']]);
  });

  it('finds only the add-in\'s settings, and nothing in a package without the part or in bytes that are not a package', async () => {
    const settings = await addinSettingsInPackage(fs.readFileSync(saved));
    expect([...settings.keys()].sort()).toEqual(['paceTracker.aims', 'paceTracker.asOf']);
    expect((await addinSettingsInPackage(fs.readFileSync(plain))).size).toBe(0);
    expect((await addinSettingsInPackage(Buffer.from('plain text'))).size).toBe(0);
  });
});

describe('aims saved in the workbook by the add-in', () => {
  it('are measured by "aims", which says it used them', async () => {
    const text = await runCli(['aims', saved, '--as-of', '31/03/2024']);
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[0]).toBe('Using the 2 aims saved in the workbook.');
    const { json } = await runJson(['aims', saved, '--as-of', '2024-03-31', '--json']);
    expect(json.aims.map((a: any) => [a.id, a.targetWeeks, a.targetPercent])).toEqual([
      ['our-aim-2', 20, 80],
      ['our-aim-3', 10, 70],
    ]);
  });

  it('are the same figures as the same aims given with --aims', async () => {
    const file = path.join(dir, 'same.json');
    fs.writeFileSync(file, JSON.stringify(SAVED_AIMS));
    const fromWorkbook = (await runJson(['aims', saved, '--as-of', '2024-03-31', '--json'])).json;
    const fromFile = (await runJson(['aims', plain, '--as-of', '2024-03-31', '--aims', file, '--json'])).json;
    expect(fromWorkbook).toEqual(fromFile);
  });

  it('--aims still overrides them, and says so', async () => {
    const file = path.join(dir, 'one.json');
    fs.writeFileSync(file, JSON.stringify({ aims: [{ id: 'only', start: 'panel', end: 'admDecision' }] }));
    const text = await runCli(['aims', saved, '--aims', file, '--as-of', '2024-03-31']);
    expect(text.stdout.split('\n')[0]).toBe(`Using the 1 aim in ${file}.`);
    const { json } = await runJson(['aims', saved, '--aims', file, '--as-of', '2024-03-31', '--json']);
    expect(json.aims.map((a: any) => a.id)).toEqual(['only']);
  });

  it('without saved aims the presets are used, and it says so', async () => {
    const text = await runCli(['aims', plain, '--as-of', '2024-03-31']);
    expect(text.stdout.split('\n')[0]).toBe('Using the preset aims.');
    const { json } = await runJson(['aims', plain, '--as-of', '2024-03-31', '--json']);
    expect(json.aims.map((a: any) => a.id)).toEqual(PRESET_AIMS.map((a) => a.id));
  });

  it('saved aims that do not fit this sheet fall back to the presets, saying why', async () => {
    const odd = path.join(dir, 'odd.xlsx');
    const aims = { aims: [{ id: 'x', start: 'firstAccommodated', end: 'reviewMeeting' }] };
    fs.writeFileSync(odd, await withSettings(fs.readFileSync(plain), { 'paceTracker.aims': officeValue(aims) }));
    const text = await runCli(['aims', odd, '--as-of', '2024-03-31']);
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[0]).toMatch(/^Using the preset aims: the aims saved in the workbook cannot be used here \(.*reviewMeeting.*\)\.$/);
  });

  it('are used by "report" too, which says so and writes their sheets', async () => {
    const run = await runCli(['report', saved, '--as-of', '2024-03-31']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Using the 2 aims saved in the workbook.');
    expect(run.stdout).toContain('Accommodated to recommendation (ours):');
    expect(run.stdout).toContain('Recommendation to panel (ours):');
    expect(run.stdout).not.toContain('Becoming looked after to legal permanence');
  });
});

describe('the column mapping saved in the workbook, and --map', () => {
  let renamed: string;
  let panelColumn: string;
  let detected: any;

  beforeAll(async () => {
    // A panel heading no one would recognise: detection leaves the column unmapped.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(plain);
    const ws = wb.getWorksheet('Tracker') as ExcelJS.Worksheet;
    const before = (await runJson(['inspect', plain, '--json'])).json;
    panelColumn = before.columns.find((c: any) => c.field === 'panel').column;
    ws.getCell(`${panelColumn}${before.headerRow}`).value = 'Mtg Q';
    renamed = path.join(dir, 'renamed.xlsx');
    await wb.xlsx.writeFile(renamed);
    detected = (await runJson(['inspect', renamed, '--json'])).json;
  });

  it('(the renamed heading is not recognised on its own)', () => {
    expect(detected.columns.some((c: any) => c.field === 'panel')).toBe(false);
  });

  it('--map panel=COLUMN reads that column as the panel date', async () => {
    const { json } = await runJson(['inspect', renamed, '--map', `panel=${panelColumn.toLowerCase()}`, '--json']);
    expect(json.columns.find((c: any) => c.field === 'panel')).toMatchObject({ column: panelColumn, header: 'Mtg Q' });
    expect(json.columns.length).toBe(detected.columns.length + 1);
    const aims = (await runJson(['aims', renamed, '--map', `panel=${panelColumn}`, '--as-of', '2024-03-31', '--json'])).json;
    const original = (await runJson(['aims', plain, '--as-of', '2024-03-31', '--json'])).json;
    expect(aims).toEqual(original);
  });

  it('the mapping the add-in saved for the sheet is used, and inspect says so', async () => {
    const mapping = { Tracker: [...detected.columns, { field: 'panel', header: 'Mtg Q', column: panelColumn, confidence: 1 }] };
    const withMapping = path.join(dir, 'mapped.xlsx');
    fs.writeFileSync(withMapping, await withSettings(fs.readFileSync(renamed), { 'paceTracker.mappings': officeValue(mapping) }));
    const { json } = await runJson(['inspect', withMapping, '--json']);
    expect(json.columns.find((c: any) => c.field === 'panel')).toMatchObject({ column: panelColumn });
    const text = await runCli(['inspect', withMapping]);
    expect(text.stdout).toContain('The column mapping saved in the workbook by the add-in was used.');
  });

  it('a --map that is not FIELD=COLUMN, names no field, or points at a column with no heading is one plain line', async () => {
    for (const [value, says] of [
      ['panel', /--map takes FIELD=COLUMN/],
      ['meeting=H', /"meeting" is not a field/],
      ['panel=ZZ', /has no heading/],
      ['panel=H,panel=J', /names panel twice/],
    ] as const) {
      const run = await runCli(['inspect', renamed, '--map', value]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^pace-tracker: [^\n]+\n$/);
      expect(run.stderr).toMatch(says);
    }
  });
});
