/**
 * The command line's side of two date questions the sheet itself raises:
 * `--date-order COLUMN=mdy` (repeatable) for columns typed month/day/year, and
 * the hint when the sheet's title names an as-of date other than the one used.
 */
import { UserFacingError } from '../core/errors';
import type { DayNumber } from '../core/model';
import { ukFromDay } from '../core/dates';
import { describeColumns, unconfirmedColumns, type DateOrderChoice } from '../core/usecases/dateOrder';
import type { LoadedSheet } from '../core/usecases/pipeline';
import type { ParsedArgs } from './args';

/** The option as each command declares it. */
export const DATE_ORDER_OPTION = { 'date-order': { value: true } } as const;

const ONE = /^\s*([A-Za-z][A-Za-z0-9]*)\s*=\s*(mdy|dmy)\s*$/i;

/** Every `--date-order COLUMN=mdy|dmy` given (COLUMN a letter such as G or a field id such as lookedAfterStart). */
export function dateOrderOption(args: ParsedArgs): DateOrderChoice {
  const choice: DateOrderChoice = {};
  for (const value of args.values.get('date-order') ?? []) {
    for (const part of value.split(',')) {
      const m = ONE.exec(part);
      if (!m) {
        throw new UserFacingError(
          'usage',
          `--date-order takes COLUMN=mdy or COLUMN=dmy (COLUMN is a column letter such as G, or a field id such as lookedAfterStart), not "${value}".`,
        );
      }
      choice[m[1]] = m[2].toLowerCase() as 'mdy' | 'dmy';
    }
  }
  return choice;
}

/**
 * Stops `aims` and `report` on a sheet with a month-first-looking column whose
 * order was not given, naming the column(s) and the option to add.
 */
export function requireDateOrderOnCommandLine(sheet: LoadedSheet): void {
  const waiting = unconfirmedColumns(sheet.monthFirstColumns);
  if (waiting.length === 0) return;
  const what = describeColumns(waiting);
  const mdy = waiting.map((c) => `--date-order ${c.column}=mdy`).join(' ');
  const dmy = waiting.map((c) => `--date-order ${c.column}=dmy`).join(' ');
  throw new UserFacingError(
    'dateOrderUnconfirmed',
    `${what.charAt(0).toUpperCase()}${what.slice(1)} on sheet '${sheet.layout.sheet}' ${waiting.length === 1 ? 'holds dates typed as text that look' : 'hold dates typed as text that look'} month/day/year, so the figures are held back until you confirm the order: add ${mdy} to read ${waiting.length === 1 ? 'it' : 'them'} month first, or ${dmy} to keep reading ${waiting.length === 1 ? 'it' : 'them'} day first. "pace-tracker check" lists the finding.`,
  );
}

/**
 * One line when the as-of date was not given and the title offers another
 * day than the one used (today): the title's date is offered, never used unasked.
 */
export function titleAsOfHint(sheet: LoadedSheet, asOfGiven: boolean, asOf: DayNumber): string | null {
  const title = sheet.titleAsOf;
  if (asOfGiven || title === null || title.day === asOf) return null;
  return `The sheet's title says '${title.text}': add --as-of ${ukFromDay(title.day)} to use it.`;
}
