/**
 * Deterministic synthetic PACE tracker (fictional children) for the sample
 * workbook, tests and the benchmark. Same options → same workbook, byte for
 * byte in its cell values: a seeded PRNG, never Math.random.
 *
 * Journeys follow the five permanence routes with realistic intervals, are
 * cut at the as-of date (so many children are still waiting at each stage),
 * intervals shorten for work started after 2022 (so run charts show a shift),
 * and a dozen realistic data errors are planted where a data lead would find
 * them. `plantedErrors` says exactly where, so tests can assert them.
 *
 * The parts: sample/model.ts (columns, types, date helpers),
 * sample/journeys.ts (the children), sample/plantedErrors.ts (the errors)
 * and sample/workbook.ts (the .xlsx).
 */
export {
  SAMPLE_AS_OF,
  SAMPLE_SHEET,
  SAMPLE_TABLE,
  SAMPLE_ROUTES,
  seededRandom,
  isoToDay,
  dayToDate,
  dayToUkText,
  dayToSerial,
  type SampleColumnKey,
  type SampleRoute,
  type SampleCell,
  type SampleChild,
  type PlantedErrorKind,
  type PlantedError,
  type PlantedAt,
  type SampleOptions,
  type SampleResult,
} from './sample/model';
export { generateChildren } from './sample/journeys';
export { buildSampleWorkbook, buildSampleBuffer } from './sample/workbook';
