/**
 * Step 2, "Check": runs the checks as of a date, lists the findings (grouped
 * by rule or by child, filtered by severity and words), takes the user to a
 * finding's cell, writes the issues sheet, and marks or unmarks the cells.
 */
import * as React from 'react';
import {
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  Radio,
  RadioGroup,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import type { CheckResult, Finding, Severity } from '../core/model';
import type { Problem } from '../core/usecases/types';
import { AsOfField } from './AsOfField';
import { Busy, Done, ProblemBar, useStepStyles, type StepProps } from './parts';
import { useTask } from './useTask';
import { checkVerdict, CheckVerdict, filterFindings, findingLabel, findingParts, GroupBy, groupFindings, SEVERITIES, SEVERITY_LABEL, severityCount } from './view';

/** Findings shown per group before "Show more" (long lists stay quick). */
const PAGE = 50;

const BADGE_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

const useStyles = makeStyles({
  counts: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  group: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, margin: 0, padding: 0, listStyleType: 'none' },
  finding: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    justifyContent: 'flex-start',
    width: '100%',
    minWidth: 0,
    height: 'auto',
    textAlign: 'left',
    fontWeight: tokens.fontWeightRegular,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
  },
  findingHead: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  cellRef: { fontWeight: tokens.fontWeightSemibold },
  message: { overflowWrap: 'anywhere', whiteSpace: 'normal' },
  // Read by screen readers, not shown: the punctuation between a finding's parts.
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
  inline: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  fieldset: { borderTopStyle: 'none', borderRightStyle: 'none', borderBottomStyle: 'none', borderLeftStyle: 'none', margin: 0 },
});

export type CheckStepProps = StepProps;

export function CheckStep({ session, state, asOf, onAsOf }: CheckStepProps): JSX.Element {
  const styles = useStepStyles();
  const own = useStyles();
  const task = useTask();
  const [result, setResult] = React.useState<CheckResult | null>(null);
  const [problem, setProblem] = React.useState<Problem | null>(null);
  const [done, setDone] = React.useState('');
  const [verdict, setVerdict] = React.useState<CheckVerdict | null>(null);
  const [severities, setSeverities] = React.useState<Set<Severity>>(new Set(SEVERITIES));
  const [text, setText] = React.useState('');
  const [groupBy, setGroupBy] = React.useState<GroupBy>('rule');
  const [shown, setShown] = React.useState<Record<string, number>>({});
  const [marked, setMarked] = React.useState(false);

  // A re-read sheet (other sheet, new mapping) makes earlier results stale.
  React.useEffect(() => {
    setResult(null);
    setProblem(null);
    setDone('');
    setVerdict(null);
    let live = true;
    session
      .hasMarks()
      .catch(() => false)
      .then((has) => live && setMarked(has));
    return () => {
      live = false;
    };
  }, [session, state]);

  // The findings shown are of the date they were checked at: another as-of date makes them stale too,
  // so marking and the issues sheet never act on findings of a date other than the one in the field.
  React.useEffect(() => {
    setResult(null);
    setVerdict(null);
    setDone('');
  }, [asOf]);

  const runCheck = () =>
    task.run('Checking every child’s dates…', async (progress) => {
      setDone('');
      setVerdict(null);
      const outcome = await session.check(asOf, progress);
      if (outcome.ok) {
        setResult(outcome.value);
        setProblem(null);
        setShown({});
        // The colour and words follow what was found: errors never end in a green bar.
        setVerdict(checkVerdict(outcome.value.counts, outcome.value.asOf));
      } else {
        setProblem(outcome.problem);
      }
    });

  const visible = React.useMemo(() => (result ? filterFindings(result.findings, { severities, text }) : []), [result, severities, text]);
  const groups = React.useMemo(() => groupFindings(visible, groupBy), [visible, groupBy]);

  const toggleSeverity = (s: Severity, on: boolean) => {
    const next = new Set(severities);
    if (on) next.add(s);
    else next.delete(s);
    setSeverities(next);
  };

  const act = (message: string, work: () => Promise<void>) =>
    task.run(message, async () => {
      setDone('');
      await work();
    });

  const goTo = (f: Finding) =>
    session.selectFinding(f).catch(() =>
      setProblem({
        kind: 'sheetNotFound',
        message: `Excel could not go to cell ${f.cell} on '${state.sheet}'. If the sheet was renamed or deleted, open it again on the Sheet tab.`,
      }),
    );

  return (
    <div className={styles.step}>
      <div className={styles.row}>
        <div className={styles.grow}>
          <AsOfField asOf={asOf} onAsOf={onAsOf} disabled={task.busy} />
        </div>
        <Button appearance="primary" disabled={task.busy || !asOf} onClick={() => void runCheck()}>
          {result ? 'Check again' : 'Check'}
        </Button>
      </div>
      <Busy busy={task.busy} progress={task.progress} step={task.step} />
      {problem && <ProblemBar problem={problem} />}
      {verdict && <Done title={verdict.title} text={verdict.detail} intent={verdict.intent} />}
      <Done text={done} />

      {result && (
        <>
          <div className={own.counts} aria-label="Findings by severity" data-testid="counts">
            {SEVERITIES.map((s) => (
              <Badge key={s} appearance="filled" color={BADGE_COLOR[s]} data-severity={s}>
                {severityCount(s, result.counts[s])}
              </Badge>
            ))}
          </div>

          <div className={styles.row}>
            <Button disabled={task.busy} onClick={() =>
              void act('Writing the issues sheet…', async () => {
                const out = await session.writeIssuesSheet(asOf);
                if (out.ok) setDone(`The findings were written to the sheet '${out.value}'.`);
                else setProblem(out.problem);
              })
            }>
              Write issues sheet
            </Button>
            <Button
              disabled={task.busy || state.protected || visible.length === 0}
              title={state.protected ? 'The sheet is protected: unprotect it to mark cells.' : undefined}
              onClick={() =>
                void act('Marking the flagged cells…', async () => {
                  const out = await session.markFindings(visible);
                  if (out.ok) {
                    setMarked(true);
                    setDone(`${out.value} flagged cells were marked on '${state.sheet}'. Clear marks removes exactly these again.`);
                  } else setProblem(out.problem);
                })
              }
            >
              Mark {visible.length === result.findings.length ? 'all' : visible.length} on sheet
            </Button>
            {marked && (
              <Button disabled={task.busy} onClick={() =>
                void act('Removing the marks…', async () => {
                  const out = await session.clearMarks();
                  if (out.ok) {
                    setMarked(false);
                    setDone(`The marks were removed from '${state.sheet}'.`);
                  } else setProblem(out.problem);
                })
              }>
                Clear marks
              </Button>
            )}
          </div>

          <fieldset className={mergeClasses(styles.card, own.fieldset)}>
            <legend className={styles.subheading}>Show</legend>
            <div className={own.inline}>
              {SEVERITIES.map((s) => (
                <Checkbox key={s} label={`${SEVERITY_LABEL[s]} (${result.counts[s]})`} checked={severities.has(s)} onChange={(_, d) => toggleSeverity(s, Boolean(d.checked))} />
              ))}
            </div>
            <Field label="Find words in the findings">
              <Input type="search" value={text} placeholder="e.g. a child ID or 'panel'" onChange={(_, d) => setText(d.value)} />
            </Field>
            <Field label="Group by">
              <RadioGroup layout="horizontal" value={groupBy} onChange={(_, d) => setGroupBy(d.value as GroupBy)}>
                <Radio value="rule" label="Rule" />
                <Radio value="child" label="Child" />
              </RadioGroup>
            </Field>
          </fieldset>

          <p className={styles.note} role="status" aria-live="polite">
            {visible.length === result.findings.length ? `${visible.length} findings.` : `${visible.length} of ${result.findings.length} findings shown.`}{' '}
            {visible.length > 0 ? 'Select one to go to its cell.' : ''}
          </p>

          {groups.map((g) => {
            const limit = shown[g.key] ?? PAGE;
            return (
              <section key={g.key} aria-label={g.label} data-group={g.key}>
                <h3 className={styles.subheading}>
                  {g.label} ({g.findings.length})
                </h3>
                <ul className={own.group}>
                  {g.findings.slice(0, limit).map((f, i) => {
                    const p = findingParts(f);
                    // The name is the visible words themselves (hidden commas make them read as a sentence), so sight and speech agree.
                    return (
                      <li key={`${f.cell}-${f.rule}-${i}`}>
                        <Button appearance="subtle" className={own.finding} data-cell={f.cell} data-label={findingLabel(f)} onClick={() => void goTo(f)}>
                          <span className={own.findingHead}>
                            <Badge appearance="tint" color={BADGE_COLOR[f.severity]} size="small">
                              {p.severity}
                            </Badge>
                            <span className={own.hidden}>, </span>
                            <span className={own.cellRef}>{p.cell}</span>
                            {p.child && (
                              <>
                                <span className={own.hidden}>, </span>
                                <span>{p.child}</span>
                              </>
                            )}
                            <span className={own.hidden}>: </span>
                          </span>
                          <span className={own.message}>{p.message}</span>
                        </Button>
                      </li>
                    );
                  })}
                </ul>
                {g.findings.length > limit && (
                  <Button appearance="transparent" onClick={() => setShown({ ...shown, [g.key]: limit + PAGE * 4 })}>
                    Show more ({g.findings.length - limit} not shown)
                  </Button>
                )}
              </section>
            );
          })}
        </>
      )}
    </div>
  );
}
