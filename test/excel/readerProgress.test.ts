/**
 * The reader says which rows its next request fetches, so the pane can show
 * "Reading rows 8,001–12,000 of 20,000 rows" while that request is on its way.
 */
import { createFakeExcel } from '../fake-excel';
import { readSheet } from '../../src/excel/reader';
import { envOf, trackerValues } from './helpers';

describe('readSheet progress', () => {
  it('announces each request before it is sent, and the announced rows are the rows then read', async () => {
    const { values, numberFormats } = trackerValues(20_000, 25);
    const fake = createFakeExcel({ sheets: [{ name: 'Tracker', values, numberFormats }] });
    const calls: { read: number; total: number; coming: number | undefined }[] = [];
    await readSheet(envOf(fake), 'Tracker', (read, total, coming) => calls.push({ read, total, coming }));
    expect(calls.length).toBeGreaterThan(2);
    for (let i = 0; i < calls.length - 1; i++) {
      // What was announced as coming is exactly what the next report says was read.
      expect(calls[i + 1].read - calls[i].read).toBe(calls[i].coming);
    }
    const last = calls[calls.length - 1];
    expect(last).toEqual({ read: values.length, total: values.length, coming: 0 });
  });
});
