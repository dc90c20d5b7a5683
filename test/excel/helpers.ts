/** Shared builders for the adapter tests. */
import type { CellValue } from '../../src/core/grid';
import type { ExcelEnv } from '../../src/excel/env';
import type { FakeExcel } from '../fake-excel';

export function envOf(fake: FakeExcel): ExcelEnv {
  return { excel: fake.Excel, office: fake.Office };
}

/** A PACE-like sheet: a title row, a blank row, a header row, then `rows` children. */
export function trackerValues(rows: number, columns = 25): { values: CellValue[][]; numberFormats: string[][] } {
  const header = Array.from({ length: columns }, (_, c) => (c === 0 ? 'Child ID' : c < 10 ? `Milestone ${c}` : `Note ${c}`));
  const values: CellValue[][] = [['PACE tracker'], [], header];
  const numberFormats: string[][] = [[], [], header.map(() => 'General')];
  for (let r = 0; r < rows; r++) {
    values.push(Array.from({ length: columns }, (_, c) => (c === 0 ? `C${String(r).padStart(5, '0')}` : c < 10 ? 43000 + ((r * 7 + c * 31) % 2000) : c === 12 && r % 50 === 0 ? '#N/A' : `note ${r % 13}`)));
    numberFormats.push(Array.from({ length: columns }, (_, c) => (c > 0 && c < 10 ? 'dd/mm/yyyy' : 'General')));
  }
  return { values, numberFormats };
}
