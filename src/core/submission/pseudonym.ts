/**
 * Pseudonymous child IDs. The keyed hash (HMAC-SHA-256) is computed outside
 * the core (node:crypto in the command line, Web Crypto in the pane); the
 * core decides which IDs to key and how a hash becomes a short, readable key
 * that stays the same month after month for the same key.
 */
import type { ChildRecord } from '../model';

/** Hex characters kept from the hash: 40 bits, so a clash is vanishingly rare among an authority's children. */
export const PSEUDONYM_HEX_LENGTH = 10;

/** The child IDs to key: each distinct, trimmed, non-blank ID once, in sheet order. */
export function pseudonymInputs(records: readonly ChildRecord[]): string[] {
  const seen = new Set<string>();
  for (const r of records) {
    const id = r.childId?.trim();
    if (id) seen.add(id);
  }
  return [...seen];
}

/** "P-" and the first hex characters of the hash, upper case: "P-3FA94C0B12". */
export function formatPseudonym(hmacHex: string, length: number = PSEUDONYM_HEX_LENGTH): string {
  const hex = hmacHex.trim().toLowerCase();
  if (!/^[0-9a-f]+$/.test(hex) || hex.length < length) {
    throw new Error(`formatPseudonym needs at least ${length} hex characters`);
  }
  return `P-${hex.slice(0, length).toUpperCase()}`;
}

/**
 * Child ID → pseudonym from child ID → full HMAC hex. IDs whose short forms
 * clash are lengthened (only those, so everyone else's pseudonym stays the
 * same from month to month) until every ID has its own.
 */
export function assignPseudonyms(hmacs: ReadonlyMap<string, string>): Map<string, string> {
  const result = new Map<string, string>();
  let pending = [...hmacs.keys()];
  let length = PSEUDONYM_HEX_LENGTH;
  while (pending.length > 0) {
    const byShort = new Map<string, string[]>();
    for (const id of pending) {
      const hex = hmacs.get(id) as string;
      const short = formatPseudonym(hex, Math.min(length, hex.length));
      byShort.set(short, [...(byShort.get(short) ?? []), id]);
    }
    const clashing: string[] = [];
    for (const [short, ids] of byShort) {
      // Two IDs with the very same full hash cannot be told apart by lengthening.
      const exhausted = ids.every((id) => (hmacs.get(id) as string).length <= length);
      if (ids.length === 1 || exhausted) for (const id of ids) result.set(id, short);
      else clashing.push(...ids);
    }
    pending = clashing;
    length += 2;
  }
  return result;
}

/**
 * The secret key's bytes from the text it is stored as. A key made by the
 * add-in or the command line is 64 hex characters (32 random bytes) and is
 * used as those bytes; any other text (a key an authority chose) as its
 * UTF-8 bytes. Both twins call this so the same key gives the same pseudonyms.
 */
export function keyBytesFromText(text: string): Uint8Array {
  const t = text.trim();
  if (t === '') throw new Error('The key is empty');
  if (/^(?:[0-9a-fA-F]{2}){32,}$/.test(t)) {
    const bytes = new Uint8Array(t.length / 2);
    for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(t.slice(i * 2, i * 2 + 2), 16);
    return bytes;
  }
  return new TextEncoder().encode(t);
}

/**
 * Child ID → pseudonym, given the keyed hash as a function (node:crypto's
 * createHmac in the command line, Web Crypto's subtle.sign in the pane).
 */
export async function pseudonymsWith(ids: readonly string[], hmacHex: (id: string) => string | Promise<string>): Promise<Map<string, string>> {
  const hmacs = new Map<string, string>();
  for (const id of ids) hmacs.set(id, await hmacHex(id));
  return assignPseudonyms(hmacs);
}
