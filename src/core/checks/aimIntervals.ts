/**
 * Findings about aims: for every aim (presets and the user's own), a cohort
 * child whose end milestone is dated before its start milestone. The measures
 * leave such a child out (measures.ts, `excluded`); this says so on the row,
 * naming the aim.
 *
 * One finding per problem: when another rule already reports the same two
 * dates, or blames the start or end date for being out of order (an order
 * rule, the link between the chains, a date before birth), that finding gains
 * the aim's name instead of a
 * second finding being added. Otherwise one new error per child and pair of
 * milestones, naming every aim that measures that pair.
 */
import { cohortOf } from '../aims/measures';
import type { AimDefinition, ChildRecord, DayNumber, Finding } from '../model';
import { Phrase, phrase } from './context';
import { ukDate } from './format';
import type { CheckContext } from './types';
import { ORDER_RULE_IDS } from './rules/milestone-order';

/** Rules about a date being out of order: one blaming the aim's start or end cell is about the same problem. */
const DATE_ORDER_RULES: ReadonlySet<string> = new Set([
  ...ORDER_RULE_IDS,
  'recommendation-before-looked-after',
  'recommendation-before-first-accommodated',
  'before-birth',
  'ceased-before-looked-after',
]);

export const AIM_END_BEFORE_START = 'aim-end-before-start';

interface Broken {
  record: ChildRecord;
  start: string;
  end: string;
  startDay: DayNumber;
  endDay: DayNumber;
  aims: string[];
}

function quoted(names: readonly string[]): string {
  const q = names.map((n) => `'${n}'`);
  return q.length === 1 ? `the aim ${q[0]}` : `the aims ${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
}

/** Each child and pair of milestones measured the wrong way round, with the aims that measure it. */
export function brokenIntervals(records: readonly ChildRecord[], aims: readonly AimDefinition[], asOf: DayNumber): Broken[] {
  const byKey = new Map<string, Broken>();
  for (const aim of aims) {
    for (const c of cohortOf(records, aim, asOf)) {
      if (c.end === null || c.end >= c.start) continue;
      const key = `${c.record.row}\u0000${aim.start}\u0000${aim.end}`;
      const known = byKey.get(key);
      if (known) {
        if (!known.aims.includes(aim.name)) known.aims.push(aim.name);
      } else {
        byKey.set(key, { record: c.record, start: aim.start, end: aim.end, startDay: c.start, endDay: c.end, aims: [aim.name] });
      }
    }
  }
  return [...byKey.values()];
}

/** The finding already about this problem, if any: both cells, else one blamed for its order. `onRow` holds indices into `findings`. */
function existingFinding(findings: readonly Finding[], onRow: readonly number[], b: Broken): number {
  const startCell = b.record.cells[b.start];
  const endCell = b.record.cells[b.end];
  const candidates = onRow.filter((i) => findings[i].severity !== 'info');
  const covers = (f: Finding, cell: string | undefined) => cell !== undefined && (f.cell === cell || (f.cells ?? []).includes(cell));
  const both = candidates.find((i) => covers(findings[i], startCell) && covers(findings[i], endCell));
  if (both !== undefined) return both;
  // A date already blamed for being out of order (or before birth) is the same problem.
  const blamed = candidates.find((i) => DATE_ORDER_RULES.has(findings[i].rule) && (findings[i].cell === startCell || findings[i].cell === endCell));
  return blamed ?? -1;
}

/**
 * The findings with aim names added where another finding already covers the
 * problem, plus one new finding for each problem no rule reported. Not sorted.
 */
export function withAimFindings(findings: readonly Finding[], records: readonly ChildRecord[], aims: readonly AimDefinition[], ctx: CheckContext): Finding[] {
  const out = [...findings];
  const broken = brokenIntervals(records, aims, ctx.asOf);
  if (broken.length === 0) return out;
  // Findings by row, so a big sheet with many wrong-way-round children stays linear.
  const byRow = new Map<number, number[]>();
  out.forEach((f, i) => {
    const list = byRow.get(f.row);
    if (list) list.push(i);
    else byRow.set(f.row, [i]);
  });
  for (const b of broken) {
    const leftOut = `The child is left out of ${quoted(b.aims)} until the dates are corrected.`;
    const at = existingFinding(out, byRow.get(b.record.row) ?? [], b);
    if (at >= 0) {
      out[at] = { ...out[at], message: `${out[at].message} ${leftOut}` };
      continue;
    }
    const cell = b.record.cells[b.end];
    if (cell === undefined) continue;
    const finding: Finding = {
      rule: AIM_END_BEFORE_START,
      severity: 'error',
      cell,
      row: b.record.row,
      field: b.end,
      childId: b.record.childId,
      message: `${Phrase(b.end, ctx)} (${ukDate(b.endDay)}) is before ${phrase(b.start, ctx)} (${ukDate(b.startDay)}), where ${quoted(b.aims)} ${b.aims.length === 1 ? 'measures' : 'measure'} from ${phrase(b.start, ctx)} to ${phrase(b.end, ctx)}. ${leftOut} Check both dates.`,
    };
    const other = b.record.cells[b.start];
    if (other !== undefined) finding.cells = [cell, other];
    out.push(finding);
  }
  return out;
}
