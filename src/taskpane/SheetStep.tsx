/**
 * Step 1, "Sheet": which sheet and header row were found, how many children,
 * and the column mapping (each heading → what it is used as), which the user
 * can correct and save in the workbook.
 */
import * as React from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  OptionGroup,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
  useId,
} from '@fluentui/react-components';
import type { SheetSummary } from '../core/port';
import type { FieldChoice, PaceSessionApi, Problem, SheetState } from '../core/usecases/types';
import { Busy, Done, ProblemBar, useStepStyles } from './parts';
import { useTask } from './useTask';
import { DateOrderQuestions } from './Figures';
import { children, chooseField, localMilestoneId, mappingFromRows, MappingRow, mappingVerdict, needsChecking, rowsFromLayout } from './view';

const NOT_USED = '__notUsed';
const NEW_LOCAL = '__newLocal';

/** Below this width the heading sits above its drop-down instead of beside it. */
const NARROW = '@media (max-width: 380px)';

const useStyles = makeStyles({
  table: { tableLayout: 'fixed', width: '100%' },
  headerCol: { width: '42%' },
  headRow: { [NARROW]: { display: 'none' } },
  row: { [NARROW]: { display: 'flex', flexDirection: 'column', alignItems: 'stretch', height: 'auto', paddingBottom: tokens.spacingVerticalS } },
  cell: {
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    verticalAlign: 'top',
    [NARROW]: { display: 'block', width: '100%', height: 'auto', boxSizing: 'border-box' },
  },
  headerText: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, overflowWrap: 'anywhere', paddingTop: tokens.spacingVerticalXS },
  column: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  dropdown: { minWidth: 0, width: '100%' },
  facts: { margin: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere' },
});

export interface SheetStepProps {
  session: PaceSessionApi;
  state: SheetState | null;
  onState(state: SheetState | null): void;
  /** Takes the user on to the Check step. */
  onNext(): void;
}

/** The sheets a user would pick from: not the add-in's own, not empty. */
function pickable(sheets: readonly SheetSummary[]): SheetSummary[] {
  return sheets.filter((s) => !s.ownedByAddIn && s.rowCount > 0);
}

function groupChoices(choices: readonly FieldChoice[]): { label: string; choices: FieldChoice[] }[] {
  const groups = [
    { label: 'Milestones', kinds: ['milestone'] },
    { label: 'Local milestones', kinds: ['local'] },
    { label: 'Other dates', kinds: ['date'] },
    { label: 'Details', kinds: ['text', 'flag'] },
  ];
  return groups.map((g) => ({ label: g.label, choices: choices.filter((c) => g.kinds.includes(c.kind)) })).filter((g) => g.choices.length > 0);
}

export function SheetStep({ session, state, onState, onNext }: SheetStepProps): JSX.Element {
  const styles = useStepStyles();
  const own = useStyles();
  const task = useTask();
  const { run } = task;
  const [problem, setProblem] = React.useState<Problem | null>(null);
  const [rows, setRows] = React.useState<MappingRow[]>([]);
  const [dirty, setDirty] = React.useState(false);
  const [done, setDone] = React.useState('');
  const [knownSheets, setKnownSheets] = React.useState<SheetSummary[]>([]);
  const [naming, setNaming] = React.useState<string | null>(null); // column asking for a local milestone name
  const [localName, setLocalName] = React.useState('');
  const sheetPickerId = useId('sheet-picker');
  const headerCellId = useId('mapping-header');
  const [reviewOpen, setReviewOpen] = React.useState(false);
  // The columns shown open, fixed when the sheet is read: a column the user corrects stays where it is.
  const [openColumns, setOpenColumns] = React.useState<ReadonlySet<string>>(new Set());

  const apply = React.useCallback(
    (outcome: { ok: true; value: SheetState } | { ok: false; problem: Problem }, doneText: string, opening: boolean) => {
      if (outcome.ok) {
        setKnownSheets(outcome.value.sheets);
        setProblem(null);
        const read = rowsFromLayout(outcome.value.layout);
        setRows(read);
        setOpenColumns(new Set(mappingVerdict(read).unsure.map((r) => r.column)));
        setDirty(false);
        setDone(doneText);
        onState(outcome.value);
      } else {
        setProblem(outcome.problem);
        setDone('');
        if (outcome.problem.sheets) setKnownSheets(outcome.problem.sheets);
        // A failed save or reset leaves the sheet as it was; a failed open means no sheet.
        if (opening) onState(null);
      }
    },
    [onState],
  );

  const open = React.useCallback(
    (sheet?: string) => run('Opening the workbook…', async (progress) => apply(await session.open(sheet, progress), '', true)),
    [run, session, apply],
  );

  React.useEffect(() => {
    void open();
    // Open once, when the pane starts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const choices = React.useMemo(() => {
    const fromSession = session.fieldChoices();
    const known = new Set(fromSession.map((c) => c.id));
    // Local milestones named in this pane but not saved yet.
    const added: FieldChoice[] = rows.filter((r) => r.label && r.field && !known.has(r.field)).map((r) => ({ id: r.field as string, label: r.label as string, kind: 'local' }));
    return [...fromSession, ...added];
    // fieldChoices() changes whenever the session reads the sheet again (a new state).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session, rows, state]);
  const labelOf = (id: string | null) => (id === null ? 'Not used' : choices.find((c) => c.id === id)?.label ?? id);

  const onChoose = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    if (value === NEW_LOCAL) {
      setNaming(column);
      setLocalName(rows.find((r) => r.column === column)?.header ?? '');
      return;
    }
    setNaming(null);
    const label = choices.find((c) => c.id === value && c.kind === 'local')?.label;
    setRows(chooseField(rows, column, value === NOT_USED ? null : value, label));
    setDirty(true);
    setDone('');
  };

  const addLocal = () => {
    if (!naming || !localName.trim()) return;
    const id = localMilestoneId(localName, [...choices.map((c) => c.id), ...rows.map((r) => r.field ?? '')]);
    setRows(chooseField(rows, naming, id, localName.trim()));
    setNaming(null);
    setLocalName('');
    setDirty(true);
  };

  const sheets = pickable(knownSheets);
  const verdict = mappingVerdict(rows);

  /** The mapping table for some of the columns: heading → what it is used as. */
  const mappingTable = (shown: MappingRow[], label: string) => (
    <Table className={own.table} size="small" aria-label={label}>
      <TableHeader>
        <TableRow className={own.headRow}>
          <TableHeaderCell className={own.headerCol}>Heading on your sheet</TableHeaderCell>
          <TableHeaderCell>Used as</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {shown.map((r) => {
          const labelId = `${headerCellId}-${r.column}`;
          return (
            <TableRow key={r.column} data-column={r.column} className={own.row}>
              <TableCell className={own.cell}>
                <div className={own.headerText} id={labelId}>
                  <span>{r.header || '(no heading)'}</span>
                  <span className={own.column}>Column {r.column}</span>
                  {needsChecking(r) && (
                    <Badge appearance="tint" color="warning" size="small">
                      check this
                    </Badge>
                  )}
                </div>
              </TableCell>
              <TableCell className={own.cell}>
                <Dropdown
                  className={own.dropdown}
                  aria-labelledby={labelId}
                  value={labelOf(r.field)}
                  selectedOptions={[r.field ?? NOT_USED]}
                  disabled={task.busy}
                  onOptionSelect={(_, data) => onChoose(r.column, data.optionValue)}
                >
                  <Option value={NOT_USED}>Not used</Option>
                  {groupChoices(choices).map((g) => (
                    <OptionGroup key={g.label} label={g.label}>
                      {g.choices.map((c) => (
                        <Option key={c.id} value={c.id}>
                          {c.label}
                        </Option>
                      ))}
                    </OptionGroup>
                  ))}
                  <Option value={NEW_LOCAL}>Local milestone…</Option>
                </Dropdown>
                {naming === r.column && (
                  <div className={styles.row}>
                    <Field label="Name of the local milestone" className={styles.grow}>
                      <Input
                        value={localName}
                        autoFocus
                        onChange={(_, d) => setLocalName(d.value)}
                        onKeyDown={(e) => {
                          if (e.key === 'Enter') addLocal();
                          if (e.key === 'Escape') setNaming(null);
                        }}
                      />
                    </Field>
                    <Button appearance="primary" disabled={!localName.trim()} onClick={addLocal}>
                      Add
                    </Button>
                    <Button onClick={() => setNaming(null)}>Cancel</Button>
                  </div>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );

  return (
    <div className={styles.step}>
      <Busy busy={task.busy} progress={task.progress} step={task.step} />
      {problem && <ProblemBar problem={problem} />}

      {sheets.length > 0 && (
        <Field label="Sheet with the children's data" hint={state ? undefined : 'Choose the sheet that holds one row per child.'}>
          <Dropdown
            id={sheetPickerId}
            className={own.dropdown}
            value={state?.sheet ?? ''}
            placeholder="Choose a sheet"
            selectedOptions={state ? [state.sheet] : []}
            disabled={task.busy}
            onOptionSelect={(_, data) => {
              if (data.optionValue && data.optionValue !== state?.sheet) void open(data.optionValue);
            }}
          >
            {sheets.map((s) => (
              <Option key={s.name} value={s.name}>
                {s.name}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}

      {state && (
        <>
          <dl className={own.facts} aria-label="What was found">
            <dt className={own.term}>Headings in</dt>
            <dd className={own.value} data-testid="header-row">row {state.layout.headerRow}</dd>
            <dt className={own.term}>Children</dt>
            <dd className={own.value} data-testid="child-count">{children(state.childCount)}</dd>
            <dt className={own.term}>Data rows</dt>
            <dd className={own.value}>
              {state.layout.firstDataRow} to {Math.max(state.layout.firstDataRow, state.layout.lastDataRow)}
            </dd>
            {state.layout.table && (
              <>
                <dt className={own.term}>Excel table</dt>
                <dd className={own.value}>{state.layout.table}</dd>
              </>
            )}
          </dl>

          {state.protected && (
            <MessageBar intent="warning" layout="multiline" data-problem="protectedSheet">
              <MessageBarBody>
                <MessageBarTitle>The sheet is protected</MessageBarTitle>
                The add-in can read '{state.sheet}' and check it, but cannot mark the flagged cells. To mark them, unprotect the sheet (Review &gt; Unprotect Sheet).
              </MessageBarBody>
            </MessageBar>
          )}
          {state.sizeNote && (
            <MessageBar intent="info" layout="multiline" data-problem="sizeNote">
              <MessageBarBody>
                <MessageBarTitle>A large sheet</MessageBarTitle>
                {state.sizeNote}
              </MessageBarBody>
            </MessageBar>
          )}

          <DateOrderQuestions
            columns={state.monthFirstColumns}
            disabled={task.busy}
            onChoose={(choice) =>
              void run('Reading the dates again in the order chosen…', async () =>
                apply(await session.setDateOrder(choice), 'Date order saved in the workbook; the dates are read that way.', false),
              )
            }
          />

          <h2 className={styles.heading}>Columns</h2>
          <p className={styles.plain} data-testid="mapping-verdict">
            {verdict.line}
          </p>
          {(state.mappingSaved || !verdict.confident) && (
            <p className={styles.note}>{state.mappingSaved ? 'This is your saved mapping.' : 'Found from the headings; check the columns below and save.'}</p>
          )}
          {openColumns.size > 0 && (
            <>
              <h3 className={styles.subheading}>Please check {openColumns.size === 1 ? 'this column' : 'these columns'}</h3>
              {mappingTable(rows.filter((r) => openColumns.has(r.column)), 'Columns to check')}
            </>
          )}
          <Accordion collapsible openItems={reviewOpen ? ['review'] : []} onToggle={(_, d) => setReviewOpen(d.openItems.includes('review'))}>
            <AccordionItem value="review">
              <AccordionHeader as="h3" size="small">
                {openColumns.size > 0 ? 'Review the other columns' : 'Review columns'}
              </AccordionHeader>
              <AccordionPanel>{reviewOpen && mappingTable(rows.filter((r) => !openColumns.has(r.column)), 'Column mapping')}</AccordionPanel>
            </AccordionItem>
          </Accordion>

          <div className={styles.row}>
            {!dirty && (
              <Button appearance="primary" disabled={task.busy} onClick={onNext}>
                Check the data
              </Button>
            )}
            {dirty && (
            <Button
              appearance="primary"
              disabled={task.busy}
              onClick={() =>
                void task.run('Saving the mapping in the workbook…', async () =>
                  apply(await session.saveMapping(mappingFromRows(rows)), 'Mapping saved in the workbook and the sheet read again.', false),
                )
              }
            >
              Save mapping
            </Button>
            )}
            {(dirty || state.mappingSaved) && (
            <Button
              disabled={task.busy || (!dirty && !state.mappingSaved)}
              onClick={() => {
                if (dirty && !state.mappingSaved) {
                  // Nothing saved yet: just undo the unsaved changes.
                  setRows(rowsFromLayout(state.layout));
                  setDirty(false);
                  return;
                }
                void task.run('Finding the columns again…', async () => apply(await session.resetMapping(), 'Saved mapping removed; the columns were found again from the headings.', false));
              }}
            >
              Reset
            </Button>
            )}
          </div>
          <Done text={done} />
        </>
      )}

      {!state && !task.busy && (
        <div className={styles.row}>
          <Button onClick={() => void open()}>Try again</Button>
        </div>
      )}
    </div>
  );
}
