/**
 * What the add-in saved in the workbook, read from the .xlsx package so the
 * command line uses the same aims and column mapping as the pane.
 *
 * Office keeps an add-in's document settings inside the package, in the web
 * extension part (xl/webextensions/webextension1.xml), one
 * <we:property name="…" value="…"/> per setting; the value is the JSON of
 * what the add-in stored, and the add-in stores JSON text
 * (src/excel/settings.ts), so a value may be JSON inside JSON.
 */
import JSZip from '../xlsx/jszip';
import type { AimsFile, ColumnMapping } from '../core/model';
import { UserFacingError } from '../core/errors';
import { parseAimsFile } from '../core/aims/definition';
import { aimsOrPresets } from '../core/usecases/pipeline';
import { SETTING_AIMS, SETTING_MAPPINGS } from '../core/usecases/session';
import { parseAttributes } from '../xlsx/ooxml';
import { decodeSettingValue } from '../xlsx/ownership';

/** The add-in's settings prefix (src/excel/settings.ts SETTING_PREFIX). */
export const ADDIN_SETTING_PREFIX = 'paceTracker.';

const WEB_EXTENSION_PART = /^xl\/webextensions\/webextension\d*\.xml$/;

export { decodeSettingValue };

/** Every <we:property> of one web extension part, by name. */
export function propertiesInWebExtensionXml(xml: string): Map<string, unknown> {
  const found = new Map<string, unknown>();
  const re = /<(?:[\w.-]+:)?property\b([^>]*?)\/?>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const attrs = parseAttributes(m[1]);
    if (attrs.name !== undefined && attrs.value !== undefined) found.set(attrs.name, decodeSettingValue(attrs.value));
  }
  return found;
}

/** The add-in's settings in an .xlsx package (empty when there are none or it is not a package). */
export async function addinSettingsInPackage(bytes: Uint8Array): Promise<Map<string, unknown>> {
  const settings = new Map<string, unknown>();
  // Part names are stored as plain text in a zip's directory: most workbooks have no settings part,
  // and this look costs nothing next to unzipping the package a second time.
  if (!Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('xl/webextensions/webextension')) return settings;
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return settings;
  }
  const parts: string[] = [];
  zip.forEach((name) => {
    if (WEB_EXTENSION_PART.test(name)) parts.push(name);
  });
  for (const part of parts.sort()) {
    const xml = (await zip.file(part)?.async('string')) ?? '';
    for (const [name, value] of propertiesInWebExtensionXml(xml)) {
      if (name.startsWith(ADDIN_SETTING_PREFIX) && !settings.has(name)) settings.set(name, value);
    }
  }
  return settings;
}

function setting(settings: Map<string, unknown>, key: string): unknown {
  return settings.get(ADDIN_SETTING_PREFIX + key);
}

/** The column mapping the pane saved for `sheet` (by sheet name), or undefined. */
export function savedMappingFor(settings: Map<string, unknown>, sheet: string): ColumnMapping[] | undefined {
  const all = setting(settings, SETTING_MAPPINGS);
  if (!all || typeof all !== 'object' || Array.isArray(all)) return undefined;
  const list = (all as Record<string, unknown>)[sheet];
  if (!Array.isArray(list)) return undefined;
  const valid = list.filter(
    (c): c is ColumnMapping =>
      !!c && typeof c === 'object' && typeof (c as ColumnMapping).field === 'string' && typeof (c as ColumnMapping).column === 'string' && typeof (c as ColumnMapping).header === 'string',
  );
  return valid.length > 0 ? valid.map((c) => ({ ...c, confidence: typeof c.confidence === 'number' ? c.confidence : 1 })) : undefined;
}

export interface ChosenAims {
  file: AimsFile;
  /** One line saying which aims were used, e.g. "Using the 4 aims saved in the workbook." */
  note: string;
}

function plural(n: number): string {
  return `${n} aim${n === 1 ? '' : 's'}`;
}

/**
 * The aims to measure: the --aims file when given (already parsed), else the
 * aims saved in the workbook by the add-in, else the presets. Saved aims that
 * no longer fit the sheet are not used, and the note says why.
 */
export function chooseAims(fromOption: AimsFile | undefined, optionFile: string | undefined, settings: Map<string, unknown>, knownFields: string[]): ChosenAims {
  if (fromOption !== undefined) return { file: fromOption, note: `Using the ${plural(fromOption.aims.length)} in ${optionFile}.` };
  const saved = setting(settings, SETTING_AIMS);
  if (saved !== undefined && saved !== null) {
    try {
      const file = parseAimsFile(saved, knownFields);
      if (file.aims.length > 0) return { file, note: `Using the ${plural(file.aims.length)} saved in the workbook.` };
      return { file: aimsOrPresets(file), note: 'Using the preset aims (the workbook has no aims of its own saved).' };
    } catch (err) {
      if (!(err instanceof UserFacingError)) throw err;
      return { file: aimsOrPresets(null), note: `Using the preset aims: the aims saved in the workbook cannot be used here (${err.message.replace(/\.$/, '')}).` };
    }
  }
  return { file: aimsOrPresets(null), note: 'Using the preset aims.' };
}
