/**
 * A run chart's five point flags held as bits of one byte per point (a
 * Uint8Array), so a chart of 100,000 points needs one small array instead of
 * five arrays of booleans. The rules mark their bit; the JSON writers read them.
 */
export const BASELINE = 1;
export const SHIFT = 2;
export const TREND = 4;
export const REPHASE_RUN_FLAG = 8;
export const ASTRONOMICAL = 16;

/** One flag of every point as booleans (the rules' plain form). */
export function booleansOf(flags: Uint8Array, bit: number): boolean[] {
  const out = new Array<boolean>(flags.length);
  for (let i = 0; i < flags.length; i++) out[i] = (flags[i] & bit) !== 0;
  return out;
}
