/**
 * How much to read per request. Excel on the web refuses requests or
 * responses above about 5 MB, so a big sheet is read in row chunks that
 * keep each sync far below that, and several small chunks share one sync.
 */

/** Bytes one sync may carry: a fifth of the web limit, leaving room for JSON overhead. */
export const TARGET_REQUEST_BYTES = 1_000_000;
/** First guess of JSON bytes per cell for values + number format, before any data is seen. */
export const ESTIMATED_BYTES_PER_CELL = 40;
/** Rows in one range object; a sync may queue several such chunks. */
export const MAX_CHUNK_ROWS = 2_000;
/** Rows of the first data request, which measures the real weight of a row before bigger requests. */
export const PROBE_ROWS = 500;
/** Rows ahead may weigh more than those measured: plan with this margin. */
export const OBSERVED_MARGIN = 1.5;

/** Estimated bytes of one row of values + number formats. */
export function estimateBytesPerRow(columnCount: number, bytesPerCell = ESTIMATED_BYTES_PER_CELL): number {
  return Math.max(1, columnCount) * bytesPerCell;
}

/** Rows that fit in one request of `targetBytes` (at least one). */
export function rowsPerRequest(bytesPerRow: number, targetBytes = TARGET_REQUEST_BYTES): number {
  return Math.max(1, Math.floor(targetBytes / Math.max(1, bytesPerRow)));
}

export interface Chunk {
  /** 0-based offset from the first row read. */
  start: number;
  count: number;
}

/** Splits `rows` starting at `start` into chunks of at most `chunkRows`. */
export function splitRows(start: number, rows: number, chunkRows = MAX_CHUNK_ROWS): Chunk[] {
  const chunks: Chunk[] = [];
  for (let at = start; at < start + rows; at += chunkRows) chunks.push({ start: at, count: Math.min(chunkRows, start + rows - at) });
  return chunks;
}

/**
 * Bytes per row to plan the next request with: what was actually seen
 * (long text cells weigh more than the guess), never below the guess.
 */
export function nextBytesPerRow(estimate: number, observedBytes: number, observedRows: number): number {
  if (observedRows <= 0) return estimate;
  return Math.max(estimate, Math.ceil((observedBytes / observedRows) * OBSERVED_MARGIN));
}

/** JSON size of a payload, as the request would carry it. */
export function jsonBytes(value: unknown): number {
  return JSON.stringify(value)?.length ?? 0;
}
