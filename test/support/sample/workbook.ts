/**
 * Writing the sample workbook: the tracker sheet (title rows, headers in
 * either wording and column order, dates as real dates or text as planted,
 * optionally an Excel table or the 1904 date system) and its notes.
 */
import ExcelJS from 'exceljs';
import { cellAddress } from '../../../src/core/grid';
import { COLUMNS, DATE_FMT, dayToDate, dayToUkText, EXTRA_COLUMNS, isoToDay, SAMPLE_AS_OF, SAMPLE_SHEET, SAMPLE_TABLE, seededRandom, type PlantedError, type SampleCell, type SampleColumnKey, type SampleOptions, type SampleResult } from './model';
import { generateChildren } from './journeys';


function orderColumns(options: SampleOptions): SampleColumnKey[] {
  const base = [...COLUMNS, ...(options.extraLocalColumns ? EXTRA_COLUMNS : [])].map((c) => c.key);
  const order = options.columnOrder ?? 'standard';
  if (Array.isArray(order)) return order;
  if (order === 'reversed') return [...base].reverse();
  if (order === 'shuffled') {
    const rng = seededRandom((options.seed ?? 20240331) ^ 0x5eed);
    const keys = [...base];
    for (let k = keys.length - 1; k > 0; k--) {
      const s = Math.floor(rng() * (k + 1));
      [keys[k], keys[s]] = [keys[s], keys[k]];
    }
    return keys;
  }
  return base;
}

function cellValue(cell: SampleCell | undefined): ExcelJS.CellValue {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'string') return cell;
  if ('day' in cell) return dayToDate(cell.day);
  if ('serial' in cell) return cell.serial;
  if ('number' in cell) return cell.number;
  return { error: cell.error } as ExcelJS.CellErrorValue;
}

function isDateFormatted(cell: SampleCell | undefined): boolean {
  return !!cell && typeof cell === 'object' && ('day' in cell || 'serial' in cell);
}

/** Builds the sample workbook (in memory) and says where everything is. */
export function buildSampleWorkbook(options: SampleOptions = {}): SampleResult {
  const asOf = options.asOf ?? SAMPLE_AS_OF;
  const sheetName = options.sheetName ?? SAMPLE_SHEET;
  const above = options.rowsAboveHeader ?? 2;
  const headerRow = above + 1;
  const firstDataRow = headerRow + 1;
  const keys = orderColumns(options);
  const defs = new Map([...COLUMNS, ...EXTRA_COLUMNS].map((c) => [c.key, c]));
  const alt = options.wording === 'alternative';
  const headers: Partial<Record<SampleColumnKey, string>> = {};
  const letters: Partial<Record<SampleColumnKey, string>> = {};
  keys.forEach((k, idx) => {
    const def = defs.get(k);
    if (!def) throw new Error(`Unknown sample column ${k}`);
    headers[k] = alt ? def.altHeader : def.header;
    letters[k] = cellAddress(1, idx + 1).replace(/\d+$/, '');
  });

  const { children, planted } = generateChildren(options);
  const lastDataRow = firstDataRow + children.length - 1;

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'PACE Permanence Tracker sample generator';
  workbook.created = new Date(Date.UTC(2024, 3, 1));
  workbook.modified = workbook.created;
  if (options.date1904) workbook.properties.date1904 = true;
  const ws = workbook.addWorksheet(sheetName, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: headerRow }],
  });
  if (above >= 1) {
    const title = ws.getCell(1, 1);
    title.value = `PACE permanence tracker – Synthetic data – fictional children – as at ${dayToUkText(isoToDay(asOf))}`;
    title.font = { bold: true, size: 14 };
  }
  keys.forEach((k, idx) => {
    ws.getColumn(idx + 1).width = defs.get(k)?.width ?? 12;
  });

  const rows = children.map((c) => keys.map((k) => cellValue(c.cells[k])));
  if (options.asTable) {
    ws.addTable({
      name: SAMPLE_TABLE,
      ref: cellAddress(headerRow, 1),
      headerRow: true,
      style: { theme: 'TableStyleLight9', showRowStripes: true },
      columns: keys.map((k) => ({ name: headers[k] as string, filterButton: true })),
      rows,
    });
  } else {
    const header = ws.getRow(headerRow);
    keys.forEach((k, idx) => {
      const cell = header.getCell(idx + 1);
      cell.value = headers[k] as string;
      cell.font = { bold: true };
      cell.alignment = { wrapText: true, vertical: 'top' };
    });
    rows.forEach((values, r) => {
      const row = ws.getRow(firstDataRow + r);
      values.forEach((v, cIdx) => {
        if (v !== null) row.getCell(cIdx + 1).value = v;
      });
    });
  }
  // Date formats per cell: text typed into a date column keeps General, as it would in Excel.
  children.forEach((c, r) => {
    keys.forEach((k, cIdx) => {
      if (isDateFormatted(c.cells[k])) ws.getCell(firstDataRow + r, cIdx + 1).numFmt = DATE_FMT;
    });
  });

  if (options.notesSheet !== false) {
    const notes = workbook.addWorksheet('Notes');
    notes.getColumn(1).width = 110;
    const lines = [
      'Synthetic data – fictional children',
      `As-of date for this sample: ${dayToUkText(isoToDay(asOf))} (${asOf}).`,
      `Every child on the "${sheetName}" sheet is made up by a seeded generator (scripts/make-sample.js); IDs start with SYN.`,
      'Journeys start between 2019 and 2024 and cover all five routes: Fostering/Adoption, Kinship, Remaining at home, Rehabilitation home, Residential.',
      'Intervals are shorter for work started from 2022 (a simulated improvement), so run charts show a shift.',
      `A few realistic data errors are planted on purpose (${planted.length}); samples/README.md lists them with their cells.`,
      'Respite rows have "Yes" in the Respite column.',
    ];
    lines.forEach((text, idx) => {
      notes.getCell(idx + 1, 1).value = text;
    });
    notes.getCell(1, 1).font = { bold: true, size: 14 };
  }

  const plantedErrors: PlantedError[] = planted.map((p) => ({
    kind: p.kind,
    row: firstDataRow + p.index,
    field: p.field,
    header: headers[p.field] ?? p.field,
    cell: `${letters[p.field] ?? '?'}${firstDataRow + p.index}`,
    value: p.value,
    description: p.description,
  }));
  const respiteRows = children.flatMap((c, idx) => (c.cells.respite === 'Yes' ? [firstDataRow + idx] : []));
  return {
    workbook,
    sheetName,
    headerRow,
    firstDataRow,
    lastDataRow,
    columns: keys,
    headers,
    columnLetters: letters,
    children,
    plantedErrors,
    respiteRows,
    asOf,
  };
}

/** The sample as .xlsx bytes. */
export async function buildSampleBuffer(options: SampleOptions = {}): Promise<{ buffer: Buffer; sample: SampleResult }> {
  const sample = buildSampleWorkbook(options);
  const buffer = Buffer.from(await sample.workbook.xlsx.writeBuffer());
  return { buffer, sample };
}
