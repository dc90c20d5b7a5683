/**
 * Small tests on one value or one heading: does it look like something that
 * identifies a person? Used to decide which columns a submission copy drops.
 * They err towards "yes": a wrongly dropped column costs a question, a wrongly
 * kept one leaks a child's details.
 */
import type { CellValue } from '../grid';

/** Why a column is dropped, in the words shown to the data lead. */
export type IdentifyingReason =
  | 'looks like names'
  | 'postcodes'
  | 'addresses'
  | "carers' details"
  | 'free text'
  | 'phone numbers'
  | 'email addresses'
  | 'NHS / CHI numbers'
  | 'other ID numbers'
  | 'schools or GPs'
  | 'dates of birth'
  | 'many different values';

/** Plain words for the cover sheet and the confirmation prompt. */
export const REASON_EXPLANATIONS: Record<IdentifyingReason, string> = {
  'looks like names': 'holds what look like people’s names',
  postcodes: 'holds postcodes',
  addresses: 'holds addresses',
  "carers' details": 'is about carers or family members',
  'free text': 'holds free text, which often mentions people and places',
  'phone numbers': 'holds phone numbers',
  'email addresses': 'holds email addresses',
  'NHS / CHI numbers': 'holds NHS / CHI numbers',
  'other ID numbers': 'holds another identifying number or reference',
  'schools or GPs': 'names a school, nursery or GP practice',
  'dates of birth': 'holds another date of birth',
  'many different values': 'holds many different text values, which could single out a child',
};

/** Cell text as typed (numbers as their digits), trimmed. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined || typeof value === 'boolean') return '';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  return value.trim();
}

const EMAIL = /[^\s@<>(),;:]+@[^\s@<>(),;:]+\.[a-z]{2,}/i;

/** Contains an email address. */
export function isEmail(text: string): boolean {
  return EMAIL.test(text);
}

// UK postcode: outward code (A9, A99, A9A, AA9, AA99, AA9A) and inward code (9AA).
const POSTCODE_BODY = '[A-Z]{1,2}[0-9][A-Z0-9]?\\s*[0-9][A-Z]{2}';
const POSTCODE_ONLY = new RegExp(`^${POSTCODE_BODY}$`, 'i');
const POSTCODE_INSIDE = new RegExp(`\\b${POSTCODE_BODY}\\b`, 'i');

/** The whole value is a UK postcode ("IV2 3BW", "eh11ab"). */
export function isPostcode(text: string): boolean {
  return POSTCODE_ONLY.test(text.trim());
}

/** A UK postcode somewhere in the text. */
export function containsPostcode(text: string): boolean {
  return POSTCODE_INSIDE.test(text);
}

const STREET_WORDS =
  /\b(road|rd|street|st|avenue|ave|drive|dr|crescent|cres|lane|court|ct|place|pl|terrace|gardens|gdns|way|close|square|sq|wynd|brae|grove|row|park|view|loan|walk|mews|quadrant|cottages?|flat)\b/i;

/** Looks like an address: a house number or flat with a street word, or a postcode after a comma. */
export function isAddress(text: string): boolean {
  if (/^\s*(flat\s+\S+|\d+[a-z]?[,/ ])/i.test(text) && STREET_WORDS.test(text)) return true;
  if (/,/.test(text) && containsPostcode(text)) return true;
  return /,/.test(text) && STREET_WORDS.test(text) && /\d/.test(text);
}

/** Digits only, after the spaces, dashes, dots and brackets people type in numbers. */
function digitsOf(text: string): string {
  return text.replace(/[\s\-().]/g, '');
}

/** True when six digits are a real day/month/two-digit-year (CHI numbers start with the date of birth). */
export function isDdMmYy(six: string): boolean {
  if (!/^\d{6}$/.test(six)) return false;
  const day = Number(six.slice(0, 2));
  const month = Number(six.slice(2, 4));
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= daysInMonth;
}

/**
 * A CHI number (Scotland's NHS number): ten digits starting with the date of
 * birth as DDMMYY. Also nine digits when Excel dropped a leading zero.
 */
export function isChiNumber(value: CellValue): boolean {
  let digits = digitsOf(cellText(value));
  if (typeof value === 'number' && digits.length === 9) digits = `0${digits}`;
  return /^\d{10}$/.test(digits) && isDdMmYy(digits.slice(0, 6));
}

/** A UK phone number: 0 and 10 digits, +44 and 10 digits, or a 10-digit number Excel stripped the 0 from. */
export function isPhoneNumber(value: CellValue): boolean {
  const text = cellText(value);
  const digits = digitsOf(text).replace(/^\+44/, '0').replace(/^0044/, '0');
  if (/^0\d{9,10}$/.test(digits) && !isChiNumber(value)) return true;
  // A number cell loses the leading zero: 7700900123 was 07700 900123.
  return typeof value === 'number' && /^[127]\d{9}$/.test(digits) && !isChiNumber(value);
}

const NAME_WORD = /^(?:[A-Z][a-z]*['’]?)?[A-Z][a-zA-Z'’-]*[a-z][a-zA-Z'’-]*$/;

/**
 * One to four capitalised words made only of letters ("Jamie", "Sarah
 * McDonald", "O'Neill"): what a name looks like. Categories look the same
 * ("Foster Care"); identifying.ts tells them apart by how often values repeat.
 */
export function isNameLike(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (words.length < 1 || words.length > 4 || text.trim() === '') return false;
  return words.every((w) => NAME_WORD.test(w));
}

/** Long or wordy text: notes and comments rather than a category. */
export function isFreeText(text: string): boolean {
  return text.length > 40 || text.trim().split(/\s+/).length >= 6;
}

/** Heading words, lower case, punctuation gone: "Carer's Name" → ["carer", "s", "name"]. */
export function headerWords(header: string): string[] {
  return header
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

interface HeaderRule {
  reason: IdentifyingReason;
  /** Matched against the heading's words joined by single spaces, padded with spaces. */
  pattern: RegExp;
}

// Order matters: the first rule that matches gives the reason ("Carer's phone" is phone numbers).
const HEADER_RULES: HeaderRule[] = [
  { reason: 'email addresses', pattern: / (e ?mail|email address)s? / },
  { reason: 'phone numbers', pattern: / (phone|telephone|tel|mobile|mob|contact number)s? / },
  { reason: 'NHS / CHI numbers', pattern: / (chi|nhs|community health index)( number| no)? / },
  { reason: 'postcodes', pattern: / post ?codes? / },
  { reason: 'addresses', pattern: / (address|addresses|street|town|city|village|house|home address|residence) / },
  { reason: 'dates of birth', pattern: / (dob|birth|born) / },
  {
    reason: "carers' details",
    pattern: / (carer|carers|foster carer|kinship carer|parent|parents|mother|mum|father|dad|sibling|siblings|family|grandparent|relative|guardian|birth family) /,
  },
  { reason: 'schools or GPs', pattern: / (school|nursery|college|gp|doctor|surgery|health visitor|practice) / },
  {
    reason: 'looks like names',
    pattern: / (name|names|forename|forenames|surname|surnames|first name|last name|family name|given name|known as|aka|initials|social worker|worker|key worker|allocated worker) /,
  },
  {
    reason: 'free text',
    pattern: / (notes?|comments?|free text|reasons?|details?|description|remarks?|summary|narrative|update|updates|actions?|history|concerns?|information|info|circumstances) /,
  },
  { reason: 'other ID numbers', pattern: / (id|ids|ref|reference|identifier|swift|carefirst|mosaic|scra|case number|file number|client number|ni number|national insurance) / },
];

/** Reasons a heading gives that are about a person, not the child's journey (so even a mapped column goes). */
const ABOUT_A_PERSON: ReadonlySet<IdentifyingReason> = new Set<IdentifyingReason>([
  'email addresses',
  'phone numbers',
  'NHS / CHI numbers',
  'postcodes',
  'addresses',
  "carers' details",
]);

/**
 * For a column the layout mapped to a PACE field: a heading that is plainly
 * about a person ("Mother's DOB", "Carer name", "Surname") overrides the
 * mapping. Softer words ("worker", "details") do not: "Allocated worker team"
 * is still the team.
 */
export function mappedHeaderReason(header: string): IdentifyingReason | null {
  const words = ` ${headerWords(header).join(' ')} `;
  const carers = HEADER_RULES.find((r) => r.reason === "carers' details") as HeaderRule;
  if (carers.pattern.test(words)) return "carers' details";
  if (/ (name|names|forename|forenames|surname|surnames) /.test(words)) return 'looks like names';
  const reason = headerReason(header);
  return reason !== null && ABOUT_A_PERSON.has(reason) ? reason : null;
}

/** Why a heading says its column identifies someone, or null. */
export function headerReason(header: string): IdentifyingReason | null {
  const words = headerWords(header);
  if (words.length === 0) return null;
  const padded = ` ${words.join(' ')} `;
  for (const rule of HEADER_RULES) if (rule.pattern.test(padded)) return rule.reason;
  return null;
}
