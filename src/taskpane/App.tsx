/**
 * The task pane: five steps as tabs (Sheet, Check, Aims, Report, Share) over the
 * session use-cases. The pane shows results and passes choices back; the
 * session decides everything. Steps stay mounted when hidden so a check's
 * results survive a look at another tab.
 */
import * as React from 'react';
import { FluentProvider, Tab, TabList, makeStyles, tokens, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { PaceSessionApi, SheetState } from '../core/usecases/types';
import { AimsStep } from './AimsStep';
import { CheckStep } from './CheckStep';
import { PaneChoicesProvider, type PaneChoices } from './Figures';
import { ReportStep } from './ReportStep';
import { SheetStep } from './SheetStep';
import { ShareStep } from './ShareStep';
import { MoreStep } from './MoreStep';
import type { ThemeName } from './view';

export type StepId = 'sheet' | 'check' | 'aims' | 'report' | 'share';

const STEPS: { id: StepId; label: string }[] = [
  { id: 'sheet', label: 'Sheet' },
  { id: 'check', label: 'Check' },
  { id: 'aims', label: 'Aims' },
  { id: 'report', label: 'Report' },
  { id: 'share', label: 'Share' },
];

const useStyles = makeStyles({
  root: { minHeight: '100vh', display: 'flex', flexDirection: 'column', backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
  header: {
    paddingTop: tokens.spacingVerticalM,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  sub: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  // One line even in the narrowest task pane (320 px): short labels, small tabs, no wrapping.
  tabs: {
    paddingLeft: tokens.spacingHorizontalXXS,
    paddingRight: tokens.spacingHorizontalXXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    flexWrap: 'nowrap',
    overflowX: 'hidden',
  },
});

export interface AppProps {
  session: PaceSessionApi;
  theme?: ThemeName;
}

export function App({ session, theme = 'light' }: AppProps): JSX.Element {
  const styles = useStyles();
  const [step, setStep] = React.useState<StepId>('sheet');
  const [state, setState] = React.useState<SheetState | null>(null);
  const [asOf, setAsOfState] = React.useState('');

  React.useEffect(() => {
    let live = true;
    session
      .loadAsOf()
      // The pane still works if the workbook's setting cannot be read: today, as the session would.
      .catch(() => new Date().toISOString().slice(0, 10))
      .then((d) => live && setAsOfState(d));
    return () => {
      live = false;
    };
  }, [session]);

  const setAsOf = React.useCallback(
    (d: string) => {
      setAsOfState(d);
      // Keeping the date for next time is a convenience; a failure must not stop the work.
      session.saveAsOf(d).catch(() => undefined);
    },
    [session],
  );

  const onState = React.useCallback((s: SheetState | null) => setState(s), []);
  // The Sheet step's next step: the Check tab, with keyboard focus on it so the user carries on from there.
  const goToCheck = React.useCallback(() => {
    setStep('check');
    requestAnimationFrame(() => document.getElementById('tab-check')?.focus());
  }, []);
  // The Aims and Report steps send the user back here when a column's date order waits.
  const goToSheet = React.useCallback(() => {
    setStep('sheet');
    requestAnimationFrame(() => document.getElementById('tab-sheet')?.focus());
  }, []);
  // One choice for Aims, Report and Share: figures, report and copy always agree on who is counted.
  const [includeOutside, setIncludeOutside] = React.useState(false);
  const titleAsOf = state?.titleAsOf ?? null;
  const choices = React.useMemo<PaneChoices>(() => ({ includeOutside, setIncludeOutside, titleAsOf, goToSheet }), [includeOutside, titleAsOf, goToSheet]);
  // Without a sheet only the Sheet step can show anything.
  const shown: StepId = state ? step : 'sheet';

  const pane = (
    // Layout styles go on an inner element: Fluent copies the provider's classes onto the
    // node it opens drop-downs in, and a full-height background there hides the pane.
    <FluentProvider theme={theme === 'dark' ? webDarkTheme : webLightTheme} data-theme={theme}>
      <div className={styles.root}>
        <header className={styles.header}>
          <h1 className={styles.title}>PACE Permanence Tracker</h1>
          <p className={styles.sub} data-testid="sheet-line">
            {state ? `Sheet '${state.sheet}'` : 'Reads your tracking sheet where it is; nothing leaves the workbook.'}
          </p>
        </header>
        <TabList className={styles.tabs} selectedValue={shown} onTabSelect={(_, d) => setStep(d.value as StepId)} aria-label="Steps" size="small">
          {STEPS.map((s) => (
            <Tab key={s.id} value={s.id} id={`tab-${s.id}`} aria-controls={`panel-${s.id}`} disabled={s.id !== 'sheet' && !state}>
              {s.label}
            </Tab>
          ))}
        </TabList>
        <main>
          <div role="tabpanel" id="panel-sheet" aria-labelledby="tab-sheet" hidden={shown !== 'sheet'}>
            <SheetStep session={session} state={state} onState={onState} onNext={goToCheck} />
          </div>
          {state && (
            <>
              <div role="tabpanel" id="panel-check" aria-labelledby="tab-check" hidden={shown !== 'check'}>
                <CheckStep session={session} state={state} asOf={asOf} onAsOf={setAsOf} />
              </div>
              <div role="tabpanel" id="panel-aims" aria-labelledby="tab-aims" hidden={shown !== 'aims'}>
                <AimsStep session={session} state={state} asOf={asOf} onAsOf={setAsOf} active={shown === 'aims'} />
              </div>
              <div role="tabpanel" id="panel-report" aria-labelledby="tab-report" hidden={shown !== 'report'}>
                <ReportStep session={session} state={state} asOf={asOf} onAsOf={setAsOf} />
                {/* Timelines and last month's changes sit under the report: a sixth tab does not fit in 320 px. */}
                <MoreStep session={session} state={state} asOf={asOf} onAsOf={setAsOf} />
              </div>
              <div role="tabpanel" id="panel-share" aria-labelledby="tab-share" hidden={shown !== 'share'}>
                <ShareStep session={session} state={state} asOf={asOf} onAsOf={setAsOf} />
              </div>
            </>
          )}
        </main>
      </div>
    </FluentProvider>
  );
  return <PaneChoicesProvider value={choices}>{pane}</PaneChoicesProvider>;
}
