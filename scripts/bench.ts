/**
 * Benchmarks for a 20,000-child workbook: reading and decoding, checks,
 * measures and run charts, the Office.js adapter's syncs and request sizes on
 * the strict fake, and the .xlsx report against a plain exceljs round trip.
 * Each timing is the median of several runs after a warm-up; goals from the
 * issues are printed beside the figures.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { buildSampleBuffer, SAMPLE_AS_OF } from '../src/xlsx/testing/sample';
import { readWorkbookBuffer } from '../src/xlsx/read';
import { writeReportFile } from '../src/xlsx/writeReport';
import { analyseWorkbook, aimsOrPresets, planReport, runAims, runCheck } from '../src/core/usecases/pipeline';
import { dayFromIso } from '../src/core/dates';
import { createExcelPort } from '../src/excel';
import { fakeFromGrid } from '../test/fake-excel';

const CHILDREN = 20_000;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

async function time<T>(runs: number, work: () => T | Promise<T>): Promise<{ ms: number; result: T }> {
  let result = await work(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    result = await work();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { ms: median(samples), result };
}

function line(label: string, value: string, goal = ''): void {
  console.log(`  ${label.padEnd(58)} ${value.padStart(12)}${goal ? `   (goal: ${goal})` : ''}`);
}

export async function main(argv: string[]): Promise<void> {
  const children = Number(argv[0] ?? CHILDREN);
  const asOf = dayFromIso(SAMPLE_AS_OF) as number;
  console.log(`PACE Permanence Tracker benchmark: ${children.toLocaleString('en-GB')} children, Node ${process.version}, ${os.cpus().length} cores`);

  const { buffer } = await buildSampleBuffer({ children, extraLocalColumns: true, notesSheet: false });
  const workbook = await readWorkbookBuffer(buffer);
  const grid = workbook.sheets[0];
  const columns = grid.values[grid.values.length - 1]?.length ?? 0;
  console.log(`  workbook: ${(buffer.length / 1e6).toFixed(1)} MB, ${grid.values.length.toLocaleString('en-GB')} rows × ${columns} columns`);

  console.log('\nCore (pure TypeScript)');
  const reading = await time(7, () => analyseWorkbook(workbook));
  line('read and decode (header, mapping, every date)', `${reading.ms.toFixed(1)} ms`, '< 100 ms');
  const sheet = reading.result;
  const check = await time(7, () => runCheck(sheet, asOf));
  line(`check (${check.result.findings.length.toLocaleString('en-GB')} findings)`, `${check.ms.toFixed(1)} ms`, '< 200 ms');
  const aims = aimsOrPresets(null);
  const checkWithAims = await time(7, () => runCheck(sheet, asOf, aims));
  line(`check with the preset aims (${checkWithAims.result.findings.length.toLocaleString('en-GB')} findings)`, `${checkWithAims.ms.toFixed(1)} ms`, '< 200 ms');
  const measured = await time(7, () => runAims(sheet, aims, asOf));
  line(`measures and run charts (${aims.aims.length} aims)`, `${measured.ms.toFixed(1)} ms`, '< 200 ms');
  const planned = await time(5, () => planReport(sheet, aims, asOf));
  line('whole report plan (check + aims + sheets)', `${planned.ms.toFixed(1)} ms`);

  console.log('\nOffice.js adapter on the strict fake of Excel');
  const fake = fakeFromGrid(workbook);
  const port = createExcelPort(fake.Excel, fake.Office);
  fake.resetCounters();
  const t0 = Date.now();
  await port.readSheet(grid.sheetName);
  const readMs = Date.now() - t0;
  line('syncs to read the sheet', String(fake.syncCount), 'one per chunk plus one');
  line('largest request', `${(fake.largestRequestBytes / 1024).toFixed(0)} KB`, 'far below 5 MB');
  line('requests (chunks)', String(fake.requests.length));
  line('time to read through the fake', `${readMs} ms`);
  fake.resetCounters();
  await port.writeReport(planned.result.plan);
  line(`syncs to write the report (${planned.result.plan.sheets.length} sheets)`, String(fake.syncCount), 'at most 10');
  line('largest request while writing', `${(fake.largestRequestBytes / 1024).toFixed(0)} KB`);

  console.log('\n.xlsx report (command line)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pace-bench-'));
  const input = path.join(dir, 'in.xlsx');
  fs.writeFileSync(input, buffer);
  const floor = await time(3, async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(input);
    await wb.xlsx.writeFile(path.join(dir, 'plain.xlsx'));
  });
  line('plain exceljs read and write of the same file (the floor)', `${floor.ms.toFixed(0)} ms`);
  const report = await time(3, async () => {
    const wb = await readWorkbookBuffer(fs.readFileSync(input));
    const loaded = analyseWorkbook(wb);
    const { plan } = planReport(loaded, aims, asOf);
    await writeReportFile(input, plan, path.join(dir, 'report.xlsx'));
  });
  line('pace-tracker report, end to end', `${report.ms.toFixed(0)} ms`);
  line('ratio to the floor', `${(report.ms / floor.ms).toFixed(2)}×`, '≤ 1.5×');
  fs.rmSync(dir, { recursive: true, force: true });
}
