/**
 * `pace-tracker`: the command-line twin of the add-in (see cli-contract.md).
 * It runs the same core pipeline on .xlsx files. Exit status: 0 when the
 * command did its job (findings are not failures), 1 for --fail-on, 2 for a
 * usage error or an unreadable file — always one plain line on stderr.
 */
import * as fs from 'fs';
import { isUserFacingError, UserFacingError } from '../core/errors';
import type { AimsFile, Severity } from '../core/model';
import { dayFromIso, isoFromDay } from '../core/dates';
import { parseAimsFile } from '../core/aims/definition';
import { aimResultToJson } from '../core/aims/measures';
import { computeRunChart, parseSeriesCsv, runChartToJson } from '../core/runchart';
import { inspectJson } from '../core/inspect';
import { aimFieldIds, planReport, runAims, runCheck, type FigureOptions, type MeasuredAims } from '../core/usecases/pipeline';
import { OUTSIDE_POPULATION_REASON, populationNote } from '../core/population';
import { severityCounts } from '../core/severity';
import { intOption, parseArgs, ParsedArgs, stringOption } from './args';
import { asOfDay } from './asOf';
import { COMMAND_HELP, isCommandName, wantsHelp } from './help';
import { loadInput } from './load';
import { chooseOutput, defaultReportPath, writeOutput } from './outputPath';
import { reportBytes } from './reportInput';
import { chooseAims, type ChosenAims } from './savedSettings';
import { checkForCommandLine, forCommandLine } from './wording';
import { formatAims, formatCheck, formatInspect, formatRunChart } from './text';
import { runSubmission } from './submission';
import { runCompare } from './compare';
import { runTimeline } from './timeline';
import { DATE_ORDER_OPTION, dateOrderOption, requireDateOrderOnCommandLine, titleAsOfHint } from './dateOptions';
import type { LoadedSheet } from '../core/usecases/pipeline';
import { cohortToJson } from '../core/aims/cohort';
import { cohortSummaryLine, formatCohorts } from './cohortText';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const defaultIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
};

export const USAGE = `pace-tracker: read a PACE permanence tracking workbook, check its dates, and measure its aims.

Usage:
  pace-tracker inspect FILE [--sheet NAME] [--map FIELD=COLUMN] [--json]
  pace-tracker check FILE [--sheet NAME] [--as-of DATE] [--date-order COLUMN=mdy|dmy]… [--aims AIMS.json]
                       [--fail-on error|warning|info] [--json]
  pace-tracker aims FILE [--sheet NAME] [--as-of DATE] [--date-order COLUMN=mdy|dmy]… [--aims AIMS.json]
                       [--include-outside-population] [--json]
  pace-tracker runchart SERIES.csv [--baseline N | --baseline-before YYYY-MM-DD]
                       [--rephase N | --no-rephase] [--direction down|up] [--rules ihi|anhoej] [--json]
  pace-tracker report FILE [-o OUT.xlsx] [--force] [--sheet NAME] [--as-of DATE] [--date-order COLUMN=mdy|dmy]…
                       [--aims AIMS.json] [--include-outside-population]
  pace-tracker submission FILE -o OUT.xlsx [--sheet NAME] [--key-file KEY] [--dob month|age]
                       [--as-of DATE] [--force] [--yes] [--include-outside-population]
  pace-tracker timeline FILE (--children ID,ID | --group COLUMN=VALUE) [--align calendar|start] [-o OUT.xlsx]
  pace-tracker compare LAST THIS [--as-of DATE] [--last-as-of DATE] [--key-file KEY] [-o OUT.xlsx] [--json]

FILE is the tracking workbook (.xlsx) or a CSV export of it. DATE is written 31/03/2024 or 2024-03-31;
the as-of date defaults to today; a date in the sheet's title ("as at 31/03/2024") is offered, never used
unasked. --date-order G=mdy reads the dates typed as text in column G (a letter or a field id) month first;
aims and report wait for it when a column's text dates look month/day/year. Rows outside the PACE population (ceased to be looked after more than
a year before the as-of date) are flagged and left out of the figures and the copy unless you give
--include-outside-population. Each command's options and an example: pace-tracker help COMMAND
(or pace-tracker COMMAND --help). Nothing is sent anywhere: files are read and written on this computer only.
`;

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

async function inspect(argv: string[], io: Io): Promise<number> {
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

async function check(argv: string[], io: Io): Promise<number> {
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

async function aims(argv: string[], io: Io): Promise<number> {
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

async function runchart(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, {
    json: { value: false },
    baseline: { value: true },
    'baseline-before': { value: true },
    rephase: { value: true },
    'no-rephase': { value: false },
    direction: { value: true },
    rules: { value: true },
  });
  if (args.positional.length !== 1) throw new UserFacingError('usage', 'Give exactly one SERIES.csv. Run "pace-tracker --help" for usage.');
  const file = args.positional[0];
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new UserFacingError('unreadableFile', `${file} cannot be read: check the name and that it exists.`);
  }
  if (args.options.has('baseline') && args.options.has('baseline-before')) {
    throw new UserFacingError('usage', 'Use --baseline or --baseline-before, not both.');
  }
  if (args.options.has('rephase') && args.options.has('no-rephase')) {
    throw new UserFacingError('usage', 'Use --rephase or --no-rephase, not both.');
  }
  const before = stringOption(args, 'baseline-before');
  if (before !== undefined && dayFromIso(before) === null) {
    throw new UserFacingError('usage', `--baseline-before takes a date written YYYY-MM-DD, not "${before}".`);
  }
  const direction = stringOption(args, 'direction') ?? 'down';
  if (direction !== 'down' && direction !== 'up') throw new UserFacingError('usage', `--direction takes down or up, not "${direction}".`);
  const rules = stringOption(args, 'rules') ?? 'ihi';
  if (rules !== 'ihi' && rules !== 'anhoej') throw new UserFacingError('usage', `--rules takes ihi or anhoej, not "${rules}".`);
  const baselinePoints = intOption(args, 'baseline');
  if (baselinePoints === 0) throw new UserFacingError('usage', '--baseline needs at least 1 point.');
  const options = {
    baseline: before !== undefined ? { before } : { points: baselinePoints ?? 12 },
    rephaseRun: args.options.has('no-rephase') ? null : intOption(args, 'rephase') ?? 9,
    direction: direction as 'down' | 'up',
    rules: rules as 'ihi' | 'anhoej',
  };
  const parsed = parseSeriesCsv(text);
  // Grouped by the header, not by the data: a date,value,group file with no points is still { groups: [] }.
  const grouped = !(parsed.groups.length === 1 && parsed.groups[0].group === null);
  const charts = parsed.groups.map((g) => ({ group: g.group, chart: computeRunChart(g.points, options) }));
  if (args.options.has('json')) {
    if (grouped) printJson(io, { groups: charts.map((c) => ({ group: c.group, ...runChartToJson(c.chart) })) });
    else printJson(io, runChartToJson(charts[0]?.chart ?? computeRunChart([], options)));
  } else {
    for (const c of charts) io.out(formatRunChart(c.chart, c.group));
    if (charts.length === 0) io.out(formatRunChart(computeRunChart([], options), null));
  }
  return 0;
}

export { defaultReportPath };

async function report(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, {
    sheet: { value: true },
    'as-of': { value: true },
    aims: { value: true },
    map: { value: true },
    output: { value: true, aliases: ['-o'] },
    force: { value: false },
    ...populationSwitch,
    ...DATE_ORDER_OPTION,
  });
  const asOf = asOfOption(args);
  const given = stringOption(args, 'output');
  const force = args.options.has('force');
  const input = requireFile(args, 'report');
  // Settled before the long work, so a refused name costs nothing; chosen again just before writing.
  const pick = () => chooseOutput({ given, input, force, defaultName: defaultReportPath(input), what: 'report' });
  pick();
  const { sheet, settings, input: read, keepFinding, sourceNote } = await loadSheet(args, 'report');
  const chosen = readAimsOption(args, aimFieldIds(sheet), settings);
  requireDateOrderOnCommandLine(sheet);
  printTitleHint(io, args, sheet, asOf);
  const { check: result, measured, plan } = planReport(sheet, chosen.file, asOf, { ...figureOptions(args), keepFinding });
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
    `New sheets: ${plan.sheets.map((s) => s.name).join(', ')}.`,
  ];
  const population = populationLine(measured);
  if (population !== '') lines.splice(2, 0, population.trimEnd());
  io.out(`${lines.join('\n')}\n`);
  return 0;
}

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    // pace-tracker CMD --help, and pace-tracker help CMD: that command's own options and an example.
    if (isCommandName(command) && wantsHelp(rest)) {
      io.out(COMMAND_HELP[command]);
      return 0;
    }
    if (command === 'help' && rest.length > 0) {
      if (!isCommandName(rest[0])) throw new UserFacingError('usage', `There is no command "${rest[0]}". The commands are inspect, check, aims, runchart, report, submission, timeline and compare.`);
      io.out(COMMAND_HELP[rest[0]]);
      return 0;
    }
    switch (command) {
      case 'inspect':
        return await inspect(rest, io);
      case 'check':
        return await check(rest, io);
      case 'aims':
        return await aims(rest, io);
      case 'runchart':
        return await runchart(rest, io);
      case 'report':
        return await report(rest, io);
      case 'submission':
        return await runSubmission(rest, io);
      case 'compare':
        return await runCompare(rest, io);
      case 'timeline':
        return await runTimeline(rest, io);
      case undefined:
        // A usage error: the usage for reading, and the one plain line on stderr the contract promises.
        io.out(USAGE);
        io.err('pace-tracker: no command given. Use one of inspect, check, aims, runchart, report, submission, timeline or compare (usage above).\n');
        return 2;
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return 0;
      default:
        throw new UserFacingError('usage', `Unknown command "${command}". Run "pace-tracker --help" for usage.`);
    }
  } catch (err) {
    if (isUserFacingError(err)) {
      io.err(`pace-tracker: ${forCommandLine(err.message)}\n`);
      return 2;
    }
    // A defect: still one line, but say it is ours.
    const detail = err instanceof Error ? err.message : String(err);
    io.err(`pace-tracker: unexpected problem (${detail}). Your files were not changed. Please report this.\n`);
    return 2;
  }
}
