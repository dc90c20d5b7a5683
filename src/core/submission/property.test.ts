import fc from 'fast-check';
import type { Finding } from '../model';
import { findIdentifyingColumns } from './identifying';
import { planSubmission } from './plan';
import { assignPseudonyms, pseudonymInputs } from './pseudonym';
import { planTexts } from './scrub';
import { layoutOf, recordsOf, serial, sheetGrid } from '../../../test/support/submission';

/** A distinct stand-in hash per ID (the real keyed hash is outside the core). */
function fakeHmac(id: string): string {
  let h = 2166136261;
  let out = '';
  for (let round = 0; round < 4; round++) {
    for (const ch of `${round}${id}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** True when `needle` appears as a whole word or number in any text of the plan. */
function appearsIn(texts: string[], needle: string): boolean {
  const pattern = new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(needle)}(?![A-Za-z0-9])`, 'i');
  return texts.some((t) => pattern.test(t));
}

const idArb = fc.stringMatching(/^[A-Z]{1,3}[0-9]{3,7}$/);
const nameArb = fc.tuple(fc.stringMatching(/^[A-Z][a-z]{3,8}$/), fc.stringMatching(/^[A-Z][a-z]{3,9}$/)).map(([a, b]) => `${a} ${b}`);
const phoneArb = fc.integer({ min: 100000, max: 999999 }).map((n) => `07700 9${String(n).slice(0, 5)}`);

describe('planSubmission never leaks (property)', () => {
  it('no original ID and no value of a dropped column appears anywhere in the plan, whatever the data and messages', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(idArb, { minLength: 1, maxLength: 12, selector: (s) => s.toLowerCase() }),
        fc.array(nameArb, { minLength: 12, maxLength: 12 }),
        fc.array(phoneArb, { minLength: 12, maxLength: 12 }),
        fc.array(fc.nat({ max: 11 }), { minLength: 1, maxLength: 6 }),
        (ids, names, phones, quoted) => {
          const rows = ids.map((id, i) => [
            id,
            serial(`201${i % 10}-0${(i % 9) + 1}-1${i % 10}`),
            serial(`2020-0${(i % 9) + 1}-0${(i % 9) + 1}`),
            i % 2 === 0 ? serial('2020-12-01') : '',
            ['North', 'South'][i % 2],
            names[i],
            phones[i],
            `Spoke to ${names[i]} on ${phones[i]} about ${id}`,
          ]);
          const grid = sheetGrid(
            ['Child ID', 'Date of birth', 'Date became looked after', 'Permanence recommendation', 'Team', 'Full name', 'Carer phone', 'Notes'],
            rows,
          );
          const layout = layoutOf(grid);
          const records = recordsOf(grid, layout);
          const drop = findIdentifyingColumns(grid, layout).map((c) => c.column);
          const findings: Finding[] = quoted.map((q) => {
            const i = q % ids.length;
            return {
              rule: 'made-up',
              severity: 'warning',
              cell: `C${i + 2}`,
              row: i + 2,
              field: 'lookedAfterStart',
              childId: ids[i],
              message: `Child ${ids[i]} (${names[i]}, ${phones[i]}) is also ${ids[(i + 1) % ids.length]}.`,
            };
          });
          const pseudonyms = assignPseudonyms(new Map(pseudonymInputs(records).map((id) => [id, fakeHmac(id)])));
          const plan = planSubmission({ grid, layout, records, findings, drop, dob: 'month', asOf: 19813, date1904: false, pseudonyms, madeOn: 19813 });
          const texts = planTexts(plan);
          expect(drop).toEqual(['F', 'G', 'H']);
          for (const id of ids) expect(appearsIn(texts, id) ? id : null).toBeNull();
          for (const value of [...names, ...phones]) expect(appearsIn(texts, value) ? value : null).toBeNull();
          // The pseudonyms are what stands in for the IDs.
          for (const id of ids) expect(appearsIn(texts, pseudonyms.get(id) as string)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});
