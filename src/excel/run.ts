/**
 * Every batch the adapter sends to Excel goes through runExcel: it asks
 * Excel to wait while the user is typing in a cell (RunOptions
 * .delayForCellEdit, where this Excel has it), and turns Office's error
 * codes into messages in the users' words. A batch that wrote part of its
 * work before failing says what it wrote and how to remove it, never that
 * nothing was changed.
 */
import { isUserFacingError, UserFacingError } from '../core/errors';
import type { ExcelEnv } from './env';
import { supportsExcelApi } from './env';

/** Excel.run(options, batch) with RunOptions.delayForCellEdit (ExcelApi 1.11). */
export const DELAY_FOR_CELL_EDIT_API = '1.11';

/** The code Office puts on an error (OfficeExtension.Error.code), or null. */
export function officeErrorCode(err: unknown): string | null {
  if (typeof err !== 'object' || err === null) return null;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? code : null;
}

/** Plain words for an Office error code; null for codes the caller handles itself (or unknown ones). */
export function officeErrorMessage(code: string | null): string | null {
  switch (code) {
    case 'InvalidOperationInCellEditMode':
      return 'Excel is waiting for you to finish typing in a cell. Press Enter (or Esc) in the sheet, then try again.';
    case 'AccessDenied':
      return 'Excel did not allow the change: the sheet or the workbook is protected, or the workbook is open read-only. Unprotect it (Review tab) or save an editable copy, then try again.';
    case 'ItemAlreadyExists':
      return 'Excel refused a name that is already in use in this workbook (a sheet, table or named range). Rename or remove the one you do not need, then try again.';
    case 'InvalidArgument':
      return 'Excel did not accept part of the request (a name, address or value it considers invalid). Try again; if it keeps happening, save a copy of the workbook and report the problem.';
    case 'RequestPayloadSizeLimitExceeded':
      return 'The request was too large for Excel (Excel on the web accepts about 5 MB at a time). Use the pace-tracker command on a saved copy of the workbook instead: pace-tracker report YOUR-FILE.xlsx.';
    case 'GeneralException':
      return 'Excel reported a general error and did not finish. Save the workbook, close and reopen it, then try again.';
    default:
      return null;
  }
}

/**
 * What a batch has written so far, for the message when it fails half-way.
 * `written` describes it ("the new sheets PACE Summary, Aim 1");
 * `remedy` says how to remove it.
 */
export interface PartialWork {
  written: string | null;
  remedy: string;
}

/** The error a failed batch turns into, in the users' words. */
export function plainError(err: unknown, partial?: PartialWork): unknown {
  const code = officeErrorCode(err);
  const known = officeErrorMessage(code);
  const wrote = partial?.written ? ` Part of the work was already written: ${partial.written}. ${partial.remedy}` : '';
  if (isUserFacingError(err)) return wrote ? new UserFacingError(err.kind, err.message + wrote) : err;
  if (known) {
    const kind = code === 'RequestPayloadSizeLimitExceeded' ? 'tooLarge' : code === 'AccessDenied' ? 'protectedSheet' : code === 'InvalidOperationInCellEditMode' ? 'usage' : 'unreadableFile';
    return new UserFacingError(kind, known + (wrote || (code === 'InvalidOperationInCellEditMode' ? '' : ' Nothing was written.')));
  }
  if (wrote) {
    const detail = err instanceof Error ? err.message : String(err);
    return new UserFacingError('unreadableFile', `Excel stopped with an error (${detail}).${wrote}`);
  }
  return err;
}

/**
 * Excel.run, waiting while the user edits a cell where Excel can
 * (delayForCellEdit), with Office errors in plain words. `partial` is read
 * when the batch fails, so it reports what was written up to then.
 */
export async function runExcel<T>(env: ExcelEnv, batch: (context: Excel.RequestContext) => Promise<T>, partial?: () => PartialWork): Promise<T> {
  try {
    if (supportsExcelApi(env, DELAY_FOR_CELL_EDIT_API)) return await env.excel.run({ delayForCellEdit: true }, batch);
    return await env.excel.run(batch);
  } catch (err) {
    throw plainError(err, partial?.());
  }
}
