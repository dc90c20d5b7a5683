/**
 * Step 4, "Report": writes the summary, issues and aim sheets with their
 * native Excel charts, as of the chosen date, and lists what was written.
 */
import * as React from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ChosenFile, Problem, ReportSummary } from '../core/usecases/types';
import { AsOfField } from './AsOfField';
import { FiguresProblem, PopulationNote, PopulationSwitch, usePaneChoices } from './Figures';
import { Busy, useStepStyles, type StepProps } from './parts';
import { useTask } from './useTask';
import { children, ukDate } from './view';
import { LastMonthChoice } from './LastMonthChoice';
import { lastMonthDoneText } from './moreView';

export type ReportStepProps = StepProps;

export function ReportStep({ session, state, asOf, onAsOf }: ReportStepProps): JSX.Element {
  const styles = useStepStyles();
  const task = useTask();
  const [summary, setSummary] = React.useState<ReportSummary | null>(null);
  const [writtenAsOf, setWrittenAsOf] = React.useState('');
  const [problem, setProblem] = React.useState<Problem | null>(null);
  const { includeOutside, setIncludeOutside } = usePaneChoices();
  const [lastWanted, setLastWanted] = React.useState(false);
  const [lastFile, setLastFile] = React.useState<ChosenFile | null>(null);
  const lastMonth = lastWanted ? lastFile : null;

  React.useEffect(() => {
    setSummary(null);
    setProblem(null);
  }, [state]);

  const create = () =>
    task.run('Working out the measures and run charts…', async (progress) => {
      setSummary(null);
      const out = await session.writeReport(asOf, progress, { includeOutsidePopulation: includeOutside, ...(lastMonth ? { lastMonth } : {}) });
      if (out.ok) {
        setSummary(out.value);
        setWrittenAsOf(asOf);
        setProblem(null);
      } else setProblem(out.problem);
    });

  return (
    <div className={styles.step}>
      <p className={styles.plain}>
        The report uses every child on '{state.sheet}' ({children(state.childCount)}), the aims saved on the Aims tab, and the date below.
      </p>
      <div className={styles.row}>
        <div className={styles.grow}>
          <AsOfField asOf={asOf} onAsOf={onAsOf} disabled={task.busy} />
        </div>
        <Button appearance="primary" disabled={task.busy || !asOf || (lastWanted && !lastFile)} onClick={() => void create()}>
          Create report
        </Button>
      </div>
      <PopulationSwitch checked={includeOutside} onChange={setIncludeOutside} disabled={task.busy} />
      <LastMonthChoice file={lastFile} wanted={lastWanted} onWanted={setLastWanted} onFile={setLastFile} disabled={task.busy} />
      <p className={styles.note}>
        The report is written into new sheets in this workbook: a summary, the issues, and one sheet per aim with its run chart and a chart of the children still
        waiting. Creating it again replaces only the report sheets the add-in wrote before: timelines, the PACE Changes sheet, report sheets you renamed
        and your own sheets, including '{state.sheet}', are kept unchanged.
      </p>
      <Busy busy={task.busy} progress={task.progress} step={task.step} />
      {problem && <FiguresProblem problem={problem} columns={state.monthFirstColumns} />}
      <div role="status" aria-live="polite">
        {summary && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Report written as of {ukDate(writtenAsOf)}</MessageBarTitle>
              {children(summary.children)}; {summary.counts.error} errors, {summary.counts.warning} warnings and {summary.counts.info} notes. Sheets written:
              <ul className={styles.list} data-testid="report-sheets">
                {summary.sheets.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
              <PopulationNote population={summary.population} />
              {summary.lastMonth && <p data-testid="last-month-done">{lastMonthDoneText(summary.lastMonth)}</p>}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
    </div>
  );
}
