/**
 * Step 3, "Aims": the aims kept in the workbook (or the presets), an editor
 * for each, the tests of change, and each aim's headline once measured.
 */
import * as React from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Field,
  Input,
  Menu,
  MenuButton,
  MenuDivider,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { AimDefinitionInput, AimResult, AimsFile, CohortListResult, StageCount, TestOfChange } from '../core/model';
import type { PopulationSummary, Problem } from '../core/usecases/types';
import { AimEditor } from './AimEditor';
import { AsOfField } from './AsOfField';
import { DateField } from './DateField';
import { FiguresProblem, PopulationNote, PopulationSwitch, usePaneChoices } from './Figures';
import { Busy, Done, useStepStyles, type StepProps } from './parts';
import { useTask } from './useTask';
import { aimFigures, blankAim, children, cohortChildLine, cohortFigures, isIsoDate, milestoneChoices, percentText, ukDate, weeksText, withFreshId } from './view';

const useStyles = makeStyles({
  headline: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  // The aim's name and, under it, its figures: both inside the header button, so one line per aim reads as a whole.
  aimHeader: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', minWidth: 0, paddingTop: tokens.spacingVerticalXXS, paddingBottom: tokens.spacingVerticalXXS },
  aimName: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  figures: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, fontWeight: tokens.fontWeightRegular, overflowWrap: 'anywhere' },
  // A test of change is one short row: date, what changed, Add.
  shrink: { minWidth: 0, width: '100%' },
  changeRow: { display: 'grid', gridTemplateColumns: '8.5rem minmax(0, 1fr) auto', columnGap: tokens.spacingHorizontalS, alignItems: 'end' },
  // Fluent buttons are at least 96 px wide; "Add" needs far less, and the words beside it need the room.
  addButton: { minWidth: 'auto' },
  change: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, justifyContent: 'space-between' },
  changes: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  dropdown: { minWidth: 0, width: '100%' },
  stages: { margin: 0, display: 'grid', gridTemplateColumns: '1fr auto', columnGap: tokens.spacingHorizontalM },
  stageCount: { margin: 0, textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  cohortChildren: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, overflowWrap: 'anywhere' },
});

/** Measured figures, with what they were measured with (so a stale set is never shown as current). */
interface Measured {
  asOf: string;
  includeOutside: boolean;
  aims: AimResult[];
  stages: StageCount[];
  population: PopulationSummary;
  cohorts: CohortListResult[];
}

/** One line that says how an aim is doing. */
export function Headline({ result }: { result: AimResult }): JSX.Element {
  const target = result.targetWeeks === null ? null : `${result.targetWeeks} weeks`;
  return (
    <span data-testid={`headline-${result.id}`}>
      {children(result.completed)} completed
      {target ? `; ${percentText(result.percentWithinTarget)} within ${target}` : ''}
      {target && result.targetPercent !== null ? ` (aim ${result.targetPercent}%)` : ''}; median {weeksText(result.medianWeeks)}; {result.waiting} waiting
      {target ? `, ${result.waitingBeyondTarget} past the target` : ''}.
    </span>
  );
}

export type AimsStepProps = StepProps;

export function AimsStep({ session, state, asOf, onAsOf, active = true }: AimsStepProps): JSX.Element {
  const styles = useStepStyles();
  const own = useStyles();
  const task = useTask();
  const [file, setFile] = React.useState<AimsFile | null>(null);
  const [dirty, setDirty] = React.useState(false);
  const [open, setOpen] = React.useState<string[]>([]);
  const [problem, setProblem] = React.useState<Problem | null>(null);
  const [done, setDone] = React.useState('');
  const [results, setResults] = React.useState<Measured | null>(null);
  const [openCohorts, setOpenCohorts] = React.useState<string[]>([]);
  const { includeOutside, setIncludeOutside } = usePaneChoices();
  const [changeDate, setChangeDate] = React.useState('');
  const [changeLabel, setChangeLabel] = React.useState('');
  // Bumped when the whole list is replaced, so each editor starts from its aim again.
  const [generation, setGeneration] = React.useState(0);

  const presets = React.useMemo(() => session.presetAims(), [session]);
  // fieldChoices() changes whenever the session reads the sheet again (a new state).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const milestones = React.useMemo(() => milestoneChoices(session.fieldChoices()), [session, state]);

  React.useEffect(() => {
    let live = true;
    session
      .loadAims()
      .then((f) => {
        if (!live) return;
        setFile({ aims: f.aims.map((a) => ({ ...a })), changes: [...(f.changes ?? [])] });
        setGeneration((g) => g + 1);
        setDirty(false);
      })
      .catch(() => {
        if (!live) return;
        setFile({ aims: session.presetAims(), changes: [] });
        setProblem({ kind: 'badAims', message: 'The aims saved in this workbook could not be read, so the preset aims are shown. Check them and choose Save aims to keep them.' });
      });
    setResults(null);
    setProblem(null);
    return () => {
      live = false;
    };
  }, [session, state]);

  // The figures are what the list is for: measured once, as soon as the Aims tab is first shown.
  const measuredOnce = React.useRef(false);
  const { run } = task;
  React.useEffect(() => {
    measuredOnce.current = false;
  }, [session, state]);
  React.useEffect(() => {
    if (!active || !file || dirty || results || measuredOnce.current || !isIsoDate(asOf)) return;
    measuredOnce.current = true;
    void run('Working out each aim’s measures…', async () => {
      const out = await session.measureAims(asOf, { includeOutsidePopulation: includeOutside });
      if (out.ok) setResults({ asOf, includeOutside, ...out.value });
      else setProblem(out.problem);
    });
  }, [active, file, dirty, results, asOf, session, run, includeOutside]);

  if (!file) return <div className={styles.step}><Busy busy progress="Reading the aims…" /></div>;
  const changes = file.changes ?? [];

  const edit = (next: AimsFile, openId?: string) => {
    setFile(next);
    setDirty(true);
    setDone('');
    if (openId) setOpen([openId]);
  };
  const updateAim = (index: number, aim: AimDefinitionInput) => edit({ ...file, aims: file.aims.map((a, i) => (i === index ? aim : a)) });
  const deleteAim = (index: number) => edit({ ...file, aims: file.aims.filter((_, i) => i !== index) });
  const addAim = (aim: AimDefinitionInput) => edit({ ...file, aims: [...file.aims, aim] }, aim.id);
  const addChange = () => {
    if (!isIsoDate(changeDate) || !changeLabel.trim()) return;
    const next: TestOfChange[] = [...changes, { date: changeDate, label: changeLabel.trim() }].sort((a, b) => a.date.localeCompare(b.date));
    edit({ ...file, changes: next });
    setChangeDate('');
    setChangeLabel('');
  };

  const save = async (): Promise<boolean> => {
    const out = await session.saveAims(file);
    if (!out.ok) {
      setProblem(out.problem);
      return false;
    }
    setProblem(null);
    setDirty(false);
    return true;
  };

  const measure = (include = includeOutside) =>
    task.run('Saving the aims…', async (progress) => {
      setDone('');
      if (dirty && !(await save())) return;
      progress('Working out each aim’s measures…');
      const out = await session.measureAims(asOf, { includeOutsidePopulation: include });
      if (out.ok) {
        setResults({ asOf, includeOutside: include, ...out.value });
        setProblem(null);
        setDone(`Measured ${out.value.aims.length} aims as of ${ukDate(asOf)}.`);
      } else setProblem(out.problem);
    });

  const resultFor = (id: string) => results?.aims.find((r) => r.id === id);

  return (
    <div className={styles.step}>
      <div className={styles.row}>
        <div className={styles.grow}>
          <AsOfField asOf={asOf} onAsOf={onAsOf} disabled={task.busy} />
        </div>
        <Button appearance="primary" disabled={task.busy || !asOf || file.aims.length === 0} onClick={() => void measure()}>
          {dirty ? 'Save and measure' : 'Measure'}
        </Button>
      </div>
      <PopulationSwitch
        checked={includeOutside}
        disabled={task.busy}
        onChange={(include) => {
          setIncludeOutside(include);
          // Figures on show are measured again at once, so they never disagree with the switch.
          if (results && isIsoDate(asOf) && file.aims.length > 0) void measure(include);
        }}
      />
      <Busy busy={task.busy} progress={task.progress} step={task.step} />
      {problem && <FiguresProblem problem={problem} columns={state.monthFirstColumns} />}
      <Done text={done} />
      {results && <PopulationNote population={results.population} />}
      {results && results.includeOutside !== includeOutside && (
        <p className={styles.note}>
          These figures {results.includeOutside ? 'include' : 'leave out'} rows outside the PACE population: choose Measure to {includeOutside ? 'include them' : 'leave them out'}.
        </p>
      )}

      <h2 className={styles.heading}>Aims ({file.aims.length})</h2>
      {file.aims.length === 0 && <p className={styles.note}>No aims yet: add one from the presets or a blank one.</p>}
      {results && results.asOf !== asOf && <p className={styles.note}>The figures are as of {ukDate(results.asOf)}: choose Measure for {ukDate(asOf)}.</p>}
      <Accordion collapsible openItems={open} onToggle={(_, d) => setOpen(d.openItems.map(String).filter((v) => v === String(d.value)))}>
        {file.aims.map((aim, index) => {
          const r = resultFor(aim.id);
          return (
            <AccordionItem key={aim.id} value={aim.id} data-aim={aim.id}>
              <AccordionHeader as="h3" size="small">
                <span className={own.aimHeader}>
                  <span className={own.aimName}>{aim.name || aim.id}</span>
                  {r && (
                    <span className={own.figures} data-testid={`figures-${aim.id}`}>
                      {aimFigures(r)}
                    </span>
                  )}
                </span>
              </AccordionHeader>
              <AccordionPanel>
                {r && (
                  <p className={own.headline}>
                    <Headline result={r} />
                  </p>
                )}
                <AimEditor key={`${aim.id}-${generation}`} aim={aim} milestones={milestones} changes={changes} disabled={task.busy} onChange={(a) => updateAim(index, a)} onDelete={() => deleteAim(index)} />
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>

      <div className={styles.row}>
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <MenuButton disabled={task.busy}>Add an aim</MenuButton>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              {presets.map((p) => (
                <MenuItem key={p.id} onClick={() => addAim(withFreshId(p, file.aims))}>
                  {p.name ?? p.id}
                </MenuItem>
              ))}
              <MenuDivider />
              <MenuItem onClick={() => addAim(blankAim(file.aims))}>Blank aim</MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
      </div>

      {results && results.cohorts.length > 0 && (
        <>
          <h2 className={styles.heading}>Children to review</h2>
          <Accordion collapsible multiple openItems={openCohorts} onToggle={(_, d) => setOpenCohorts(d.openItems.map(String))}>
            {results.cohorts.map((c) => (
              <AccordionItem key={c.id} value={c.id} data-cohort={c.id}>
                <AccordionHeader as="h3" size="small">
                  <span className={own.aimHeader}>
                    <span className={own.aimName}>{c.name}</span>
                    <span className={own.figures} data-testid={`cohort-${c.id}`}>
                      {cohortFigures(c)}
                    </span>
                  </span>
                </AccordionHeader>
                <AccordionPanel>
                  {c.children.length === 0 ? (
                    <p className={styles.note}>No children on this list as of {ukDate(results.asOf)}.</p>
                  ) : (
                    <ul className={own.cohortChildren} aria-label={`${c.name}: children`} data-testid={`cohort-children-${c.id}`}>
                      {c.children.map((child) => (
                        <li key={child.row}>{cohortChildLine(child, c.reviewMilestone !== null)}</li>
                      ))}
                    </ul>
                  )}
                  {c.reviewMilestone === null && <p className={styles.note}>The sheet has no review date column, so reviews are not counted.</p>}
                </AccordionPanel>
              </AccordionItem>
            ))}
          </Accordion>
        </>
      )}

      <h2 className={styles.heading}>Tests of change</h2>
      <p className={styles.note}>Shown on every run chart as a labelled date, e.g. when a new meeting was introduced.</p>
      {changes.length > 0 && (
        <ul className={own.changes} aria-label="Tests of change">
          {changes.map((c, i) => (
            <li key={`${c.date}-${i}`} className={own.change}>
              <span>
                {ukDate(c.date)}: {c.label}
              </span>
              <Button size="small" aria-label={`Remove test of change ${c.label}`} disabled={task.busy} onClick={() => edit({ ...file, changes: changes.filter((_, j) => j !== i) })}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className={own.changeRow}>
        <DateField label="Date" value={changeDate} onValue={setChangeDate} />
        <Field label="What changed" className={own.shrink}>
          <Input className={own.shrink} value={changeLabel} onChange={(_, d) => setChangeLabel(d.value)} onKeyDown={(e) => e.key === 'Enter' && addChange()} />
        </Field>
        <Button className={own.addButton} aria-label="Add test of change" disabled={!isIsoDate(changeDate) || !changeLabel.trim()} onClick={addChange}>
          Add
        </Button>
      </div>

      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={!dirty || task.busy}
          onClick={() =>
            void task.run('Saving the aims in the workbook…', async () => {
              if (await save()) setDone('Aims saved in the workbook. The next report uses them.');
            })
          }
        >
          Save aims
        </Button>
        <Button
          disabled={task.busy}
          onClick={() => {
            edit({ aims: presets.map((p) => ({ ...p })), changes });
            setGeneration((g) => g + 1);
          }}
        >
          Start again from the presets
        </Button>
      </div>

      {results && results.stages.length > 0 && (
        <>
          <h2 className={styles.heading}>Children between milestones</h2>
          <dl className={own.stages} aria-label="Children between milestones">
            {results.stages.map((s) => (
              <React.Fragment key={String(s.stage)}>
                <dt>{s.label}</dt>
                <dd className={own.stageCount}>{s.count}</dd>
              </React.Fragment>
            ))}
          </dl>
        </>
      )}
    </div>
  );
}
