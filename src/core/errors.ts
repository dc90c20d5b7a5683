/**
 * A problem the user can act on, with a message in their words. Adapters and
 * the command line show `message` as it is (no stack trace); anything else
 * thrown is a defect.
 */
export type ProblemKind =
  | 'emptyWorkbook'
  | 'noHeader'
  | 'sheetNotFound'
  | 'protectedSheet'
  | 'tooLarge'
  | 'unreadableFile'
  | 'badAims'
  | 'badSeries'
  | 'usage'
  /** A date column looks month/day/year and the user has not confirmed its order: the figures wait. */
  | 'dateOrderUnconfirmed'
  /** This Excel lacks an API the add-in needs (older Excel version). */
  | 'unsupportedExcel';

export class UserFacingError extends Error {
  constructor(readonly kind: ProblemKind, message: string) {
    super(message);
    this.name = 'UserFacingError';
  }
}

export function isUserFacingError(err: unknown): err is UserFacingError {
  return err instanceof UserFacingError;
}
