/**
 * The whole report: summary first, then the issues sheet (when given), then
 * one sheet per aim. Sheet names are unique and fit Excel's 31 characters;
 * table names are unique in the workbook (letters, digits, underscores).
 */
import type { AimDefinition, AimResult, CohortListResult, DayNumber, StageCount, TestOfChange } from '../model';
import { isoFromDay } from '../dates';
import type { PlannedSheet, ReportPlan } from './plan';
import { aimSheetName, planAimSheet } from './aimSheet';
import { planSummarySheet } from './summarySheet';
import type { PopulationCount } from './exclusions';
import { cohortSheetName, planCohortSheet } from './cohortSheet';
import type { LastMonthWeeks } from '../compare/lastPoints';

export interface ReportInput {
  asOf: DayNumber;
  date1904: boolean;
  sourceSheet: string;
  aims: { definition: AimDefinition; result: AimResult }[];
  stages: StageCount[];
  changes: TestOfChange[];
  issues?: PlannedSheet;
  /** Labels of local milestones (id → the user's words), for names on the aim sheets. */
  localLabels?: ReadonlyMap<string, string>;
  /** Rows outside the PACE population (said on each aim sheet). */
  population?: PopulationCount;
  /** Cohort lists (Highland aim 1 and the like): one sheet each, after the aim sheets. */
  cohorts?: CohortListResult[];
  /** Months with fewer children than this are greyed on the monthly charts and left out of their median (default 5). */
  smallNumber?: number;
  /** 'quarter': monthly tables and charts grouped by quarter (steadier for a small authority). */
  period?: 'month' | 'quarter';
  /** Last month's points beside this month's on each aim sheet: `aims[i]` belongs to `aims[i]` above. */
  lastMonth?: { name: string; asOf: DayNumber; aims: LastMonthWeeks[] };
}

/** A sheet name not yet taken (Excel compares names case-insensitively): "Name", then "Name (2)"… within 31 characters. */
export function uniqueSheetName(wanted: string, taken: Set<string>): string {
  let name = wanted.slice(0, 31).trim();
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = `${wanted.slice(0, 31 - suffix.length).trim()}${suffix}`;
  }
  taken.add(name.toLowerCase());
  return name;
}

export function buildReportPlan(input: ReportInput): ReportPlan {
  const taken = new Set<string>(['pace summary']);
  if (input.issues) taken.add(input.issues.name.toLowerCase());
  const named = input.aims.map((a, i) => ({ ...a, index: i + 1, sheetName: uniqueSheetName(aimSheetName(a.definition, i + 1, input.localLabels), taken) }));
  const summary = planSummarySheet({
    asOf: input.asOf,
    date1904: input.date1904,
    sourceSheet: input.sourceSheet,
    aims: named.map((a) => ({ definition: a.definition, result: a.result, sheetName: a.sheetName })),
    stages: input.stages,
    changes: input.changes,
    tablePrefix: 'PACE_Summary_',
    population: input.population,
  });
  const aimSheets = named.map((a) => ({
    ...planAimSheet(a.result, a.definition, {
      asOf: input.asOf,
      date1904: input.date1904,
      sourceSheet: input.sourceSheet,
      index: a.index,
      changes: input.changes,
      tablePrefix: `PACE_Aim${a.index}_`,
      localLabels: input.localLabels,
      population: input.population,
      smallNumber: input.smallNumber,
      period: input.period,
      ...(input.lastMonth ? { lastMonth: { name: input.lastMonth.name, asOf: input.lastMonth.asOf, weeks: input.lastMonth.aims[a.index - 1] ?? new Map() } } : {}),
    }),
    name: a.sheetName,
  }));
  const cohortSheets = (input.cohorts ?? []).map((result, i) => {
    const index = input.aims.length + i + 1;
    const context = { asOf: input.asOf, date1904: input.date1904, sourceSheet: input.sourceSheet, index, tablePrefix: `PACE_Aim${index}_`, localLabels: input.localLabels };
    return { ...planCohortSheet(result, context), name: uniqueSheetName(cohortSheetName(result, index), taken) };
  });
  const sheets: PlannedSheet[] = [summary, ...(input.issues ? [input.issues] : []), ...aimSheets, ...cohortSheets];
  return { asOf: isoFromDay(input.asOf), sheets, replaceEarlierReport: true };
}
