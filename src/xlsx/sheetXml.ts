/**
 * The worksheet and table parts of a report sheet, written straight from the
 * plan as XML text. A report sheet can hold hundreds of thousands of cells;
 * building them as exceljs cell objects and serialising those took most of
 * the report's time, so cells are laid out in plain arrays and written in one
 * pass.
 *
 * Text is written as inline strings: no shared-strings table to merge with
 * the user's, and text that looks like a formula ("=cmd") stays text.
 */
import type { CellValue } from '../core/grid';
import { columnLetter, parseCellAddress } from '../core/grid';
import type { PlannedLink, PlannedSheet, PrintSettings } from '../core/report/plan';
import { escapeXml, NS, parseRange } from './ooxml';
import type { CellGrid } from './planValues';
import { rangeRows } from './planValues';
import { LookFont, LookTable } from './reportStyles';

/** An Excel Table as it will be written: unique name, range and column names. */
export interface LaidOutTable {
  name: string;
  ref: string;
  columns: string[];
  style: string;
}

/** A report sheet's cells: final values and looks (LookTable ids), rows and columns 1-based and sparse. */
export interface SheetLayout extends CellGrid {
  /** A cell exists (and is written) where it has a look, even a plain one. */
  looks: number[][];
  tables: LaidOutTable[];
  /** Text lines the tallest wrapped cell of each row needs (absent: one line). */
  rowLines: number[];
}

/** Default row height in points (Calibri 11), and the width a character takes in a column's width units. */
const ROW_POINTS = 15;
const DEFAULT_COLUMN_WIDTH = 9;

/**
 * Lines a wrapped text needs in a column of `width` characters. Excel and
 * LibreOffice do not grow rows for wrapped text when they open a file, so the
 * writer sets the height itself (a little generous: proportional fonts vary).
 */
export function wrappedLines(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 1.1));
  let lines = 0;
  for (const paragraph of text.split('\n')) lines += Math.max(1, Math.ceil(paragraph.length / perLine));
  return lines;
}

/** Unique, non-empty table column names from a header row (Excel's own rule: repeats get 2, 3, ...). */
export function tableColumnNames(header: CellValue[]): string[] {
  const seen = new Set<string>();
  return header.map((h, i) => {
    const base = h === null || h === '' ? `Column${i + 1}` : String(h);
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base}${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/** `wanted`, or wanted_2, wanted_3, ... when the workbook already has that table name (names are case-insensitive). */
export function uniqueTableName(wanted: string, taken: Set<string>): string {
  let name = wanted;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${wanted}_${n}`;
  return name;
}

function fontOf(style: PlannedSheet['blocks'][number]['style']): LookFont | null {
  return !style || style === 'normal' ? null : style;
}

/**
 * Lays out one planned sheet: the blocks in order (a later block's value wins
 * and its font, format and wrapping replace only what it sets), then each
 * table's header row holding its column names, then link cells in link style.
 * Table names are made unique against `tableNames`, which gains them.
 */
export function layoutSheet(sheet: PlannedSheet, looks: LookTable, tableNames: Set<string>): SheetLayout {
  const values: CellValue[][] = [];
  const lookRows: number[][] = [];
  const rowLines: number[] = [];
  const put = (row: number, col: number, value: CellValue, look: (under: number | undefined) => number) => {
    const v = (values[row] ??= []);
    const l = (lookRows[row] ??= []);
    v[col] = value === '' ? null : value;
    l[col] = look(l[col]);
  };

  for (const block of sheet.blocks) {
    const at = parseCellAddress(block.at);
    if (!at) throw new Error(`Block at "${block.at}" on "${sheet.name}" is not a cell address`);
    const font = fontOf(block.style);
    const wrap = !!block.wrap;
    const width = block.values.reduce((w, r) => Math.max(w, r.length), 0);
    const formats = Array.from({ length: width }, (_, c) => block.columnFormats?.[c] || null);
    const fresh = formats.map((numFmt) => looks.id({ font, numFmt, wrap }));
    block.values.forEach((line, r) => {
      const row = at.row + r;
      const v = (values[row] ??= []);
      const l = (lookRows[row] ??= []);
      for (let c = 0; c < line.length; c++) {
        const col = at.column + c;
        const value = line[c];
        v[col] = value === '' ? null : value;
        const under = l[col];
        l[col] = under === undefined ? fresh[c] : looks.overlay(under, font, formats[c], wrap);
        if (wrap && typeof value === 'string' && value.length > 0) {
          const lines = wrappedLines(value, sheet.columnWidths[col - 1] ?? DEFAULT_COLUMN_WIDTH);
          if (lines > (rowLines[row] ?? 1)) rowLines[row] = lines;
        }
      }
    });
  }

  const grid = { values };
  const tables: LaidOutTable[] = sheet.tables.map((t) => {
    const range = parseRange(t.range);
    const columns = tableColumnNames(rangeRows(grid, t.range)[0]);
    // Excel needs each header cell to hold its column's name.
    columns.forEach((name, i) => put(range.top, range.left + i, name, (under) => under ?? 0));
    const name = uniqueTableName(t.name, tableNames);
    tableNames.add(name.toLowerCase());
    return { name, ref: t.range, columns, style: t.style };
  });

  for (const link of sheet.links) {
    const at = parseCellAddress(link.cell);
    if (!at) throw new Error(`Link cell "${link.cell}" on "${sheet.name}" is not a cell address`);
    put(at.row, at.column, link.text, (under) => looks.overlay(under ?? 0, 'link', null, false));
  }
  return { values, looks: lookRows, tables, rowLines };
}

/** The <hyperlinks> element for internal links ("'Tracker'!H17", with or without a leading #). */
export function hyperlinksXml(links: PlannedLink[]): string {
  const items = links
    .map((l) => {
      const location = l.target.replace(/^#/, '');
      const tip = l.tooltip ? ` tooltip="${escapeXml(l.tooltip)}"` : '';
      return `<hyperlink ref="${escapeXml(l.cell)}" location="${escapeXml(location)}" display="${escapeXml(l.text)}"${tip}/>`;
    })
    .join('');
  return `<hyperlinks>${items}</hyperlinks>`;
}

/** One cell's XML ('' for a plain empty cell, which need not be written). */
export function cellXml(ref: string, value: CellValue | undefined, style: number): string {
  const s = style ? ` s="${style}"` : '';
  if (typeof value === 'number') {
    // NaN and infinities have no cell form: the cell is left empty.
    if (Number.isFinite(value)) return `<c r="${ref}"${s}><v>${value}</v></c>`;
  } else if (typeof value === 'string' && value !== '') {
    const text = escapeXml(value);
    const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
    return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${text}</t></is></c>`;
  } else if (typeof value === 'boolean') {
    return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  }
  return s ? `<c r="${ref}"${s}/>` : '';
}

/** <cols>: one element per run of columns with the same width (columns without a width are left out). */
export function colsXml(widths: number[]): string {
  const cols: string[] = [];
  for (let i = 0; i < widths.length; ) {
    const w = widths[i];
    let j = i;
    while (j + 1 < widths.length && widths[j + 1] === w) j++;
    if (w > 0 && Number.isFinite(w)) cols.push(`<col min="${i + 1}" max="${j + 1}" width="${w}" customWidth="1"/>`);
    i = j + 1;
  }
  return cols.length ? `<cols>${cols.join('')}</cols>` : '';
}

function sheetViewsXml(freezeRows: number): string {
  if (!(freezeRows > 0)) return '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  const first = `A${freezeRows + 1}`;
  return (
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${freezeRows}" topLeftCell="${first}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="${first}" sqref="${first}"/></sheetView></sheetViews>`
  );
}

function tabColorXml(hex: string | undefined): string {
  const clean = (hex ?? '').replace(/^#/, '').toUpperCase();
  return /^[0-9A-F]{6}$/.test(clean) ? `<tabColor rgb="FF${clean}"/>` : '';
}

/** Excel's last column and row (0-based), the extent of a page break. */
const MAX_COLUMN = 16383;
const MAX_ROW = 1048575;

/**
 * Page set-up from the plan: A4 (paperSize 9) at 100% (no fitToPage, so
 * nothing shrinks), the planned margins, a footer with the sheet name and
 * page number, and manual page breaks. A break id is the 0-based index of
 * the row (column) the new page starts at, i.e. the 1-based row above it.
 */
export function printXml(print: PrintSettings | undefined): string {
  if (!print) {
    // A4 (the UK paper size), landscape, one page wide; fitToHeight 0: as many pages down as needed.
    return '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>';
  }
  const m = print.margins;
  const breaks = (tag: 'rowBreaks' | 'colBreaks', at: number[], max: number) => {
    const ids = [...new Set(at)].filter((n) => Number.isInteger(n) && n > 1).sort((a, b) => a - b);
    if (ids.length === 0) return '';
    return `<${tag} count="${ids.length}" manualBreakCount="${ids.length}">${ids.map((n) => `<brk id="${n - 1}" max="${max}" man="1"/>`).join('')}</${tag}>`;
  };
  return (
    `<printOptions horizontalCentered="0"/>` +
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
    `<pageSetup paperSize="9" scale="100" orientation="${print.orientation}" pageOrder="downThenOver"/>` +
    `<headerFooter><oddFooter>&amp;L&amp;A&amp;RPage &amp;P of &amp;N</oddFooter></headerFooter>` +
    breaks('rowBreaks', print.rowBreaks, MAX_COLUMN) +
    breaks('colBreaks', print.columnBreaks, MAX_ROW)
  );
}

/** The worksheet's relationships to other parts, by relationship id. */
export interface SheetParts {
  drawingRelId?: string;
  tableRelIds: string[];
}

/**
 * The whole worksheet part. `xfIds` maps a look id to its cell-format index.
 * Printing follows the plan's page set-up (printXml); a sheet without one
 * prints landscape, one page wide.
 */
export function worksheetXml(sheet: PlannedSheet, layout: SheetLayout, xfIds: number[], parts: SheetParts): string {
  const letters: string[] = [];
  const rows: string[] = [];
  let top = 0;
  let bottom = 0;
  let left = Infinity;
  let right = 0;
  for (let r = 1; r < layout.looks.length; r++) {
    const lookRow = layout.looks[r];
    if (!lookRow) continue;
    const valueRow = layout.values[r] ?? [];
    let cells = '';
    for (let c = 1; c < lookRow.length; c++) {
      const look = lookRow[c];
      if (look === undefined) continue;
      const cell = cellXml(`${(letters[c] ??= columnLetter(c))}${r}`, valueRow[c], xfIds[look]);
      if (!cell) continue;
      cells += cell;
      if (c < left) left = c;
      if (c > right) right = c;
    }
    if (!cells) continue;
    if (!top) top = r;
    bottom = r;
    const lines = layout.rowLines[r];
    const height = lines && lines > 1 ? ` ht="${lines * ROW_POINTS}" customHeight="1"` : '';
    rows.push(`<row r="${r}"${height}>${cells}</row>`);
  }
  const dimension = top ? `${columnLetter(left)}${top}:${columnLetter(right)}${bottom}` : 'A1';

  const out: string[] = [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS.main}" xmlns:r="${NS.r}">`,
    // fitToPage only without a planned set-up: a planned sheet prints at 100%.
    `<sheetPr>${tabColorXml(sheet.tabColor)}${sheet.print ? '' : '<pageSetUpPr fitToPage="1"/>'}</sheetPr>`,
    `<dimension ref="${dimension}"/>`,
    sheetViewsXml(sheet.freezeRows),
    '<sheetFormatPr defaultRowHeight="15"/>',
    colsXml(sheet.columnWidths),
    rows.length ? `<sheetData>${rows.join('')}</sheetData>` : '<sheetData/>',
  ];
  if (sheet.links.length) out.push(hyperlinksXml(sheet.links));
  out.push(printXml(sheet.print));
  if (parts.drawingRelId) out.push(`<drawing r:id="${escapeXml(parts.drawingRelId)}"/>`);
  if (parts.tableRelIds.length) {
    out.push(`<tableParts count="${parts.tableRelIds.length}">${parts.tableRelIds.map((id) => `<tablePart r:id="${escapeXml(id)}"/>`).join('')}</tableParts>`);
  }
  out.push('</worksheet>');
  return out.join('');
}

/** A table part (xl/tables/tableN.xml); `id` must be unique in the workbook. */
export function tableXml(table: LaidOutTable, id: number): string {
  const ref = escapeXml(table.ref.replace(/\$/g, '').toUpperCase());
  const name = escapeXml(table.name);
  const columns = table.columns.map((c, i) => `<tableColumn id="${i + 1}" name="${escapeXml(c)}"/>`).join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<table xmlns="${NS.main}" id="${id}" name="${name}" displayName="${name}" ref="${ref}" headerRowCount="1" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${table.columns.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="${escapeXml(table.style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}
