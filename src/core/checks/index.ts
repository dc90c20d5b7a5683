/** The checks: every rule that flags missing or inconsistent milestone dates. */
export { runChecks, ruleFindings, finishFindings, checkRecords, checkResultOf, countFindings, compareFindings } from './runChecks';
export type { CheckOptions } from './runChecks';
export { RULES, RULE_IDS, SEVERITY_LABELS } from './registry';
export { routeKind, isHomeRoute } from './route';
export type { RouteKind } from './route';
export { orderRuleId } from './rules/milestone-order';
export { ruleTitle } from './titles';
export type { CheckRule, CellRule, RecordRule, SheetRule, CheckContext } from './types';
export { DAY_READINGS } from './types';
