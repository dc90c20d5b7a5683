/**
 * How this month's children are found in last month's file: by the same ID,
 * or by pseudonym when last month's file is a submission copy (with the key
 * that made it). Shared by the comparison and by the aim sheets' "last
 * month" points, so both match the same children.
 */
import type { ChildRecord, DayNumber } from '../model';
import { UserFacingError } from '../errors';
import { dayFromParts, isoFromDay } from '../dates';
import { ceasedOutsidePopulation } from '../population';
import { looksPseudonymised, pseudonymMatcher } from './compare';

/** The last day of the month before the one `day` falls in. */
export function endOfPreviousMonth(day: DayNumber): DayNumber {
  const iso = isoFromDay(day);
  return dayFromParts(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), 1) - 1;
}

/** Last month's as-of date: as given, else the end of the month before this month's (the monthly cycle); never after this month's. */
export function lastMonthAsOf(thisAsOf: DayNumber, given?: DayNumber): DayNumber {
  const lastAsOf = given ?? endOfPreviousMonth(thisAsOf);
  if (lastAsOf > thisAsOf) {
    throw new UserFacingError('usage', `Last month's as-of date (${isoFromDay(lastAsOf)}) is after this month's (${isoFromDay(thisAsOf)}).`);
  }
  return lastAsOf;
}

export interface ChildMatching {
  matchedBy: 'childId' | 'pseudonym';
  /** This month's ID → last month's (absent: the same ID). */
  lastIdOf?: (thisId: string) => string | undefined;
  /** Children last month's submission copy left out by design (absent: none). */
  leftOutOfLast?: (now: ChildRecord) => boolean;
}

/**
 * `hmacHexOf`: full HMAC-SHA-256 hex of a child ID with the authority's key;
 * needed when last month is a submission copy and this month is not.
 * `thisAsOf`: a submission copy leaves out children outside the PACE
 * population; one outside it at this month's as-of date was outside it when
 * last month's copy was made too, so its absence there is no news.
 */
export function matchChildren(
  lastRecords: readonly ChildRecord[],
  nowRecords: readonly ChildRecord[],
  thisAsOf: DayNumber,
  hmacHexOf?: (id: string) => string,
): ChildMatching {
  const lastPseudo = looksPseudonymised(lastRecords);
  const nowPseudo = looksPseudonymised(nowRecords);
  if (lastPseudo === nowPseudo) return { matchedBy: lastPseudo ? 'pseudonym' : 'childId' };
  if (nowPseudo) {
    throw new UserFacingError(
      'usage',
      "This month's file is a submission copy (its IDs are pseudonyms) but last month's is a full tracker. Compare this month's tracker with last month's tracker or last month's submission copy.",
    );
  }
  if (!hmacHexOf) {
    throw new UserFacingError(
      'usage',
      "Last month's file is a submission copy: its child IDs are pseudonyms. Give the key that made it (the same key file as for the submission) so this month's children can be matched to them.",
    );
  }
  const lastIds = lastRecords.map((r) => r.childId).filter((id): id is string => id !== null);
  return {
    matchedBy: 'pseudonym',
    lastIdOf: pseudonymMatcher(lastIds, hmacHexOf),
    leftOutOfLast: (now) => ceasedOutsidePopulation(now, thisAsOf) !== null,
  };
}
