/**
 * DrawingML for one native Excel chart (xl/charts/chartN.xml) from a planned
 * chart. Every series and the categories are bound to cells by formula, and
 * carry a cache of the values so the chart renders before any recalculation
 * (LibreOffice and Excel's protected view draw from the cache).
 *
 * Element order follows the schema (ECMA-376 Part 1, DrawingML charts): Excel
 * rejects a chart part whose children are out of order.
 */
import type { CellValue } from '../../core/grid';
import type { MarkerShape, PlannedChart, PlannedSeries } from '../../core/report/plan';
import { escapeXml, NS, parseRange, sheetRangeFormula } from '../ooxml';

/** Values read from the plan's blocks for a chart: categories and one array per series. */
export interface ChartCache {
  categories: CellValue[];
  series: CellValue[][];
}

const AXIS_CAT = 500000001;
const AXIS_VAL = 500000002;
/** The second pair of axes, for columns on a second value axis (drawn at the right; its category axis is hidden). */
const AXIS_CAT2 = 500000003;
const AXIS_VAL2 = 500000004;
const EMU_PER_POINT = 12700;

const isBlank = (v: CellValue) => v === null || v === '';

/** Categories are numbers (dates as serials) unless any non-blank label is text. */
export function categoriesAreNumeric(values: CellValue[]): boolean {
  return values.every((v) => isBlank(v) || typeof v === 'number');
}

function numberText(n: number): string {
  // Shortest text that round-trips; caches are plain decimals.
  return Number.isFinite(n) ? String(n) : '0';
}

export function numCache(values: CellValue[], formatCode: string): string {
  const pts = values
    .map((v, i) => (typeof v === 'number' ? `<c:pt idx="${i}"><c:v>${numberText(v)}</c:v></c:pt>` : ''))
    .join('');
  return `<c:numCache><c:formatCode>${escapeXml(formatCode)}</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

export function strCache(values: CellValue[]): string {
  const pts = values
    .map((v, i) => (isBlank(v) ? '' : `<c:pt idx="${i}"><c:v>${escapeXml(String(v))}</c:v></c:pt>`))
    .join('');
  return `<c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache>`;
}

function richText(text: string, size: number, bold: boolean): string {
  const b = bold ? ' b="1"' : ' b="0"';
  return (
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"${b}/></a:pPr>` +
    `<a:r><a:rPr lang="en-GB" sz="${size}"${b}/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

function title(text: string, size: number, bold: boolean): string {
  if (!text) return '';
  return `<c:title>${richText(text, size, bold)}<c:overlay val="0"/></c:title>`;
}

function colour(hex: string): string {
  const clean = hex.replace(/^#/, '').toUpperCase();
  return /^[0-9A-F]{6}$/.test(clean) ? clean : '808080';
}

const MARKER_SYMBOL: Record<MarkerShape, string> = {
  circle: 'circle',
  square: 'square',
  diamond: 'diamond',
  triangle: 'triangle',
  x: 'x',
  none: 'none',
};

/** DrawingML preset dashes for the plan's line styles (sysDot: round dots that survive greyscale print). */
const DASH: Record<Exclude<PlannedSeries['line'], 'none'>, string> = {
  solid: 'solid',
  dash: 'dash',
  dot: 'sysDot',
  dashDot: 'dashDot',
};

function lineProps(s: PlannedSeries): string {
  if (s.line === 'none') return '<c:spPr><a:ln><a:noFill/></a:ln></c:spPr>';
  const width = Math.round((s.lineWidth ?? 2) * EMU_PER_POINT);
  const dash = DASH[s.line];
  return (
    `<c:spPr><a:ln w="${width}" cap="rnd"><a:solidFill><a:srgbClr val="${colour(s.color)}"/></a:solidFill>` +
    `<a:prstDash val="${dash}"/><a:round/></a:ln></c:spPr>`
  );
}

function marker(s: PlannedSeries): string {
  if (s.marker === 'none') return '<c:marker><c:symbol val="none"/></c:marker>';
  const size = Math.min(72, Math.max(2, Math.round(s.markerSize ?? 5)));
  const edge = colour(s.color);
  // Last month's points have a fill of their own (a light grey disc under this month's point).
  const fill = s.markerFill ? colour(s.markerFill) : edge;
  // A cross is all outline: a thicker one prints.
  const width = s.marker === 'x' ? 19050 : 9525;
  return (
    `<c:marker><c:symbol val="${MARKER_SYMBOL[s.marker]}"/><c:size val="${size}"/>` +
    `<c:spPr><a:solidFill><a:srgbClr val="${fill}"/></a:solidFill><a:ln w="${width}"><a:solidFill><a:srgbClr val="${edge}"/></a:solidFill></a:ln></c:spPr></c:marker>`
  );
}

/**
 * One label near the line's end, above or below it, in the line's colour,
 * with its own text ("Median 27.5 wks"). showSerName is on too, so a
 * reader that ignores label text still names the line.
 */
function endLabel(s: PlannedSeries, values: CellValue[]): string {
  // The plan chose the point; a point with no value (a stale plan) gets no label.
  const at = s.endLabel?.point ?? -1;
  if (!s.endLabel || at < 0 || typeof values[at] !== 'number') return '';
  return (
    `<c:dLbl><c:idx val="${at}"/><c:layout/>` +
    `<c:tx><c:rich><a:bodyPr wrap="none"/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="en-GB" sz="900" b="1"><a:solidFill><a:srgbClr val="${colour(s.color)}"/></a:solidFill></a:rPr><a:t>${escapeXml(s.endLabel.text)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>` +
    `<c:dLblPos val="${s.endLabel.position === 'above' ? 't' : 'b'}"/><c:showLegendKey val="0"/><c:showVal val="0"/><c:showCatName val="0"/><c:showSerName val="1"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbl>`
  );
}

function dataLabels(s: PlannedSeries, kind: PlannedChart['kind'], stacked: boolean, values: CellValue[] = []): string {
  const end = kind === 'line' ? endLabel(s, values) : '';
  if (!s.dataLabels && !end) return '';
  if (!s.dataLabels) {
    // Only the end label: every other point unlabelled.
    return `<c:dLbls>${end}<c:showLegendKey val="0"/><c:showVal val="0"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`;
  }
  const serName = s.dataLabels === 'seriesName' ? 1 : 0;
  const val = s.dataLabels === 'value' ? 1 : 0;
  // 't' (above) is valid for line charts only; bars take the default position for their grouping.
  const pos = kind === 'line' ? '<c:dLblPos val="t"/>' : stacked ? '' : '<c:dLblPos val="outEnd"/>';
  return (
    `<c:dLbls>${end}${s.labelFormat ? `<c:numFmt formatCode="${escapeXml(s.labelFormat)}" sourceLinked="0"/>` : ''}<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>` +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="800"/></a:pPr><a:endParaRPr lang="en-GB"/></a:p></c:txPr>` +
    `${pos}<c:showLegendKey val="0"/><c:showVal val="${val}"/><c:showCatName val="0"/>` +
    `<c:showSerName val="${serName}"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`
  );
}

function categoryRef(chart: PlannedChart, sheetName: string, cache: ChartCache): string {
  const f = `<c:f>${escapeXml(sheetRangeFormula(sheetName, chart.categories))}</c:f>`;
  if (categoriesAreNumeric(cache.categories)) {
    return `<c:cat><c:numRef>${f}${numCache(cache.categories, chart.categoryFormat ?? 'General')}</c:numRef></c:cat>`;
  }
  return `<c:cat><c:strRef>${f}${strCache(cache.categories)}</c:strRef></c:cat>`;
}

function valueRef(s: PlannedSeries, sheetName: string, values: CellValue[]): string {
  return `<c:val><c:numRef><c:f>${escapeXml(sheetRangeFormula(sheetName, s.values))}</c:f>${numCache(values, 'General')}</c:numRef></c:val>`;
}

function seriesXml(chart: PlannedChart, sheetName: string, cache: ChartCache, s: PlannedSeries, i: number): string {
  const head = `<c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>`;
  const cat = categoryRef(chart, sheetName, cache);
  const values = cache.series[i] ?? [];
  const val = valueRef(s, sheetName, values);
  if (chart.kind === 'line' && !s.secondaryColumns) {
    return `<c:ser>${head}${lineProps(s)}${marker(s)}${dataLabels(s, 'line', false, values)}${cat}${val}<c:smooth val="0"/></c:ser>`;
  }
  const fill = barFill(s);
  const kind = s.secondaryColumns ? 'column' : chart.kind;
  return `<c:ser>${head}${fill}<c:invertIfNegative val="0"/>${dataLabels(s, kind, !!chart.stacked && !s.secondaryColumns)}${cat}${val}</c:ser>`;
}

/** True when the chart has columns on a second value axis. */
export function hasSecondaryAxis(chart: PlannedChart): boolean {
  return chart.kind === 'line' && chart.series.some((s) => s.secondaryColumns);
}

/** A bar's look: solid, nothing at all (a Gantt bar's offset), or an open outline (time still waiting). */
function barFill(s: PlannedSeries): string {
  if (s.barFill === 'none') return '<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>';
  if (s.barFill === 'outline') {
    return `<c:spPr><a:noFill/><a:ln w="19050"><a:solidFill><a:srgbClr val="${colour(s.color)}"/></a:solidFill><a:prstDash val="dash"/></a:ln></c:spPr>`;
  }
  return `<c:spPr><a:solidFill><a:srgbClr val="${colour(s.color)}"/></a:solidFill></c:spPr>`;
}

function plotGroup(chart: PlannedChart, sheetName: string, cache: ChartCache): string {
  const axes = `<c:axId val="${AXIS_CAT}"/><c:axId val="${AXIS_VAL}"/>`;
  if (chart.kind === 'line') {
    // Series keep their plan index (idx/order are unique across the chart's groups).
    const lines = chart.series.map((s, i) => (s.secondaryColumns ? '' : seriesXml(chart, sheetName, cache, s, i))).join('');
    const lineGroup = `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${lines}<c:marker val="1"/>${axes}</c:lineChart>`;
    if (!hasSecondaryAxis(chart)) return lineGroup;
    const columns = chart.series.map((s, i) => (s.secondaryColumns ? seriesXml(chart, sheetName, cache, s, i) : '')).join('');
    // The columns first, so the lines are drawn over them.
    const columnGroup =
      `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${columns}<c:gapWidth val="80"/>` +
      `<c:axId val="${AXIS_CAT2}"/><c:axId val="${AXIS_VAL2}"/></c:barChart>`;
    return columnGroup + lineGroup;
  }
  const series = chart.series.map((s, i) => seriesXml(chart, sheetName, cache, s, i)).join('');
  const dir = chart.kind === 'bar' ? 'bar' : 'col';
  const grouping = chart.stacked ? 'stacked' : 'clustered';
  // Stacked bars must overlap fully or Excel draws them side by side.
  const overlap = chart.stacked ? '<c:overlap val="100"/>' : '';
  return `<c:barChart><c:barDir val="${dir}"/><c:grouping val="${grouping}"/><c:varyColors val="0"/>${series}<c:gapWidth val="50"/>${overlap}${axes}</c:barChart>`;
}

const GRIDLINES = '<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>';
const AXIS_LINE = '<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="808080"/></a:solidFill></a:ln></c:spPr>';
const SMALL_TEXT = '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="800"/></a:pPr><a:endParaRPr lang="en-GB"/></a:p></c:txPr>';

/** Long text labels (names) slanted so neighbours do not run together; dates and months lie flat, thinned to fit. */
const SLANTED_TEXT = '<c:txPr><a:bodyPr rot="-2700000" vert="horz"/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="800"/></a:pPr><a:endParaRPr lang="en-GB"/></a:p></c:txPr>';
/** About this many category labels fit along a run chart; the rest are skipped (every point is still drawn). */
const LABELS_ALONG_AXIS = 16;
const LABELS_DOWN_BARS = 45;

/** Show every n-th category label on a long horizontal axis, so dates stay readable. */
export function categoryLabelSkip(chart: PlannedChart): number {
  const r = parseRange(chart.categories);
  const points = r.bottom - r.top + 1;
  // A page-high bar chart has room for about 45 child labels down its side.
  return Math.max(1, Math.ceil(points / (chart.kind === 'bar' ? LABELS_DOWN_BARS : LABELS_ALONG_AXIS)));
}

/** The hidden category axis and the right-hand value axis for columns on a second axis. */
function secondaryAxes(chart: PlannedChart): string {
  return (
    `<c:catAx><c:axId val="${AXIS_CAT2}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="1"/><c:axPos val="b"/>` +
    `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="${AXIS_VAL2}"/><c:crosses val="autoZero"/>` +
    `<c:auto val="0"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="1"/></c:catAx>` +
    `<c:valAx><c:axId val="${AXIS_VAL2}"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="r"/>` +
    `${title(chart.secondaryAxisTitle ?? '', 1000, true)}<c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/>${AXIS_LINE}${SMALL_TEXT}<c:crossAx val="${AXIS_CAT2}"/><c:crosses val="max"/><c:crossBetween val="between"/></c:valAx>`
  );
}

/**
 * A date axis: points placed by date, labelled "Mar 2023" every
 * majorMonths months (children sharing a date share a place along it).
 */
function dateAxis(chart: PlannedChart, majorMonths: number): string {
  const format = escapeXml(chart.categoryFormat ?? 'mmm yyyy');
  return (
    `<c:dateAx><c:axId val="${AXIS_CAT}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    `${title(chart.xAxisTitle, 1000, true)}<c:numFmt formatCode="${format}" sourceLinked="0"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>${AXIS_LINE}${SMALL_TEXT}` +
    `<c:crossAx val="${AXIS_VAL}"/><c:crosses val="autoZero"/><c:auto val="0"/><c:lblOffset val="100"/>` +
    `<c:baseTimeUnit val="days"/><c:majorUnit val="${Math.max(1, Math.round(majorMonths))}"/><c:majorTimeUnit val="months"/></c:dateAx>`
  );
}

function axes(chart: PlannedChart): string {
  const horizontal = chart.kind === 'bar';
  const reversed = !!chart.reverseCategories;
  const catPos = horizontal ? 'l' : 'b';
  const valPos = horizontal ? 'b' : 'l';
  const catFmt = chart.categoryFormat ? `<c:numFmt formatCode="${escapeXml(chart.categoryFormat)}" sourceLinked="0"/>` : '';
  // auto=0 keeps a text axis: one slot per point even when two children share a date.
  const catAx = chart.dateAxis
    ? dateAxis(chart, chart.dateAxis.majorMonths)
    : `<c:catAx><c:axId val="${AXIS_CAT}"/><c:scaling><c:orientation val="${reversed ? 'maxMin' : 'minMax'}"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${catPos}"/>${title(chart.xAxisTitle, 1000, true)}${catFmt}` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>${AXIS_LINE}${horizontal || chart.categoryFormat ? SMALL_TEXT : SLANTED_TEXT}` +
    `<c:crossAx val="${AXIS_VAL}"/><c:crosses val="autoZero"/><c:auto val="0"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/>` +
    `<c:tickLblSkip val="${categoryLabelSkip(chart)}"/><c:noMultiLvlLbl val="1"/></c:catAx>`;
  // Schema order inside c:scaling: orientation, max, min.
  const max = chart.yAxisMax !== undefined ? `<c:max val="${numberText(chart.yAxisMax)}"/>` : '';
  const min = chart.yAxisMin !== undefined ? `<c:min val="${numberText(chart.yAxisMin)}"/>` : '';
  // With reversed categories the value axis would jump to the top; crossing at the last category keeps it at the bottom.
  const crosses = reversed ? 'max' : 'autoZero';
  const valAx =
    `<c:valAx><c:axId val="${AXIS_VAL}"/><c:scaling><c:orientation val="minMax"/>${max}${min}</c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${valPos}"/>${GRIDLINES}${title(chart.yAxisTitle, 1000, true)}` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${AXIS_LINE}${SMALL_TEXT}` +
    `<c:crossAx val="${AXIS_CAT}"/><c:crosses val="${crosses}"/><c:crossBetween val="between"/></c:valAx>`;
  return catAx + valAx + (hasSecondaryAxis(chart) ? secondaryAxes(chart) : '');
}

/** The whole chart part for `chart` on sheet `sheetName`. */
export function buildChartXml(chart: PlannedChart, sheetName: string, cache: ChartCache, date1904 = false): string {
  // Series kept out of the legend (an invisible offset) are deleted entries, by series index.
  const hidden = chart.series.map((s, i) => (s.inLegend === false ? `<c:legendEntry><c:idx val="${i}"/><c:delete val="1"/></c:legendEntry>` : '')).join('');
  const legend = chart.showLegend === false ? '' : `<c:legend><c:legendPos val="b"/>${hidden}<c:overlay val="0"/>${SMALL_TEXT}</c:legend>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    `<c:date1904 val="${date1904 ? 1 : 0}"/><c:lang val="en-GB"/><c:roundedCorners val="0"/>` +
    `<c:chart>${title(chart.title, 1400, true)}<c:autoTitleDeleted val="${chart.title ? 0 : 1}"/>` +
    `<c:plotArea><c:layout/>${plotGroup(chart, sheetName, cache)}${axes(chart)}` +
    `<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr></c:plotArea>` +
    `${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr>` +
    `</c:chartSpace>`
  );
}
