import type { CellValue } from '../grid';
import type { Finding } from '../model';
import type { PlannedSheet, ReportPlan } from '../report/plan';
import { dayFromIso } from '../dates';
import { AUTHORITY_HEADER, authorityRows, EXPECTED_DROPS, TITLE_ROWS } from '../../../test/support/submissionFixtures';
import { findIdentifyingColumns } from './identifying';
import { ageHeader, ageOn, birthMonth, dobScrubber, droppedValues, planSubmission, type SubmissionInput } from './plan';
import { assignPseudonyms, pseudonymInputs } from './pseudonym';
import { planTexts } from './scrub';
import { layoutOf, recordsOf, serial, sheetGrid } from '../../../test/support/submission';

/** A stand-in for the keyed hash (the real one is outside the core): distinct hex per ID. */
function fakeHmac(id: string): string {
  let h = 0x811c9dc5;
  const out: string[] = [];
  for (let round = 0; round < 4; round++) {
    for (const ch of `${round}:${id}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    out.push(h.toString(16).padStart(8, '0'));
  }
  return out.join('');
}

const { rows, ids } = authorityRows();
const grid = sheetGrid(AUTHORITY_HEADER, rows, TITLE_ROWS);
const layout = layoutOf(grid);
const records = recordsOf(grid, layout);
const drop = findIdentifyingColumns(grid, layout).map((c) => c.column);
const pseudonyms = assignPseudonyms(new Map(pseudonymInputs(records).map((id) => [id, fakeHmac(id)])));
const asOf = dayFromIso('2024-03-31') as number;
const madeOn = dayFromIso('2024-04-02') as number;

const findings: Finding[] = [
  {
    rule: 'duplicate-child-id',
    severity: 'error',
    cell: 'A5',
    row: 5,
    field: 'childId',
    childId: ids[0],
    message: `Child ID ${ids[0]} is also on row 9 (${ids[1]}'s row was checked too).`,
  },
  {
    rule: 'before-birth',
    severity: 'error',
    cell: 'I5',
    row: 5,
    field: 'lookedAfterStart',
    childId: ids[0],
    message: 'Became looked after (01/01/2009) is before the date of birth (01/01/2010). Check both dates.',
  },
  {
    rule: 'unmapped-local-column',
    severity: 'info',
    cell: 'H4',
    row: 4,
    field: null,
    childId: null,
    message: "Column H ('Foster carer name') is not used by the checks or aims.",
  },
  {
    rule: 'made-up-rule-quoting-a-value',
    severity: 'warning',
    cell: 'K6',
    row: 6,
    field: 'permanenceRecommendation',
    childId: ids[1],
    message: `Ask ${rows[1][7]} about this date (lives at ${rows[1][6]}).`,
  },
];

function input(overrides: Partial<SubmissionInput> = {}): SubmissionInput {
  return { grid, layout, records, findings, drop, dob: 'month', asOf, date1904: false, pseudonyms, madeOn, ...overrides };
}

function sheet(plan: ReportPlan, name: string): PlannedSheet {
  const found = plan.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** The sheet's cells as a grid from A1 (blocks placed where they say). */
function cells(s: PlannedSheet): CellValue[][] {
  const out: CellValue[][] = [];
  for (const block of s.blocks) {
    const m = /^([A-Z]+)(\d+)$/.exec(block.at) as RegExpExecArray;
    const col0 = m[1].charCodeAt(0) - 65;
    const row0 = Number(m[2]) - 1;
    block.values.forEach((r, i) => {
      out[row0 + i] = out[row0 + i] ?? [];
      r.forEach((v, j) => (out[row0 + i][col0 + j] = v));
    });
  }
  return out;
}

describe('planSubmission', () => {
  const plan = planSubmission(input());
  const data = cells(sheet(plan, 'PACE data'));

  it('makes a Cover, a PACE data and a Findings sheet', () => {
    expect(plan.sheets.map((s) => s.name)).toEqual(['Cover', 'PACE data', 'Findings']);
    expect(plan.asOf).toBe('2024-03-31');
  });

  it('puts the pseudonymous ID first, then the kept columns in the sheet order, DOB reduced to month', () => {
    expect(data[0]).toEqual([
      'Pseudonymous ID',
      'Birth month (yyyy-mm)',
      'Gender',
      'Date became looked after',
      'Date first accommodated',
      'LAC review recommends permanence',
      'Panel date',
      'ADM decision',
      'Legal advice meeting',
      'Placement type',
      'Team',
      'Ethnicity',
      'Number of placements',
      'Disability',
    ]);
    expect(data).toHaveLength(13);
  });

  it('writes one row per child with its pseudonym, birth month and dates as serials', () => {
    const first = data[1];
    expect(first[0]).toBe(pseudonyms.get(ids[0]));
    expect(first[1]).toBe('2010-01');
    expect(first[2]).toBe('Female');
    expect(first[3]).toBe(rows[0][8]); // a 1900-system serial stays the same serial
    expect(first[8]).toBe(rows[0][13]); // the local milestone is kept as a date
    expect(first[12]).toBe(1);
    const block = sheet(plan, 'PACE data').blocks[1];
    expect(block.columnFormats?.[3]).toBe('dd/mm/yyyy');
    expect(block.columnFormats?.[2]).toBeNull();
  });

  it('converts dates for a 1904-system workbook', () => {
    const other = cells(sheet(planSubmission(input({ date1904: true })), 'PACE data'));
    expect(other[1][3]).toBe((rows[0][8] as number) - 1462);
  });

  it('never contains a value of a dropped column or an original child ID, anywhere', () => {
    const texts = planTexts(plan).map((t) => t.toLowerCase());
    const forbidden = [...droppedValues(grid, layout, drop), ...ids];
    expect(forbidden.length).toBeGreaterThan(100);
    for (const value of forbidden) {
      const needle = value.toLowerCase();
      const hit = texts.find((t) => t.includes(needle));
      expect(hit === undefined ? value : `${value} found in: ${hit}`).toBe(value);
    }
  });

  it('replaces IDs in findings and their messages, and the full date of birth by month and year', () => {
    const rowsOut = cells(sheet(plan, 'Findings'));
    expect(rowsOut[0]).toEqual(['Rule', 'Severity', 'Field', 'Pseudonymous ID', 'Cell on the original sheet', 'Message']);
    const duplicate = rowsOut.find((r) => r[0] === 'duplicate-child-id') as CellValue[];
    expect(duplicate[3]).toBe(pseudonyms.get(ids[0]));
    expect(duplicate[5]).toBe(`Child ID ${pseudonyms.get(ids[0])} is also on row 9 (${pseudonyms.get(ids[1])}'s row was checked too).`);
    const beforeBirth = rowsOut.find((r) => r[0] === 'before-birth') as CellValue[];
    expect(beforeBirth[5]).toBe('Became looked after (01/01/2009) is before the date of birth (--/01/2010). Check both dates.');
  });

  it('leaves out findings about dropped columns and removes dropped values quoted in messages', () => {
    const rowsOut = cells(sheet(plan, 'Findings'));
    expect(rowsOut.some((r) => r[0] === 'unmapped-local-column')).toBe(false);
    const quoting = rowsOut.find((r) => r[0] === 'made-up-rule-quoting-a-value') as CellValue[];
    expect(quoting[5]).toBe('Ask [removed] about this date (lives at [removed]).');
  });

  it('says on the cover what this is, when, from where, what was dropped and why, and what to do', () => {
    const text = cells(sheet(plan, 'Cover')).flat().filter((v) => v !== undefined && v !== null).map(String).join('\n');
    expect(text).toContain('PACE submission copy (de-identified)');
    expect(text).toContain("Made on 02/04/2024 from the sheet 'Tracker', with data as of 31/03/2024.");
    expect(text).toContain('Children\n12');
    expect(text).toContain('Columns dropped\n12');
    expect(text).toContain('Foster carer name');
    expect(text).toContain('It is about carers or family members (found from its heading).');
    expect(text).toContain('It holds NHS / CHI numbers (found from its contents).');
    expect(text).toContain("Reduced to month and year only (yyyy-mm), in the column 'Birth month (yyyy-mm)'.");
    expect(text).toContain('secret key that stays with your authority');
    expect(text).toContain('1 finding was about dropped columns and left out.');
    expect(text).toContain('Before you send it');
    for (const letter of Object.keys(EXPECTED_DROPS)) expect(text).toContain(`\n${letter}\n`);
  });

  it('shows a column the user chose to drop as their choice', () => {
    const text = cells(sheet(planSubmission(input({ drop: [...drop, 'Q'] })), 'Cover')).flat().map(String).join('\n');
    expect(text).toContain('Ethnicity\nYou chose to leave it out.');
  });

  it('prints the authority note', () => {
    const text = cells(sheet(planSubmission(input({ authorityNote: 'Contact the data team on extension 4021.' })), 'Cover')).flat().map(String).join('\n');
    expect(text).toContain('Contact the data team on extension 4021.');
  });

  it('replaces the date of birth by whole-year ages at each milestone in age mode', () => {
    const agePlan = planSubmission(input({ dob: 'age' }));
    const out = cells(sheet(agePlan, 'PACE data'));
    expect(out[0].slice(1, 7)).toEqual([
      'Age at looked after',
      'Age at first accommodated',
      'Age at recommendation',
      'Age at panel',
      'Age at ADM decision',
      'Gender',
    ]);
    // Child 0: born 01/01/2010, looked after 10/01/2019, recommendation 01/09/2019.
    expect(out[1][1]).toBe(9);
    expect(out[1][3]).toBe(9);
    // Child 2 has no recommendation date: no age.
    expect(out[3][3]).toBeNull();
    expect(planTexts(agePlan).some((t) => t.includes('2010-01'))).toBe(false);
    const findingsOut = cells(sheet(agePlan, 'Findings'));
    expect((findingsOut.find((r) => r[0] === 'before-birth') as CellValue[])[5]).toContain('before the date of birth (withheld)');
  });

  it('keeps short notes typed in a date column but removes personal ones, also from messages', () => {
    const g = sheetGrid(
      ['Child ID', 'Date of birth', 'Date became looked after', 'Permanence recommendation'],
      [
        ['C1', serial('2015-05-05'), 'tbc', serial('2020-01-01')],
        ['C2', serial('2016-06-06'), 'ring Sarah Jones', ''],
      ],
    );
    const l = layoutOf(g);
    const recs = recordsOf(g, l);
    const quoting: Finding = {
      rule: 'unreadable-date',
      severity: 'error',
      cell: 'C3',
      row: 3,
      field: 'lookedAfterStart',
      childId: 'C2',
      message: "'ring Sarah Jones' cannot be read as a date.",
    };
    const p = planSubmission({ ...input(), grid: g, layout: l, records: recs, findings: [quoting], drop: [], pseudonyms: new Map([['C1', 'P-1'], ['C2', 'P-2']]) });
    const out = cells(sheet(p, 'PACE data'));
    expect(out[1]).toEqual(['P-1', '2015-05', 'tbc', serial('2020-01-01')]);
    expect(out[2]).toEqual(['P-2', '2016-06', '(text removed: not a date)', null]);
    expect(cells(sheet(p, 'Findings'))[1][5]).toBe("'[removed]' cannot be read as a date.");
  });
});

describe('planSubmission on a sheet with no children, no ID and no DOB column', () => {
  it('writes the headings only and says what is missing on the cover', () => {
    const g = sheetGrid(['Date became looked after', 'Permanence recommendation', 'ADM decision'], []);
    const l = layoutOf(g);
    const p = planSubmission({ grid: g, layout: l, records: [], findings: [], drop: [], dob: 'age', asOf, date1904: false, pseudonyms: new Map(), madeOn });
    expect(cells(sheet(p, 'PACE data'))).toEqual([['Pseudonymous ID', 'Date became looked after', 'Permanence recommendation', 'ADM decision']]);
    const text = cells(sheet(p, 'Cover')).flat().map(String).join('\n');
    expect(text).toContain('Children\n0');
    expect(text).toContain('No date of birth column is included.');
    expect(text).toContain('No child ID column was found');
    expect(text).toContain('None: every column of the sheet is in the copy.');
  });
});

describe('small helpers', () => {
  it('ageOn counts whole years, the birthday counting on the day', () => {
    const birth = dayFromIso('2012-06-15') as number;
    expect(ageOn(birth, dayFromIso('2020-06-14') as number)).toBe(7);
    expect(ageOn(birth, dayFromIso('2020-06-15') as number)).toBe(8);
    expect(ageOn(birth, dayFromIso('2011-01-01') as number)).toBeNull();
  });
  it("dobScrubber hides only the finding's own child's date of birth", () => {
    const born = (row: number, iso: string) => ({
      row,
      childId: `C${row}`,
      text: {},
      dates: { dateOfBirth: { reading: 'dateCell' as const, day: dayFromIso(iso) as number, raw: serial(iso) } },
      respite: null,
      cells: {},
    });
    const scrub = dobScrubber([born(5, '2015-03-04'), born(6, '2016-07-08')], 'month');
    expect(scrub('Panel (08/07/2016) is before the date of birth (04/03/2015), born 2015-03-04.', 5)).toBe(
      'Panel (08/07/2016) is before the date of birth (--/03/2015), born 2015-03.',
    );
    expect(dobScrubber([born(5, '2015-03-04')], 'age')('before the date of birth (04/03/2015)', 5)).toBe('before the date of birth (withheld)');
    expect(scrub('04/03/2015', 7)).toBe('04/03/2015');
  });
  it('birthMonth is yyyy-mm', () => {
    expect(birthMonth(dayFromIso('2012-06-15') as number)).toBe('2012-06');
  });
  it('ageHeader uses the short label, or the local milestone name', () => {
    expect(ageHeader({ field: 'admDecision', header: 'ADM', column: 'A', confidence: 1 })).toBe('Age at ADM decision');
    expect(ageHeader({ field: 'legalAdviceMeeting', header: 'Legal advice meeting', column: 'A', confidence: 1, label: 'Legal advice meeting' })).toBe(
      'Age at legal advice meeting',
    );
  });
});
