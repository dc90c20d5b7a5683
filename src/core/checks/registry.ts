/**
 * Every check, in one list. Order here does not matter for the output
 * (findings are sorted), but reads as a data lead would check a row.
 */
import { beforeBirth } from './rules/before-birth';
import { ceasedBeforeLookedAfter } from './rules/ceased-before-looked-after';
import { duplicateChildId } from './rules/duplicate-child-id';
import { errorValue } from './rules/error-value';
import { futureDate } from './rules/future-date';
import { implausibleAge } from './rules/implausible-age';
import { implausibleNumber } from './rules/implausible-number';
import { milestoneAfterCeased } from './rules/milestone-after-ceased';
import { milestoneOrder } from './rules/milestone-order';
import { missingAdm } from './rules/missing-adm';
import { missingChildId } from './rules/missing-child-id';
import { missingCourtApplication } from './rules/missing-court-application';
import { missingFirstAccommodated } from './rules/missing-first-accommodated';
import { missingLookedAfterStart } from './rules/missing-looked-after-start';
import { missingPanel } from './rules/missing-panel';
import { missingRecommendation } from './rules/missing-recommendation';
import { outsidePopulation } from './rules/outside-population';
import { monthFirstColumn } from './rules/month-first-column';
import { placeholderDate } from './rules/placeholder-date';
import { recommendationBeforeLookedAfter } from './rules/recommendation-before-looked-after';
import { respiteRow } from './rules/respite-row';
import { serialNumber } from './rules/serial-number';
import { textDate } from './rules/text-date';
import { twoDigitYear } from './rules/two-digit-year';
import { unmappedLocalColumn } from './rules/unmapped-local-column';
import { unreadableDate } from './rules/unreadable-date';
import type { CheckRule } from './types';
import { AIM_END_BEFORE_START } from './aimIntervals';

export const RULES: readonly CheckRule[] = [
  missingChildId,
  duplicateChildId,
  unreadableDate,
  placeholderDate,
  implausibleNumber,
  errorValue,
  monthFirstColumn,
  textDate,
  twoDigitYear,
  serialNumber,
  futureDate,
  beforeBirth,
  implausibleAge,
  milestoneOrder,
  recommendationBeforeLookedAfter,
  ceasedBeforeLookedAfter,
  milestoneAfterCeased,
  outsidePopulation,
  missingLookedAfterStart,
  missingFirstAccommodated,
  missingRecommendation,
  missingPanel,
  missingAdm,
  missingCourtApplication,
  respiteRow,
  unmappedLocalColumn,
];

/** Every rule id the checks can report (stable; used in AIMS-free scripts and the issues sheet). */
export const RULE_IDS: readonly string[] = [...RULES.flatMap((r) => r.ids), AIM_END_BEFORE_START];

/** The severity words live in one place for the pane, the Issues sheet and the command line. */
export { SEVERITY_LABELS } from '../severity';
