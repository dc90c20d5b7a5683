/**
 * Under the Report step: the two monthly extras that work beside the report
 * (as of the Report step's date).
 * - Timeline: the selected children's journeys (or a group's) as a native
 *   stacked bar chart on a "PACE Timeline …" sheet.
 * - Compare with…: last month's tracker or submission copy, read on this
 *   computer, against the open sheet; the "PACE Changes" sheet lists every change.
 * Both only add or replace their own sheet; the user's sheets are never changed.
 */
import * as React from 'react';
import { Button, Field, MessageBar, MessageBarBody, MessageBarTitle, Radio, RadioGroup, Select } from '@fluentui/react-components';
import type { CompareSummary, Problem, TimelineAlign, TimelineWritten } from '../core/usecases/types';
import { Busy, Done, ProblemBar, useStepStyles, XlsxFileInput, type StepProps } from './parts';
import { useTask } from './useTask';
import { compareDoneText, defaultGroup, groupValueLabel, shownCounts, timelineDoneText } from './moreView';
import { SEVERITY_WORD } from './view';

export type MoreStepProps = StepProps;

type Whose = 'selection' | 'group';

export function MoreStep({ session, state, asOf }: MoreStepProps): JSX.Element {
  const styles = useStepStyles();
  const task = useTask();
  // Asked again whenever the sheet is read again (the session holds the sheet; `state` says it changed).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const groups = React.useMemo(() => session.timelineGroups(), [session, state]);
  const [whose, setWhose] = React.useState<Whose>('selection');
  const [groupColumn, setGroupColumn] = React.useState('');
  const [groupValue, setGroupValue] = React.useState('');
  const [align, setAlign] = React.useState<TimelineAlign>('calendar');
  const [timeline, setTimeline] = React.useState<TimelineWritten | null>(null);
  const [compared, setCompared] = React.useState<CompareSummary | null>(null);
  const [timelineProblem, setTimelineProblem] = React.useState<Problem | null>(null);
  const [compareProblem, setCompareProblem] = React.useState<Problem | null>(null);
  const fileInput = React.useRef<HTMLInputElement>(null);

  React.useEffect(() => {
    const first = defaultGroup(groups);
    setGroupColumn(first?.column ?? '');
    setGroupValue(first?.values[0]?.value ?? '');
    setTimeline(null);
    setCompared(null);
    setTimelineProblem(null);
    setCompareProblem(null);
  }, [groups]);

  const group = groups.find((g) => g.column === groupColumn) ?? null;

  const drawTimeline = () =>
    task.run('Working out each child’s journey…', async () => {
      setTimeline(null);
      const choice = whose === 'selection' ? ({ kind: 'selection' } as const) : ({ kind: 'group', column: groupColumn, value: groupValue } as const);
      const out = await session.writeTimeline(asOf, choice, align);
      if (out.ok) {
        setTimeline(out.value);
        setTimelineProblem(null);
      } else setTimelineProblem(out.problem);
    });

  const compareWith = (file: File) =>
    task.run(`Reading ${file.name} on this computer…`, async (progress) => {
      setCompared(null);
      // Read here in the pane: the file is never uploaded anywhere.
      const bytes = new Uint8Array(await file.arrayBuffer());
      const out = await session.compareWith({ name: file.name, bytes }, asOf, progress);
      if (out.ok) {
        setCompared(out.value);
        setCompareProblem(null);
      } else setCompareProblem(out.problem);
    });

  return (
    <div className={styles.step}>
      <section className={styles.card} aria-labelledby="timeline-heading">
        <h2 id="timeline-heading" className={styles.heading}>
          Timeline
        </h2>
        <p className={styles.plain}>Each child’s journey as bars on a chart: one stage after another, with the time still waiting at the as-of date.</p>
        <p className={styles.note}>
          If the workbook has a placements sheet (one row per placement, with headings such as Child ID, Placement start, Placement end and Placement type), each child’s
          placements are drawn as a second bar, so moves stand out.
        </p>
        <RadioGroup value={whose} onChange={(_, d) => setWhose(d.value as Whose)} aria-label="Whose timeline">
          <Radio value="selection" label={`The rows I have selected on '${state.sheet}'`} />
          <Radio value="group" label="Every child in a group" disabled={groups.length === 0} />
        </RadioGroup>
        {whose === 'selection' && (
          <p className={styles.note}>Select one or more children’s rows on the sheet (any cells in those rows, as one block), then choose Timeline.</p>
        )}
        {whose === 'group' && group && (
          <div className={styles.row}>
            <Field label="Group by" className={styles.grow}>
              <Select
                value={groupColumn}
                onChange={(_, d) => {
                  setGroupColumn(d.value);
                  setGroupValue(groups.find((g) => g.column === d.value)?.values[0]?.value ?? '');
                }}
              >
                {groups.map((g) => (
                  <option key={g.column} value={g.column}>
                    {g.label}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={group.label} className={styles.grow}>
              <Select value={groupValue} onChange={(_, d) => setGroupValue(d.value)}>
                {group.values.map((v) => (
                  <option key={v.value} value={v.value}>
                    {groupValueLabel(v)}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
        )}
        <Field label="Line the children up">
          <RadioGroup value={align} onChange={(_, d) => setAlign(d.value as TimelineAlign)}>
            <Radio value="calendar" label="By calendar date" />
            <Radio value="start" label="By weeks since becoming looked after" />
          </RadioGroup>
        </Field>
        <div>
          <Button appearance="primary" disabled={task.busy || !asOf || (whose === 'group' && !groupValue)} onClick={() => void drawTimeline()}>
            Timeline
          </Button>
        </div>
        {timelineProblem && <ProblemBar problem={timelineProblem} />}
        <Done title={timeline ? 'Timeline written' : undefined} text={timeline ? timelineDoneText(timeline) : ''} />
      </section>

      <section className={styles.card} aria-labelledby="compare-heading">
        <h2 id="compare-heading" className={styles.heading}>
          Compare with last month
        </h2>
        <p className={styles.plain}>
          Choose last month’s copy of the tracker, or the submission file this workbook produced. It is read on this computer; nothing is sent anywhere.
        </p>
        <XlsxFileInput ref={fileInput} testId="compare-file" onFile={(file) => void compareWith(file)} />
        <div>
          <Button appearance="primary" disabled={task.busy || !asOf} onClick={() => fileInput.current?.click()}>
            Compare with…
          </Button>
        </div>
        {compareProblem && <ProblemBar problem={compareProblem} />}
        <div role="status" aria-live="polite">
          {compared && (
            <MessageBar intent={compared.toCheck.length > 0 ? 'warning' : 'success'} layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>Changes since last month</MessageBarTitle>
                {compareDoneText(compared)}
                {shownCounts(compared).length > 0 && (
                  <ul className={styles.list} data-testid="change-counts">
                    {shownCounts(compared).map((c) => (
                      <li key={c.title}>
                        {c.title}: {c.count}
                      </li>
                    ))}
                  </ul>
                )}
                {compared.notCompared.length > 0 && <p className={styles.note}>Not compared (in only one of the two months): {compared.notCompared.join(', ')}.</p>}
              </MessageBarBody>
            </MessageBar>
          )}
        </div>
        {compared && compared.toCheck.length > 0 && (
          <>
            <h3 className={styles.subheading}>Changes that look like mistakes</h3>
            <ul className={styles.list} data-testid="changes-to-check">
              {compared.toCheck.map((c, i) => (
                <li key={`${c.childId}-${c.cell ?? ''}-${i}`}>
                  {SEVERITY_WORD[c.severity]}: {c.childId}
                  {c.cell ? ` (${c.cell})` : ''} — {c.message}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <Busy busy={task.busy} progress={task.progress} step={task.step} />
    </div>
  );
}
