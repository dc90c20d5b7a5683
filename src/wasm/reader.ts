/**
 * The points of a plain SERIES.csv read in one pass, compiled to WebAssembly
 * for the `runchart` command (issue 12). AssemblyScript: built with rules.ts
 * and charts.ts into dist/node/wasm/runchart.wasm by `npm run prepare`
 * (scripts/build-wasm.js).
 *
 * It reads only what core/runchart/csv.ts's plain pattern reads, after the
 * header (which csv.ts reads): lines `yyyy-mm-dd,value[,group]` with a real
 * date, a plain decimal (-?digits[.digits]) and a group name with no control
 * character, quote or comma and no space at either end; blank lines are
 * skipped. At any other line it gives up (returns -1) and csv.ts reads the
 * whole file itself, so every rule and message stays csv.ts's. What it reads
 * is the same: test/wasm/reader.test.ts compares the two on random files.
 *
 * A value is digits / 10^places, negated for a minus: with at most 15 digits
 * both numbers are exact, so the quotient is the decimal correctly rounded,
 * which is what Number() gives (more digits: it gives up).
 *
 * Memory is laid out here from an address the caller gives
 * (src/cli/compiledRunchart.ts) and starts zeroed (a new instance for each
 * file): every table below is a pointer into it.
 */

/** The fifteen powers of ten that are exact doubles and that a value may divide by. */
const POWERS: StaticArray<f64> = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
const MAX_DIGITS: i32 = 15;
/** Values of up to this many digits are found by a direct table of (digits, places, sign), as csv.ts's quickest path does. */
const QUICK_DIGITS: i32 = 4;
const QUICK_SLOTS: i32 = ((10000 * (QUICK_DIGITS + 1)) << 1) + 2;

// The layout, set once by `layOut`.
let text: usize = 0;
let textLength: i32 = 0;
/** Capacity for points (and so for groups, dates and values, which are never more). */
let capacity: i32 = 0;
// Each point in file order: its group, date id and value id (its day is its date's: dateDays).
let groupOf: usize = 0;
let dateIdOf: usize = 0;
let valueIdOf: usize = 0;
// Each group: where its name starts in the text, its length, and the group met after it last time (a guess for the next line).
let nameStart: usize = 0;
let nameLength: usize = 0;
let nextGroup: usize = 0;
// Each date id's day, and each value id's value.
let dateDays: usize = 0;
let valueTable: usize = 0;
// Open-addressing tables (entries id + 1, 0 empty): groups by name, dates by day, values by their bits. Each
// has room for the most slots it could need, but starts small and doubles when half full, so that it touches few
// pages: a page read before it is first written costs a fault to map it and a second, with a flush of the other
// processors' address caches, when it is then written (slow in a virtual machine; thousands of them took ~10 ms).
let groupSlots: usize = 0;
let dateSlots: usize = 0;
let valueSlots: usize = 0;
let groupMask: i32 = 0;
let dateMask: i32 = 0;
let valueMask: i32 = 0;
/** Slots a table starts with (a power of two). */
const FIRST_SLOTS: i32 = 1024;
/** Slots passed over in the tables' searches, all told: a good hash keeps it near the number of lookups (tested). */
let collisions: f64 = 0;
export function slotCollisions(): f64 {
  return collisions;
}
/** Value id + 1 by (digits, places, sign) for values of up to QUICK_DIGITS digits. */
let quickSlots: usize = 0;
// The table, gathered group by group (csv.ts finish): start of each group, then the columns.
let tableStart: usize = 0;
let tableDays: usize = 0;
let tableDateIds: usize = 0;
let tableValueIds: usize = 0;
let tableValues: usize = 0;

let groups: i32 = 0;
let dates: i32 = 0;
let values: i32 = 0;

/** The size of the slot tables for `points`: a power of two at least twice that. */
function slotCount(points: i32): i32 {
  let size = 16;
  while (size < points * 2 + 2) size <<= 1;
  return size;
}

/** Bytes of memory the layout for a text of `length` bytes needs, from `base`. */
export function bytesNeeded(length: i32): i32 {
  const points = length / 13 + 2;
  const slots = slotCount(points);
  // text, 3 point columns, 3 group columns, date days, 4 table columns (values f64), start, value table, 3 slot tables, quick slots.
  return ((length + 7) & ~7) + points * 4 * 3 + points * 4 * 3 + points * 4 + points * (4 * 3 + 8) + (points + 1) * 4 + points * 8 + slots * 4 * 3 + QUICK_SLOTS * 4 + 64;
}

@inline function align8(p: usize): usize {
  return (p + 7) & ~(<usize>7);
}

/** Lays out memory from `base` for a text of `length` bytes, which the caller then copies to `base`; returns where the text goes. */
export function layOut(base: usize, length: i32): usize {
  text = base;
  textLength = length;
  capacity = length / 13 + 2;
  const slots = slotCount(capacity);
  let at = align8(text + <usize>length);
  const column = <usize>capacity << 2;
  // f64 columns first, 8-aligned.
  valueTable = at; at += <usize>capacity << 3;
  tableValues = at; at += <usize>capacity << 3;
  groupOf = at; at += column;
  dateIdOf = at; at += column;
  valueIdOf = at; at += column;
  nameStart = at; at += column;
  nameLength = at; at += column;
  nextGroup = at; at += column;
  dateDays = at; at += column;
  tableDays = at; at += column;
  tableDateIds = at; at += column;
  tableValueIds = at; at += column;
  tableStart = at; at += column + 4;
  groupSlots = at; at += <usize>slots << 2;
  dateSlots = at; at += <usize>slots << 2;
  valueSlots = at; at += <usize>slots << 2;
  quickSlots = at;
  // Written before they are read (see FIRST_SLOTS): the quick slots, the first slots of each table, the group starts.
  memory.fill(quickSlots, 0, <usize>QUICK_SLOTS << 2);
  const first = min(FIRST_SLOTS, slots);
  groupMask = dateMask = valueMask = first - 1;
  memory.fill(groupSlots, 0, <usize>first << 2);
  memory.fill(dateSlots, 0, <usize>first << 2);
  memory.fill(valueSlots, 0, <usize>first << 2);
  memory.fill(tableStart, 0, column + 4);
  return text;
}

// Where the caller finds what was read.
export function groupCount(): i32 { return groups; }
export function dateCount(): i32 { return dates; }
export function valueCount(): i32 { return values; }
export function namesAt(): usize { return nameStart; }
export function nameLengthsAt(): usize { return nameLength; }
export function dateDaysAt(): usize { return dateDays; }
export function valueTableAt(): usize { return valueTable; }
export function startAt(): usize { return tableStart; }
export function daysAt(): usize { return tableDays; }
export function dateIdsAt(): usize { return tableDateIds; }
export function valueIdsAt(): usize { return tableValueIds; }
export function valuesAt(): usize { return tableValues; }

@inline function byteAt(p: i32): i32 {
  return <i32>load<u8>(text + <usize>p);
}
@inline function i32At(p: usize, i: i32): i32 {
  return load<i32>(p + (<usize>i << 2));
}
@inline function setI32(p: usize, i: i32, v: i32): void {
  store<i32>(p + (<usize>i << 2), v);
}
@inline function isDigit(c: i32): bool {
  return <u32>(c - 48) < 10;
}

/** isRealDate (csv.ts). */
function isRealDate(year: i32, month: i32, day: i32): bool {
  if (month < 1 || month > 12 || day < 1) return false;
  let days = 31;
  if (month == 2) days = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
  else if (month == 4 || month == 6 || month == 9 || month == 11) days = 30;
  return day <= days;
}

/** Slot tables double when half full: cleared (written) to twice the size, and each id put back. */
@inline function fuller(entries: i32, mask: i32): bool {
  return (entries + 1) * 2 > mask + 1;
}

/** The id of the date `day`, a new one when it is first met. */
function dateId(day: i32): i32 {
  let slot = dateSlot(day);
  let entry = load<i32>(dateSlots + (<usize>slot << 2));
  while (entry != 0) {
    if (i32At(dateDays, entry - 1) == day) return entry - 1;
    collisions += 1;
    slot = (slot + 1) & dateMask;
    entry = load<i32>(dateSlots + (<usize>slot << 2));
  }
  setI32(dateDays, dates, day);
  store<i32>(dateSlots + (<usize>slot << 2), ++dates);
  if (fuller(dates, dateMask)) {
    dateMask = dateMask * 2 + 1;
    memory.fill(dateSlots, 0, <usize>(dateMask + 1) << 2);
    for (let id = 0; id < dates; id++) {
      slot = dateSlot(i32At(dateDays, id));
      while (load<i32>(dateSlots + (<usize>slot << 2)) != 0) slot = (slot + 1) & dateMask;
      store<i32>(dateSlots + (<usize>slot << 2), id + 1);
    }
  }
  return dates - 1;
}

/** A day's slot: the high half of a 64-bit multiplicative hash, so that every bit of the mask is mixed (a table may hold millions). */
@inline function dateSlot(day: i32): i32 {
  return <i32>((<u64>(<u32>day) * 0x9e3779b97f4a7c15) >> 32) & dateMask;
}

/** The id of the value `value` (by its bits: -0 is not 0), a new one when it is first met. */
function valueId(value: f64): i32 {
  const bits = reinterpret<u64>(value);
  let slot = valueSlot(bits);
  let entry = load<i32>(valueSlots + (<usize>slot << 2));
  while (entry != 0) {
    if (reinterpret<u64>(load<f64>(valueTable + (<usize>(entry - 1) << 3))) == bits) return entry - 1;
    collisions += 1;
    slot = (slot + 1) & valueMask;
    entry = load<i32>(valueSlots + (<usize>slot << 2));
  }
  store<f64>(valueTable + (<usize>values << 3), value);
  store<i32>(valueSlots + (<usize>slot << 2), ++values);
  if (fuller(values, valueMask)) {
    valueMask = valueMask * 2 + 1;
    memory.fill(valueSlots, 0, <usize>(valueMask + 1) << 2);
    for (let id = 0; id < values; id++) {
      slot = valueSlot(reinterpret<u64>(load<f64>(valueTable + (<usize>id << 3))));
      while (load<i32>(valueSlots + (<usize>slot << 2)) != 0) slot = (slot + 1) & valueMask;
      store<i32>(valueSlots + (<usize>slot << 2), id + 1);
    }
  }
  return values - 1;
}

/** A value's slot, from all 64 bits of it. */
@inline function valueSlot(bits: u64): i32 {
  return <i32>(((bits ^ (bits >> 29)) * 0x9e3779b97f4a7c15) >> 32) & valueMask;
}

/** Whether the name at text[from, from + length) is group g's (eight bytes at a time). */
function isNamed(g: i32, from: i32, length: i32): bool {
  if (i32At(nameLength, g) != length) return false;
  let a = text + <usize>i32At(nameStart, g);
  let b = text + <usize>from;
  let left = length;
  while (left >= 8) {
    if (load<u64>(a) != load<u64>(b)) return false;
    a += 8;
    b += 8;
    left -= 8;
  }
  while (left > 0) {
    if (load<u8>(a) != load<u8>(b)) return false;
    a++;
    b++;
    left--;
  }
  return true;
}

/** The group named text[from, from + length), a new one when it is first met. */
function groupNamed(from: i32, length: i32): i32 {
  let slot = groupSlot(from, length);
  let entry = load<i32>(groupSlots + (<usize>slot << 2));
  while (entry != 0) {
    if (isNamed(entry - 1, from, length)) return entry - 1;
    collisions += 1;
    slot = (slot + 1) & groupMask;
    entry = load<i32>(groupSlots + (<usize>slot << 2));
  }
  setI32(nameStart, groups, from);
  setI32(nameLength, groups, length);
  setI32(nextGroup, groups, -1);
  store<i32>(groupSlots + (<usize>slot << 2), ++groups);
  if (fuller(groups, groupMask)) {
    groupMask = groupMask * 2 + 1;
    memory.fill(groupSlots, 0, <usize>(groupMask + 1) << 2);
    for (let id = 0; id < groups; id++) {
      slot = groupSlot(i32At(nameStart, id), i32At(nameLength, id));
      while (load<i32>(groupSlots + (<usize>slot << 2)) != 0) slot = (slot + 1) & groupMask;
      store<i32>(groupSlots + (<usize>slot << 2), id + 1);
    }
  }
  return groups - 1;
}

/** FNV-1a of the name's bytes. */
function groupSlot(from: i32, length: i32): i32 {
  let hash: u32 = 2166136261;
  for (let i = 0; i < length; i++) hash = (hash ^ <u32>byteAt(from + i)) * 16777619;
  return <i32>hash & groupMask;
}

// Where reading has got to: readSome carries on from here.
let readPos: i32 = 0;
let readGrouped: bool = false;
let count: i32 = 0;
let group: i32 = 0;
/** Where the last point's date starts in the text (-1: none yet), and its id. */
let lastDate: i32 = -1;
let lastDateId: i32 = 0;

/** Starts reading the points at `pos` (the first line after the header): `grouped` when the header is date,value,group, else date,value (one group, 0). */
export function startReading(pos: i32, grouped: bool): void {
  readPos = pos;
  readGrouped = grouped;
  count = 0;
  group = grouped ? -1 : 0;
  if (!grouped) groups = 1;
  lastDate = -1;
}

/** How many points have been read. */
export function pointCount(): i32 {
  return count;
}

/** Whether text[a, a + 10) and text[b, b + 10) are the same (a date each). */
@inline function sameDate(a: i32, b: i32): bool {
  return load<u64>(text + <usize>a) == load<u64>(text + <usize>b) && load<u16>(text + <usize>a, 8) == load<u16>(text + <usize>b, 8);
}

/**
 * Reads up to `lines` more lines. Returns 1 when there is more to read, 0
 * at the end of the text (the points then gathered group by group), -1 at
 * the first line that is not plain. In pieces, so that the caller calls it
 * again and again: V8 first runs WebAssembly as it compiled it on loading,
 * and uses its optimised code for the next call, not for a call under way.
 */
export function readSome(lines: i32): i32 {
  const n = textLength;
  const grouped = readGrouped;
  let pos = readPos;
  let left = lines;
  while (pos < n) {
    if (left-- == 0) {
      readPos = pos;
      return 1;
    }
    // Blank lines (a line end alone) are skipped, as the general reader skips them.
    let c = byteAt(pos);
    if (c == 10) { pos++; continue; }
    if (c == 13 && pos + 1 < n && byteAt(pos + 1) == 10) { pos += 2; continue; }
    if (count == capacity || pos + 11 >= n) return -1;
    // yyyy-mm-dd and a comma.
    if (lastDate < 0 || !sameDate(lastDate, pos)) {
      if (byteAt(pos + 4) != 45 || byteAt(pos + 7) != 45) return -1;
      let year = 0;
      for (let i = 0; i < 4; i++) {
        c = byteAt(pos + i);
        if (!isDigit(c)) return -1;
        year = year * 10 + c - 48;
      }
      const m1 = byteAt(pos + 5), m2 = byteAt(pos + 6), d1 = byteAt(pos + 8), d2 = byteAt(pos + 9);
      if (!isDigit(m1) || !isDigit(m2) || !isDigit(d1) || !isDigit(d2)) return -1;
      const month = (m1 - 48) * 10 + m2 - 48;
      const dom = (d1 - 48) * 10 + d2 - 48;
      if (!isRealDate(year, month, dom)) return -1;
      lastDateId = dateId(year * 10000 + month * 100 + dom);
      lastDate = pos;
    }
    if (byteAt(pos + 10) != 44) return -1;
    // -?\d+(?:\.\d+)?
    let at = pos + 11;
    const negative = byteAt(at) == 45;
    if (negative) at++;
    let digits: i64 = 0;
    let figures = 0;
    let places = -1;
    while (at < n) {
      c = byteAt(at);
      if (isDigit(c)) {
        if (++figures > MAX_DIGITS) return -1;
        digits = digits * 10 + (c - 48);
        if (places >= 0) places++;
      } else if (c == 46 && places < 0 && figures > 0) {
        places = 0;
      } else {
        break;
      }
      at++;
    }
    if (figures == 0 || places == 0) return -1;
    if (places < 0) places = 0;
    let value: i32;
    if (figures <= QUICK_DIGITS) {
      const key = (((<i32>digits * (QUICK_DIGITS + 1) + places) << 1) | (negative ? 1 : 0));
      const slot = quickSlots + (<usize>key << 2);
      value = load<i32>(slot) - 1;
      if (value < 0) {
        const magnitude = <f64>digits / unchecked(POWERS[places]);
        value = valueId(negative ? -magnitude : magnitude);
        store<i32>(slot, value + 1);
      }
    } else {
      const magnitude = <f64>digits / unchecked(POWERS[places]);
      value = valueId(negative ? -magnitude : magnitude);
    }
    // The group name, up to \r?\n or the end.
    if (grouped) {
      if (at >= n || byteAt(at) != 44) return -1;
      const from = at + 1;
      let end = from;
      while (end < n) {
        c = byteAt(end);
        if (c < 32 || c == 127 || c == 34 || c == 44) break;
        end++;
      }
      const length = end - from;
      if (length > 0 && (byteAt(from) == 32 || byteAt(end - 1) == 32)) return -1;
      let g = -1;
      if (group >= 0) {
        const guess = i32At(nextGroup, group);
        if (guess >= 0 && isNamed(guess, from, length)) g = guess;
        else if (isNamed(group, from, length)) g = group;
      }
      if (g < 0) {
        g = groupNamed(from, length);
        if (group >= 0) setI32(nextGroup, group, g);
      }
      group = g;
      at = end;
    }
    if (at < n && byteAt(at) == 13) at++;
    if (at < n && byteAt(at) != 10) return -1;
    setI32(groupOf, count, group);
    setI32(dateIdOf, count, lastDateId);
    setI32(valueIdOf, count, value);
    count++;
    pos = at + 1;
  }
  readPos = pos;
  gather(count);
  return 0;
}

/** csv.ts finish: the points gathered group by group, each group in file order (a stable counting sort). */
function gather(count: i32): void {
  for (let k = 0; k < count; k++) {
    const slot = tableStart + (<usize>(i32At(groupOf, k) + 1) << 2);
    store<i32>(slot, load<i32>(slot) + 1);
  }
  for (let g = 1; g <= groups; g++) setI32(tableStart, g, i32At(tableStart, g) + i32At(tableStart, g - 1));
  // Each group's next free place: the nextGroup column is done with and reused.
  for (let g = 0; g < groups; g++) setI32(nextGroup, g, i32At(tableStart, g));
  for (let k = 0; k < count; k++) {
    const g = i32At(groupOf, k);
    const to = i32At(nextGroup, g);
    setI32(nextGroup, g, to + 1);
    const date = i32At(dateIdOf, k);
    setI32(tableDays, to, i32At(dateDays, date));
    setI32(tableDateIds, to, date);
    const v = i32At(valueIdOf, k);
    setI32(tableValueIds, to, v);
    store<f64>(tableValues + (<usize>to << 3), load<f64>(valueTable + (<usize>v << 3)));
  }
}
