/**
 * Pieces the Sheet, Aims, Report and Share steps share for choices the session
 * makes about the figures: the one switch for rows outside the PACE
 * population and its note, the date-order question for month-first columns,
 * where to go when the figures wait for it, and the title's as-of date offer.
 * They show the session's results and pass the user's choice back; nothing is
 * decided here.
 */
import * as React from 'react';
import { Button, Field, MessageBar, MessageBarBody, MessageBarTitle, Radio, RadioGroup, Switch, makeStyles, tokens } from '@fluentui/react-components';
import type { DateOrderChoice, MonthFirstColumn } from '../core/usecases/dateOrder';
import type { PopulationSummary, Problem, TitleAsOfOffer } from '../core/usecases/types';
import { ProblemBar, useStepStyles } from './parts';
import { POPULATION_SWITCH_LABEL, dateOrderWaiting, monthFirstMessage, titleAsOfOffer } from './view';

/**
 * Choices that hold across steps, given by the App: the population switch,
 * the title's as-of date offer, and the way back to the Sheet step. A context
 * rather than more step props, so a step reads only what it uses.
 */
export interface PaneChoices {
  /** Keep rows outside the PACE population in Aims, Report and Share. */
  includeOutside: boolean;
  setIncludeOutside(include: boolean): void;
  titleAsOf: TitleAsOfOffer | null;
  goToSheet(): void;
}

const PaneChoicesContext = React.createContext<PaneChoices>({
  includeOutside: false,
  setIncludeOutside: () => undefined,
  titleAsOf: null,
  goToSheet: () => undefined,
});

export const PaneChoicesProvider = PaneChoicesContext.Provider;

export function usePaneChoices(): PaneChoices {
  return React.useContext(PaneChoicesContext);
}

const useStyles = makeStyles({
  offer: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  offerText: { margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, overflowWrap: 'anywhere' },
  radios: { flexWrap: 'wrap' },
});

/** The switch that keeps rows outside the PACE population (the same choice on Aims, Report and Share). */
export function PopulationSwitch(props: { checked: boolean; onChange(checked: boolean): void; disabled?: boolean }): JSX.Element {
  return (
    <Switch
      label={POPULATION_SWITCH_LABEL}
      checked={props.checked}
      disabled={props.disabled}
      data-testid="population-switch"
      onChange={(_, d) => props.onChange(d.checked)}
    />
  );
}

/** The session's sentence about rows outside the population, beside the figures; nothing when there are none. */
export function PopulationNote(props: { population: PopulationSummary | null | undefined }): JSX.Element | null {
  const styles = useStepStyles();
  const note = props.population?.note;
  if (!note) return null;
  return (
    <p className={styles.note} data-testid="population-note">
      {note}
    </p>
  );
}

/**
 * The date-order question for each column whose text dates look month/day/year:
 * "Column G ('Date LAC') looks month/day/year, e.g. 04/23/2019." with Month first / Day first.
 * Every column's choice is passed together because setDateOrder replaces the sheet's earlier choices.
 */
export function DateOrderQuestions(props: { columns: readonly MonthFirstColumn[]; disabled?: boolean; onChoose(choice: DateOrderChoice): void }): JSX.Element | null {
  const styles = useStepStyles();
  const own = useStyles();
  if (props.columns.length === 0) return null;
  const choose = (column: string, order: 'mdy' | 'dmy') => {
    const choice: DateOrderChoice = {};
    for (const c of props.columns) if (c.order !== null) choice[c.column] = c.order;
    choice[column] = order;
    props.onChoose(choice);
  };
  const waiting = props.columns.some((c) => c.order === null);
  return (
    <MessageBar intent={waiting ? 'warning' : 'info'} layout="multiline" data-problem="dateOrder">
      <MessageBarBody>
        <MessageBarTitle>{waiting ? 'Which way round are these dates?' : 'Date order'}</MessageBarTitle>
        <div className={styles.busy}>
          {waiting && <span>The aims and report wait until you choose, so no date is read the wrong way round.</span>}
          {props.columns.map((c) => (
            <Field key={c.column} label={monthFirstMessage(c)} data-date-column={c.column}>
              <RadioGroup
                className={own.radios}
                layout="horizontal"
                value={c.order ?? ''}
                disabled={props.disabled}
                onChange={(_, d) => (d.value === 'mdy' || d.value === 'dmy') && choose(c.column, d.value)}
              >
                <Radio value="mdy" label="Month first" />
                <Radio value="dmy" label="Day first" />
              </RadioGroup>
            </Field>
          ))}
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}

/** When the figures wait for a date order: which column, and a way to the Sheet step to confirm it. */
export function DateOrderWaiting(props: { columns: readonly MonthFirstColumn[]; onGoToSheet?: () => void }): JSX.Element | null {
  const text = dateOrderWaiting(props.columns);
  if (!text) return null;
  return (
    <MessageBar intent="warning" layout="multiline" data-problem="dateOrderUnconfirmed">
      <MessageBarBody>
        <MessageBarTitle>Confirm the date order first</MessageBarTitle>
        {text}{' '}
        {props.onGoToSheet && (
          <Button size="small" onClick={props.onGoToSheet}>
            Go to the Sheet step
          </Button>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

/** "The sheet's title says 'as at 31/03/2024'. [Use 31/03/2024]" while it differs from the date in use. */
export function TitleAsOf(props: { offer: TitleAsOfOffer | null | undefined; asOf: string; onAsOf(asOf: string): void; disabled?: boolean }): JSX.Element | null {
  const own = useStyles();
  const offer = titleAsOfOffer(props.offer ?? null, props.asOf);
  if (!offer) return null;
  return (
    <div className={own.offer} data-testid="title-as-of">
      <p className={own.offerText}>{offer.message}</p>
      <Button size="small" disabled={props.disabled} onClick={() => props.onAsOf(offer.asOf)}>
        {offer.button}
      </Button>
    </div>
  );
}

/**
 * A problem from measuring or writing the figures: when they wait for a date
 * order, which column and the way to the Sheet step; otherwise the problem as it is.
 */
export function FiguresProblem(props: { problem: Problem; columns: readonly MonthFirstColumn[] }): JSX.Element {
  const { goToSheet } = usePaneChoices();
  if (props.problem.kind === 'dateOrderUnconfirmed' && dateOrderWaiting(props.columns)) return <DateOrderWaiting columns={props.columns} onGoToSheet={goToSheet} />;
  return <ProblemBar problem={props.problem} />;
}
