/**
 * `pace-tracker`: the command-line twin of the add-in (see cli-contract.md).
 * It runs the same core pipeline on .xlsx files. Exit status: 0 when the
 * command did its job (findings are not failures), 1 for --fail-on, 2 for a
 * usage error or an unreadable file — always one plain line on stderr.
 */
import * as fs from 'fs';
import * as path from 'path';
import { isUserFacingError, UserFacingError } from '../core/errors';
import type { AimsFile, Severity } from '../core/model';
import { dayFromIso, isoFromDay, todayDay } from '../core/dates';
import { parseAimsFile } from '../core/aims/definition';
import { aimResultToJson } from '../core/aims/measures';
import { computeRunChart, parseSeriesCsv, runChartToJson } from '../core/runchart';
import { inspectJson } from '../core/inspect';
import { aimFieldIds, aimsOrPresets, analyseWorkbook, planReport, runAims, runCheck } from '../core/usecases/pipeline';
import { readWorkbookFile } from '../xlsx/read';
import { writeReportFile } from '../xlsx/writeReport';
import { intOption, parseArgs, ParsedArgs, stringOption } from './args';
import { formatAims, formatCheck, formatInspect, formatRunChart } from './text';
import { runSubmission } from './submission';

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
  pace-tracker inspect FILE.xlsx [--sheet NAME] [--json]
  pace-tracker check FILE.xlsx [--sheet NAME] [--as-of YYYY-MM-DD] [--fail-on error|warning|info] [--json]
  pace-tracker aims FILE.xlsx [--sheet NAME] [--as-of YYYY-MM-DD] [--aims AIMS.json] [--json]
  pace-tracker runchart SERIES.csv [--baseline N | --baseline-before YYYY-MM-DD]
                       [--rephase N | --no-rephase] [--direction down|up] [--rules ihi|anhoej] [--json]
  pace-tracker report FILE.xlsx [-o OUT.xlsx] [--sheet NAME] [--as-of YYYY-MM-DD] [--aims AIMS.json]
                     [--min-month-children N] [--by-quarter]
  pace-tracker submission FILE.xlsx -o OUT.xlsx [--sheet NAME] [--key-file KEY] [--dob month|age]
                       [--as-of YYYY-MM-DD] [--yes]

The as-of date defaults to today. Nothing is sent anywhere: files are read and written on this computer only.
`;

const common = { sheet: { value: true }, json: { value: false }, 'as-of': { value: true } };

function requireFile(args: ParsedArgs, what = 'FILE.xlsx'): string {
  if (args.positional.length !== 1) throw new UserFacingError('usage', `Give exactly one ${what}. Run "pace-tracker --help" for usage.`);
  const file = args.positional[0];
  if (!fs.existsSync(file)) throw new UserFacingError('unreadableFile', `${file} does not exist.`);
  return file;
}

function asOfOption(args: ParsedArgs): number {
  const text = stringOption(args, 'as-of');
  if (text === undefined) return todayDay();
  const day = dayFromIso(text);
  if (day === null) throw new UserFacingError('usage', `--as-of takes a date written YYYY-MM-DD, not "${text}".`);
  return day;
}

async function loadSheet(args: ParsedArgs) {
  const file = requireFile(args);
  const workbook = await readWorkbookFile(file);
  return { file, sheet: analyseWorkbook(workbook, stringOption(args, 'sheet')) };
}

function readAimsOption(args: ParsedArgs, knownFields: string[]): AimsFile {
  const file = stringOption(args, 'aims');
  if (file === undefined) return aimsOrPresets(null);
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : 'it is not valid JSON';
    throw new UserFacingError('badAims', `The aims file ${file} cannot be used: ${why}.`);
  }
  return parseAimsFile(json, knownFields);
}

function printJson(io: Io, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}

async function inspect(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, common);
  const { sheet } = await loadSheet(args);
  const json = inspectJson(sheet.layout);
  if (args.options.has('json')) printJson(io, json);
  else io.out(formatInspect(json, sheet.records.length));
  return 0;
}

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

async function check(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { ...common, 'fail-on': { value: true } });
  const failOn = stringOption(args, 'fail-on');
  if (failOn !== undefined && !SEVERITIES.includes(failOn as Severity)) {
    throw new UserFacingError('usage', `--fail-on takes error, warning or info, not "${failOn}".`);
  }
  const asOf = asOfOption(args);
  const { sheet } = await loadSheet(args);
  const result = runCheck(sheet, asOf);
  if (args.options.has('json')) printJson(io, result);
  else io.out(formatCheck(result));
  if (failOn !== undefined) {
    // --fail-on warning fails on warnings and anything worse.
    const worst = SEVERITIES.slice(0, SEVERITIES.indexOf(failOn as Severity) + 1);
    if (worst.some((s) => result.counts[s] > 0)) return 1;
  }
  return 0;
}

async function aims(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { ...common, aims: { value: true } });
  const asOf = asOfOption(args);
  const { sheet } = await loadSheet(args);
  const file = readAimsOption(args, aimFieldIds(sheet));
  const measured = runAims(sheet, file, asOf);
  const json = { asOf: isoFromDay(asOf), aims: measured.aims.map((a) => aimResultToJson(a.result)) };
  if (args.options.has('json')) printJson(io, json);
  else io.out(formatAims(json.asOf, measured));
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

export function defaultReportPath(input: string): string {
  const ext = path.extname(input);
  return path.join(path.dirname(input), `${path.basename(input, ext)}-pace-report.xlsx`);
}

async function report(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, {
    sheet: { value: true },
    'as-of': { value: true },
    aims: { value: true },
    output: { value: true, aliases: ['-o'] },
    // Monthly charts: months with fewer children are greyed and left out of the median; or group by quarter.
    'min-month-children': { value: true },
    'by-quarter': { value: false },
  });
  const smallNumber = intOption(args, 'min-month-children');
  if (smallNumber !== undefined && smallNumber < 1) throw new UserFacingError('usage', '--min-month-children takes a whole number of 1 or more.');
  const asOf = asOfOption(args);
  const { file: input, sheet } = await loadSheet(args);
  const file = readAimsOption(args, aimFieldIds(sheet));
  const output = stringOption(args, 'output') ?? defaultReportPath(input);
  if (path.resolve(output) === path.resolve(input)) {
    throw new UserFacingError('usage', 'The report must go to a new file: choose another name with -o (your workbook is never overwritten).');
  }
  const { check: result, measured, plan } = planReport(sheet, file, asOf, { smallNumber, period: args.options.has('by-quarter') ? 'quarter' : 'month' });
  await writeReportFile(input, plan, output);
  const lines = [
    `Wrote ${output}`,
    `Sheet '${sheet.layout.sheet}': ${sheet.records.length} children, as of ${isoFromDay(asOf)}.`,
    `Findings: ${result.counts.error} errors, ${result.counts.warning} warnings, ${result.counts.info} information.`,
    ...measured.aims.map(({ result: a }) => {
      const pct = a.percentWithinTarget === null ? 'no target' : `${a.percentWithinTarget}% within ${a.targetWeeks} weeks (aim ${a.targetPercent ?? '–'}%)`;
      const median = a.medianWeeks === null ? '–' : `${a.medianWeeks}`;
      return `  ${a.name}: ${a.completed} completed, ${pct}, median ${median} weeks, ${a.waiting} waiting.`;
    }),
    `New sheets: ${plan.sheets.map((s) => s.name).join(', ')}.`,
  ];
  io.out(`${lines.join('\n')}\n`);
  return 0;
}

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
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
      case undefined:
        // A usage error: the usage for reading, and the one plain line on stderr the contract promises.
        io.out(USAGE);
        io.err('pace-tracker: no command given. Use one of inspect, check, aims, runchart, report or submission (usage above).\n');
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
      io.err(`pace-tracker: ${err.message}\n`);
      return 2;
    }
    // A defect: still one line, but say it is ours.
    const detail = err instanceof Error ? err.message : String(err);
    io.err(`pace-tracker: unexpected problem (${detail}). Your files were not changed. Please report this.\n`);
    return 2;
  }
}
