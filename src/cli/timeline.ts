/**
 * `pace-tracker timeline FILE.xlsx --children ID,ID | --group COLUMN=VALUE`:
 * children's journeys as a native stacked-bar chart on a "PACE Timeline …"
 * sheet in a copy of the workbook (src/core/usecases/timeline.ts does the work).
 */
import * as path from 'path';
import { UserFacingError } from '../core/errors';
import { isoFromDay } from '../core/dates';
import { fieldLabel } from '../core/fields';
import { planTimeline, type TimelineSelection } from '../core/usecases/timeline';
import { stageToJson } from '../core/timeline/journey';
import { placementMoves, placementToJson } from '../core/timeline/placements';
import { parseArgs, stringOption } from './args';
import { asOfDay } from './asOf';
import { DATE_ORDER_OPTION, dateOrderOption, requireDateOrderOnCommandLine } from './dateOptions';
import { loadInput, placementsOf as placementsSheetOf } from './load';
import { chooseOutput, writeOutput } from './outputPath';
import { reportBytes } from './reportInput';

export interface TimelineIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

function selection(children: string | undefined, group: string | undefined): TimelineSelection {
  if ((children === undefined) === (group === undefined)) {
    throw new UserFacingError('usage', 'Say which children: --children ID,ID or --group COLUMN=VALUE (one of the two). Run "pace-tracker timeline --help" for more.');
  }
  if (children !== undefined) return { kind: 'children', childIds: children.split(',') };
  const eq = (group as string).indexOf('=');
  if (eq <= 0 || eq === (group as string).length - 1) {
    throw new UserFacingError('usage', `--group takes COLUMN=VALUE, for example team=North, not "${group}".`);
  }
  return { kind: 'group', column: (group as string).slice(0, eq), value: (group as string).slice(eq + 1) };
}

export function defaultTimelinePath(input: string): string {
  const ext = path.extname(input);
  return path.join(path.dirname(input), `${path.basename(input, ext)}-pace-timeline.xlsx`);
}

export async function runTimeline(argv: string[], io: TimelineIo): Promise<number> {
  const args = parseArgs(argv, {
    children: { value: true },
    group: { value: true },
    align: { value: true },
    sheet: { value: true },
    map: { value: true },
    'as-of': { value: true },
    output: { value: true, aliases: ['-o'] },
    force: { value: false },
    json: { value: false },
    ...DATE_ORDER_OPTION,
  });
  if (args.positional.length !== 1) throw new UserFacingError('usage', 'Give exactly one FILE.xlsx. Run "pace-tracker timeline --help" for usage.');
  const input = args.positional[0];
  const chosen = selection(stringOption(args, 'children'), stringOption(args, 'group'));
  const align = stringOption(args, 'align') ?? 'calendar';
  if (align !== 'calendar' && align !== 'start') throw new UserFacingError('usage', `--align takes calendar or start, not "${align}".`);
  const asOf = asOfDay(stringOption(args, 'as-of'));
  const given = stringOption(args, 'output');
  const force = args.options.has('force');
  const writes = given !== undefined || !args.options.has('json');
  const pick = () => chooseOutput({ given, input, force, defaultName: defaultTimelinePath(input), what: 'timeline' });
  if (writes) pick();
  const loaded = await loadInput(input, stringOption(args, 'sheet'), stringOption(args, 'map'), dateOrderOption(args));
  requireDateOrderOnCommandLine(loaded.sheet);
  // A placements sheet beside the tracker, when the workbook has one: its placements go under each child's bar.
  const placements = placementsSheetOf(loaded);
  const timeline = planTimeline(loaded.sheet, chosen, { asOf, align, placements });
  const placementsOf = (id: string | null) => (id === null ? [] : timeline.placements.get(id.trim()) ?? []);
  let output: string | undefined;
  if (writes) {
    const bytes = await reportBytes(loaded.input, loaded.sheet, timeline.plan);
    output = pick();
    writeOutput(output, bytes, force, 'timeline');
  }
  if (args.options.has('json')) {
    const json = {
      asOf: isoFromDay(asOf),
      align,
      subject: timeline.subject,
      children: timeline.journeys.map((j) => ({
        childId: j.childId,
        row: j.row,
        start: j.start === null ? null : isoFromDay(j.start),
        end: j.end === null ? null : isoFromDay(j.end),
        milestones: j.milestones.map((m) => ({ field: m.field, date: isoFromDay(m.day), age: m.age })),
        stages: j.stages.map((s) => stageToJson(s, isoFromDay)),
        leftOut: j.leftOut,
        placements: placementsOf(j.childId).map((p) => placementToJson(p, isoFromDay)),
      })),
      placementsSheet: timeline.placementsSheet?.sheet ?? null,
      placementProblems: timeline.placementsSheet?.problems ?? [],
      ...(output !== undefined ? { output } : {}),
    };
    io.out(`${JSON.stringify(json, null, 2)}\n`);
    return 0;
  }
  const lines = [`Wrote ${output}: sheet '${timeline.sheet.name}' with ${timeline.journeys.length} ${timeline.journeys.length === 1 ? 'child' : 'children'} as of ${isoFromDay(asOf)}.`];
  for (const j of timeline.journeys) {
    const open = j.stages.find((s) => s.open);
    const past = j.stages.filter((s) => s.overTarget).length;
    const state = open ? `waiting ${Math.round(open.weeks * 10) / 10} weeks for ${fieldLabel(open.to).toLowerCase()}` : j.stages.length === 0 ? 'no milestone yet' : 'journey recorded';
    const placed = placementsOf(j.childId).filter((p) => p.start <= asOf);
    const moves = placed.length === 0 ? '' : `, ${placed.length} ${placed.length === 1 ? 'placement' : 'placements'} (${placementMoves(placed)} ${placementMoves(placed) === 1 ? 'move' : 'moves'})`;
    lines.push(`  ${j.childId ?? `(row ${j.row})`}: ${j.stages.length} stages, ${state}${past > 0 ? `, ${past} past target` : ''}${moves}.`);
  }
  if (timeline.placementsSheet) {
    lines.push(
      timeline.placements.size > 0
        ? `Placements from sheet '${timeline.placementsSheet.sheet}' are drawn under each child's bar.`
        : `Sheet '${timeline.placementsSheet.sheet}' has no placements for ${timeline.journeys.length === 1 ? 'this child' : 'these children'}.`,
    );
    for (const problem of timeline.placementsSheet.problems) lines.push(`  Left out: ${problem}`);
  }
  io.out(`${lines.join('\n')}\n`);
  return 0;
}
