import { AUTHORITY_HEADER, authorityRows, EXPECTED_DROPS, TITLE_ROWS } from '../../../test/support/submissionFixtures';
import { contentReason, findIdentifyingColumns, isCategorical, patternReason } from './identifying';
import { layoutOf, serial, sheetGrid } from '../../../test/support/submission';

describe('findIdentifyingColumns on an authority sheet', () => {
  const { rows } = authorityRows();
  const grid = sheetGrid(AUTHORITY_HEADER, rows, TITLE_ROWS);
  const layout = layoutOf(grid);
  const found = findIdentifyingColumns(grid, layout);
  const byColumn = new Map(found.map((f) => [f.column, f]));

  it('finds exactly the identifying columns, with the reason a data lead reads', () => {
    expect(Object.fromEntries(found.map((f) => [f.column, f.reason]))).toEqual(EXPECTED_DROPS);
  });

  it('says whether the heading or the content gave each away', () => {
    for (const c of ['B', 'C', 'F', 'G', 'H', 'R']) expect(byColumn.get(c)?.detectedBy).toBe('header');
    for (const c of ['S', 'T', 'U', 'V', 'W', 'X']) expect(byColumn.get(c)?.detectedBy).toBe('content');
  });

  it('keeps the headings as written', () => {
    expect(byColumn.get('H')?.header).toBe('Foster carer name');
    expect(byColumn.get('S')?.header).toBe('Extra 1');
  });

  it('keeps the child ID, DOB, PACE fields, the local milestone and categories', () => {
    for (const c of ['A', 'D', 'E', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'Y', 'Z']) expect(byColumn.has(c)).toBe(false);
  });
});

describe('findIdentifyingColumns on other sheets', () => {
  it('drops a mapped text field whose content is plainly identifying (emails typed in the team column)', () => {
    const grid = sheetGrid(
      ['Child ID', 'Date became looked after', 'Permanence recommendation', 'Team'],
      [
        ['C1', serial('2020-01-01'), serial('2020-06-01'), 'sw.one@council.gov.uk'],
        ['C2', serial('2020-01-02'), '', 'sw.two@council.gov.uk'],
        ['C3', serial('2020-01-03'), '', 'North'],
      ],
    );
    const found = findIdentifyingColumns(grid, layoutOf(grid));
    expect(found).toEqual([{ column: 'D', header: 'Team', reason: 'email addresses', detectedBy: 'content' }]);
  });

  it("drops a parent's date of birth (even when taken for the child's) but keeps local milestone dates", () => {
    const grid = sheetGrid(
      ['Child ID', 'Date became looked after', 'Permanence recommendation', "Mother's DOB", 'Legal advice meeting'],
      [
        ['C1', serial('2020-01-01'), serial('2020-06-01'), serial('1990-05-05'), serial('2020-03-01')],
        ['C2', serial('2020-01-02'), '', serial('1988-07-07'), ''],
      ],
    );
    const found = findIdentifyingColumns(grid, layoutOf(grid));
    expect(found.map((f) => [f.column, f.reason, f.detectedBy])).toEqual([['D', "carers' details", 'header']]);
  });

  it('drops an unmapped column of many different short values (errs on dropping)', () => {
    const grid = sheetGrid(
      ['Child ID', 'Date became looked after', 'Permanence recommendation', 'Provider'],
      [
        ['C1', serial('2020-01-01'), '', 'Provider 17'],
        ['C2', serial('2020-01-02'), '', 'Provider 3'],
        ['C3', serial('2020-01-03'), '', 'Provider 22'],
        ['C4', serial('2020-01-04'), '', 'Provider 9'],
      ],
    );
    const found = findIdentifyingColumns(grid, layoutOf(grid));
    expect(found.map((f) => f.reason)).toEqual(['many different values']);
  });

  it('ignores empty columns with no heading', () => {
    const grid = sheetGrid(['Child ID', 'Date became looked after', 'Permanence recommendation', ''], [['C1', serial('2020-01-01'), '', '']]);
    expect(findIdentifyingColumns(grid, layoutOf(grid))).toEqual([]);
  });
});

describe('contentReason', () => {
  it('tells names from categories by repetition', () => {
    expect(contentReason(['Foster Care', 'Foster Care', 'Kinship Care', 'Foster Care', 'Kinship Care', 'Residential Unit'])).toBeNull();
    expect(contentReason(['Sarah Jones', 'Tom Reid', 'Ann Kerr', 'Iain Shaw'])).toBe('looks like names');
  });
  it('takes single first names as names', () => {
    expect(contentReason(['Jamie', 'Skye', 'Rory', 'Ailsa', 'Jamie'])).toBe('looks like names');
  });
  it('keeps small counts and yes/no, drops reference numbers', () => {
    expect(contentReason([1, 2, 3, 1, 2])).toBeNull();
    expect(contentReason([true, false, true])).toBeNull();
    expect(contentReason([450123, 450877, 451002])).toBe('other ID numbers');
  });
  it('finds free text even without a telling heading', () => {
    expect(contentReason(['Mum has moved to Aberdeen and wants contact', 'Awaiting report from the school on progress'])).toBe('free text');
  });
});

describe('patternReason', () => {
  it('needs a fair share of the column to match', () => {
    const mostlyTeams = ['North', 'South', 'North', 'Mid', 'South', 'North', 'Mid', 'North', 'South', 'IV2 3BW'];
    expect(patternReason(mostlyTeams)).toBeNull();
    expect(patternReason(['IV2 3BW', 'North', 'KW1 4DD'])).toBe('postcodes');
  });
  it('is null for an empty column', () => {
    expect(patternReason([])).toBeNull();
  });
});

describe('isCategorical', () => {
  it('wants few, repeated, short values', () => {
    expect(isCategorical(['Yes', 'No', 'No', 'Yes'])).toBe(true);
    expect(isCategorical(['A1', 'A2', 'A3', 'A4'])).toBe(false);
  });
});
