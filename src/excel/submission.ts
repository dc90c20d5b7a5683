/**
 * What the de-identified submission copy needs from the host: random bytes
 * and HMAC-SHA-256 from Web Crypto (the core has no crypto), and Excel
 * opening the finished .xlsx as a NEW workbook, so the copy is never a sheet
 * in the identifiable one.
 */
import type { ExcelEnv } from './env';
import { supportsExcelApi } from './env';
import { plainError } from './run';
import { UserFacingError } from '../core/errors';
import { keyBytesFromText } from '../core/submission/pseudonym';

/** Excel.createWorkbook(base64) arrived in ExcelApi 1.8. */
export const CREATE_WORKBOOK_API = '1.8';

/**
 * Base64 characters createWorkbook is given at most. The whole file travels
 * in one request and Excel on the web refuses requests above 5 MB; it
 * cannot be split, so a larger copy is refused before trying, keeping a
 * margin for the request's own wrapping (the margin is our choice).
 */
export const CREATE_WORKBOOK_MAX_BASE64_CHARS = 4_500_000;

const COMMAND_LINE_COPY = 'Use the pace-tracker command instead: pace-tracker submission YOUR-FILE.xlsx -o COPY.xlsx';

function webCrypto(): Crypto {
  const c = (globalThis as { crypto?: Crypto }).crypto;
  if (!c?.subtle || !c.getRandomValues) {
    throw new UserFacingError(
      'unsupportedExcel',
      'This version of Excel cannot make the pseudonymous IDs (it has no secure random numbers). Use the pace-tracker command instead: pace-tracker submission YOUR-FILE.xlsx -o COPY.xlsx.',
    );
  }
  return c;
}

export function hexFromBytes(bytes: Uint8Array): string {
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/** 32 random bytes as 64 hex characters. */
export function randomKeyHex(): string {
  return hexFromBytes(webCrypto().getRandomValues(new Uint8Array(32)));
}

/**
 * HMAC-SHA-256 hex of each message under a key. The imported key is kept
 * for the last key text seen: a copy hashes every child with the same key.
 */
export function createHmacSha256Hex(): (keyHex: string, message: string) => Promise<string> {
  let cached: { text: string; key: Promise<CryptoKey> } | null = null;
  return async (keyHex, message) => {
    const subtle = webCrypto().subtle;
    if (cached?.text !== keyHex) {
      cached = { text: keyHex, key: subtle.importKey('raw', new Uint8Array(keyBytesFromText(keyHex)), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']) };
    }
    const signature = await subtle.sign('HMAC', await cached.key, new TextEncoder().encode(message));
    return hexFromBytes(new Uint8Array(signature));
  };
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 with padding (no Buffer or btoa needed). */
export function base64FromBytes(bytes: Uint8Array): string {
  const parts: string[] = [];
  let line = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i];
    const b = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2] : 0;
    const n = (a << 16) | (b << 8) | c;
    line += BASE64[(n >> 18) & 63] + BASE64[(n >> 12) & 63];
    line += i + 1 < bytes.length ? BASE64[(n >> 6) & 63] : '=';
    line += i + 2 < bytes.length ? BASE64[n & 63] : '=';
    // Joined once at the end: repeated concatenation of a multi-megabyte string is slow in some engines.
    if (line.length >= 8192) {
      parts.push(line);
      line = '';
    }
  }
  parts.push(line);
  return parts.join('');
}

/** Opens the .xlsx as a new workbook in Excel; the open workbook is not touched. */
export async function openNewWorkbook(env: ExcelEnv, xlsx: Uint8Array): Promise<void> {
  const create = (env.excel as { createWorkbook?: (base64?: string) => Promise<void> }).createWorkbook;
  if (!supportsExcelApi(env, CREATE_WORKBOOK_API) || typeof create !== 'function') {
    throw new UserFacingError(
      'unsupportedExcel',
      `This version of Excel cannot open a new workbook from the add-in, so it cannot make the submission copy here. ${COMMAND_LINE_COPY} (or update Excel, or use Excel on the web).`,
    );
  }
  // Base64 is 4 characters per 3 bytes: refused before the (slow) encoding when it cannot fit.
  const base64Chars = Math.ceil(xlsx.length / 3) * 4;
  if (base64Chars > CREATE_WORKBOOK_MAX_BASE64_CHARS) {
    const megabytes = (xlsx.length / 1_000_000).toLocaleString('en-GB', { maximumFractionDigits: 1 });
    throw new UserFacingError(
      'tooLarge',
      `The submission copy is too large (${megabytes} MB) for Excel to open from the add-in: Excel accepts about 3 MB this way. Nothing was changed. ${COMMAND_LINE_COPY}.`,
    );
  }
  try {
    await create.call(env.excel, base64FromBytes(xlsx));
  } catch (err) {
    throw plainError(err);
  }
}
