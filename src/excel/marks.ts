/**
 * Marks on the user's sheet: conditional formats (fill by severity) over
 * flagged cells. Conditional formats sit on top of the cells, so the user's
 * values, formatting and own conditional formats stay as they were; the ids
 * of the formats added are kept in settings so clearMarks removes exactly
 * those.
 */
import type { CellMark } from '../core/port';
import { UserFacingError } from '../core/errors';
import type { ExcelEnv } from './env';
import { CONDITIONAL_FORMAT_API, RANGE_AREAS_API, requireExcelApi, supportsExcelApi } from './env';
import { MARKS_KEY, queueSettingRead, queueSettingWrite } from './settings';
import { syncForSheet } from './reader';
import { addressLists, cellsBySeverity, MARK_FILL, MARK_RULE } from './markLayout';

/** Conditional-format ids the add-in added, by worksheet id. */
type MarkRegistry = Record<string, string[]>;

function protectedSheet(sheet: string, doing: 'added' | 'removed'): UserFacingError {
  return new UserFacingError(
    'protectedSheet',
    doing === 'added'
      ? `The sheet "${sheet}" is protected, so marks cannot be added. The findings are still listed in the pane and on the issues sheet.`
      : `The sheet "${sheet}" is protected, so the marks cannot be removed. Unprotect the sheet (Review > Unprotect Sheet), then try again.`,
  );
}

/** Queues what every marks operation needs: the sheet, its protection, the registry and the sheet's conditional formats. */
function queueMarkState(context: Excel.RequestContext, sheet: string) {
  const worksheet = context.workbook.worksheets.getItem(sheet).load('id');
  const protection = worksheet.protection.load('protected');
  const registry = queueSettingRead<MarkRegistry>(context, MARKS_KEY);
  const formats = worksheet.getRange().conditionalFormats.load('items/id');
  return {
    worksheet,
    isProtected: () => protection.protected,
    registry: (): MarkRegistry => registry.value() ?? {},
    /** After sync: the add-in's conditional formats still on the sheet. */
    ours(): Excel.ConditionalFormat[] {
      const ids = new Set(registry.value()?.[worksheet.id] ?? []);
      return formats.items.filter((cf) => ids.has(cf.id));
    },
  };
}

function withoutSheet(registry: MarkRegistry, sheetId: string): MarkRegistry {
  const rest = { ...registry };
  delete rest[sheetId];
  return rest;
}

/**
 * Marks the flagged cells (replacing earlier marks): one conditional format
 * per severity over many cells where ExcelApi 1.9 allows it, else one per
 * cell, all in one sync. Three syncs in all.
 */
export async function markCells(env: ExcelEnv, sheet: string, marks: CellMark[]): Promise<void> {
  requireExcelApi(env, CONDITIONAL_FORMAT_API, 'mark cells');
  const multiArea = supportsExcelApi(env, RANGE_AREAS_API);
  const excel = env.excel;
  await excel.run(async (context) => {
    const state = queueMarkState(context, sheet);
    await syncForSheet(context, sheet);
    if (state.isProtected()) throw protectedSheet(sheet, 'added');
    for (const cf of state.ours()) cf.delete();

    const added: Excel.ConditionalFormat[] = [];
    const addFormat = (target: Excel.Range | Excel.RangeAreas, fill: string): void => {
      const cf = target.conditionalFormats.add(excel.ConditionalFormatType.custom);
      cf.custom.rule.formula = MARK_RULE;
      cf.custom.format.fill.color = fill;
      cf.load('id');
      added.push(cf);
    };
    for (const group of cellsBySeverity(marks)) {
      const fill = MARK_FILL[group.severity];
      if (multiArea) for (const list of addressLists(group.cells)) addFormat(state.worksheet.getRanges(list), fill);
      else for (const cell of group.cells) addFormat(state.worksheet.getRange(cell), fill);
    }
    await context.sync();

    const registry = withoutSheet(state.registry(), state.worksheet.id);
    if (added.length > 0) registry[state.worksheet.id] = added.map((cf) => cf.id);
    queueSettingWrite(context, MARKS_KEY, registry);
    await context.sync();
  });
}

/** Removes exactly the conditional formats markCells added (two syncs; one when there are none). */
export async function clearMarks(env: ExcelEnv, sheet: string): Promise<void> {
  requireExcelApi(env, CONDITIONAL_FORMAT_API, 'remove marks');
  await env.excel.run(async (context) => {
    const state = queueMarkState(context, sheet);
    await syncForSheet(context, sheet);
    const registry = state.registry();
    if (!(state.worksheet.id in registry)) return;
    const ours = state.ours();
    if (ours.length > 0 && state.isProtected()) throw protectedSheet(sheet, 'removed');
    for (const cf of ours) cf.delete();
    queueSettingWrite(context, MARKS_KEY, withoutSheet(registry, state.worksheet.id));
    await context.sync();
  });
}

/** Whether the add-in's marks are on the sheet now (one sync). */
export async function hasMarks(env: ExcelEnv, sheet: string): Promise<boolean> {
  if (!supportsExcelApi(env, CONDITIONAL_FORMAT_API)) return false;
  return env.excel.run(async (context) => {
    const state = queueMarkState(context, sheet);
    await syncForSheet(context, sheet);
    return state.ours().length > 0;
  });
}
