/**
 * Editor for one aim: what interval, for which children, from when, and how
 * its run chart is read (baseline, re-phasing, rules). Shows the effective
 * defaults of pace-domain.md for anything the aim leaves out.
 */
import * as React from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Dropdown,
  Field,
  Input,
  Option,
  Radio,
  RadioGroup,
  Switch,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { AimDefinitionInput, AimFilters, TestOfChange } from '../core/model';
import type { FieldChoice } from '../core/usecases/types';
import { DateField } from './DateField';
import { useStepStyles } from './parts';
import { listText, parseList, parseNumber, ukDate } from './view';

const DEFAULT_BASELINE_POINTS = 12;
const DEFAULT_REPHASE_RUN = 9;

const useStyles = makeStyles({
  editor: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  // Two fields side by side when there is room, one above the other in a narrow pane.
  pair: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(9.5rem, 1fr))', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  input: { minWidth: 0, width: '100%' },
  dropdown: { minWidth: 0, width: '100%' },
  fieldset: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  // The disclosure's header already says what the group is; the legend is for screen readers only.
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

export interface AimEditorProps {
  aim: AimDefinitionInput;
  milestones: FieldChoice[];
  changes: TestOfChange[];
  onChange(aim: AimDefinitionInput): void;
  onDelete(): void;
  disabled?: boolean;
}

/** A text input that keeps what the user types and reports the parsed value. */
function TextBox(props: { label: string; value: string; onValue(text: string): void; hint?: string; disabled?: boolean }) {
  const own = useStyles();
  return (
    <Field label={props.label} hint={props.hint}>
      <Input className={own.input} value={props.value} disabled={props.disabled} onChange={(_, d) => props.onValue(d.value)} />
    </Field>
  );
}

/**
 * A number input that lets the user pass through blank or partial text while
 * typing, and reports only numbers (or null when blank is allowed).
 */
function NumberBox(props: { label: string; value: number | null; onValue(n: number | null): void; allowBlank?: boolean; hint?: string; disabled?: boolean; min?: number; max?: number }) {
  const [text, setText] = React.useState(props.value === null ? '' : String(props.value));
  React.useEffect(() => {
    if (parseNumber(text) !== props.value) setText(props.value === null ? '' : String(props.value));
    // Only an outside change of the value resets the text.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.value]);
  const own = useStyles();
  const n = parseNumber(text);
  const ok = (n === null && (props.allowBlank || text === '')) || (n !== null && (props.min === undefined || n >= props.min) && (props.max === undefined || n <= props.max));
  return (
    <Field label={props.label} hint={props.hint} validationState={ok ? 'none' : 'error'} validationMessage={ok ? undefined : `Enter a number${props.min !== undefined ? ` from ${props.min}` : ''}${props.max !== undefined ? ` to ${props.max}` : ''}.`}>
      <Input
        className={own.input}
        type="number"
        value={text}
        min={props.min}
        max={props.max}
        disabled={props.disabled}
        onChange={(_, d) => {
          setText(d.value);
          const v = parseNumber(d.value);
          const inRange = v !== null && (props.min === undefined || v >= props.min) && (props.max === undefined || v <= props.max);
          if (inRange || (v === null && props.allowBlank && d.value.trim() === '')) props.onValue(v);
        }}
      />
    </Field>
  );
}

function MilestonePicker(props: { label: string; value: string; choices: FieldChoice[]; onValue(id: string): void; disabled?: boolean }) {
  const own = useStyles();
  const label = props.choices.find((c) => c.id === props.value)?.label ?? props.value;
  return (
    <Field label={props.label}>
      <Dropdown className={own.dropdown} value={label} selectedOptions={[props.value]} disabled={props.disabled} onOptionSelect={(_, d) => d.optionValue && props.onValue(d.optionValue)}>
        {props.choices.map((c) => (
          <Option key={c.id} value={c.id}>
            {c.label}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

export function AimEditor({ aim, milestones, changes, onChange, onDelete, disabled }: AimEditorProps): JSX.Element {
  const styles = useStepStyles();
  const own = useStyles();
  const set = (patch: Partial<AimDefinitionInput>) => onChange({ ...aim, ...patch });
  const setFilters = (patch: Partial<AimFilters>) => {
    const filters: AimFilters = { ...(aim.filters ?? {}), ...patch };
    for (const key of Object.keys(filters) as (keyof AimFilters)[]) if (filters[key] === undefined) delete filters[key];
    set({ filters });
  };
  const setAge = (bound: 'min' | 'max', n: number | null) => {
    const age = { ...(aim.filters?.ageAtStart ?? {}) };
    if (n === null) delete age[bound];
    else age[bound] = n;
    setFilters({ ageAtStart: age.min === undefined && age.max === undefined ? undefined : age });
  };

  // Comma-separated lists are kept as typed while editing, parsed on every change.
  const [lists, setLists] = React.useState({
    route: listText(aim.filters?.route),
    team: listText(aim.filters?.team),
    placementType: listText(aim.filters?.placementType),
  });
  const setList = (key: 'route' | 'team' | 'placementType', text: string) => {
    setLists({ ...lists, [key]: text });
    setFilters({ [key]: parseList(text) });
  };

  const hasFilters = Object.keys(aim.filters ?? {}).length > 0 || aim.excludeRespite === false;
  const baseline = aim.baseline ?? { points: DEFAULT_BASELINE_POINTS };
  const baselineKind = 'before' in baseline ? 'before' : 'points';
  const rephase = aim.rephaseRun === undefined ? DEFAULT_REPHASE_RUN : aim.rephaseRun;
  const rephaseOn = rephase !== null && rephase > 0;

  return (
    <div className={own.editor}>
      <TextBox label="Name" value={aim.name ?? ''} disabled={disabled} onValue={(v) => set({ name: v })} />
      <div className={own.pair}>
        <MilestonePicker label="From milestone" value={String(aim.start)} choices={milestones} disabled={disabled} onValue={(v) => set({ start: v })} />
        <MilestonePicker label="To milestone" value={String(aim.end)} choices={milestones} disabled={disabled} onValue={(v) => set({ end: v })} />
      </div>
      <div className={own.pair}>
        <NumberBox label="Target (weeks)" min={0} allowBlank value={aim.targetWeeks ?? null} disabled={disabled} hint="Blank: no target" onValue={(v) => set({ targetWeeks: v })} />
        <NumberBox label="Target (% of children)" min={0} max={100} allowBlank value={aim.targetPercent ?? null} disabled={disabled} onValue={(v) => set({ targetPercent: v })} />
      </div>
      <div className={own.pair}>
        <DateField label="Children from" value={aim.cohortFrom ?? ''} disabled={disabled} hint="From milestone on or after this date" onValue={(v) => set({ cohortFrom: v || null })} />
        <DateField label="Deadline" value={aim.deadline ?? ''} disabled={disabled} onValue={(v) => set({ deadline: v || null })} />
      </div>

      <Accordion collapsible multiple defaultOpenItems={hasFilters ? ['children'] : []}>
        <AccordionItem value="children">
          <AccordionHeader as="h4" size="small">Which children</AccordionHeader>
          <AccordionPanel>
            <fieldset className={own.fieldset}>
              <legend className={own.hidden}>Which children</legend>
              <TextBox label="Routes" value={lists.route} disabled={disabled} hint="Comma-separated, e.g. Fostering/Adoption, Kinship. Blank: all" onValue={(v) => setList('route', v)} />
              <TextBox label="Teams" value={lists.team} disabled={disabled} hint="Comma-separated. Blank: all" onValue={(v) => setList('team', v)} />
              <TextBox label="Placement types" value={lists.placementType} disabled={disabled} hint="Comma-separated. Blank: all" onValue={(v) => setList('placementType', v)} />
              <div className={own.pair}>
                <NumberBox label="Age at start from (years)" min={0} max={25} allowBlank value={aim.filters?.ageAtStart?.min ?? null} disabled={disabled} onValue={(v) => setAge('min', v)} />
                <NumberBox label="Age at start to (years)" min={0} max={25} allowBlank value={aim.filters?.ageAtStart?.max ?? null} disabled={disabled} onValue={(v) => setAge('max', v)} />
              </div>
              <Switch label="Leave out respite episodes" checked={aim.excludeRespite ?? true} disabled={disabled} onChange={(_, d) => set({ excludeRespite: d.checked })} />
            </fieldset>
          </AccordionPanel>
        </AccordionItem>

        <AccordionItem value="advanced">
          <AccordionHeader as="h4" size="small">Advanced: run chart rules</AccordionHeader>
          <AccordionPanel>
            <fieldset className={own.fieldset}>
              <legend className={own.hidden}>Run chart rules</legend>
              <Field label="Centre line (baseline median)">
                <RadioGroup
                  value={baselineKind}
                  disabled={disabled}
                  onChange={(_, d) => set({ baseline: d.value === 'before' ? { before: changes[0]?.date ?? aim.cohortFrom ?? '' } : { points: DEFAULT_BASELINE_POINTS } })}
                >
                  <Radio value="points" label="The first points" />
                  <Radio value="before" label="Every point before a date" />
                </RadioGroup>
              </Field>
              {'points' in baseline ? (
                <NumberBox label="Number of points" min={1} value={baseline.points} disabled={disabled} onValue={(v) => v !== null && set({ baseline: { points: Math.round(v) } })} />
              ) : (
                <>
                  <DateField label="Points before" value={baseline.before} disabled={disabled} onValue={(v) => v && set({ baseline: { before: v } })} />
                  {changes.length > 0 && (
                    <Field label="Or the date of a test of change">
                      <Dropdown
                        className={own.dropdown}
                        placeholder="Choose a test of change"
                        value={changes.find((c) => c.date === baseline.before)?.label ?? ''}
                        selectedOptions={[baseline.before]}
                        disabled={disabled}
                        onOptionSelect={(_, d) => d.optionValue && set({ baseline: { before: d.optionValue } })}
                      >
                        {changes.map((c) => (
                          <Option key={`${c.date}-${c.label}`} value={c.date} text={c.label}>
                            {`${ukDate(c.date)}: ${c.label}`}
                          </Option>
                        ))}
                      </Dropdown>
                    </Field>
                  )}
                </>
              )}
              <Switch label="New centre line after a sustained shift" checked={rephaseOn} disabled={disabled} onChange={(_, d) => set({ rephaseRun: d.checked ? DEFAULT_REPHASE_RUN : null })} />
              {rephaseOn && (
                <NumberBox label="Points in a row that make a shift" min={2} value={rephase} disabled={disabled} onValue={(v) => v !== null && set({ rephaseRun: Math.round(v) })} />
              )}
              <Field label="Rules for signals">
                <RadioGroup value={aim.rules ?? 'ihi'} disabled={disabled} onChange={(_, d) => set({ rules: d.value === 'anhoej' ? 'anhoej' : 'ihi' })}>
                  <Radio value="ihi" label="NHS Scotland / IHI (shift, trend, runs)" />
                  <Radio value="anhoej" label="Anhøj (longest run, crossings)" />
                </RadioGroup>
              </Field>
            </fieldset>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
      <div className={styles.row}>
        <Button disabled={disabled} onClick={onDelete}>
          Delete this aim
        </Button>
      </div>
    </div>
  );
}
