/**
 * Add-in settings stored in the workbook, so the next person who opens it
 * gets the same mapping and aims. Values are JSON text under keys prefixed
 * "paceTracker." (workbook.settings, ExcelApi 1.4).
 *
 * Fallback chosen: where ExcelApi 1.4 is missing, the older
 * Office.context.document.settings store (same storage, saved with
 * saveAsync) is used, so settings still work on old Excel.
 */
import type { ExcelEnv } from './env';
import { supportsExcelApi } from './env';
import { UserFacingError } from '../core/errors';
import { runExcel } from './run';

export const SETTING_PREFIX = 'paceTracker.';
/**
 * The sheets the add-in wrote (ids and names). Ownership is decided by the
 * marks on the sheets (src/excel/ownership.ts); this record is kept for the
 * command line, which reads the names, and for workbooks written before the
 * marks noted their names. Ids in it are only meaningful within a session.
 */
export const OWNED_SHEETS_KEY = `${SETTING_PREFIX}ownedSheets`;
/**
 * The record older versions kept of their marks (conditional-format ids by
 * sheet id). No longer written; its presence says marks of the old kind
 * (rule "=TRUE") may be on the sheets, so they can still be cleared.
 */
export const MARKS_KEY = `${SETTING_PREFIX}marks`;

/**
 * Characters one setting may take. Office states no limit for the settings
 * store; it is reported to fail near 2 MB in all and errors have been seen
 * near 1 MB, so one setting stays far below (our choice): the add-in's
 * settings are mappings, aims and dates, a few kilobytes.
 */
export const MAX_SETTING_CHARS = 100_000;

export interface OwnedSheet {
  id: string;
  name: string;
}

/** Full settings key of a caller's key. */
export function settingKey(key: string): string {
  return key.startsWith(SETTING_PREFIX) ? key : SETTING_PREFIX + key;
}

/** JSON text back to a value; a value stored as-is (not text, or not JSON) is returned unchanged. */
export function decodeSetting<T>(stored: unknown): T | null {
  if (stored === null || stored === undefined) return null;
  if (typeof stored !== 'string') return stored as T;
  try {
    return JSON.parse(stored) as T;
  } catch {
    return stored as unknown as T;
  }
}

export function encodeSetting(value: unknown): string {
  return JSON.stringify(value);
}

/** The encoded value, refused in plain words when it is too large to keep in the workbook. */
function encodedWithinLimit(fullKey: string, value: unknown): string {
  const text = encodeSetting(value ?? null);
  if (text.length > MAX_SETTING_CHARS) {
    throw new UserFacingError(
      'tooLarge',
      `The add-in could not keep "${fullKey.slice(SETTING_PREFIX.length)}" in this workbook: it is too large (${text.length.toLocaleString('en-GB')} characters; the limit is ${MAX_SETTING_CHARS.toLocaleString('en-GB')}). Nothing was saved.`,
    );
  }
  return text;
}

/** Queues a read of one setting in a batch; call `.value()` after sync. */
export function queueSettingRead<T>(context: Excel.RequestContext, fullKey: string): { value(): T | null } {
  const item = context.workbook.settings.getItemOrNullObject(fullKey);
  item.load('value');
  return { value: () => (item.isNullObject ? null : decodeSetting<T>(item.value)) };
}

/** Queues a write of one setting (null is stored as JSON null, which reads back as "no setting"). */
export function queueSettingWrite(context: Excel.RequestContext, fullKey: string, value: unknown): void {
  context.workbook.settings.add(fullKey, encodedWithinLimit(fullKey, value));
}

function documentSettings(env: ExcelEnv): Office.Settings {
  const settings = env.office?.context?.document?.settings;
  if (!settings) {
    throw new UserFacingError('unsupportedExcel', 'This version of Excel cannot store the add-in settings in the workbook. Update Excel, or use Excel on the web.');
  }
  return settings;
}

export async function loadSetting<T>(env: ExcelEnv, key: string): Promise<T | null> {
  const fullKey = settingKey(key);
  if (!supportsExcelApi(env, '1.4')) return decodeSetting<T>(documentSettings(env).get(fullKey));
  return runExcel(env, async (context) => {
    const read = queueSettingRead<T>(context, fullKey);
    await context.sync();
    return read.value();
  });
}

export async function saveSetting<T>(env: ExcelEnv, key: string, value: T): Promise<void> {
  const fullKey = settingKey(key);
  if (!supportsExcelApi(env, '1.4')) {
    const settings = documentSettings(env);
    settings.set(fullKey, encodedWithinLimit(fullKey, value));
    await new Promise<void>((resolve, reject) =>
      settings.saveAsync((result) =>
        String(result.status) === 'failed' ? reject(new UserFacingError('unreadableFile', 'The add-in could not save its settings in this workbook. Check the workbook is not read-only, then try again.')) : resolve(),
      ),
    );
    return;
  }
  await runExcel(env, async (context) => {
    queueSettingWrite(context, fullKey, value);
    await context.sync();
  });
}
