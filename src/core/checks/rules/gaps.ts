/**
 * Gap rules: a later milestone has a date while an earlier one that must come
 * before it is blank. Only a real blank counts (a cell holding 'tbc' is already
 * reported as unreadable), and only a later date that can be trusted: read,
 * not in the future and not before birth (those have their own finding, and
 * one problem gets one finding).
 */
import type { ChildRecord, Severity } from '../../model';
import { isBlank, Phrase, phrase, report, trustedDay } from '../context';
import { routeKind, type RouteKind } from '../route';
import { ukDate } from '../format';
import type { CheckContext, RecordRule } from '../types';

export interface GapSpec {
  id: string;
  /** The earlier milestone that should not be blank. */
  missing: string;
  /** Later milestones, in journey order, whose presence means `missing` happened. */
  after: readonly string[];
  /** Severity for the child's route given which later milestones are present; null: normal for this route. */
  severity(route: RouteKind, present: readonly string[]): Severity | null;
  /** An extra sentence for a warning (why it may be fine). */
  maybeFine?: string;
}

export function gapRule(spec: GapSpec): RecordRule {
  return {
    scope: 'record',
    ids: [spec.id],
    check(record: ChildRecord, ctx: CheckContext, out) {
      if (!isBlank(record, spec.missing)) return;
      const present: string[] = [];
      for (const field of spec.after) {
        // A future date may be a planned one, and a date before birth is a typo: each is reported on its own.
        if (trustedDay(record, field, ctx.asOf) !== null) present.push(field);
      }
      if (present.length === 0) return;
      const severity = spec.severity(routeKind(record.text.route), present);
      if (severity === null) return;
      const first = present[0];
      const day = trustedDay(record, first, ctx.asOf) as number;
      const tail = severity === 'error' || !spec.maybeFine ? '' : ` ${spec.maybeFine}`;
      report(
        out,
        record,
        spec.id,
        severity,
        spec.missing,
        `${Phrase(first, ctx)} is recorded (${ukDate(day)}) but ${phrase(spec.missing, ctx)} is blank. ${Phrase(spec.missing, ctx)} comes first: fill in that date.${tail}`,
        first,
      );
    },
  };
}
