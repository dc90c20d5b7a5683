/**
 * `pace-tracker runchart SERIES.csv`: loads only the run-chart engine (never
 * exceljs, the report writers or the submission code). The file is parsed in
 * one pass into a table of typed columns, each group's chart is computed when
 * it is written, and the JSON goes out as bytes a megabyte at a time: compact
 * with --json, indented with --pretty (for people reading it).
 */
import * as fs from 'fs';
import { UserFacingError } from '../core/errors';
import { dayFromIso } from '../core/dates/serial';
import type { RunChartOptions } from '../core/model';
import { parseSeriesTable, PlainPointsReader, SeriesTable } from '../core/runchart/csv';
import { computeRunChart, runChartFromColumns, runChartOfTableGroup } from '../core/runchart/chart';
import { writeRunChartDocument } from '../core/runchart/jsonStream';
import { intOption, parseArgs, stringOption } from './args';
import { CompiledRunchart, seriesText } from './compiledRunchart';
import type { Io } from './main';

export async function runchart(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, {
    json: { value: false },
    pretty: { value: false },
    baseline: { value: true },
    'baseline-before': { value: true },
    rephase: { value: true },
    'no-rephase': { value: false },
    direction: { value: true },
    rules: { value: true },
  });
  if (args.positional.length !== 1) throw new UserFacingError('usage', 'Give exactly one SERIES.csv. Run "pace-tracker --help" for usage.');
  const file = args.positional[0];
  // Compiled to WebAssembly when built (issue 12): a plain file's points read, and the --json charts written, by the
  // module (the file read straight into its memory); else by core. The same output either way.
  const compiled = CompiledRunchart.load();
  let input: { text: string; reader: PlainPointsReader | null };
  try {
    input = compiled?.open(file) ?? { text: seriesText(fs.readFileSync(file)), reader: null };
  } catch (e) {
    // The system's refusals (no such file, a folder, no permission) in plain words; anything else is a fault of ours.
    if (typeof (e as NodeJS.ErrnoException)?.code !== 'string') throw e;
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
  const options: RunChartOptions = {
    baseline: before !== undefined ? { before } : { points: baselinePoints ?? 12 },
    rephaseRun: args.options.has('no-rephase') ? null : intOption(args, 'rephase') ?? 9,
    direction,
    rules,
  };
  const table = parseSeriesTable(input.text, false, input.reader ?? undefined);
  // Grouped by the header, not by the data: a date,value,group file with no points is still { groups: [] }.
  const grouped = !(table.groups.length === 1 && table.groups[0] === null);
  const charts = chartsOf(table, options);
  const pretty = args.options.has('pretty');
  if (args.options.has('json') || pretty) {
    const write = io.outBytes ?? decodedTo(io.out);
    if (!pretty && compiled !== null && compiled.writeDocument(table, grouped, options, write)) return 0;
    writeRunChartDocument(write, grouped, charts, pretty);
    return 0;
  }
  const { formatRunChart } = await import('./text');
  for (const { group, chart } of charts) io.out(formatRunChart(runChartFromColumns(chart), group));
  if (table.groups.length === 0) io.out(formatRunChart(computeRunChart([], options), null));
  return 0;
}

/** Each group's chart, computed only when asked for (one alive at a time). */
function* chartsOf(table: SeriesTable, options: RunChartOptions) {
  for (let g = 0; g < table.groups.length; g++) yield { group: table.groups[g], chart: runChartOfTableGroup(table, g, options) };
}

/** Bytes as text for an `out` that takes text (a chunk may end inside a character: the decoder holds it over). */
function decodedTo(out: (text: string) => void): (bytes: Uint8Array) => void {
  const decoder = new TextDecoder();
  return (bytes) => out(decoder.decode(bytes, { stream: true }));
}
