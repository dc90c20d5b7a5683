/**
 * Small building blocks shared by the steps: a problem message bar, a busy
 * indicator with live progress text, the common layout styles, and the
 * hidden chooser for last month's .xlsx file.
 */
import * as React from 'react';
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, tokens } from '@fluentui/react-components';
import type { PaceSessionApi, Problem, ProgressStep, SheetState } from '../core/usecases/types';
import { EXPECTED_HEADINGS, problemTitle } from './view';

/** What every step after the Sheet step is given: the session, the sheet read, and the shared as-of date. */
export interface StepProps {
  session: PaceSessionApi;
  state: SheetState;
  asOf: string;
  onAsOf(asOf: string): void;
  /** True while the step's tab is the one shown (work that only matters on screen waits for it). */
  active?: boolean;
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
  busy: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
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

/**
 * A progress bar with what is happening ("Reading rows 8,001–12,000 of
 * 20,000 rows…"): filled as far as the work has got when that is known,
 * moving otherwise. The words are announced politely to screen readers.
 */
export function Busy(props: { busy: boolean; progress: string; step?: ProgressStep | null }): JSX.Element {
  const styles = useStepStyles();
  const { step } = props;
  const text = props.progress || 'Working…';
  return (
    <div className={styles.busy} data-testid={props.busy ? 'busy' : undefined}>
      <div role="status" aria-live="polite" className={styles.note}>
        {props.busy ? text : ''}
      </div>
      {props.busy ? (
        <ProgressBar
          thickness="large"
          value={step ? step.done / step.total : undefined}
          aria-label={text}
          aria-valuetext={step ? `${Math.round((100 * step.done) / step.total)}%` : undefined}
        />
      ) : null}
    </div>
  );
}

/** A one-line outcome ("Saved.", "Written to 'PACE Issues'.") announced to screen readers, in the colour of what happened. */
export function Done(props: { text: string; title?: string; intent?: 'success' | 'warning' | 'error' | 'info' }): JSX.Element {
  return (
    <div role="status" aria-live="polite">
      {props.text || props.title ? (
        <MessageBar intent={props.intent ?? 'success'} layout="multiline" data-intent={props.intent ?? 'success'}>
          <MessageBarBody>
            {props.title ? <MessageBarTitle>{props.title}</MessageBarTitle> : null}
            {props.text}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}

/**
 * A hidden chooser for one .xlsx file (last month's tracker or submission
 * copy), opened by a button of the step's own through `ref`. The file is
 * handed over as it is; it is read in the pane and never uploaded anywhere.
 */
export const XlsxFileInput = React.forwardRef<HTMLInputElement, { testId: string; onFile(file: File): void }>(function XlsxFileInput({ testId, onFile }, ref) {
  return (
    <input
      ref={ref}
      type="file"
      accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      hidden
      data-testid={testId}
      aria-label="Last month's workbook (.xlsx)"
      onChange={(e) => {
        const file = e.target.files?.[0];
        // Cleared so that choosing the same file again reads it again.
        e.target.value = '';
        if (file) onFile(file);
      }}
    />
  );
});
