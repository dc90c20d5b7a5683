import { UserFacingError } from '../errors';
import type { SeriesPoint } from '../model';

export interface SeriesGroup {
  /** The group's name, or null when the file has no group column. */
  group: string | null;
  points: SeriesPoint[];
}

export interface ParsedSeries {
  groups: SeriesGroup[];
}

const fail = (message: string): never => {
  throw new UserFacingError('badSeries', message);
};

/**
 * Splits one CSV line into trimmed fields. Fields may be quoted ("a, b"),
 * with "" for a quote inside; spaces around fields are ignored.
 */
export function splitCsvLine(line: string, lineNumber: number): string[] {
  const fields: string[] = [];
  let i = 0;
  const n = line.length;
  for (;;) {
    while (i < n && (line[i] === ' ' || line[i] === '\t')) i++;
    let field = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        if (i >= n) fail(`Line ${lineNumber}: a quoted field is not closed. Check the quotes (") on that line.`);
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += line[i++];
      }
      while (i < n && (line[i] === ' ' || line[i] === '\t')) i++;
      if (i < n && line[i] !== ',') fail(`Line ${lineNumber}: unexpected text after a quoted field. Check the quotes (") on that line.`);
    } else {
      const comma = line.indexOf(',', i);
      const end = comma === -1 ? n : comma;
      field = line.slice(i, end).trim();
      i = end;
    }
    fields.push(field);
    if (i >= n) return fields;
    i++; // past the comma
  }
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= days[month - 1];
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;
const UK = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/;

/** A series date as yyyy-mm-dd: from yyyy-mm-dd or UK dd/mm/yyyy (a time of day is ignored); null if not a real date. */
export function parseSeriesDate(text: string): string | null {
  let year: number;
  let month: number;
  let day: number;
  let m = ISO.exec(text);
  if (m) {
    [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = UK.exec(text))) {
    [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else {
    return null;
  }
  if (!isRealDate(year, month, day)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A plain decimal number (23.4, -1, 1e3), or null. */
export function parseSeriesValue(text: string): number | null {
  if (!NUMBER.test(text)) return null;
  const v = Number(text);
  return Number.isFinite(v) ? v : null;
}

const HEADER_HELP = 'The first line must be the header date,value (or date,value,group for several series).';

/** One group's points as columns, in file order. */
export interface SeriesColumns {
  /** The group's name, or null when the file has no group column. */
  group: string | null;
  /** yyyy-mm-dd, one shared string per distinct date. */
  dates: string[];
  /** The date as the number yyyymmdd (sorts as the date does). */
  days: number[];
  values: number[];
}

/**
 * A whole SERIES.csv as a few flat columns (typed arrays: no object and no
 * array per point, so 100,000 points cost the garbage collector nothing).
 * Group k's points are positions start[k] to start[k + 1] − 1, in file order.
 */
export interface SeriesTable {
  /** Group names in order of first appearance; [null] for a file without a group column. */
  groups: Array<string | null>;
  start: Int32Array;
  /** Each point's date as the number yyyymmdd (sorts as the date does). */
  days: Int32Array;
  /** Each point's date as an index into dateTexts. */
  dateIds: Int32Array;
  /** Each distinct date once, yyyy-mm-dd. */
  dateTexts: string[];
  /** Each point's value as an index into valueTable (each distinct value written once in the output). */
  valueIds: Int32Array;
  valueTable: number[];
  values: Float64Array;
}

/** yyyymmdd of a date written yyyy-mm-dd (digits already checked), or -1 when it is not a real date. */
function plainDay(date: string): number {
  const day = Number(date.slice(0, 4)) * 10000 + Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));
  return isRealDate(Math.floor(day / 10000), Math.floor(day / 100) % 100, day % 100) ? day : -1;
}

function dayOfIso(iso: string): number {
  return Number(iso.slice(0, 4)) * 10000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10));
}

/**
 * The fields of a plain point, one pattern per column: a date written exactly
 * yyyy-mm-dd, a plain decimal (Number() reads it as the general reader's
 * parseSeriesValue does), a group name with no quote, comma or control
 * character (whether trim() would change it is checked once per new name).
 */
const PLAIN_FIELD: Record<string, string> = {
  date: '(\\d{4}-\\d\\d-\\d\\d)',
  value: '(-?\\d+(?:\\.\\d+)?)',
  group: '([^\\x00-\\x1f\\x7f",]*)',
};

/**
 * The most digits a value read on the quickest path may have (weeks, days
 * and percentages to a decimal place or two): digits / 10^k is then exact,
 * and each value's key (digits, decimal places, sign) indexes a small table.
 */
const QUICK_DIGITS = 4;
const QUICK_KEYS = ((10 ** QUICK_DIGITS - 1) * (QUICK_DIGITS + 1) + QUICK_DIGITS + 1) * 2;
const POWERS_OF_TEN = [1, 10, 100, 1000, 10000];

/**
 * parseSeriesCsv's reading, into one SeriesTable. Each line is first tried
 * against one sticky regular expression for a plain point (a yyyy-mm-dd date,
 * a plain decimal, a group name that needs no trimming or unquoting), which
 * reads it in place without splitting the text into lines or fields; any
 * other line goes through the general reader, so the rules and every message
 * are the same either way. A file with a carriage return that does not end a
 * line (old Mac line ends) goes wholly through the general reader, which
 * splits lines there too; so does every file when `lineByLine` (for tests).
 */
export function parseSeriesTable(input: string, lineByLine = false, plainReader?: PlainPointsReader): SeriesTable {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  // A point's line is at least 16 characters with a group ("2023-01-02,1,N\r\n"), 13 without.
  const reader = new SeriesReader(Math.ceil(text.length / 13));
  if (lineByLine || (text.indexOf('\r') !== -1 && /\r(?!\n)/.test(text))) {
    const lines = text.split(/\r\n|\n|\r/);
    for (let k = 0; k < lines.length; k++) reader.line(lines[k], k + 1);
    return reader.finish();
  }
  const n = text.length;
  let pos = 0;
  let lineNumber = 0;
  // Header and blank lines first, by the general reader.
  while (pos <= n && reader.width === 0) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = n;
    lineNumber++;
    reader.line(text.slice(pos, end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end), lineNumber);
    pos = end + 1;
  }
  if (plainReader !== undefined && reader.width > 0 && reader.dateCol === 0 && reader.valueCol === 1 && (reader.groupCol === 2 || reader.groupCol === -1)) {
    const table = plainReader(pos, reader.groupCol !== -1);
    if (table !== null) return table;
  }
  lineNumber = reader.readPlainLines(text, pos, lineNumber);
  return reader.finish();
}

/**
 * Another reader of the points after the header, for a file whose columns
 * are date,value[,group] in that order (the command line's, compiled to
 * WebAssembly: src/wasm/reader.ts). It must read a line only when the plain
 * pattern here would, and read it the same; `pos` is where the first line
 * after the header starts in the text given to parseSeriesTable (BOM taken
 * off). It gives the whole table, or null when any line is not plain, and
 * the file is then read here, with every rule and message.
 */
export type PlainPointsReader = (pos: number, grouped: boolean) => SeriesTable | null;

/** yyyy-mm-dd of a day written yyyymmdd (the text of a table's dateTexts). */
export function isoOfDay(day: number): string {
  return `${String(Math.floor(day / 10000)).padStart(4, '0')}-${String(Math.floor(day / 100) % 100).padStart(2, '0')}-${String(day % 100).padStart(2, '0')}`;
}

/** The general reader, one line at a time: the header, then points; every rule and message of SERIES.csv. */
class SeriesReader {
  header: string[] = [];
  width = 0;
  dateCol = -1;
  valueCol = -1;
  groupCol = -1;
  private readonly names: Array<string | null> = [];
  /** For each group, the group met on the line after its last line: usually the next line's group (files come sorted by date or by group). */
  private readonly nextGroup: number[] = [];
  private readonly byName = new Map<string, number>();
  private readonly dateIdOf = new Map<number, number>();
  private readonly dateTexts: string[] = [];
  private lastDay = -1;
  private lastDateId = -1;
  private readonly valueIdOf = new Map<string, number>();
  /** The value ids of the quickest path, by digits, decimal places and sign (see quickLines); made when first needed. */
  private quickValueIds: Int32Array | null = null;
  private readonly valueTable: number[] = [];
  /** The last point's date as a plain line wrote it, or '' when the last point came another way (see quickLines). */
  private quickDate = '';
  // The points in file order, in growing typed arrays.
  private count = 0;
  private groupOf: Int32Array;
  private dayOf: Int32Array;
  private dateIdOfPoint: Int32Array;
  private valueIdOfPoint: Int32Array;

  /** `expected`: about how many points the file holds (the arrays grow if it holds more). */
  constructor(expected: number) {
    const size = Math.max(64, expected);
    this.groupOf = new Int32Array(size);
    this.dayOf = new Int32Array(size);
    this.dateIdOfPoint = new Int32Array(size);
    this.valueIdOfPoint = new Int32Array(size);
  }

  line(line: string, lineNumber: number): void {
    if (/^[\s,]*$/.test(line)) return;
    if (this.width === 0) {
      this.readHeader(line, lineNumber);
      return;
    }
    const fields = splitCsvLine(line, lineNumber);
    if (fields.length !== this.width) {
      fail(`Line ${lineNumber} has ${fields.length} field${fields.length === 1 ? '' : 's'} but the header has ${this.width} (${this.header.join(',')}). Put one point per line.`);
    }
    const date = parseSeriesDate(fields[this.dateCol]);
    if (date === null) {
      fail(`Line ${lineNumber}: "${fields[this.dateCol]}" is not a date. Write dates as yyyy-mm-dd (2023-04-03) or dd/mm/yyyy (03/04/2023).`);
    }
    const value = parseSeriesValue(fields[this.valueCol]);
    if (value === null) {
      fail(`Line ${lineNumber}: the value "${fields[this.valueCol]}" is not a number. Write it like 23.4, with a full stop for decimals and no units.`);
    }
    this.add(this.groupCol === -1 ? 0 : this.groupNamed(fields[this.groupCol]), dayOfIso(date as string), this.valueId(fields[this.valueCol]));
  }

  /**
   * Every line from `pos` on (the header has been read): in place when it is
   * simply a valid point, else by `line`. Returns the last line number.
   */
  readPlainLines(text: string, pos: number, lineNumber: number): number {
    const n = text.length;
    const { dateCol, valueCol, groupCol } = this;
    // One capture per column, in the header's order; $ (multiline) stops before the line feed.
    const plain = new RegExp(`${this.header.map((h) => PLAIN_FIELD[h]).join(',')}\\r?$`, 'my');
    const names = this.names;
    const nextGroup = this.nextGroup;
    let lastDate = '';
    let lastDay = -1;
    let group = groupCol === -1 ? 0 : -1;
    // The quickest path reads the columns in the usual order only: date,value[,group].
    const quick = dateCol === 0 && valueCol === 1 && (groupCol === 2 || groupCol === -1);
    while (pos <= n) {
      if (quick && this.quickDate !== '') {
        const before = this.count;
        pos = this.quickLines(text, pos, group);
        lineNumber += this.count - before;
        if (this.count > before && groupCol !== -1) group = this.groupOf[this.count - 1];
        if (pos > n) break;
      }
      lineNumber++;
      plain.lastIndex = pos;
      const m = plain.exec(text);
      // A match must end the line (multiline $ also stops before a line or paragraph separator).
      if (m !== null && (plain.lastIndex === n || text.charCodeAt(plain.lastIndex) === 10)) {
        const date = m[dateCol + 1];
        let day = lastDay;
        if (date !== lastDate) {
          day = plainDay(date);
          if (day !== -1) {
            lastDate = date;
            lastDay = day;
          }
        }
        const valueId = day === -1 ? -1 : this.valueId(m[valueCol + 1]);
        let g = group;
        if (groupCol !== -1 && valueId !== -1) {
          // Most lines belong to the group predicted from the last line: compare before looking the name up.
          const name = m[groupCol + 1];
          const guess = group === -1 ? -1 : nextGroup[group];
          if (guess !== -1 && names[guess] === name) g = guess;
          else if (group !== -1 && names[group] === name) g = group;
          else g = this.plainGroup(name, group);
        }
        if (valueId !== -1 && g !== -1) {
          group = g;
          this.add(g, day, valueId);
          this.quickDate = date;
          pos = plain.lastIndex + 1;
          continue;
        }
      }
      this.quickDate = '';
      pos = this.generalLine(text, pos, lineNumber);
      if (groupCol !== -1 && this.count > 0) group = this.groupOf[this.count - 1];
    }
    return lineNumber;
  }

  /**
   * The quickest path of readPlainLines, from `pos` (`group`: the last
   * line's): each line with the last point's date (written as `quickDate`),
   * a plain decimal of up to QUICK_DIGITS digits and the group predicted
   * from the last line (or no group column), read where it lies by comparing
   * text in place and adding up digits, so no string is made for it. Each
   * test mirrors a piece of the plain pattern, so a line read here is read
   * as readPlainLines would read it.
   *
   * The groups compared with were all read by that pattern, the last line's
   * included, since any other line clears `quickDate`: so their names are
   * plain text, with no comma, quote or space to trim, and equal text means
   * the same group. Stops at the first other line (or when the arrays are
   * full) and returns where it starts. Small and alone, so that it is
   * optimised early.
   */
  private quickLines(text: string, pos: number, group: number): number {
    const n = text.length;
    const date = this.quickDate;
    const grouped = this.groupCol !== -1;
    const { names, nextGroup, groupOf, dayOf, dateIdOfPoint, valueIdOfPoint, lastDay, lastDateId } = this;
    const valueIds = this.quickValueIds ?? (this.quickValueIds = new Int32Array(QUICK_KEYS).fill(-1));
    let k = this.count;
    while (pos < n && k < groupOf.length) {
      if (text.charCodeAt(pos + 10) !== 44 || !text.startsWith(date, pos)) break;
      // -?\d+(?:\.\d+)? as digits, decimal places and sign.
      let at = pos + 11;
      const negative = text.charCodeAt(at) === 45;
      if (negative) at++;
      let digits = 0;
      let count = 0;
      let decimals = -1;
      for (;;) {
        const c = text.charCodeAt(at);
        if (c >= 48 && c <= 57) {
          digits = digits * 10 + (c - 48);
          count++;
          if (decimals !== -1) decimals++;
        } else if (c === 46 && decimals === -1 && count > 0) {
          decimals = 0;
        } else {
          break;
        }
        at++;
      }
      if (count === 0 || count > QUICK_DIGITS || decimals === 0) break;
      let g = group;
      let end = at;
      if (grouped) {
        if (text.charCodeAt(at) !== 44 || group === -1) break;
        // One load of nextGroup: a second, on a branch not yet taken when V8 optimises this loop, would undo that work.
        const next = nextGroup[group];
        const guess = next === -1 ? group : next;
        if (text.startsWith(names[guess] as string, at + 1)) g = guess;
        else if (!text.startsWith(names[group] as string, at + 1)) break;
        end = at + 1 + (names[g] as string).length;
      }
      // \r?$ and then the line feed (or the end of the text).
      if (text.charCodeAt(end) === 13) end++;
      if (end !== n && text.charCodeAt(end) !== 10) break;
      const places = decimals === -1 ? 0 : decimals;
      const key = ((digits * (QUICK_DIGITS + 1) + places) << 1) | (negative ? 1 : 0);
      let valueId = valueIds[key];
      if (valueId === -1) {
        // digits / 10^k: both exact, so the quotient is the nearest number to the decimal, as Number() gives.
        const magnitude = digits / POWERS_OF_TEN[places];
        valueId = valueIds[key] = this.newValue(negative ? -magnitude : magnitude);
      }
      groupOf[k] = g;
      dayOf[k] = lastDay;
      dateIdOfPoint[k] = lastDateId;
      valueIdOfPoint[k] = valueId;
      k++;
      group = g;
      pos = end + 1;
    }
    this.count = k;
    return pos;
  }

  // The rarer paths of readPlainLines, out of its loop so that the loop stays small (and is optimised quickly).

  /** The group named `name` (plain) after group `previous`, remembered as what follows it; -1 when trim() would change the name. */
  private plainGroup(name: string, previous: number): number {
    const g = this.byName.get(name) ?? (name.trim() === name ? this.groupNamed(name) : -1);
    if (g !== -1 && previous !== -1) this.nextGroup[previous] = g;
    return g;
  }

  /** The line starting at `pos` through the general reader; returns where the next line starts. */
  private generalLine(text: string, pos: number, lineNumber: number): number {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = text.length;
    this.line(text.slice(pos, end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end), lineNumber);
    return end + 1;
  }

  /** The id of a value written `text` (each distinct text read once), or -1 when it is not a finite number. */
  private valueId(text: string): number {
    let id = this.valueIdOf.get(text);
    if (id === undefined) {
      const value = Number(text);
      if (!Number.isFinite(value)) return -1;
      id = this.newValue(value);
      this.valueIdOf.set(text, id);
    }
    return id;
  }

  /** A new entry of the value table; returns its id. */
  private newValue(value: number): number {
    this.valueTable.push(value);
    return this.valueTable.length - 1;
  }

  private readHeader(line: string, lineNumber: number): void {
    const header = splitCsvLine(line, lineNumber).map((h) => h.toLowerCase());
    const dateCol = header.indexOf('date');
    const valueCol = header.indexOf('value');
    const known = header.every((h) => h === 'date' || h === 'value' || h === 'group');
    const unique = new Set(header).size === header.length;
    if (dateCol === -1 || valueCol === -1 || !known || !unique) {
      fail(`${HEADER_HELP} Found "${line.trim()}" on line ${lineNumber}.`);
    }
    this.header = header;
    this.width = header.length;
    this.dateCol = dateCol;
    this.valueCol = valueCol;
    this.groupCol = header.indexOf('group');
    if (this.groupCol === -1) {
      this.names.push(null);
      this.nextGroup.push(-1);
    }
  }

  groupNamed(name: string): number {
    let g = this.byName.get(name);
    if (g === undefined) {
      g = this.names.length;
      this.names.push(name);
      this.nextGroup.push(-1);
      this.byName.set(name, g);
    }
    return g;
  }

  add(group: number, day: number, valueId: number): void {
    if (day !== this.lastDay) {
      let id = this.dateIdOf.get(day);
      if (id === undefined) {
        id = this.dateTexts.length;
        this.dateTexts.push(isoOfDay(day));
        this.dateIdOf.set(day, id);
      }
      this.lastDay = day;
      this.lastDateId = id;
    }
    if (this.count === this.groupOf.length) this.grow();
    const k = this.count++;
    this.groupOf[k] = group;
    this.dayOf[k] = day;
    this.dateIdOfPoint[k] = this.lastDateId;
    this.valueIdOfPoint[k] = valueId;
  }

  /** Twice the room for points (a file of lines shorter than the reader's estimate: UK dates such as 1/1/2024). */
  private grow(): void {
    const size = this.groupOf.length * 2;
    this.groupOf = grown(this.groupOf, size);
    this.dayOf = grown(this.dayOf, size);
    this.dateIdOfPoint = grown(this.dateIdOfPoint, size);
    this.valueIdOfPoint = grown(this.valueIdOfPoint, size);
  }

  /** The table: points gathered group by group (a stable counting sort, so each group keeps file order). */
  finish(): SeriesTable {
    if (this.width === 0) fail(`The series file is empty. ${HEADER_HELP}`);
    const n = this.count;
    const start = groupStarts(this.groupOf, n, this.names.length);
    const table: SeriesTable = {
      groups: this.names,
      start,
      days: new Int32Array(n),
      dateIds: new Int32Array(n),
      dateTexts: this.dateTexts,
      valueIds: new Int32Array(n),
      valueTable: this.valueTable,
      values: new Float64Array(n),
    };
    gatherByGroup(this.groupOf, this.dayOf, this.dateIdOfPoint, this.valueIdOfPoint, n, table);
    return table;
  }
}

/** `points` copied into a new array of `size` entries. */
function grown(points: Int32Array, size: number): Int32Array {
  const bigger = new Int32Array(size);
  bigger.set(points);
  return bigger;
}

// finish()'s loops over every point, each alone in a small function: V8 optimises a long loop while it runs, and
// with nothing after it that has not run yet, the optimised code is not thrown away when the loop ends.

/** Where each group's points start once gathered: group g is start[g] to start[g + 1] − 1. */
function groupStarts(groupOf: Int32Array, n: number, groups: number): Int32Array {
  const start = new Int32Array(groups + 1);
  for (let k = 0; k < n; k++) start[groupOf[k] + 1]++;
  return runningTotals(start);
}

/** Each entry plus all before it, in place (apart from groupStarts' loop, for the same reason). */
function runningTotals(counts: Int32Array): Int32Array {
  for (let g = 1; g < counts.length; g++) counts[g] += counts[g - 1];
  return counts;
}

/** The first n points, in file order, into the table's columns group by group (a stable counting sort: each group keeps file order). */
function gatherByGroup(groupOf: Int32Array, dayOf: Int32Array, dateIdOf: Int32Array, valueIdOf: Int32Array, n: number, table: SeriesTable): void {
  const next = table.start.slice(0, table.groups.length);
  const { days, dateIds, valueIds, values, valueTable } = table;
  for (let k = 0; k < n; k++) {
    const at = next[groupOf[k]]++;
    days[at] = dayOf[k];
    dateIds[at] = dateIdOf[k];
    const id = valueIdOf[k];
    valueIds[at] = id;
    values[at] = valueTable[id];
  }
}

/** parseSeriesTable's groups one by one, as plain arrays. */
export function parseSeriesColumns(text: string, lineByLine = false): SeriesColumns[] {
  const table = parseSeriesTable(text, lineByLine);
  return table.groups.map((group, g) => {
    const dates: string[] = [];
    const days: number[] = [];
    const values: number[] = [];
    for (let k = table.start[g]; k < table.start[g + 1]; k++) {
      dates.push(table.dateTexts[table.dateIds[k]]);
      days.push(table.days[k]);
      values.push(table.values[k]);
    }
    return { group, dates, days, values };
  });
}

/**
 * Reads SERIES.csv (cli-contract.md, runchart): a header `date,value` or
 * `date,value,group` (any case and order, BOM, CRLF, quotes and spaces
 * tolerated), then one point per line. Blank lines are skipped. Groups come
 * in order of first appearance; a file without a group column gives one
 * group named null. Any bad line stops the read with its line number.
 */
export function parseSeriesCsv(text: string): ParsedSeries {
  return {
    groups: parseSeriesColumns(text).map((g) => ({
      group: g.group,
      points: g.values.map((value, i) => ({ date: g.dates[i], value })),
    })),
  };
}
