/**
 * Structural checks of a planned sheet, used by the plan tests: every chart
 * range lies inside a written block and matches its categories in length,
 * tables match their blocks, nothing overlaps, names are valid for Excel.
 */
import { parseCellAddress } from '../../src/core/grid';
import type { CellBlock, PlannedSheet, ReportPlan } from '../../src/core/report/plan';

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function parseRange(range: string): Rect {
  const [a, b] = range.split(':');
  const from = parseCellAddress(a);
  const to = parseCellAddress(b ?? a);
  if (!from || !to) throw new Error(`not a range: ${range}`);
  return { top: from.row, left: from.column, bottom: to.row, right: to.column };
}

export function blockRect(block: CellBlock): Rect {
  const at = parseCellAddress(block.at);
  if (!at) throw new Error(`bad block address ${block.at}`);
  const width = Math.max(...block.values.map((r) => r.length));
  return { top: at.row, left: at.column, bottom: at.row + block.values.length - 1, right: at.column + width - 1 };
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

function inside(inner: Rect, outer: Rect): boolean {
  return inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right;
}

/** Throws with a plain description of the first structural problem found. */
export function checkSheet(sheet: PlannedSheet): void {
  if (sheet.name.length > 31 || /[[\]:*?/\\]/.test(sheet.name) || sheet.name.trim() !== sheet.name || sheet.name === '') {
    throw new Error(`bad sheet name '${sheet.name}'`);
  }
  const rects = sheet.blocks.map(blockRect);
  for (let i = 0; i < rects.length; i++) {
    const b = sheet.blocks[i];
    if (b.values.some((r) => r.length !== b.values[0].length)) throw new Error(`block ${b.at} is not rectangular`);
    if (b.columnFormats && b.columnFormats.length !== b.values[0].length) throw new Error(`block ${b.at}: formats do not match columns`);
    for (let j = i + 1; j < rects.length; j++) {
      if (overlaps(rects[i], rects[j])) throw new Error(`blocks ${sheet.blocks[i].at} and ${sheet.blocks[j].at} overlap`);
    }
  }
  for (const table of sheet.tables) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(table.name)) throw new Error(`bad table name ${table.name}`);
    const r = parseRange(table.range);
    const i = rects.findIndex((b) => b.top === r.top && b.left === r.left && b.bottom === r.bottom && b.right === r.right);
    if (i < 0) throw new Error(`table ${table.name} (${table.range}) does not match a block`);
    if (r.bottom - r.top < 1) throw new Error(`table ${table.name} has no data row`);
    const headers = sheet.blocks[i].values[0];
    if (headers.some((h) => typeof h !== 'string' || h === '')) throw new Error(`table ${table.name} has a header that is not text`);
    const lower = headers.map((h) => String(h).toLowerCase());
    if (new Set(lower).size !== lower.length) throw new Error(`table ${table.name} has repeated headers`);
  }
  const chartRects: Rect[] = [];
  for (const chart of sheet.charts) {
    const cat = parseRange(chart.categories);
    if (cat.left !== cat.right) throw new Error(`${chart.name}: categories span more than one column`);
    if (!rects.some((b) => inside(cat, b) && cat.top > b.top)) throw new Error(`${chart.name}: categories ${chart.categories} are not data cells of a block`);
    if (chart.series.length === 0) throw new Error(`${chart.name}: no series`);
    for (const s of chart.series) {
      const v = parseRange(s.values);
      if (v.left !== v.right) throw new Error(`${chart.name}/${s.name}: values span more than one column`);
      if (v.top !== cat.top || v.bottom !== cat.bottom) throw new Error(`${chart.name}/${s.name}: ${s.values} does not line up with ${chart.categories}`);
      if (!rects.some((b) => inside(v, b))) throw new Error(`${chart.name}/${s.name}: ${s.values} is outside the written cells`);
      if (!/^#[0-9A-F]{6}$/i.test(s.color)) throw new Error(`${chart.name}/${s.name}: bad colour`);
    }
    const anchor = parseRange(`${chart.anchor.from}:${chart.anchor.to}`);
    for (let i = 0; i < rects.length; i++) {
      if (overlaps(anchor, rects[i])) throw new Error(`${chart.name} covers block ${sheet.blocks[i].at}`);
    }
    for (const other of chartRects) if (overlaps(anchor, other)) throw new Error(`${chart.name} overlaps another chart`);
    chartRects.push(anchor);
  }
  const chartNames = sheet.charts.map((c) => c.name);
  if (new Set(chartNames).size !== chartNames.length) throw new Error('chart names repeat');
  for (const link of sheet.links) {
    const cell = parseCellAddress(link.cell);
    if (!cell || !rects.some((b) => inside({ top: cell.row, left: cell.column, bottom: cell.row, right: cell.column }, b))) {
      throw new Error(`link ${link.cell} is not on a written cell`);
    }
  }
}

export function checkPlan(plan: ReportPlan): void {
  plan.sheets.forEach(checkSheet);
  const names = plan.sheets.map((s) => s.name.toLowerCase());
  if (new Set(names).size !== names.length) throw new Error('sheet names repeat');
  const tables = plan.sheets.flatMap((s) => s.tables.map((t) => t.name.toLowerCase()));
  if (new Set(tables).size !== tables.length) throw new Error('table names repeat in the workbook');
}

/** The value written at a cell, or undefined when no block covers it. */
export function cellValue(sheet: PlannedSheet, address: string): unknown {
  const cell = parseCellAddress(address);
  if (!cell) return undefined;
  for (const block of sheet.blocks) {
    const r = blockRect(block);
    if (cell.row >= r.top && cell.row <= r.bottom && cell.column >= r.left && cell.column <= r.right) {
      return block.values[cell.row - r.top][cell.column - r.left];
    }
  }
  return undefined;
}

/** The values of a single-column range. */
export function rangeValues(sheet: PlannedSheet, range: string): unknown[] {
  const r = parseRange(range);
  const out: unknown[] = [];
  for (let row = r.top; row <= r.bottom; row++) out.push(cellValue(sheet, `${colLetters(r.left)}${row}`));
  return out;
}

function colLetters(n: number): string {
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
