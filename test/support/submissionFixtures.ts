/**
 * A realistic authority sheet for the submission tests: title rows, PACE
 * columns in the authority's wording, local columns, and identifying columns
 * both with telling headings and with unhelpful ones ("Extra 1") where only
 * the content gives them away. Used only by tests.
 */
import type { CellValue } from '../../src/core/grid';
import { serial } from './submission';

export const AUTHORITY_HEADER = [
  'CLAS ID', // A childId
  "Child's Forename", // B names (header)
  'Surname', // C names (header)
  'DOB', // D dateOfBirth
  'Gender', // E gender
  'Home address', // F addresses (header)
  'Postcode', // G postcodes (header)
  'Foster carer name', // H carers (header)
  'Date became looked after', // I
  'Date first accommodated', // J
  'LAC review recommends permanence', // K
  'Panel date', // L
  'ADM decision', // M
  'Legal advice meeting', // N local milestone (unmapped dates: kept)
  'Placement type', // O
  'Team', // P
  'Ethnicity', // Q categorical (kept)
  'Notes', // R free text (header)
  'Extra 1', // S names (content only)
  'Extra 2', // T CHI numbers (content only)
  'Extra 3', // U postcodes (content only)
  'Extra 4', // V phone numbers (content only)
  'Extra 5', // W email (content only)
  'Extra 6', // X free text (content only)
  'Number of placements', // Y small counts (kept)
  'Disability', // Z categorical (kept)
];

export const EXPECTED_DROPS: Record<string, string> = {
  B: 'looks like names',
  C: 'looks like names',
  F: 'addresses',
  G: 'postcodes',
  H: "carers' details",
  R: 'free text',
  S: 'looks like names',
  T: 'NHS / CHI numbers',
  U: 'postcodes',
  V: 'phone numbers',
  W: 'email addresses',
  X: 'free text',
};

const FIRST = ['Amy', 'Ben', 'Cara', 'Dylan', 'Eilidh', 'Finlay', 'Grace', 'Harris', 'Isla', 'Jack', 'Kirsty', 'Lewis'];
const LAST = ['Smith', 'MacLeod', 'Fraser', 'Munro', 'Ross', 'Mackenzie', 'Grant', 'Sutherland', 'Cameron', 'Macdonald', 'Reid', 'Paterson'];
const CARERS = ['Joan Brown', 'Peter Wilson', 'Ann Kerr', 'Iain Shaw', 'Morag Bell', 'Colin Hay', 'Fiona Watt', 'Derek Gunn', 'Sheila Rae', 'Alan Boyd', 'Lorna Dick', 'Neil Baird'];
const TOWNS = ['Inverness', 'Nairn', 'Dingwall', 'Thurso', 'Wick', 'Fort William'];
const STREETS = ['High Street', 'Mill Wynd', 'Castle Road', 'Union Street', 'Church Lane', 'Harbour Place'];
const POSTCODES = ['IV2 3BW', 'IV12 4AA', 'IV15 9QX', 'KW14 7AB', 'KW1 4DD', 'PH33 6EU'];
const NOTES = [
  'Mum now living in Aberdeen, contact every second Saturday',
  'Awaiting report from school before the review',
  'Grandmother considered as kinship carer, assessment ongoing',
  'Sibling placed separately; contact arrangements agreed',
  'Delay due to court availability over the summer',
  'Carers keen to adopt, legal advice sought in March',
];

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export interface AuthoritySheet {
  rows: CellValue[][];
  ids: string[];
}

/** Twelve children; IDs like "HC100023". Dates as 1900-system serials. */
export function authorityRows(count = 12): AuthoritySheet {
  const rows: CellValue[][] = [];
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = `HC1${pad(i * 7 + 3, 5)}`;
    ids.push(id);
    const birthYear = 2010 + (i % 8);
    const dob = `${birthYear}-${pad((i % 12) + 1, 2)}-${pad((i % 27) + 1, 2)}`;
    const chi = `${pad((i % 27) + 1, 2)}${pad((i % 12) + 1, 2)}${String(birthYear).slice(2)}${pad(1000 + i * 37, 4)}`;
    const start = 2019 + (i % 4);
    rows.push([
      id,
      FIRST[i % FIRST.length],
      LAST[i % LAST.length],
      serial(dob),
      i % 2 === 0 ? 'Female' : 'Male',
      `${i + 3} ${STREETS[i % STREETS.length]}, ${TOWNS[i % TOWNS.length]}`,
      POSTCODES[i % POSTCODES.length],
      CARERS[i % CARERS.length],
      serial(`${start}-01-1${i % 9}`),
      serial(`${start}-02-1${i % 9}`),
      i % 3 === 2 ? '' : serial(`${start}-09-0${(i % 9) + 1}`),
      i % 3 === 0 ? serial(`${start}-11-2${i % 9}`) : '',
      i % 3 === 0 ? serial(`${start + 1}-01-1${i % 9}`) : '',
      i % 4 === 0 ? serial(`${start}-10-0${(i % 9) + 1}`) : '',
      ['Foster care', 'Kinship care', 'Residential', 'Home'][i % 4],
      ['North', 'South', 'Mid'][i % 3],
      ['White Scottish', 'White other British', 'Mixed'][i % 3],
      NOTES[i % NOTES.length],
      `${FIRST[(i + 5) % FIRST.length]} ${LAST[(i + 3) % LAST.length]}`,
      chi,
      POSTCODES[(i + 2) % POSTCODES.length],
      `07700 9${pad(i * 1111 % 100000, 5)}`,
      `${FIRST[i % FIRST.length].toLowerCase()}.${LAST[i % LAST.length].toLowerCase()}@example.org`,
      `Allocated worker changed in ${TOWNS[(i + 1) % TOWNS.length]} after the ${['spring', 'summer', 'autumn'][i % 3]} review meeting`,
      (i % 5) + 1,
      i % 4 === 1 ? 'Yes' : 'No',
    ]);
  }
  return { rows, ids };
}

export const TITLE_ROWS: CellValue[][] = [['Highland Council: PACE permanence tracker'], ['Extracted from CareFirst on 31/03/2024'], []];
