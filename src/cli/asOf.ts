/**
 * The as-of date as people write it: the UK way (31/03/2024, 31/3/24,
 * 31 March 2024) through the core's own UK date reading, or ISO 2024-03-31
 * as scripts write it. Anything else is a plain usage error.
 */
import { UserFacingError } from '../core/errors';
import type { DayNumber } from '../core/model';
import { dayFromIso, parseDateText, todayDay } from '../core/dates';

export const AS_OF_FORMS = 'a date such as 31/03/2024 or 2024-03-31';

/** The day `text` names, or null when it is not a real date in a form we read. */
export function parseAsOfText(text: string): DayNumber | null {
  const trimmed = text.trim();
  return dayFromIso(trimmed) ?? parseDateText(trimmed)?.day ?? null;
}

/** The --as-of value (or `flag`'s) as a day; today when it was not given. */
export function asOfDay(text: string | undefined, flag = '--as-of', today: () => DayNumber = todayDay): DayNumber {
  if (text === undefined) return today();
  const day = parseAsOfText(text);
  if (day === null) throw new UserFacingError('usage', `${flag} takes ${AS_OF_FORMS}, not "${text}".`);
  return day;
}
