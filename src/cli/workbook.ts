/**
 * The commands that read a tracking workbook (or its CSV export): inspect,
 * check, aims and report. Loaded only when one of them runs, so `runchart`,
 * `--help` and `--version` never load exceljs or the report writer.
 */
import * as fs from 'fs';
import * as path from 'path';
import { UserFacingError } from '../core/errors';
import type { AimsFile, Severity } from '../core/model';
import { isoFromDay } from '../core/dates';
import { parseAimsFile } from '../core/aims/definition';
import { aimResultToJson } from '../core/aims/measures';
import { inspectJson } from '../core/inspect';
import { aimFieldIds, planReport, runAims, runCheck, type FigureOptions, type LastMonthInput, type LoadedSheet, type MeasuredAims } from '../core/usecases/pipeline';
import { OUTSIDE_POPULATION_REASON, populationNote } from '../core/population';
import { severityCounts } from '../core/severity';
import { cohortToJson } from '../core/aims/cohort';
import { intOption, parseArgs, ParsedArgs, stringOption } from './args';
import { asOfDay } from './asOf';
import { loadInput, placementsOf } from './load';
import { chooseOutput, defaultReportPath, writeOutput } from './outputPath';
import { reportBytes } from './reportInput';
import { chooseAims, type ChosenAims } from './savedSettings';
import { checkForCommandLine } from './wording';
import { formatAims, formatCheck, formatInspect } from './text';
import { DATE_ORDER_OPTION, dateOrderOption, requireDateOrderOnCommandLine, titleAsOfHint } from './dateOptions';
import { cohortSummaryLine, formatCohorts } from './cohortText';
import type { Io } from './main';
import { readKey } from './compare';

const common = { sheet: { value: true }, json: { value: false }, 'as-of': { value: true }, map: { value: true }, ...DATE_ORDER_OPTION };

function requireFile(args: ParsedArgs, command: string, what = 'FILE.xlsx'): string {
  if (args.positional.length !== 1) throw new UserFacingError('usage', `Give exactly one ${what}. Run "pace-tracker ${command} --help" for usage.`);
  return args.positional[0];
}

function asOfOption(args: ParsedArgs): number {
  return asOfDay(stringOption(args, 'as-of'));
}

async function loadSheet(args: ParsedArgs, command: string) {
  const file = requireFile(args, command);
  const loaded = await loadInput(file, stringOption(args, 'sheet'), stringOption(args, 'map'), dateOrderOption(args));
  return { file, ...loaded };
}

/** The title's as-of date, offered in one line (on stderr with --json, so the JSON stays alone on stdout). */
function printTitleHint(io: Io, args: ParsedArgs, sheet: LoadedSheet, asOf: number): void {
  const hint = titleAsOfHint(sheet, args.options.has('as-of'), asOf);
  if (hint !== null) (args.options.has('json') ? io.err : io.out)(`${hint}\n`);
}

/** The aims to measure and the line saying which (--aims, else the workbook's saved aims, else the presets). */
function readAimsOption(args: ParsedArgs, knownFields: string[], settings: Map<string, unknown>): ChosenAims {
  const file = stringOption(args, 'aims');
  if (file === undefined) return chooseAims(undefined, undefined, settings, knownFields);
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : 'it is not valid JSON';
    throw new UserFacingError('badAims', `The aims file ${file} cannot be used: ${why}.`);
  }
  const parsed: AimsFile = parseAimsFile(json, knownFields);
  return chooseAims(parsed, file, settings, knownFields);
}

/** --include-outside-population: keep rows outside the PACE population in the figures. */
const populationSwitch = { 'include-outside-population': { value: false } };

function figureOptions(args: ParsedArgs): FigureOptions {
  return { includeOutsidePopulation: args.options.has('include-outside-population') };
}

/** The rows outside the PACE population, as `aims --json` reports them. */
export function outsidePopulationJson(measured: MeasuredAims): Record<string, unknown> {
  const { outside, kept } = measured.population;
  return { count: outside.length, leftOut: !kept && outside.length > 0, reason: OUTSIDE_POPULATION_REASON, children: outside.map((o) => ({ ...o })) };
}

/** One line for the terminal about rows outside the population, or nothing. */
function populationLine(measured: MeasuredAims): string {
  const note = populationNote(measured.population, 'Use --include-outside-population to keep them.');
  return note === null ? '' : `${note}\n`;
}

function printJson(io: Io, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}

export async function inspect(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, common);
  const { sheet, mappingFrom } = await loadSheet(args, 'inspect');
  const json = inspectJson(sheet.layout, sheet.titleAsOf === null ? null : isoFromDay(sheet.titleAsOf.day));
  if (args.options.has('json')) printJson(io, json);
  else {
    io.out(formatInspect(json, sheet.records.length));
    if (mappingFrom === 'saved') io.out('The column mapping saved in the workbook by the add-in was used.\n');
  }
  return 0;
}

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

export async function check(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { ...common, aims: { value: true }, 'fail-on': { value: true } });
  const failOn = stringOption(args, 'fail-on');
  if (failOn !== undefined && !SEVERITIES.includes(failOn as Severity)) {
    throw new UserFacingError('usage', `--fail-on takes error, warning or info, not "${failOn}".`);
  }
  const asOf = asOfOption(args);
  const { sheet, settings, keepFinding, sourceNote } = await loadSheet(args, 'check');
  // With the aims (saved, --aims, or the presets), a child whose end milestone is before its start gets a finding naming the aim.
  const result = checkForCommandLine(runCheck(sheet, asOf, readAimsOption(args, aimFieldIds(sheet), settings).file, keepFinding));
  printTitleHint(io, args, sheet, asOf);
  if (args.options.has('json')) printJson(io, result);
  else io.out(`${sourceNote ? `${sourceNote}\n` : ''}${formatCheck(result)}`);
  if (failOn !== undefined) {
    // --fail-on warning fails on warnings and anything worse.
    const worst = SEVERITIES.slice(0, SEVERITIES.indexOf(failOn as Severity) + 1);
    if (worst.some((s) => result.counts[s] > 0)) return 1;
  }
  return 0;
}

export async function aims(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { ...common, aims: { value: true }, ...populationSwitch });
  const asOf = asOfOption(args);
  const { sheet, settings } = await loadSheet(args, 'aims');
  const chosen = readAimsOption(args, aimFieldIds(sheet), settings);
  requireDateOrderOnCommandLine(sheet);
  printTitleHint(io, args, sheet, asOf);
  const measured = runAims(sheet, chosen.file, asOf, figureOptions(args));
  const json = {
    asOf: isoFromDay(asOf),
    outsidePopulation: outsidePopulationJson(measured),
    aims: measured.aims.map((a) => aimResultToJson(a.result)),
    cohorts: measured.cohorts.map((c) => cohortToJson(c.result)),
  };
  if (args.options.has('json')) printJson(io, json);
  else io.out(`${chosen.note}\n${formatAims(json.asOf, measured)}${formatCohorts(json.cohorts)}${populationLine(measured)}`);
  return 0;
}


/** --last LAST.xlsx: last month's tracker (or submission copy, with --key-file) read like this month's. */
async function lastMonthInput(args: ParsedArgs, file: string, asOf: number | undefined): Promise<LastMonthInput> {
  const keyFile = stringOption(args, 'key-file');
  const loaded = await loadInput(file, stringOption(args, 'last-sheet'));
  return {
    sheet: loaded.sheet,
    name: path.basename(file),
    ...(asOf === undefined ? {} : { asOf }),
    ...(keyFile === undefined ? {} : { hmacHexOf: readKey(keyFile) }),
  };
}

export async function report(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, {
    sheet: { value: true },
    'as-of': { value: true },
    aims: { value: true },
    map: { value: true },
    output: { value: true, aliases: ['-o'] },
    force: { value: false },
    // Monthly charts: months with fewer children are greyed and left out of the median; or group by quarter.
    'min-month-children': { value: true },
    'by-quarter': { value: false },
    // Last month's tracker or submission copy: its run-chart points drawn beside this month's.
    last: { value: true },
    'last-sheet': { value: true },
    'last-as-of': { value: true },
    'key-file': { value: true },
    ...populationSwitch,
    ...DATE_ORDER_OPTION,
  });
  const smallNumber = intOption(args, 'min-month-children');
  if (smallNumber !== undefined && smallNumber < 1) throw new UserFacingError('usage', '--min-month-children takes a whole number of 1 or more.');
  const asOf = asOfOption(args);
  const given = stringOption(args, 'output');
  const force = args.options.has('force');
  const input = requireFile(args, 'report');
  // Settled before the long work, so a refused name costs nothing; chosen again just before writing.
  const lastFile = stringOption(args, 'last');
  const lastAsOfText = stringOption(args, 'last-as-of');
  if (lastFile === undefined && (args.options.has('last-sheet') || lastAsOfText !== undefined || args.options.has('key-file'))) {
    throw new UserFacingError('usage', '--last-sheet, --last-as-of and --key-file go with --last LAST.xlsx (last month\'s file). Run "pace-tracker report --help" for usage.');
  }
  const lastAsOf = lastAsOfText === undefined ? undefined : asOfDay(lastAsOfText, '--last-as-of');
  const protect = lastFile === undefined ? undefined : [{ file: lastFile, what: "last month's file" }];
  const pick = () => chooseOutput({ given, input, force, defaultName: defaultReportPath(input), what: 'report', ...(protect ? { protect } : {}) });
  pick();
  const loaded = await loadSheet(args, 'report');
  const { sheet, settings, input: read, keepFinding, sourceNote } = loaded;
  const chosen = readAimsOption(args, aimFieldIds(sheet), settings);
  requireDateOrderOnCommandLine(sheet);
  printTitleHint(io, args, sheet, asOf);
  const last = lastFile === undefined ? undefined : await lastMonthInput(args, lastFile, lastAsOf);
  const { check: result, measured, plan, lastMonth } = planReport(sheet, chosen.file, asOf, {
    ...figureOptions(args),
    keepFinding,
    smallNumber,
    period: args.options.has('by-quarter') ? 'quarter' : 'month',
    // A placements sheet beside the tracker: the longest waits' timeline draws each child's placements under their bar.
    placements: placementsOf(loaded),
    ...(last ? { lastMonth: last } : {}),
  });
  const bytes = await reportBytes(read, sheet, plan);
  const output = pick();
  writeOutput(output, bytes, force, 'report');
  const lines = [
    `Wrote ${output}`,
    ...(sourceNote ? [sourceNote] : []),
    chosen.note,
    `Sheet '${sheet.layout.sheet}': ${sheet.records.length} children, as of ${isoFromDay(asOf)}.`,
    `Findings: ${severityCounts(result.counts)}.`,
    ...measured.aims.map(({ result: a }) => {
      const pct = a.percentWithinTarget === null ? 'no target' : `${a.percentWithinTarget}% within ${a.targetWeeks} weeks (aim ${a.targetPercent ?? '–'}%)`;
      const median = a.medianWeeks === null ? '–' : `${a.medianWeeks}`;
      const excluded = a.excluded.length === 0 ? '' : `, ${a.excluded.length} excluded (end date before start date)`;
      return `  ${a.name}: ${a.completed} completed, ${pct}, median ${median} weeks, ${a.waiting} waiting${excluded}.`;
    }),
    ...measured.cohorts.map(({ result: c }) => `  ${cohortSummaryLine(c)}`),
    ...(lastMonth
      ? [
          `Last month's points from ${lastMonth.name} (as of ${isoFromDay(lastMonth.asOf)}) drawn beside this month's: ${lastMonth.matched} children matched by ${lastMonth.matchedBy === 'pseudonym' ? 'pseudonym' : 'child ID'}.`,
        ]
      : []),
    `New sheets: ${plan.sheets.map((s) => s.name).join(', ')}.`,
  ];
  const population = populationLine(measured);
  if (population !== '') lines.splice(2, 0, population.trimEnd());
  io.out(`${lines.join('\n')}\n`);
  return 0;
}

