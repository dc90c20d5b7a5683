/**
 * Small building blocks shared by the steps: a problem message bar, a busy
 * indicator with live progress text, and the common layout styles.
 */
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Spinner, tokens } from '@fluentui/react-components';
import type { PaceSessionApi, Problem, SheetState } from '../core/usecases/types';
import { EXPECTED_HEADINGS, problemTitle } from './view';

/** What every step after the Sheet step is given: the session, the sheet read, and the shared as-of date. */
export interface StepProps {
  session: PaceSessionApi;
  state: SheetState;
  asOf: string;
  onAsOf(asOf: string): void;
}

export const useStepStyles = makeStyles({
  step: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalXXL,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    minWidth: 0,
  },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'end',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  grow: { flexGrow: 1, minWidth: '8rem' },
  note: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold },
  plain: { margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  full: { width: '100%', minWidth: 0 },
  card: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

/** A problem from the session, in a message bar with what to do. */
export function ProblemBar(props: { problem: Problem; intent?: 'error' | 'warning' | 'info' }): JSX.Element {
  const styles = useStepStyles();
  const { problem } = props;
  const intent = props.intent ?? (problem.kind === 'protectedSheet' || problem.kind === 'tooLarge' ? 'warning' : 'error');
  return (
    <MessageBar intent={intent} layout="multiline" data-problem={problem.kind}>
      <MessageBarBody>
        <MessageBarTitle>{problemTitle(problem.kind)}</MessageBarTitle>
        {problem.message}
        {problem.kind === 'noHeader' && (
          <>
            {' '}The add-in looks for a row of headings such as:
            <ul className={styles.list}>
              {EXPECTED_HEADINGS.map((h) => (
                <li key={h}>{h}</li>
              ))}
            </ul>
          </>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

/** A spinner and the latest progress message, announced politely to screen readers. */
export function Busy(props: { busy: boolean; progress: string }): JSX.Element {
  return (
    <div role="status" aria-live="polite">
      {props.busy ? <Spinner size="tiny" labelPosition="after" label={props.progress || 'Working…'} /> : null}
    </div>
  );
}

/** A one-line outcome ("Saved.", "Written to 'PACE Issues'.") announced to screen readers. */
export function Done(props: { text: string }): JSX.Element {
  return (
    <div role="status" aria-live="polite">
      {props.text ? (
        <MessageBar intent="success">
          <MessageBarBody>{props.text}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
