/**
 * The monthly cycle's question, for both twins: what changed since last
 * month's tracker or submission copy? Matches the children (by ID, or by
 * pseudonym when last month's file is a submission copy), compares every
 * field mapped in both months, and plans the "PACE Changes" sheet.
 */
import type { AimsFile, DayNumber } from '../model';
import { isoFromDay } from '../dates';
import { DATE_FIELDS, isCanonicalField } from '../fields';
import { normaliseAim } from '../aims/definition';
import { compareMonths, type Comparison } from '../compare/compare';
import { endOfPreviousMonth, lastMonthAsOf, matchChildren } from '../compare/matching';
import { planChangesSheet } from '../report/changesSheet';
import type { ReportPlan } from '../report/plan';
import { aimsOrPresets, withDateOrderOf, type LoadedSheet } from './pipeline';

export { endOfPreviousMonth };

export interface CompareSheetsInput {
  last: LoadedSheet;
  now: LoadedSheet;
  thisAsOf: DayNumber;
  /** Default: the last day of the month before this month's as-of date (the monthly cycle). */
  lastAsOf?: DayNumber;
  changedDaysThreshold?: number;
  /** The aims whose run-chart points are followed (default: the presets). */
  aims?: AimsFile | null;
  /** Full HMAC-SHA-256 hex of a child ID with the authority's key; needed when last month is a submission copy and this month is not. */
  hmacHexOf?: (id: string) => string;
  /** How last month's data is named on the sheet ("PACE-March.xlsx"). */
  lastName: string;
}

export interface ComparedSheets {
  comparison: Comparison;
  matchedBy: 'childId' | 'pseudonym';
  lastAsOf: DayNumber;
  /** Date fields compared (mapped in both months). */
  fields: string[];
  /** Date fields mapped in only one of the months: not compared. */
  notCompared: string[];
  /** Only the changes sheet: the user's other sheets and earlier reports stay. */
  plan: ReportPlan;
}

function dateFieldsOf(sheet: LoadedSheet): string[] {
  const mapped = new Set(sheet.layout.columns.map((c) => String(c.field)));
  const canonical = DATE_FIELDS.filter((f) => mapped.has(f));
  return [...canonical, ...sheet.localLabels.keys()];
}

export function compareSheets(compared: CompareSheetsInput): ComparedSheets {
  // Last month read with this month's confirmed date orders, so a month-first column is read alike in both.
  const input = { ...compared, last: withDateOrderOf(compared.last, compared.now) };
  const lastAsOf = lastMonthAsOf(input.thisAsOf, input.lastAsOf);
  const { matchedBy, lastIdOf, leftOutOfLast } = matchChildren(input.last.records, input.now.records, input.thisAsOf, input.hmacHexOf);
  const lastFields = new Set(dateFieldsOf(input.last));
  const nowFields = dateFieldsOf(input.now);
  const fields = nowFields.filter((f) => lastFields.has(f));
  const notCompared = [...nowFields.filter((f) => !lastFields.has(f)), ...[...lastFields].filter((f) => !nowFields.includes(f))];
  const localLabels = new Map([...input.last.localLabels, ...input.now.localLabels]);
  const aims = aimsOrPresets(input.aims).aims.map((a) => normaliseAim(a, localLabels));
  const comparison = compareMonths(input.last.records, input.now.records, {
    lastAsOf,
    changedDaysThreshold: input.changedDaysThreshold,
    aims: aims.filter((a) => (isCanonicalField(a.start) || localLabels.has(a.start)) && (isCanonicalField(a.end) || localLabels.has(a.end))),
    dateFields: fields,
    localLabels,
    lastIdOf,
    leftOutOfLast,
  });
  const sheet = planChangesSheet({
    comparison,
    sourceSheet: input.now.layout.sheet,
    thisAsOf: input.thisAsOf,
    lastAsOf,
    lastName: input.lastName,
    date1904: input.now.date1904,
    localLabels,
    matchedBy,
  });
  return {
    comparison,
    matchedBy,
    lastAsOf,
    fields,
    notCompared,
    plan: { asOf: isoFromDay(input.thisAsOf), sheets: [sheet], replaceEarlierReport: false, kind: 'changes' },
  };
}
