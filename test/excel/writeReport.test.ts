import { createFakeExcel, FakeExcel } from '../fake-excel';
import { WRITE_BUDGET_BYTES, writeReport } from '../../src/excel/writeReport';
import { OWNED_SHEETS_KEY } from '../../src/excel/settings';
import { listSheets } from '../../src/excel/reader';
import { envOf } from './helpers';
import { aimSheetName, issuesSheet, reportPlan } from './planFixture';

function workbook(extraSheets: { name: string; values: (string | number)[][] }[] = [], tables: { name: string; range: string }[] = []): FakeExcel {
  return createFakeExcel({
    sheets: [{ name: 'Tracker', values: [['PACE'], [], ['Child ID', 'Date LAC'], ['C1', 43000]], tables: [] }, ...extraSheets.map((s, i) => ({ ...s, tables: i === 0 ? tables : [] }))],
  });
}

const liveNames = (fake: FakeExcel) => fake.workbook.liveSheets().map((s) => s.name);

describe('writeReport', () => {
  it('writes a 4-aim report in a handful of syncs, first report sheet active', async () => {
    const fake = workbook();
    const plan = reportPlan(4, 300, 20, 200);
    await writeReport(envOf(fake), plan);
    expect(liveNames(fake)).toEqual(['Tracker', 'PACE Summary', 'PACE Issues', aimSheetName(1), aimSheetName(2), aimSheetName(3), aimSheetName(4)]);
    expect(fake.syncCount).toBeLessThanOrEqual(10);
    expect(fake.workbook.activeSheet?.name).toBe('PACE Summary');
    const owned = JSON.parse(fake.workbook.settings.get(OWNED_SHEETS_KEY)?.value as string);
    expect(owned.map((o: { name: string }) => o.name)).toEqual(plan.sheets.map((s) => s.name));
    expect(owned.map((o: { id: string }) => o.id)).toEqual(plan.sheets.map((s) => fake.sheet(s.name).id));
  });

  it('writes values, number formats, styles, widths, links, tables and frozen rows as planned', async () => {
    const fake = workbook();
    await writeReport(envOf(fake), reportPlan(1, 30, 5, 10));
    const aim = fake.sheet(aimSheetName(1));
    expect(aim.value(0, 0)).toBe('Aim 1: recommendation within 26 weeks of accommodation');
    expect(aim.format(0, 0)).toEqual({ bold: true, size: 16 });
    expect(aim.format(1, 0)).toEqual({ size: 12 });
    expect(aim.format(6, 0)).toEqual({ italic: true, color: '#595959', wrapText: true });
    // Wrapped rows are fitted to their text; other rows keep Excel's height.
    // … after the column widths are set (Excel fits a row to the widths of the moment).
    expect(aim.autofitRows.get(6)).toBe(aim.widthsKey());
    expect(aim.autofitRows.has(7)).toBe(false);
    expect(aim.format(7, 0)).toEqual({ bold: true, size: 12 });
    expect(aim.value(8, 3)).toBe('End');
    expect(aim.value(9, 3)).toBe(43200);
    expect(aim.numberFormat(9, 3)).toBe('dd/mm/yyyy');
    expect(aim.numberFormat(9, 4)).toBe('0.0');
    // The Child ID column is text, formatted as text before its values are written.
    expect(aim.numberFormat(9, 0)).toBe('@');
    expect(aim.numberFormat(4, 1)).toBe('0.0"%"');
    expect(aim.columnWidths.get(0)).toBeCloseTo((12 * 7 + 5) * 0.75);
    expect(aim.tabColor).toBe('#2F5597');
    expect(aim.hyperlinks.get('9,1')).toEqual({ documentReference: "'Tracker'!A4", textToDisplay: '4', screenTip: 'Go to the child on the tracker' });
    const children = fake.workbook.liveTables().find((t) => t.name === 'PACE_Aim1_Children');
    expect(children).toEqual(expect.objectContaining({ rect: { r0: 8, c0: 0, rows: 31, cols: 9 }, style: 'TableStyleMedium2' }));
    expect(children?.sheet).toBe(aim);
    expect(fake.sheet('PACE Issues').freezeRows).toBe(3);
    expect(fake.sheet('PACE Summary').freezeRows).toBe(0);
  });

  it('binds every chart series to the planned ranges, with the planned look', async () => {
    const fake = workbook();
    await writeReport(envOf(fake), reportPlan(2, 40, 6, 5));
    const sheet = `'${aimSheetName(2)}'`;
    const run = fake.chart(aimSheetName(2), 'aim2RunChart');
    expect(run.type).toBe('LineMarkers');
    expect(run.series.filter((s) => s.deleted)).toHaveLength(1); // Excel's default series, replaced
    expect(run.title).toBe('Aim 2: weeks from accommodation to recommendation');
    expect(run.series.filter((s) => !s.deleted).map((s) => [s.name, s.values, s.xValues])).toEqual([
      ['Weeks', `${sheet}!E10:E49`, `${sheet}!D10:D49`],
      ['Median', `${sheet}!G10:G49`, `${sheet}!D10:D49`],
      ['Target (26 weeks)', `${sheet}!H10:H49`, `${sheet}!D10:D49`],
      ['Tests of change', `${sheet}!I10:I49`, `${sheet}!D10:D49`],
    ]);
    const [weeks, median, target, changes] = run.series.filter((s) => !s.deleted);
    expect([weeks.lineStyle, weeks.lineColor, weeks.lineWeight, weeks.markerStyle, weeks.markerSize, weeks.markerBackgroundColor]).toEqual(['Continuous', '#1F4E79', 1.5, 'Circle', 5, '#1F4E79']);
    expect([median.lineStyle, median.markerStyle]).toEqual(['Dash', 'None']);
    expect([target.lineStyle, target.lineColor]).toEqual(['Dash', '#C00000']);
    expect([changes.lineStyle, changes.markerStyle, changes.hasDataLabels, changes.showSeriesName, changes.showValue]).toEqual(['None', 'Triangle', true, true, false]);
    expect(run.categoryAxis).toEqual({ title: 'Date of recommendation', categoryType: 'TextAxis', numberFormat: 'dd/mm/yyyy', minimum: null, maximum: null, reversePlotOrder: false });
    expect(run.valueAxis.title).toBe('Weeks');
    expect(run.valueAxis.minimum).toBe(0);
    expect(run.valueAxis.maximum).toBe(120);
    expect(run.position).toEqual({ from: 'P2', to: 'Z22' });
    expect(run.legendVisible).toBe(true);

    const bars = fake.chart(aimSheetName(2), 'aim2Waiting');
    expect(bars.type).toBe('BarStacked');
    expect(bars.categoryAxis.reversePlotOrder).toBe(true);
    expect(bars.legendVisible).toBe(false);
    expect(bars.series.filter((s) => !s.deleted).map((s) => [s.name, s.values, s.xValues, s.fillColor])).toEqual([
      ['Within target', `${sheet}!M10:M15`, `${sheet}!K10:K15`, '#9DC3E6'],
      ['Beyond target', `${sheet}!N10:N15`, `${sheet}!K10:K15`, '#C00000'],
    ]);
  });

  it('re-running replaces its own sheets without duplicating them', async () => {
    const fake = workbook();
    await writeReport(envOf(fake), reportPlan(4, 50, 5, 10));
    const firstSyncs = fake.syncCount;
    await writeReport(envOf(fake), reportPlan(4, 80, 5, 10));
    expect(liveNames(fake)).toEqual(['Tracker', 'PACE Summary', 'PACE Issues', aimSheetName(1), aimSheetName(2), aimSheetName(3), aimSheetName(4)]);
    expect(fake.sheet(aimSheetName(1)).value(88, 0)).toBe('C00079');
    expect(fake.workbook.liveTables().filter((t) => t.name === 'PACE_Aim1_Children')).toHaveLength(1);
    expect(fake.syncCount - firstSyncs).toBe(firstSyncs);
    expect((await listSheets(envOf(fake))).filter((s) => s.ownedByAddIn)).toHaveLength(6);
  });

  it('removes its sheets that a new full report no longer has', async () => {
    const fake = workbook();
    await writeReport(envOf(fake), reportPlan(4));
    await writeReport(envOf(fake), reportPlan(2));
    expect(liveNames(fake)).toEqual(['Tracker', 'PACE Summary', 'PACE Issues', aimSheetName(1), aimSheetName(2)]);
  });

  it('a partial plan (issues sheet only) keeps the other report sheets', async () => {
    const fake = workbook();
    await writeReport(envOf(fake), reportPlan(2));
    await writeReport(envOf(fake), { asOf: '2024-04-30', sheets: [issuesSheet(3)] });
    expect(liveNames(fake).sort()).toEqual(['Tracker', 'PACE Summary', 'PACE Issues', aimSheetName(1), aimSheetName(2)].sort());
    expect(fake.sheet('PACE Issues').value(5, 0)).toBe('H6');
    expect(fake.sheet('PACE Issues').value(6, 0)).toBe('');
    const owned = JSON.parse(fake.workbook.settings.get(OWNED_SHEETS_KEY)?.value as string) as { name: string }[];
    expect(owned.map((o) => o.name).sort()).toEqual(['PACE Summary', 'PACE Issues', aimSheetName(1), aimSheetName(2)].sort());
    await writeReport(envOf(fake), reportPlan(1));
    expect(liveNames(fake)).toEqual(['Tracker', 'PACE Summary', 'PACE Issues', aimSheetName(1)]);
  });

  it('never touches a user sheet with a name the report wants, and links follow the new name', async () => {
    const fake = workbook([{ name: 'pace summary', values: [['My own notes'], ['keep me']] }]);
    const before = fake.snapshot('pace summary');
    const userId = fake.sheet('pace summary').id;
    const notes: string[] = [];
    await writeReport(envOf(fake), reportPlan(1), (m) => notes.push(m));
    await writeReport(envOf(fake), reportPlan(1), (m) => notes.push(m));
    expect(fake.snapshot('pace summary')).toEqual(before);
    expect(fake.sheet('pace summary').id).toBe(userId);
    expect(liveNames(fake)).toEqual(['Tracker', 'pace summary', 'PACE Summary (PACE)', 'PACE Issues', aimSheetName(1)]);
    expect(notes.some((n) => n.includes('"PACE Summary" already exists') && n.includes('"PACE Summary (PACE)"'))).toBe(true);
  });

  it('leaves alone a report sheet the user renamed to keep it', async () => {
    const fake = workbook();
    await writeReport(envOf(fake), reportPlan(1));
    fake.sheet('PACE Issues').name = 'Issues March';
    await writeReport(envOf(fake), reportPlan(1));
    expect(liveNames(fake)).toEqual(['Tracker', 'Issues March', 'PACE Summary', 'PACE Issues', aimSheetName(1)]);
    expect((await listSheets(envOf(fake))).find((s) => s.name === 'Issues March')?.ownedByAddIn).toBe(false);
  });

  it('retargets links to a renamed report sheet', async () => {
    const fake = workbook([{ name: 'PACE Issues', values: [['mine']] }]);
    await writeReport(envOf(fake), reportPlan(1));
    expect(fake.sheet('PACE Summary').hyperlinks.get('0,3')?.documentReference).toBe("'PACE Issues (PACE)'!A1");
    expect(fake.sheet('PACE Issues').value(0, 0)).toBe('mine');
  });

  it('keeps clear of the user\'s table names', async () => {
    const fake = workbook([{ name: 'Lookups', values: [['a', 'b'], [1, 2]] }], [{ name: 'PACE_Issues', range: 'A1:B2' }]);
    await writeReport(envOf(fake), reportPlan(1));
    const names = fake.workbook.liveTables().map((t) => `${t.sheet.name}/${t.name}`);
    expect(names).toContain('Lookups/PACE_Issues');
    expect(names).toContain('PACE Issues/PACE_Issues_2');
  });

  it('keeps clear of defined names too', async () => {
    const fake = createFakeExcel({ sheets: [{ name: 'Tracker', values: [['a']] }], definedNames: ['PACE_Summary_Aims'] });
    await writeReport(envOf(fake), reportPlan(1));
    expect(fake.workbook.liveTables().map((t) => t.name)).toContain('PACE_Summary_Aims_2');
  });

  it('says plainly when the workbook structure is protected, changing nothing', async () => {
    const fake = createFakeExcel({ sheets: [{ name: 'Tracker', values: [['a']] }], structureProtected: true });
    await expect(writeReport(envOf(fake), reportPlan(1))).rejects.toEqual(
      expect.objectContaining({ kind: 'protectedSheet', message: expect.stringContaining("workbook's structure is protected") }),
    );
    expect(liveNames(fake)).toEqual(['Tracker']);
  });

  it('refuses a plan with a sheet name Excel would reject before changing anything', async () => {
    const fake = workbook();
    const plan = reportPlan(1);
    plan.sheets[1] = { ...plan.sheets[1], name: 'Issues: March' };
    await expect(writeReport(envOf(fake), plan)).rejects.toThrow('sheet name Excel does not accept');
    expect(liveNames(fake)).toEqual(['Tracker']);
    expect(fake.syncCount).toBe(0);
  });

  it('writes a very large report in requests well under the 5 MB limit, filling each one, in at most 10 syncs', async () => {
    const fake = workbook();
    await writeReport(envOf(fake), reportPlan(4, 20_000, 500, 5_000));
    expect(fake.largestRequestBytes).toBeLessThanOrEqual(WRITE_BUDGET_BYTES);
    expect(WRITE_BUDGET_BYTES).toBeLessThanOrEqual(2_500_000);
    expect(fake.sheet(aimSheetName(4)).value(20_008, 0)).toBe('C19999');
    // Packed: as many syncs as the bytes need, plus the few that read, create and finish.
    const total = fake.requests.reduce((a, b) => a + b, 0);
    expect(fake.syncCount).toBeLessThanOrEqual(Math.ceil(total / WRITE_BUDGET_BYTES) + 5);
    expect(fake.requests.filter((r) => r > 0 && r < WRITE_BUDGET_BYTES * 0.8).length).toBeLessThanOrEqual(6);
    expect(fake.syncCount).toBeLessThanOrEqual(10);
  });

  it('needs ExcelApi 1.7 and says so plainly, writing nothing', async () => {
    const fake = createFakeExcel({ sheets: [{ name: 'Tracker', values: [['a']] }], apiVersion: '1.6' });
    await expect(writeReport(envOf(fake), reportPlan(1))).rejects.toEqual(expect.objectContaining({ kind: 'unsupportedExcel' }));
    expect(liveNames(fake)).toEqual(['Tracker']);
    expect(fake.syncCount).toBe(0);
  });

  it('skips data labels and axis number formats on ExcelApi 1.7', async () => {
    const fake = createFakeExcel({ sheets: [{ name: 'Tracker', values: [['a']] }], apiVersion: '1.7' });
    await writeReport(envOf(fake), reportPlan(1));
    const run = fake.chart(aimSheetName(1), 'aim1RunChart');
    const live = run.series.filter((s) => !s.deleted);
    expect(live[3].hasDataLabels).toBe(false);
    expect(run.categoryAxis.numberFormat).toBeNull();
    expect(live[3].values).toBe(`'${aimSheetName(1)}'!I10:I69`);
  });
});

describe('writeReport: a printable aim sheet and its chart styles', () => {
  /** The fixture's first aim sheet with a page set-up and the run chart's newer looks. */
  function printablePlan(): ReturnType<typeof reportPlan> {
    const plan = reportPlan(1, 30, 5, 10);
    const aim = plan.sheets.find((s) => s.name === aimSheetName(1))!;
    aim.print = {
      orientation: 'landscape',
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.75, header: 0.3, footer: 0.3 },
      titleRows: { first: 8, last: 9 },
      rowBreaks: [34, 67],
      columnBreaks: [11],
    };
    const run = aim.charts.find((c) => c.name === 'aim1RunChart')!;
    run.dateAxis = { majorMonths: 3 };
    run.series[1] = { ...run.series[1], line: 'dot', endLabel: { text: 'Median 28.6 wks', position: 'above', point: 27 } };
    run.series[2] = { ...run.series[2], line: 'dashDot' };
    run.series[3] = { ...run.series[3], marker: 'x' };
    // The counts behind each point, as columns on a second axis.
    run.series.push({ name: 'Children (n)', values: run.series[0].values, color: '#D9D9D9', line: 'none', marker: 'none', secondaryColumns: true });
    run.secondaryAxisTitle = 'Children with a recommendation (n)';
    return plan;
  }

  it('prints A4 at 100% with the planned margins, repeated header rows and page breaks', async () => {
    const fake = workbook();
    await writeReport(envOf(fake), printablePlan());
    expect(fake.snapshot(aimSheetName(1)).pageLayout).toEqual({
      orientation: 'Landscape',
      zoom: { scale: 100 },
      paperSize: 'A4',
      margins: { leftMargin: 28.8, rightMargin: 28.8, topMargin: 36, bottomMargin: 54, headerMargin: 21.6, footerMargin: 21.6 },
      printTitleRows: '$8:$9',
      horizontalBreaks: ['A34', 'A67'],
      verticalBreaks: ['K1'],
    });
    // A sheet without a page set-up keeps one page wide.
    expect(fake.snapshot('PACE Summary').pageLayout).toEqual({ orientation: 'Landscape', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
  });

  it('draws last month’s points as light grey discs edged in grey, with no line', async () => {
    const fake = workbook();
    const plan = reportPlan(1, 30, 5, 10);
    const run = plan.sheets.find((s) => s.name === aimSheetName(1))!.charts.find((c) => c.name === 'aim1RunChart')!;
    run.series.unshift({ ...run.series[0], name: 'Last month (as of 29/02/2024)', color: '#7F7F7F', line: 'none', marker: 'circle', markerSize: 8, markerFill: '#BFBFBF' });
    await writeReport(envOf(fake), plan);
    const [ring, weeks] = fake.chart(aimSheetName(1), 'aim1RunChart').series.filter((s) => !s.deleted);
    expect([ring.name, ring.lineStyle, ring.markerStyle, ring.markerSize, ring.markerBackgroundColor, ring.markerForegroundColor]).toEqual([
      'Last month (as of 29/02/2024)',
      'None',
      'Circle',
      8,
      '#BFBFBF',
      '#7F7F7F',
    ]);
    // This month's points keep their own markers, drawn after (over) last month's.
    expect([weeks.name, weeks.markerBackgroundColor]).toEqual(['Weeks', '#1F4E79']);
  });

  it('draws dotted and dash-dot lines, crosses, a date axis, and n as columns on the second axis', async () => {
    const fake = workbook();
    await writeReport(envOf(fake), printablePlan());
    const run = fake.chart(aimSheetName(1), 'aim1RunChart');
    const live = run.series.filter((s) => !s.deleted);
    expect([live[1].lineStyle, live[2].lineStyle, live[3].markerStyle]).toEqual(['RoundDot', 'DashDot', 'X']);
    expect(run.categoryAxis.categoryType).toBe('DateAxis');
    const n = live.find((s) => s.name === 'Children (n)')!;
    expect([n.chartType, n.axisGroup, n.fillColor]).toEqual(['ColumnClustered', 'Secondary', '#D9D9D9']);
    expect(live.filter((s) => s.name !== 'Children (n)').every((s) => s.axisGroup === 'Primary' && s.chartType === null)).toBe(true);
    // The right-hand scale is titled, as in the .xlsx writer (ChartAxes.getItem, ExcelApi 1.7).
    expect(run.secondaryValueAxis.title).toBe('Children with a recommendation (n)');
    expect(run.valueAxis.title).toBe('Weeks');
    // The median line says what it is near its end: one point's label, its own text, above the line.
    expect(live[1].pointLabels).toEqual({ 27: { hasDataLabel: true, text: 'Median 28.6 wks', position: 'Top', showSeriesName: false, showValue: false } });
    expect(live[1].hasDataLabels).toBe(false);
  });

  it('leaves the second-axis columns out, and the page set-up alone, where Excel is too old for them', async () => {
    const fake = createFakeExcel({ sheets: [{ name: 'Tracker', values: [['a']] }], apiVersion: '1.7' });
    await writeReport(envOf(fake), printablePlan());
    const live = fake.chart(aimSheetName(1), 'aim1RunChart').series.filter((s) => !s.deleted);
    expect(live.map((s) => s.name)).not.toContain('Children (n)');
    expect(live[1].pointLabels).toEqual({});
    // No second axis, so no title for it (and no request for an axis Excel does not have).
    expect(fake.chart(aimSheetName(1), 'aim1RunChart').secondaryValueAxis.title).toBeNull();
    expect(fake.snapshot(aimSheetName(1)).pageLayout).toEqual({ orientation: 'Portrait', zoom: { scale: 100 } });
  });
});
