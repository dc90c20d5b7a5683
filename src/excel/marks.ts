/**
 * Marks on the user's sheet: conditional formats (fill by severity) over
 * flagged cells. Conditional formats sit on top of the cells, so the user's
 * values, formatting and own conditional formats stay as they were.
 *
 * A mark is found by what it is — the add-in's own rule formula with one of
 * its fills — never by a stored id: ConditionalFormat.id is "the priority of
 * the conditional format in the current ConditionalFormatCollection", and
 * every add() takes the top priority and shifts the others, so an id kept
 * from earlier names whichever format sits there now (often the user's).
 * Recognising marks by content also survives closing and reopening the
 * workbook, when sheet ids may change.
 */
import type { CellMark } from '../core/port';
import { UserFacingError } from '../core/errors';
import type { ExcelEnv } from './env';
import { CONDITIONAL_FORMAT_API, RANGE_AREAS_API, requireExcelApi, supportsExcelApi } from './env';
import { MARKS_KEY, queueSettingRead } from './settings';
import { syncForSheet } from './reader';
import { addressLists, cellsBySeverity, isMarkFormat, MARK_FILL, MARK_RULE } from './markLayout';
import { runExcel } from './run';

function protectedSheet(sheet: string, doing: 'added' | 'removed'): UserFacingError {
  return new UserFacingError(
    'protectedSheet',
    doing === 'added'
      ? `The sheet "${sheet}" is protected, so marks cannot be added. The findings are still listed in the pane and on the issues sheet.`
      : `The sheet "${sheet}" is protected, so the marks cannot be removed. Unprotect the sheet (Review > Unprotect Sheet), then try again.`,
  );
}

/**
 * Finds the add-in's marks on a sheet: the sheet, its protection and its
 * conditional formats' types in one sync, then the rule and fill of the
 * custom ones in a second (skipped when there are none). A format of another
 * type (a colour scale, data bars) has no custom rule to read.
 */
async function findMarks(context: Excel.RequestContext, sheet: string) {
  const worksheet = context.workbook.worksheets.getItem(sheet);
  const protection = worksheet.protection.load('protected');
  // Marks written before they carried the add-in's name are recognised only where the old record says marks were made.
  const legacyRecord = queueSettingRead<Record<string, string[]>>(context, MARKS_KEY);
  const formats = worksheet.getRange().conditionalFormats.load('items/type');
  await syncForSheet(context, sheet);
  const custom = formats.items.filter((cf) => cf.type === 'Custom');
  const details = custom.map((cf) => ({ cf, rule: cf.custom.rule.load('formula'), fill: cf.custom.format.fill.load('color') }));
  if (details.length > 0) await context.sync();
  const legacy = Object.keys(legacyRecord.value() ?? {}).length > 0;
  const ours = details.filter((d) => isMarkFormat(d.rule.formula, d.fill.color, legacy)).map((d) => d.cf);
  return {
    worksheet,
    isProtected: () => protection.protected,
    ours,
    /**
     * Deletes the marks found, lowest priority first: each deletion then
     * leaves the positions of the ones still to go unchanged, however Excel
     * resolves them.
     */
    deleteOurs(): void {
      for (let i = ours.length - 1; i >= 0; i--) ours[i].delete();
    },
  };
}

const MARKS_REMEDY = 'Some marks may already be on the sheet or some old ones gone: choose Clear marks to remove what is there, then mark again.';

/**
 * Marks the flagged cells (replacing earlier marks): one conditional format
 * per severity over many cells where ExcelApi 1.9 allows it, else one per
 * cell, all in one sync. Three syncs in all (two when the sheet has no
 * custom conditional formats yet).
 */
export async function markCells(env: ExcelEnv, sheet: string, marks: CellMark[]): Promise<void> {
  requireExcelApi(env, CONDITIONAL_FORMAT_API, 'mark cells');
  const multiArea = supportsExcelApi(env, RANGE_AREAS_API);
  const excel = env.excel;
  let writing = false;
  await runExcel(
    env,
    async (context) => {
      const found = await findMarks(context, sheet);
      if (found.isProtected()) throw protectedSheet(sheet, 'added');
      found.deleteOurs();
      const addFormat = (target: Excel.Range | Excel.RangeAreas, fill: string): void => {
        const cf = target.conditionalFormats.add(excel.ConditionalFormatType.custom);
        cf.custom.rule.formula = MARK_RULE;
        cf.custom.format.fill.color = fill;
      };
      for (const group of cellsBySeverity(marks)) {
        const fill = MARK_FILL[group.severity];
        if (multiArea) for (const list of addressLists(group.cells)) addFormat(found.worksheet.getRanges(list), fill);
        else for (const cell of group.cells) addFormat(found.worksheet.getRange(cell), fill);
      }
      writing = true;
      await context.sync();
    },
    () => ({ written: writing ? 'the marks were being replaced when Excel stopped' : null, remedy: MARKS_REMEDY }),
  );
}

/** Removes the add-in's marks, and nothing else (three syncs; fewer when there is nothing to remove). */
export async function clearMarks(env: ExcelEnv, sheet: string): Promise<void> {
  requireExcelApi(env, CONDITIONAL_FORMAT_API, 'remove marks');
  let writing = false;
  await runExcel(
    env,
    async (context) => {
      const found = await findMarks(context, sheet);
      if (found.ours.length === 0) return;
      if (found.isProtected()) throw protectedSheet(sheet, 'removed');
      found.deleteOurs();
      writing = true;
      await context.sync();
    },
    () => ({ written: writing ? 'some marks may have been removed before Excel stopped' : null, remedy: 'Choose Clear marks again to remove the rest.' }),
  );
}

/** Whether the add-in's marks are on the sheet now (two syncs; one when the sheet has no custom formats). */
export async function hasMarks(env: ExcelEnv, sheet: string): Promise<boolean> {
  if (!supportsExcelApi(env, CONDITIONAL_FORMAT_API)) return false;
  return runExcel(env, async (context) => (await findMarks(context, sheet)).ours.length > 0);
}
