/**
 * A placements sheet for tests (one row per placement: child ID, start, end,
 * type), added to a copy of a workbook, never to the committed sample (its
 * outputs are guarded byte for byte: test/guard/sample-outputs.test.ts).
 */
import ExcelJS from 'exceljs';

/** [child ID, start, end, type]: ISO dates become real Excel dates; other text is written as typed. */
export type PlacementRow = [string, string, string, string];

/** Placements for three of the sample's children, and one row whose start cannot be read. */
export const SAMPLE_PLACEMENTS: readonly PlacementRow[] = [
  // SYN0003 (looked after 14/03/2019, Residential): foster care, then two residential units, the last still going.
  ['SYN0003', '2019-03-14', '2019-09-02', 'Foster care'],
  ['SYN0003', '2019-09-02', '2020-04-20', 'Residential unit'],
  ['SYN0003', '2020-04-20', '', 'Residential unit'],
  // SYN0007 (looked after 14/06/2019): foster care, then the permanent foster carers from 09/10/2020.
  ['SYN0007', '2019-06-14', '2020-10-09', 'Foster care'],
  ['SYN0007', '2020-10-09', '', 'Permanent foster care'],
  ['SYN0007', 'tbc', '2020-10-09', 'Foster care'],
  ['SYN0100', '2021-01-04', '', 'Kinship care'],
];

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The workbook with a "Placements" sheet added after its others (a title row, a blank row, then the headings in row 3). */
export async function withPlacementsSheet(workbookBytes: Uint8Array | Buffer, rows: readonly PlacementRow[] = SAMPLE_PLACEMENTS, name = 'Placements'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(workbookBytes as unknown as ExcelJS.Buffer);
  const sheet = workbook.addWorksheet(name);
  sheet.getCell('A1').value = 'Placement history – synthetic data, fictional children';
  sheet.getRow(3).values = ['Child ID', 'Placement start', 'Placement end', 'Placement type'];
  rows.forEach((row, i) => {
    row.forEach((value, c) => {
      const cell = sheet.getCell(4 + i, c + 1);
      if (ISO.test(value)) {
        cell.value = new Date(`${value}T00:00:00Z`);
        cell.numFmt = 'dd/mm/yyyy';
      } else if (value !== '') cell.value = value;
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
