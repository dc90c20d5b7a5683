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

/**
 * Reads SERIES.csv (cli-contract.md, runchart): a header `date,value` or
 * `date,value,group` (any case and order, BOM, CRLF, quotes and spaces
 * tolerated), then one point per line. Blank lines are skipped. Groups come
 * in order of first appearance; a file without a group column gives one
 * group named null. Any bad line stops the read with its line number.
 */
export function parseSeriesCsv(text: string): ParsedSeries {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  let headerAt = -1;
  for (let k = 0; k < lines.length; k++) {
    if (!/^[\s,]*$/.test(lines[k])) {
      headerAt = k;
      break;
    }
  }
  if (headerAt === -1) fail(`The series file is empty. ${HEADER_HELP}`);
  const header = splitCsvLine(lines[headerAt], headerAt + 1).map((h) => h.toLowerCase());
  const dateCol = header.indexOf('date');
  const valueCol = header.indexOf('value');
  const groupCol = header.indexOf('group');
  const known = header.every((h) => h === 'date' || h === 'value' || h === 'group');
  const unique = new Set(header).size === header.length;
  if (dateCol === -1 || valueCol === -1 || !known || !unique) {
    fail(`${HEADER_HELP} Found "${lines[headerAt].trim()}" on line ${headerAt + 1}.`);
  }
  const width = header.length;
  const grouped = groupCol !== -1;
  const groups: SeriesGroup[] = grouped ? [] : [{ group: null, points: [] }];
  const byName = new Map<string, SeriesPoint[]>();
  for (let k = headerAt + 1; k < lines.length; k++) {
    const line = lines[k];
    if (/^[\s,]*$/.test(line)) continue;
    const lineNumber = k + 1;
    const fields = splitCsvLine(line, lineNumber);
    if (fields.length !== width) {
      fail(`Line ${lineNumber} has ${fields.length} field${fields.length === 1 ? '' : 's'} but the header has ${width} (${header.join(',')}). Put one point per line.`);
    }
    const date = parseSeriesDate(fields[dateCol]);
    if (date === null) {
      fail(`Line ${lineNumber}: "${fields[dateCol]}" is not a date. Write dates as yyyy-mm-dd (2023-04-03) or dd/mm/yyyy (03/04/2023).`);
    }
    const value = parseSeriesValue(fields[valueCol]);
    if (value === null) {
      fail(`Line ${lineNumber}: the value "${fields[valueCol]}" is not a number. Write it like 23.4, with a full stop for decimals and no units.`);
    }
    const point: SeriesPoint = { date: date as string, value: value as number };
    if (!grouped) {
      groups[0].points.push(point);
      continue;
    }
    const name = fields[groupCol];
    let points = byName.get(name);
    if (points === undefined) {
      points = [];
      byName.set(name, points);
      groups.push({ group: name, points });
    }
    points.push(point);
  }
  return { groups };
}
