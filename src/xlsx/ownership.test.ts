import JSZip from 'jszip';
import { markOwnedSheetsInWorkbookXml, ownedSheetsInAddinSettings, ownedSheetsInPackage, ownedSheetsInWorkbookXml, ownershipInPackage, sheetOfReference, OWNED_SHEET_NAME } from './ownership';
import { ownershipComment } from '../core/report/ownership';

const report = (...names: string[]) => names.map((name) => ({ name, kind: 'report' as const }));

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const wb = (names = '') => `${DECL}<workbook ${NS}><sheets><sheet name="Tracker"/><sheet name="Aim 2"/><sheet name="It's"/></sheets>${names}<calcPr/></workbook>`;
const sheets = ['Tracker', 'Aim 2', "It's"];

describe('sheetOfReference', () => {
  it('reads quoted and plain sheet names', () => {
    expect(sheetOfReference("'Aim 2'!$A$1")).toBe('Aim 2');
    expect(sheetOfReference("'It''s'!$A$1")).toBe("It's");
    expect(sheetOfReference('Issues!$A$1')).toBe('Issues');
    expect(sheetOfReference('=Issues!$A$1')).toBe('Issues');
    expect(sheetOfReference('$A$1')).toBeNull();
  });
});

describe('ownership marks', () => {
  it('marks sheets with hidden sheet-scoped names whose comment gives the kind and the name written, and reads them back', () => {
    const marked = markOwnedSheetsInWorkbookXml(wb(), [{ name: 'Aim 2', kind: 'report' }, { name: "It's", kind: 'timeline' }]);
    expect(marked).toContain(`<definedNames><definedName name="${OWNED_SHEET_NAME}" comment="${ownershipComment('Aim 2', 'report')}" localSheetId="1" hidden="1">'Aim 2'!$A$1</definedName>`);
    expect(marked).toContain(`comment="${ownershipComment("It's", 'timeline')}" localSheetId="2"`);
    expect(ownedSheetsInWorkbookXml(marked, sheets)).toEqual(['Aim 2', "It's"]);
    expect(ownedSheetsInWorkbookXml(wb(), sheets)).toEqual([]);
  });

  it('puts the names after external references, where the schema wants them', () => {
    const xml = `${DECL}<workbook ${NS}><sheets><sheet name="Tracker"/></sheets><externalReferences><externalReference r:id="rId9"/></externalReferences><calcPr/></workbook>`;
    expect(markOwnedSheetsInWorkbookXml(xml, report('Tracker'))).toBe(
      `${DECL}<workbook ${NS}><sheets><sheet name="Tracker"/></sheets><externalReferences><externalReference r:id="rId9"/></externalReferences><definedNames><definedName name="${OWNED_SHEET_NAME}" comment="${ownershipComment('Tracker', 'report')}" localSheetId="0" hidden="1">'Tracker'!$A$1</definedName></definedNames><calcPr/></workbook>`,
    );
  });

  it('replaces old marks instead of adding to them, and keeps other names', () => {
    const other = '<definedNames><definedName name="Mine">Tracker!$A$1:$B$2</definedName></definedNames>';
    const once = markOwnedSheetsInWorkbookXml(wb(other), report('Aim 2'));
    const twice = markOwnedSheetsInWorkbookXml(once, report('Aim 2'));
    expect(twice).toBe(once);
    expect(twice).toContain('<definedName name="Mine">Tracker!$A$1:$B$2</definedName>');
    expect(markOwnedSheetsInWorkbookXml(once, [])).toBe(wb(other));
  });

  it('recognises a mark whose scope was lost (workbook-level, listing the sheets)', () => {
    const xml = wb(`<definedNames><definedName name="${OWNED_SHEET_NAME}">&apos;Aim 2&apos;!$A$1,Tracker!$A$1</definedName></definedNames>`);
    expect(ownedSheetsInWorkbookXml(xml, sheets)).toEqual(['Tracker', 'Aim 2']);
  });

  it('a sheet renamed since it was written is the user\'s; a mark without a comment (written before kinds) is taken at its word', () => {
    const renamed = `<definedName name="${OWNED_SHEET_NAME}" comment="${ownershipComment('PACE Issues', 'report')}" localSheetId="1" hidden="1">'Aim 2'!$A$1</definedName>`;
    const bare = `<definedName name="${OWNED_SHEET_NAME}" localSheetId="2" hidden="1">'It''s'!$A$1</definedName>`;
    expect(ownedSheetsInWorkbookXml(wb(`<definedNames>${renamed}${bare}</definedNames>`), sheets)).toEqual(["It's"]);
  });
});

describe('the task pane\'s own record', () => {
  const setting = JSON.stringify(JSON.stringify([{ id: '{A1}', name: 'Aim 2' }, { id: '{B2}', name: 'Gone' }]));
  const webExtension = (value: string) =>
    `<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11"><we:properties>` +
    `<we:property name="paceTracker.aims" value="{}"/><we:property name="paceTracker.ownedSheets" value="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"/></we:properties></we:webextension>`;

  it('reads the sheet names from the add-in settings, however deeply JSON-encoded', () => {
    expect(ownedSheetsInAddinSettings(webExtension(setting))).toEqual(['Aim 2', 'Gone']);
    expect(ownedSheetsInAddinSettings(webExtension(JSON.stringify([{ id: 'x', name: 'Issues' }])))).toEqual(['Issues']);
    expect(ownedSheetsInAddinSettings(webExtension('not json'))).toEqual([]);
  });

  it('counts sheets marked either way, only those that exist, in tab order', async () => {
    const zip = new JSZip();
    zip.file('xl/workbook.xml', markOwnedSheetsInWorkbookXml(wb(), [{ name: "It's", kind: 'changes' }]));
    zip.file('xl/webextensions/webextension1.xml', webExtension(setting));
    expect(await ownedSheetsInPackage(zip)).toEqual(['Aim 2', "It's"]);
    // The pane's record is from before marks, so before kinds: a report sheet.
    expect(await ownershipInPackage(zip)).toEqual([
      { name: 'Aim 2', kind: 'report', comment: null },
      { name: "It's", kind: 'changes', comment: ownershipComment("It's", 'changes') },
    ]);
  });
});
