/**
 * The de-identified submission copy as a report plan for a NEW workbook
 * (pace-domain.md §5): a Cover sheet saying what was removed and what to do,
 * the PACE data (pseudonymous ID first, then the kept columns in the sheet's
 * order, date of birth reduced), and the check findings with IDs replaced.
 * Nothing from a dropped column and no original child ID reaches the plan.
 */
import { columnLetter, parseCellAddress, type CellValue, type SheetGrid } from '../grid';
import { FIELD_BY_ID, fieldLabel, isCanonicalField } from '../fields';
import type { ChildRecord, ColumnMapping, DayNumber, DecodedDate, Finding, SheetLayout } from '../model';
import { DATE_FORMAT, type CellBlock, type PlannedSheet, type ReportPlan } from '../report/plan';
import { decodeDateCell, isDateReading, isoFromDay, serialFromDay, todayDay, ukFromDay } from '../dates';
import { cellText, REASON_EXPLANATIONS } from './detectors';
import { columnsOf, findIdentifyingColumns, looksLikeDateColumn, type ColumnCells } from './identifying';
import { idReplacer, safeOddText, valueRemover, type Replacer } from './scrub';

export type DobMode = 'month' | 'age';

export interface SubmissionInput {
  grid: SheetGrid;
  layout: SheetLayout;
  records: ChildRecord[];
  findings: Finding[];
  /** Column letters the user confirmed to drop. */
  drop: string[];
  dob: DobMode;
  asOf: DayNumber;
  /** Date system of the workbook the plan is written into (a new exceljs workbook: false). */
  date1904: boolean;
  /** Child ID → pseudonym (formatPseudonym of the keyed hash). */
  pseudonyms: Map<string, string>;
  /** A line from the authority printed on the cover (e.g. who to contact). */
  authorityNote?: string;
  /** The day the copy is made (default: today). */
  madeOn?: DayNumber;
  /** Rows left out of the copy and why (outside the PACE population), said on the cover. */
  leftOut?: { rows: number; reason: string };
}

export const COVER_SHEET = 'Cover';
export const DATA_SHEET = 'PACE data';
export const FINDINGS_SHEET = 'Findings';
export const PSEUDONYM_HEADER = 'Pseudonymous ID';
export const BIRTH_MONTH_HEADER = 'Birth month (yyyy-mm)';

/** How one output column gets its value from a child's row. */
type OutputColumn =
  | { kind: 'copy'; header: string; column: number }
  | { kind: 'date'; header: string; column: number }
  | { kind: 'birthMonth'; header: string }
  | { kind: 'age'; header: string; field: string };

/** Whole years from birth to a day (the birthday counts on the day); null before birth. */
export function ageOn(birth: DayNumber, day: DayNumber): number | null {
  if (day < birth) return null;
  const b = isoFromDay(birth);
  const d = isoFromDay(day);
  let age = Number(d.slice(0, 4)) - Number(b.slice(0, 4));
  if (d.slice(5) < b.slice(5)) age -= 1;
  return age;
}

/** yyyy-mm of a day: the date of birth reduced to month and year. */
export function birthMonth(day: DayNumber): string {
  return isoFromDay(day).slice(0, 7);
}

function readDay(date: DecodedDate | undefined): DayNumber | null {
  return date && date.day !== null && isDateReading(date.reading) ? date.day : null;
}

/** "Age at panel", "Age at ADM decision", "Age at legal advice meeting". */
export function ageHeader(mapping: ColumnMapping): string {
  const def = FIELD_BY_ID.get(mapping.field);
  const label = def ? def.shortLabel : mapping.label ?? mapping.header ?? mapping.field;
  const lowered = /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
  return `Age at ${lowered}`;
}

function isMilestoneMapping(mapping: ColumnMapping): boolean {
  const def = FIELD_BY_ID.get(mapping.field);
  return def ? def.kind === 'milestone' : true; // a local milestone
}

function isDateMapping(mapping: ColumnMapping): boolean {
  const def = FIELD_BY_ID.get(mapping.field);
  return def ? def.kind === 'milestone' || def.kind === 'date' : true;
}

function headerOf(cells: ColumnCells, mapping: ColumnMapping | undefined): string {
  return cells.header || mapping?.header || `Column ${columnLetter(cells.column)}`;
}

/** The output columns after the pseudonym, in the sheet's order. */
export function outputColumns(input: Pick<SubmissionInput, 'grid' | 'layout' | 'drop' | 'dob'>): OutputColumn[] {
  const { grid, layout } = input;
  const drop = new Set(input.drop.map((d) => d.toUpperCase()));
  const mapped = new Map(layout.columns.map((c) => [c.column.toUpperCase(), c]));
  const unmappedDates = new Map(layout.unmapped.map((u) => [u.column.toUpperCase(), u.looksLikeDates]));
  const milestones = layout.columns.filter(isMilestoneMapping);
  const out: OutputColumn[] = [];
  for (const cells of columnsOf(grid, layout)) {
    const letter = columnLetter(cells.column);
    if (drop.has(letter)) continue;
    const mapping = mapped.get(letter);
    if (mapping?.field === 'childId') continue; // replaced by the pseudonym, first
    if (!mapping && cells.header === '' && cells.values.length === 0) continue;
    const header = headerOf(cells, mapping);
    if (mapping?.field === 'dateOfBirth') {
      if (input.dob === 'month') out.push({ kind: 'birthMonth', header: BIRTH_MONTH_HEADER });
      else for (const m of milestones) if (!drop.has(m.column.toUpperCase())) out.push({ kind: 'age', header: ageHeader(m), field: m.field });
      continue;
    }
    const isDates = mapping ? isDateMapping(mapping) : unmappedDates.get(letter) ?? looksLikeDateColumn(cells, layout.date1904);
    out.push({ kind: isDates ? 'date' : 'copy', header, column: cells.column });
  }
  return out;
}

function gridCell(grid: SheetGrid, row: number, column: number): { value: CellValue; format: string | null } {
  const r = row - grid.firstRow;
  const c = column - grid.firstColumn;
  return { value: grid.values[r]?.[c] ?? null, format: grid.numberFormats?.[r]?.[c] ?? null };
}

/** A date cell for the new workbook: a serial when it reads as a date, else its text made safe. */
function dateValue(decoded: DecodedDate, date1904: boolean): CellValue {
  if (decoded.reading === 'blank') return null;
  const day = readDay(decoded);
  if (day !== null) return serialFromDay(day, date1904);
  if (decoded.reading === 'placeholder' && decoded.day !== null && typeof decoded.raw === 'number') return ukFromDay(decoded.day);
  if (typeof decoded.raw === 'string') return safeOddText(decoded.raw);
  return decoded.raw === null ? null : String(decoded.raw);
}

function childValue(col: OutputColumn, record: ChildRecord, input: SubmissionInput, sourceDate1904: boolean): CellValue {
  const dob = readDay(record.dates.dateOfBirth);
  switch (col.kind) {
    case 'birthMonth':
      return dob === null ? null : birthMonth(dob);
    case 'age': {
      const day = readDay(record.dates[col.field]);
      return dob === null || day === null ? null : ageOn(dob, day);
    }
    case 'date': {
      const { value, format } = gridCell(input.grid, record.row, col.column);
      return dateValue(decodeDateCell(value, format, sourceDate1904), input.date1904);
    }
    case 'copy': {
      const { value } = gridCell(input.grid, record.row, col.column);
      if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
      return value;
    }
  }
}

function textOnly(replace: Replacer, value: CellValue): CellValue {
  return typeof value === 'string' ? replace(value) : value;
}

/** The PACE data sheet: header row, then one row per child. */
function dataSheet(input: SubmissionInput, columns: OutputColumn[], replaceIds: Replacer): PlannedSheet {
  const header: CellValue[] = [PSEUDONYM_HEADER, ...columns.map((c) => c.header)];
  const rows: CellValue[][] = input.records.map((record) => {
    const id = record.childId?.trim();
    const key = id ? input.pseudonyms.get(id) ?? null : null;
    return [key, ...columns.map((c) => textOnly(replaceIds, childValue(c, record, input, input.layout.date1904)))];
  });
  const formats = [null, ...columns.map((c) => (c.kind === 'date' ? DATE_FORMAT : c.kind === 'age' ? '0' : null))];
  const blocks: CellBlock[] = [{ at: 'A1', values: [header.map((h) => textOnly(replaceIds, h))], style: 'label' }];
  if (rows.length > 0) blocks.push({ at: 'A2', values: rows, columnFormats: formats });
  return {
    name: DATA_SHEET,
    role: 'summary',
    blocks,
    tables: [],
    links: [],
    charts: [],
    columnWidths: header.map((h, i) => (i === 0 ? 16 : Math.min(40, Math.max(12, String(h).length + 2)))),
    freezeRows: 1,
  };
}

/** True when a finding is about a dropped column (its field's column or the cell it blames). */
function aboutDroppedColumn(finding: Finding, layout: SheetLayout, drop: ReadonlySet<string>): boolean {
  const cells = [finding.cell, ...(finding.cells ?? [])];
  if (cells.some((c) => {
    const parsed = parseCellAddress(c);
    return parsed !== null && drop.has(columnLetter(parsed.column));
  })) return true;
  if (finding.field === null) return false;
  const mapping = layout.columns.find((c) => c.field === finding.field);
  return mapping !== undefined && drop.has(mapping.column.toUpperCase());
}

/**
 * Replaces the finding's own child's full date of birth in its message with
 * what the copy keeps of it (month and year, or nothing). Only that child's:
 * another date in the message that happens to be someone's birthday stays.
 */
export function dobScrubber(records: readonly ChildRecord[], mode: DobMode): (message: string, row: number) => string {
  const byRow = new Map<number, DayNumber>();
  for (const r of records) {
    const day = readDay(r.dates.dateOfBirth);
    if (day !== null) byRow.set(r.row, day);
  }
  return (message, row) => {
    const day = byRow.get(row);
    if (day === undefined) return message;
    const iso = isoFromDay(day);
    const uk = ukFromDay(day);
    const ukKept = mode === 'month' ? `--/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : 'withheld';
    const isoKept = mode === 'month' ? iso.slice(0, 7) : 'withheld';
    return message.split(uk).join(ukKept).split(iso).join(isoKept);
  };
}

function findingsSheet(input: SubmissionInput, kept: Finding[], replace: (finding: Finding) => string): PlannedSheet {
  const header: CellValue[] = ['Rule', 'Severity', 'Field', PSEUDONYM_HEADER, 'Cell on the original sheet', 'Message'];
  const rows: CellValue[][] = kept.map((f) => {
    const id = f.childId?.trim();
    return [
      f.rule,
      f.severity,
      f.field === null ? '' : fieldLabel(f.field, localLabels(input.layout)),
      id ? input.pseudonyms.get(id) ?? '' : '',
      f.cell,
      replace(f),
    ];
  });
  const blocks: CellBlock[] = [{ at: 'A1', values: [header], style: 'label' }];
  if (rows.length > 0) blocks.push({ at: 'A2', values: rows, wrap: true });
  return {
    name: FINDINGS_SHEET,
    role: 'issues',
    blocks,
    tables: [],
    links: [],
    charts: [],
    columnWidths: [26, 10, 24, 16, 14, 90],
    freezeRows: 1,
  };
}

function localLabels(layout: SheetLayout): Map<string, string> {
  return new Map(layout.columns.filter((c) => !isCanonicalField(c.field)).map((c) => [c.field, c.label ?? c.header]));
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function coverSheet(input: SubmissionInput, columns: OutputColumn[], findingsKept: number, findingsLeftOut: number, replace: Replacer): PlannedSheet {
  const { layout } = input;
  const madeOn = input.madeOn ?? todayDay();
  const drop = new Set(input.drop.map((d) => d.toUpperCase()));
  const reasons = new Map(findIdentifyingColumns(input.grid, layout).map((c) => [c.column, c]));
  const headers = new Map(columnsOf(input.grid, layout).map((c) => [columnLetter(c.column), c.header]));
  const dobMapping = layout.columns.find((c) => c.field === 'dateOfBirth');
  const dobKept = dobMapping !== undefined && !drop.has(dobMapping.column.toUpperCase());
  const ageColumns = columns.filter((c) => c.kind === 'age').length;
  const dobText = !dobKept
    ? 'No date of birth column is included.'
    : input.dob === 'month'
      ? `Reduced to month and year only (yyyy-mm), in the column '${BIRTH_MONTH_HEADER}'.`
      : `Removed. Instead, age in whole years at each milestone (${plural(ageColumns, 'column', 'columns')} 'Age at …').`;
  const droppedRows: CellValue[][] = [...drop]
    .sort((a, b) => a.length - b.length || a.localeCompare(b))
    .map((letter) => {
      const found = reasons.get(letter);
      const why = found ? `It ${REASON_EXPLANATIONS[found.reason]} (found from its ${found.detectedBy === 'header' ? 'heading' : 'contents'}).` : 'You chose to leave it out.';
      const mapping = layout.columns.find((c) => c.column.toUpperCase() === letter);
      const heading = headers.get(letter) || mapping?.header || '(no heading)';
      return [letter, heading, why];
    });
  const idMapping = layout.columns.find((c) => c.field === 'childId');
  const blocks: CellBlock[] = [
    { at: 'A1', values: [['PACE submission copy (de-identified)']], style: 'title' },
    {
      at: 'A2',
      values: [[`Made on ${ukFromDay(madeOn)} from the sheet '${layout.sheet}', with data as of ${ukFromDay(input.asOf)}. Nothing in it names or locates a child, carer or worker.`]],
      style: 'subtitle',
    },
    {
      at: 'A4',
      values: [
        ['Children', input.records.length],
        ...(input.leftOut && input.leftOut.rows > 0
          ? [['Rows left out', `${plural(input.leftOut.rows, 'row', 'rows')} outside the PACE population: ${input.leftOut.reason}.`]]
          : []),
        ['Columns kept', columns.length + 1],
        ['Columns dropped', drop.size],
        ['Date of birth', dobText],
        ...(idMapping
          ? [
              ['Child IDs', `Replaced by a pseudonymous ID (column '${PSEUDONYM_HEADER}'), made with a secret key that stays with your authority and is not in this file.`],
              ['', "The same key gives the same ID every month, so next month's copy matches; without the key the IDs cannot be turned back into real ones."],
            ]
          : [['Child IDs', 'No child ID column was found, so there is no pseudonymous ID.']]),
        ['Findings', `${plural(findingsKept, 'finding', 'findings')} from the checks are on the '${FINDINGS_SHEET}' sheet, with child IDs replaced. Cell addresses refer to your original sheet.`],
        ...(findingsLeftOut > 0 ? [['', `${plural(findingsLeftOut, 'finding was', 'findings were')} about dropped columns and left out.`]] : []),
      ],
      columnFormats: [null, null],
      style: 'normal',
    },
  ];
  let row = 4 + blocks[2].values.length + 1;
  blocks.push({ at: `A${row}`, values: [['Columns dropped']], style: 'heading' });
  row += 1;
  if (droppedRows.length > 0) {
    blocks.push({ at: `A${row}`, values: [['Column', 'Heading', 'Why']], style: 'label' });
    blocks.push({ at: `A${row + 1}`, values: droppedRows });
    row += droppedRows.length + 2;
  } else {
    blocks.push({ at: `A${row}`, values: [['None: every column of the sheet is in the copy.']], style: 'note' });
    row += 2;
  }
  blocks.push({ at: `A${row}`, values: [['Before you send it']], style: 'heading' });
  const steps = [
    `1. Look through every column on the '${DATA_SHEET}' sheet and the messages on the '${FINDINGS_SHEET}' sheet. Nothing should name or locate a child, a carer or a worker. If something should not be there, delete it in this copy before sending.`,
    '2. Keep the key file (or, in the add-in, the workbook holding the key) safe and do not send it. Use the same key every month so the same child keeps the same pseudonymous ID.',
    '3. Send this file only by the route agreed in your data sharing agreement.',
  ];
  // Long lines are not wrapped: they run on across the empty cells to their right, one line each.
  blocks.push({ at: `A${row + 1}`, values: steps.map((s) => [s]), style: 'normal' });
  row += steps.length + 2;
  if (input.authorityNote && input.authorityNote.trim() !== '') {
    blocks.push({ at: `A${row}`, values: [['Note from the authority'], [input.authorityNote.trim()]], style: 'note' });
  }
  for (const block of blocks) block.values = block.values.map((r) => r.map((v) => textOnly(replace, v)));
  return {
    name: COVER_SHEET,
    role: 'summary',
    blocks,
    tables: [],
    links: [],
    charts: [],
    columnWidths: [18, 34, 80],
    freezeRows: 0,
  };
}

/** Every filled value of the dropped columns, as text: none of it may appear in the copy. */
export function droppedValues(grid: SheetGrid, layout: SheetLayout, drop: readonly string[]): string[] {
  const set = new Set(drop.map((d) => d.toUpperCase()));
  const out: string[] = [];
  for (const cells of columnsOf(grid, layout)) {
    if (!set.has(columnLetter(cells.column))) continue;
    for (const v of cells.values) {
      const t = cellText(v);
      if (t !== '') out.push(t);
    }
  }
  return out;
}

/** Text in kept date columns that the copy replaces (names, phone numbers typed into a date cell): messages must not quote it either. */
export function replacedOddTexts(input: Pick<SubmissionInput, 'grid' | 'layout' | 'records'>, columns: OutputColumn[]): string[] {
  const out: string[] = [];
  for (const col of columns) {
    if (col.kind !== 'date') continue;
    for (const record of input.records) {
      const { value } = gridCell(input.grid, record.row, col.column);
      if (typeof value !== 'string' || value.trim() === '') continue;
      if (safeOddText(value) !== value.trim()) out.push(value.trim());
    }
  }
  return out;
}

/** The submission copy's plan: Cover, PACE data and Findings sheets for a new workbook. */
export function planSubmission(input: SubmissionInput): ReportPlan {
  const drop = new Set(input.drop.map((d) => d.toUpperCase()));
  const columns = outputColumns(input);
  const replaceIds = idReplacer(input.pseudonyms);
  const removeDropped = valueRemover([...droppedValues(input.grid, input.layout, input.drop), ...replacedOddTexts(input, columns)]);
  const scrubDob = dobScrubber(input.records, input.dob);
  const clean = (f: Finding): string => replaceIds(removeDropped(scrubDob(f.message, f.row)));
  const kept = input.findings.filter((f) => !aboutDroppedColumn(f, input.layout, drop));
  return {
    asOf: isoFromDay(input.asOf),
    sheets: [
      coverSheet(input, columns, kept.length, input.findings.length - kept.length, replaceIds),
      dataSheet(input, columns, replaceIds),
      findingsSheet(input, kept, clean),
    ],
  };
}
