/**
 * Step 5, "Share": makes the de-identified copy to send to the programme.
 * Lists the columns that will be left out (ticked; the user may untick one or
 * tick another), how to show the date of birth, and the as-of date; the copy
 * opens as a new workbook, so nothing identifiable leaves this one.
 */
import * as React from 'react';
import { Button, Checkbox, Field, MessageBar, MessageBarBody, MessageBarTitle, Radio, RadioGroup, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { DobMode } from '../core/submission/plan';
import type { Problem, SubmissionPreview, SubmissionResult } from '../core/usecases/types';
import { AsOfField } from './AsOfField';
import { PopulationSwitch, usePaneChoices } from './Figures';
import { Busy, ProblemBar, useStepStyles, type StepProps } from './parts';
import { columnLabel, dropList, initialDrop, resultText, toggleDrop } from './shareView';
import { useTask } from './useTask';
import { children } from './view';

const useStyles = makeStyles({
  fieldset: {
    borderTopStyle: 'none',
    borderRightStyle: 'none',
    borderBottomStyle: 'none',
    borderLeftStyle: 'none',
    margin: 0,
    minWidth: 0,
  },
  choices: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  wrap: { overflowWrap: 'anywhere', whiteSpace: 'normal' },
});

export type ShareStepProps = StepProps;

export function ShareStep({ session, state, asOf, onAsOf }: ShareStepProps): JSX.Element {
  const styles = useStepStyles();
  const own = useStyles();
  const task = useTask();
  const [preview, setPreview] = React.useState<SubmissionPreview | null>(null);
  const [drop, setDrop] = React.useState<Set<string>>(new Set());
  const [dob, setDob] = React.useState<DobMode>('month');
  const [result, setResult] = React.useState<SubmissionResult | null>(null);
  const [problem, setProblem] = React.useState<Problem | null>(null);
  const { includeOutside, setIncludeOutside } = usePaneChoices();

  // A re-read sheet (another sheet, a new mapping) changes which columns there are.
  React.useEffect(() => {
    let live = true;
    setPreview(null);
    setResult(null);
    setProblem(null);
    session.prepareSubmission().then((out) => {
      if (!live) return;
      if (out.ok) {
        setPreview(out.value);
        setDrop(initialDrop(out.value.columns));
      } else setProblem(out.problem);
    });
    return () => {
      live = false;
    };
  }, [session, state]);

  const make = () =>
    task.run('Making the copy…', async (progress) => {
      setResult(null);
      const out = await session.makeSubmission({ drop: dropList(drop), dob, asOf, includeOutsidePopulation: includeOutside }, progress);
      if (out.ok) {
        setResult(out.value);
        setProblem(null);
      } else setProblem(out.problem);
    });

  const tick = (column: string, leaveOut: boolean) => setDrop((d) => toggleDrop(d, column, leaveOut));

  return (
    <div className={styles.step}>
      <p className={styles.plain}>
        Make a copy of '{state.sheet}' to send to the PACE programme. The copy opens as a new workbook: columns that could identify a child or their family
        are left out, each child ID is replaced by a pseudonymous ID, and the date of birth is cut down. This workbook is not changed.
      </p>

      {preview && (
        <>
          <fieldset className={mergeClasses(styles.card, own.fieldset)} disabled={task.busy}>
            <legend className={styles.subheading}>Columns left out of the copy</legend>
            {preview.columns.length === 0 ? (
              <p className={styles.plain}>No column looks identifying. Tick any column below that should not be sent.</p>
            ) : (
              <>
                <div className={own.choices} data-testid="drop-columns">
                  {preview.columns.map((c) => (
                    <Checkbox
                      key={c.column}
                      className={own.wrap}
                      label={columnLabel(c)}
                      checked={drop.has(c.column)}
                      onChange={(_, d) => tick(c.column, d.checked === true)}
                    />
                  ))}
                </div>
                <p className={styles.note}>Untick a column only if you are sure it identifies nobody.</p>
              </>
            )}
          </fieldset>

          {preview.kept.length > 0 && (
            <fieldset className={mergeClasses(styles.card, own.fieldset)} disabled={task.busy}>
              <legend className={styles.subheading}>Columns copied</legend>
              <p className={styles.note}>Tick any of these to leave it out as well.</p>
              <div className={own.choices} data-testid="kept-columns">
                {preview.kept.map((k) => (
                  <Checkbox
                    key={k.column}
                    className={own.wrap}
                    label={`Column ${k.column}, '${k.header}'`}
                    checked={drop.has(k.column)}
                    onChange={(_, d) => tick(k.column, d.checked === true)}
                  />
                ))}
              </div>
            </fieldset>
          )}

          <Field label="Date of birth in the copy">
            <RadioGroup value={dob} onChange={(_, d) => setDob(d.value as DobMode)} disabled={task.busy}>
              <Radio value="month" label="Month and year only (yyyy-mm)" />
              <Radio value="age" label="Age in years at each milestone" />
            </RadioGroup>
          </Field>

          <PopulationSwitch checked={includeOutside} onChange={setIncludeOutside} disabled={task.busy} />

          <div className={styles.row}>
            <div className={styles.grow}>
              <AsOfField asOf={asOf} onAsOf={onAsOf} disabled={task.busy} />
            </div>
            <Button appearance="primary" disabled={task.busy || !asOf} onClick={() => void make()}>
              Make the copy
            </Button>
          </div>
          <p className={styles.note}>
            The copy holds {children(preview.children)}. Pseudonymous IDs are made with a secret key kept in this workbook, so they stay the same every month:
            save this workbook after making the copy. The key is never put in the copy.
          </p>
        </>
      )}

      <Busy busy={task.busy} progress={task.progress} step={task.step} />
      {problem && <ProblemBar problem={problem} />}
      <div role="status" aria-live="polite">
        {result && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Copy made</MessageBarTitle>
              {resultText(result)} Save it as '{result.fileName}' and read its Cover sheet before you send it.
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
    </div>
  );
}
