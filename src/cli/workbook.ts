/**
 * The commands that read a workbook: inspect, check, aims and report. Loaded
 * only when one of them runs (they need exceljs and the report writer).
 */
import * as fs from 'fs';
import * as path from 'path';
import { UserFacingError } from '../core/errors';
import type { AimsFile, Severity } from '../core/model';
import { dayFromIso, isoFromDay, todayDay } from '../core/dates';
import { parseAimsFile } from '../core/aims/definition';
import { aimResultToJson } from '../core/aims/measures';
import { inspectJson } from '../core/inspect';
import { aimFieldIds, aimsOrPresets, analyseWorkbook, planReport, runAims, runCheck } from '../core/usecases/pipeline';
import { readWorkbookFile } from '../xlsx/read';
import { writeReportFile } from '../xlsx/writeReport';
import { parseArgs, ParsedArgs, stringOption } from './args';
import { formatAims, formatCheck, formatInspect } from './text';
import type { Io } from './main';

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

export async function inspect(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, common);
  const { sheet } = await loadSheet(args);
  const json = inspectJson(sheet.layout);
  if (args.options.has('json')) printJson(io, json);
  else io.out(formatInspect(json, sheet.records.length));
  return 0;
}

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

export async function check(argv: string[], io: Io): Promise<number> {
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

export async function aims(argv: string[], io: Io): Promise<number> {
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

export function defaultReportPath(input: string): string {
  const ext = path.extname(input);
  return path.join(path.dirname(input), `${path.basename(input, ext)}-pace-report.xlsx`);
}

export async function report(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { sheet: { value: true }, 'as-of': { value: true }, aims: { value: true }, output: { value: true, aliases: ['-o'] } });
  const asOf = asOfOption(args);
  const { file: input, sheet } = await loadSheet(args);
  const file = readAimsOption(args, aimFieldIds(sheet));
  const output = stringOption(args, 'output') ?? defaultReportPath(input);
  if (path.resolve(output) === path.resolve(input)) {
    throw new UserFacingError('usage', 'The report must go to a new file: choose another name with -o (your workbook is never overwritten).');
  }
  const { check: result, measured, plan } = planReport(sheet, file, asOf);
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
