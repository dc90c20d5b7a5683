import { MILESTONE_CHAINS } from '../../fields';
import type { DayNumber } from '../../model';
import { phrase, Phrase, report, trustedDay } from '../context';
import { ukDate } from '../format';
import type { RecordRule } from '../types';

/** Short names used in order rule ids: "<later>-before-<earlier>". */
const SLUGS: Readonly<Record<string, string>> = {
  lookedAfterStart: 'looked-after',
  firstAccommodated: 'first-accommodated',
  lastAccommodated: 'last-accommodated',
  permanenceRecommendation: 'recommendation',
  panel: 'panel',
  admDecision: 'adm',
  courtApplication: 'court',
  legalPermanence: 'permanence',
};

/** The rule id for a later milestone found before an earlier one, e.g. "adm-before-panel". */
export function orderRuleId(later: string, earlier: string): string {
  return `${SLUGS[later] ?? later}-before-${SLUGS[earlier] ?? earlier}`;
}

/** Every id this rule can report: one per pair of milestones in each chain. */
export const ORDER_RULE_IDS: readonly string[] = MILESTONE_CHAINS.flatMap((chain) =>
  chain.flatMap((later, j) => chain.slice(0, j).map((earlier) => orderRuleId(later, earlier))),
);

interface Dated {
  field: string;
  day: DayNumber;
}

/**
 * Which of two out-of-order dates to blame. Usually the later milestone (its
 * date breaks the chain); but when the earlier one is also after the next
 * milestone along, the earlier one is the odd one out.
 */
export function blamed(before: Dated | null, earlier: Dated, later: Dated, after: Dated | null): Dated {
  const earlierOutOfLine = after !== null && after.day < earlier.day;
  const laterOutOfLine = before !== null && before.day > later.day;
  return earlierOutOfLine && !laterOutOfLine ? earlier : later;
}

/**
 * Each chain of pace-domain §1 in order: every milestone that has a date is
 * compared with the nearest earlier one in the chain that has a date (blanks
 * in between are skipped; equal dates are fine). finalPlacement is in no chain,
 * so its legitimate orders are never flagged.
 */
export const milestoneOrder: RecordRule = {
  scope: 'record',
  ids: ORDER_RULE_IDS,
  check(record, ctx, out) {
    for (const chain of MILESTONE_CHAINS) {
      const dated: Dated[] = [];
      for (const field of chain) {
        const day = trustedDay(record, field, ctx.asOf);
        if (day !== null) dated.push({ field, day });
      }
      for (let j = 1; j < dated.length; j++) {
        const earlier = dated[j - 1];
        const later = dated[j];
        if (later.day >= earlier.day) continue;
        const suspect = blamed(dated[j - 2] ?? null, earlier, later, dated[j + 1] ?? null);
        const other = suspect === later ? earlier : later;
        const hint = suspect === earlier ? ` The date of ${phrase(earlier.field, ctx)} looks out of line with the later milestones.` : '';
        report(
          out,
          record,
          orderRuleId(later.field, earlier.field),
          'error',
          suspect.field,
          `${Phrase(later.field, ctx)} (${ukDate(later.day)}) is before ${phrase(earlier.field, ctx)} (${ukDate(earlier.day)}). ${Phrase(later.field, ctx)} comes on or after ${phrase(earlier.field, ctx)}: check both dates.${hint}`,
          other.field,
        );
      }
    }
  },
};
