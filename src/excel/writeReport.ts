/**
 * Writes a ReportPlan into the open workbook: sheets, blocks, tables,
 * links, widths, frozen rows and native charts bound to the written cells.
 * The plan decides everything; this only translates it, batching writes so
 * a whole report takes a handful of syncs (never one per object).
 *
 * Ownership: every sheet the add-in creates carries a hidden sheet-scoped
 * name (PaceTracker_Owned, shared with the command line) whose comment says
 * its kind (report, timeline, changes) and the name it was written under,
 * so ownership survives closing and reopening the workbook (sheet ids do
 * not). A full report (plan.replaceEarlierReport) replaces the earlier
 * report sheets, a timeline only its own subject's sheet, a comparison only
 * the changes sheet (src/core/report/ownership.ts replacedByPlan). A sheet
 * the user renamed is theirs and is kept; any other sheet is never touched,
 * even one with a name the plan wants (the report then takes a free name).
 */
import type { PlannedChart, PlannedSheet, ReportPlan } from '../core/report/plan';
import type { ExcelEnv } from './env';
import { AXIS_FORMAT_API, AXIS_GROUP_API, CHART_AXES_API, DATA_LABELS_API, PAGE_LAYOUT_API, WRITE_API, requireExcelApi, supportsExcelApi } from './env';
import { OWNED_SHEETS_KEY, OwnedSheet, queueSettingRead, queueSettingWrite } from './settings';
import { keptMarkedIds, ownedSheetKinds, queueOwnershipMark, queueOwnershipMarks } from './ownership';
import { planKind, replacedByPlan } from '../core/report/ownership';
import { PartialWork, runExcel } from './run';
import { UserFacingError } from '../core/errors';
import { assertPlannedSheetName, chooseSheetNames, freeTableName, retarget, temporaryNames } from './sheetNaming';
import { pieceAt, prepareBlock } from './blockPieces';
import { chartTypeName, columnWidthPoints, fontFor, lineStyleName, markerSize, markerStyleName, printLayoutSettings } from './styling';
import { columnLetter } from '../core/grid';

/**
 * Bytes of cell data per sync: under half of Excel on the web's 5 MB request
 * limit, so no request comes near it, while a 4-aim report on 20,000
 * children still takes no more than 10 syncs. Large blocks are cut into row
 * pieces of at most this size, and several pieces share one sync up to it.
 */
export const WRITE_BUDGET_BYTES = 2_400_000;

interface Features {
  dataLabels: boolean;
  /** A series on the second value axis (ChartSeries.axisGroup). */
  axisGroup: boolean;
  /** The second value axis by type and group, for its title (ChartAxes.getItem). */
  chartAxes: boolean;
  axisFormat: boolean;
  pageLayout: boolean;
}

/** Queues writes and syncs only when the next one would push the request past the budget. */
class WriteBatch {
  private bytes = 0;
  constructor(private readonly context: Excel.RequestContext) {}
  async reserve(bytes: number): Promise<void> {
    if (this.bytes > 0 && this.bytes + bytes > WRITE_BUDGET_BYTES) await this.flush();
    this.bytes += bytes;
  }
  /** Room left in this sync; a fresh sync when not even `atLeast` bytes fit. */
  async room(atLeast: number): Promise<number> {
    if (this.bytes > 0 && this.bytes + atLeast > WRITE_BUDGET_BYTES) await this.flush();
    return WRITE_BUDGET_BYTES - this.bytes;
  }
  async flush(): Promise<void> {
    await this.context.sync();
    this.bytes = 0;
  }
}

export async function writeReport(
  env: ExcelEnv,
  plan: ReportPlan,
  onProgress?: (message: string, step?: { done: number; total: number }) => void,
): Promise<string[]> {
  requireExcelApi(env, WRITE_API, 'write the report sheets and charts');
  const features: Features = {
    dataLabels: supportsExcelApi(env, DATA_LABELS_API),
    axisGroup: supportsExcelApi(env, AXIS_GROUP_API),
    chartAxes: supportsExcelApi(env, CHART_AXES_API),
    axisFormat: supportsExcelApi(env, AXIS_FORMAT_API),
    pageLayout: supportsExcelApi(env, PAGE_LAYOUT_API),
  };
  const excel = env.excel;
  // What is on the workbook so far, for the message if Excel stops half-way.
  let stage: 'reading' | 'creating' | 'filling' = 'reading';
  let createdNames: string[] = [];
  const partial = (): PartialWork => {
    if (stage === 'reading') return { written: null, remedy: '' };
    if (stage === 'creating') {
      return {
        written: 'new sheets may have been added (named like "PACE new 1" or as the report\'s sheets) and earlier report sheets removed',
        remedy: 'Delete any such sheet you do not want (right-click its tab > Delete), then write the report again.',
      };
    }
    return {
      written: `the report sheets ${createdNames.map((n) => `"${n}"`).join(', ')} were added but not finished`,
      remedy: 'Write the report again to replace them, or delete them (right-click each tab > Delete).',
    };
  };
  return runExcel(env, async (context) => {
    onProgress?.('Preparing the report sheets…');
    plan.sheets.forEach((s) => assertPlannedSheetName(s.name));
    const worksheets = context.workbook.worksheets.load('items/name,items/id');
    const tables = context.workbook.tables.load('items/name,items/worksheet/id');
    const definedNames = context.workbook.names.load('items/name');
    const structure = context.workbook.protection.load('protected');
    const ownedSetting = queueSettingRead<OwnedSheet[]>(context, OWNED_SHEETS_KEY);
    await context.sync();
    if (structure.protected) {
      throw new UserFacingError(
        'protectedSheet',
        "This workbook's structure is protected, so the report sheets cannot be added. Unprotect it (Review > Protect Workbook), then write the report again.",
      );
    }

    // The command line's marks on sheets (one look-up per sheet, all in one sync).
    const marks = queueOwnershipMarks(worksheets.items);
    await context.sync();
    const marked = marks.marked();
    const owned = ownedSheetKinds(ownedSetting.value(), worksheets.items, marked);
    // A full report replaces the earlier report's sheets; a timeline, the changes sheet or the issues sheet alone only the sheets it writes again.
    const replaced = worksheets.items.filter((w) => {
      const kind = owned.get(w.id);
      return kind !== undefined && replacedByPlan(plan, { name: w.name, kind });
    });
    const replacedIds = new Set(replaced.map((w) => w.id));
    const kept = worksheets.items.filter((w) => owned.has(w.id) && !replacedIds.has(w.id));
    const naming = chooseSheetNames(
      plan.sheets.map((s) => s.name),
      worksheets.items.map((w) => ({ name: w.name, ownedByAddIn: replacedIds.has(w.id) })),
    );
    naming.notes.forEach((note) => onProgress?.(note));
    // Table names share one namespace with the workbook's defined names (named ranges).
    const takenTables = new Set([
      ...tables.items.filter((t) => !replacedIds.has(t.worksheet.id)).map((t) => t.name.toLowerCase()),
      ...definedNames.items.map((n) => n.name.toLowerCase()),
    ]);

    // New sheets first (temporary names), then the old ones go, then the new take their names:
    // the workbook is never left without a visible sheet and no name clashes mid-way.
    const temp = temporaryNames(
      plan.sheets.length,
      worksheets.items.map((w) => w.name),
    );
    const created = plan.sheets.map((_, i) => context.workbook.worksheets.add(temp[i]));
    for (const old of replaced) old.delete();
    // A report sheet the user renamed to keep loses its mark, so the command line leaves it alone too.
    for (const id of keptMarkedIds(ownedSetting.value(), worksheets.items, marked)) marks.mark(id)?.delete();
    created.forEach((sheet, i) => {
      sheet.name = naming.names[i];
      queueOwnershipMark(sheet, naming.names[i], planKind(plan));
      sheet.load('id');
    });
    stage = 'creating';
    await context.sync();
    stage = 'filling';
    createdNames = naming.names;

    const batch = new WriteBatch(context);
    // Recorded before the content, so sheets from a run that fails half-way are still cleaned up next time.
    queueSettingWrite(
      context,
      OWNED_SHEETS_KEY,
      [...kept.map((w): OwnedSheet => ({ id: w.id, name: w.name })), ...created.map((sheet, i): OwnedSheet => ({ id: sheet.id, name: naming.names[i] }))],
    );
    const charts: PendingChart[] = [];
    for (let i = 0; i < plan.sheets.length; i++) {
      onProgress?.(`Writing '${naming.names[i]}'${plan.sheets[i].charts.length > 0 ? ' and its charts' : ''}…`, { done: i, total: plan.sheets.length });
      charts.push(...(await writeSheet(excel, batch, created[i], plan.sheets[i], naming.renamed, takenTables, features)));
    }
    if (charts.length > 0) {
      await batch.flush();
      onProgress?.('Drawing the charts…', { done: plan.sheets.length, total: plan.sheets.length });
      for (const pending of charts) bindSeries(excel, pending, features);
    }
    if (created.length > 0) created[0].activate();
    await batch.flush();
    onProgress?.('Report written.');
    return naming.names;
  }, partial);
}

/** A chart added with Excel's default series (loaded), waiting for its planned series. */
interface PendingChart {
  sheet: Excel.Worksheet;
  chart: Excel.Chart;
  planned: PlannedChart;
}

/** Queues a sheet's content; returns its charts, whose series are bound once Excel's defaults are known. */
async function writeSheet(
  excel: typeof Excel,
  batch: WriteBatch,
  sheet: Excel.Worksheet,
  planned: PlannedSheet,
  renamed: Map<string, string>,
  takenTables: Set<string>,
  features: Features,
): Promise<PendingChart[]> {
  const wrapped: Excel.Range[] = [];
  if (planned.tabColor) sheet.tabColor = planned.tabColor;
  // Page set-up needs ExcelApi 1.9; without it the sheet prints with Excel's defaults and nothing else changes.
  if (features.pageLayout) queuePrintSettings(excel, sheet, planned);
  for (const block of planned.blocks) {
    const font = fontFor(block.style);
    const prepared = prepareBlock(block);
    // Each piece fills what is left of the current sync, so large blocks cost no more syncs than their size needs.
    for (let start = 0; start < prepared.values.length; ) {
      const piece = pieceAt(prepared, start, await batch.room(prepared.rowBytes[start]));
      start += piece.values.length;
      await batch.reserve(piece.bytes);
      // Formats first: Excel reads values as if typed, and only text-formatted cells keep text such as "000123" as text.
      for (const run of piece.formatRuns) sheet.getRange(run.address).numberFormat = run.numberFormats;
      const range = sheet.getRange(piece.address);
      range.values = piece.values;
      if (font?.bold !== undefined) range.format.font.bold = font.bold;
      if (font?.italic !== undefined) range.format.font.italic = font.italic;
      if (font?.size !== undefined) range.format.font.size = font.size;
      if (font?.color !== undefined) range.format.font.color = font.color;
      if (block.wrap) {
        range.format.wrapText = true;
        wrapped.push(range);
      }
    }
  }
  for (const table of planned.tables) {
    // The sheet's own range: a bare address would be read on the active sheet (TableCollection.add).
    const added = sheet.tables.add(sheet.getRange(table.range), true);
    added.name = freeTableName(table.name, takenTables);
    added.style = table.style;
  }
  for (const link of planned.links) {
    await batch.reserve(link.text.length + link.target.length + 64);
    sheet.getRange(link.cell).hyperlink = {
      documentReference: retarget(link.target, renamed),
      textToDisplay: link.text,
      ...(link.tooltip ? { screenTip: link.tooltip } : {}),
    };
  }
  planned.columnWidths.forEach((width, c) => {
    const letter = columnLetter(c + 1);
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = columnWidthPoints(width);
  });
  // Excel does not grow rows for text wrapped by an add-in until asked, and fits them to the widths of that moment: after the widths.
  for (const range of wrapped) range.format.autofitRows();
  if (planned.freezeRows > 0) sheet.freezePanes.freezeRows(planned.freezeRows);
  return planned.charts.map((chart) => ({ sheet, chart: addChart(excel, sheet, chart), planned: chart }));
}

/**
 * The plan's page set-up (ExcelApi 1.9): A4 at 100% with its margins, the
 * rows repeated on every page and the manual page breaks. A sheet without
 * one prints landscape, its columns one page wide.
 */
function queuePrintSettings(excel: typeof Excel, sheet: Excel.Worksheet, planned: PlannedSheet): void {
  const layout = sheet.pageLayout;
  const print = planned.print;
  layout.orientation = print?.orientation === 'portrait' ? excel.PageOrientation.portrait : excel.PageOrientation.landscape;
  if (!print) {
    layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    return;
  }
  const settings = printLayoutSettings(print);
  layout.paperSize = excel.PaperType.a4;
  layout.zoom = { scale: settings.scale };
  layout.leftMargin = settings.margins.left;
  layout.rightMargin = settings.margins.right;
  layout.topMargin = settings.margins.top;
  layout.bottomMargin = settings.margins.bottom;
  layout.headerMargin = settings.margins.header;
  layout.footerMargin = settings.margins.footer;
  if (settings.titleRows) layout.setPrintTitleRows(settings.titleRows);
  for (const cell of settings.rowBreaks) sheet.horizontalPageBreaks.add(cell);
  for (const cell of settings.columnBreaks) sheet.verticalPageBreaks.add(cell);
}

function chartType(excel: typeof Excel, chart: PlannedChart): Excel.ChartType {
  const types = {
    LineMarkers: excel.ChartType.lineMarkers,
    BarClustered: excel.ChartType.barClustered,
    BarStacked: excel.ChartType.barStacked,
    ColumnClustered: excel.ChartType.columnClustered,
    ColumnStacked: excel.ChartType.columnStacked,
  };
  return types[chartTypeName(chart)];
}

/**
 * A native chart on the sheet, created from its first series' cells (or
 * the categories). Excel decides its own default series from that range;
 * they are loaded here and replaced by the planned ones in bindSeries.
 */
function addChart(excel: typeof Excel, sheet: Excel.Worksheet, planned: PlannedChart): Excel.Chart {
  const source = sheet.getRange(planned.series[0]?.values ?? planned.categories);
  const chart = sheet.charts.add(chartType(excel, planned), source, excel.ChartSeriesBy.columns);
  chart.name = planned.name;
  chart.title.text = planned.title;
  chart.axes.categoryAxis.title.text = planned.xAxisTitle;
  chart.axes.valueAxis.title.text = planned.yAxisTitle;
  if (planned.yAxisMin !== undefined) chart.axes.valueAxis.minimum = planned.yAxisMin;
  if (planned.yAxisMax !== undefined) chart.axes.valueAxis.maximum = planned.yAxisMax;
  chart.legend.visible = planned.showLegend ?? true;
  chart.legend.position = excel.ChartLegendPosition.bottom;
  chart.setPosition(planned.anchor.from, planned.anchor.to);
  chart.series.load('items/name');
  return chart;
}

/**
 * Excel's default series out, the planned ones in, each bound by reference
 * to its cells (values and categories), with the planned look. The category
 * axis is set after, once it has categories: a text axis so every child
 * keeps its own point.
 */
function bindSeries(excel: typeof Excel, { sheet, chart, planned }: PendingChart, features: Features): void {
  const lineStyles = {
    Continuous: excel.ChartLineStyle.continuous,
    Dash: excel.ChartLineStyle.dash,
    RoundDot: excel.ChartLineStyle.roundDot,
    DashDot: excel.ChartLineStyle.dashDot,
    None: excel.ChartLineStyle.none,
  };
  const markers = {
    Circle: excel.ChartMarkerStyle.circle,
    Square: excel.ChartMarkerStyle.square,
    Diamond: excel.ChartMarkerStyle.diamond,
    Triangle: excel.ChartMarkerStyle.triangle,
    X: excel.ChartMarkerStyle.x,
    None: excel.ChartMarkerStyle.none,
  };
  for (const series of chart.series.items) series.delete();
  for (const ps of planned.series) {
    // Columns on a second axis need ChartSeries.axisGroup (ExcelApi 1.8); without it the counts stay in the table only.
    if (ps.secondaryColumns && !features.axisGroup) continue;
    const series = chart.series.add(ps.name);
    series.setValues(sheet.getRange(ps.values));
    series.setXAxisValues(sheet.getRange(planned.categories));
    if (ps.secondaryColumns) {
      series.chartType = excel.ChartType.columnClustered;
      series.axisGroup = excel.ChartAxisGroup.secondary;
      series.format.fill.setSolidColor(ps.color);
    } else if (planned.kind === 'line') {
      series.format.line.color = ps.color;
      series.format.line.lineStyle = lineStyles[lineStyleName(ps.line)];
      if (ps.lineWidth !== undefined) series.format.line.weight = ps.lineWidth;
      series.markerStyle = markers[markerStyleName(ps.marker)];
      if (ps.marker !== 'none') {
        series.markerSize = markerSize(ps.markerSize);
        // Last month's points have a fill of their own (a light grey disc under this month's point).
        series.markerBackgroundColor = ps.markerFill ?? ps.color;
        series.markerForegroundColor = ps.color;
      }
    } else if (ps.barFill === 'none' || ps.barFill === 'outline') {
      // A Gantt bar's offset is not drawn; an open (still waiting) bar is an outline.
      series.format.fill.clear();
      if (ps.barFill === 'outline') series.format.line.color = ps.color;
    } else {
      series.format.fill.setSolidColor(ps.color);
    }
    // A line's end label is one point's label with its own text (ChartDataLabel.text, ExcelApi 1.8).
    if (ps.endLabel && features.dataLabels) {
      const point = series.points.getItemAt(ps.endLabel.point);
      point.hasDataLabel = true;
      point.dataLabel.showValue = false;
      point.dataLabel.showSeriesName = false;
      point.dataLabel.text = ps.endLabel.text;
      point.dataLabel.position = ps.endLabel.position === 'above' ? excel.ChartDataLabelPosition.top : excel.ChartDataLabelPosition.bottom;
    }
    // Data labels on a series need ExcelApi 1.8; without it the chart is still right, just unlabelled.
    if (ps.dataLabels && features.dataLabels) {
      series.hasDataLabels = true;
      series.dataLabels.showSeriesName = ps.dataLabels === 'seriesName';
      series.dataLabels.showValue = ps.dataLabels === 'value';
      if (ps.labelFormat) series.dataLabels.numberFormat = ps.labelFormat;
    }
  }
  // The right-hand scale says what it counts, as the .xlsx writer's does (ChartAxes.getItem, ExcelApi 1.7); only once a series is on it,
  // since Excel has no second axis before. Without the API the legend still names the columns "right-hand scale".
  const onSecondAxis = features.axisGroup && planned.series.some((ps) => ps.secondaryColumns);
  if (onSecondAxis && features.chartAxes && planned.secondaryAxisTitle) {
    chart.axes.getItem(excel.ChartAxisType.value, excel.ChartAxisGroup.secondary).title.text = planned.secondaryAxisTitle;
  }
  const categoryAxis = chart.axes.categoryAxis;
  // A per-child run chart reads as time on a date axis; other charts keep one slot per point.
  categoryAxis.categoryType = planned.dateAxis ? excel.ChartAxisCategoryType.dateAxis : excel.ChartAxisCategoryType.textAxis;
  if (planned.categoryFormat && features.axisFormat) categoryAxis.numberFormat = planned.categoryFormat;
  if (planned.reverseCategories) categoryAxis.reversePlotOrder = true;
}
