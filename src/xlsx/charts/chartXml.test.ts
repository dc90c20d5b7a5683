import { buildChartXml, categoriesAreNumeric, categoryLabelSkip, numCache, strCache } from './chartXml';
import { fixturePlan } from '../../../test/support/planFixture';
import type { PlannedChart } from '../../core/report/plan';

const line: PlannedChart = fixturePlan().sheets[2].charts[0];
const bar: PlannedChart = fixturePlan().sheets[2].charts[1];
const cache = (n: number, series: number) => ({
  categories: Array.from({ length: n }, (_, i) => 44200 + i),
  series: Array.from({ length: series }, (_, s) => Array.from({ length: n }, (_, i) => (s === 4 && i !== 2 ? '' : i + s))),
});
const all = (xml: string, re: RegExp) => [...xml.matchAll(re)].map((m) => m[1]);

describe('caches', () => {
  it('writes a point per non-blank value and counts every slot', () => {
    expect(numCache([1, '', 2.5], 'General')).toBe('<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="3"/><c:pt idx="0"><c:v>1</c:v></c:pt><c:pt idx="2"><c:v>2.5</c:v></c:pt></c:numCache>');
    expect(strCache(['a&b', null, 'c'])).toBe('<c:strCache><c:ptCount val="3"/><c:pt idx="0"><c:v>a&amp;b</c:v></c:pt><c:pt idx="2"><c:v>c</c:v></c:pt></c:strCache>');
  });
  it('treats categories as numbers only when every label is a number or blank', () => {
    expect(categoriesAreNumeric([44200, '', 44201])).toBe(true);
    expect(categoriesAreNumeric([44200, 'SYN0001'])).toBe(false);
  });
});

describe('buildChartXml: run chart', () => {
  const xml = buildChartXml(line, 'PACE Aim 2', cache(30, 5));

  it('binds every series and the categories to the planned ranges', () => {
    expect(all(xml, /<c:f>([^<]*)<\/c:f>/g)).toEqual([
      "'PACE Aim 2'!$B$8:$B$37", "'PACE Aim 2'!$C$8:$C$37",
      "'PACE Aim 2'!$B$8:$B$37", "'PACE Aim 2'!$D$8:$D$37",
      "'PACE Aim 2'!$B$8:$B$37", "'PACE Aim 2'!$E$8:$E$37",
      "'PACE Aim 2'!$B$8:$B$37", "'PACE Aim 2'!$F$8:$F$37",
      "'PACE Aim 2'!$B$8:$B$37", "'PACE Aim 2'!$G$8:$G$37",
    ].map((f) => f.replace(/'/g, '&apos;')));
    expect(all(xml, /<c:tx><c:v>([^<]*)<\/c:v><\/c:tx>/g)).toEqual(['Weeks', 'Median', 'Median (extended)', 'Target (26 weeks)', 'Planning meeting introduced']);
  });

  it('is a line chart on a text category axis with UK dates and blanks as gaps', () => {
    expect(xml).toContain('<c:lineChart><c:grouping val="standard"/>');
    expect(xml).toContain('<c:numFmt formatCode="dd/mm/yyyy" sourceLinked="0"/>');
    expect(xml).toContain('<c:auto val="0"/>');
    expect(xml).toContain('<c:dispBlanksAs val="gap"/>');
    expect(xml).toContain('<c:formatCode>dd/mm/yyyy</c:formatCode><c:ptCount val="30"/>');
    expect(xml).toContain('<c:min val="0"/>');
  });

  it('lays date labels flat and shows about 16 of them, whatever the number of children; slants names', () => {
    expect(xml).not.toContain('<a:bodyPr rot="-2700000" vert="horz"/>');
    expect(buildChartXml({ ...line, categoryFormat: undefined }, 'S', cache(30, 5))).toContain('<a:bodyPr rot="-2700000" vert="horz"/>');
    expect(xml).toContain('<c:tickLblSkip val="2"/>'); // 30 points
    expect(categoryLabelSkip({ ...line, categories: 'B8:B15' })).toBe(1);
    expect(categoryLabelSkip({ ...line, categories: 'B8:B232' })).toBe(15); // 225 children
    expect(categoryLabelSkip({ ...bar })).toBe(1); // every waiting child is named
  });

  it('caps a percentage axis at its maximum, in the schema order (max before min)', () => {
    const pct = buildChartXml({ ...line, yAxisMax: 100 }, 'PACE Aim 2', cache(30, 5));
    expect(pct).toContain('<c:orientation val="minMax"/><c:max val="100"/><c:min val="0"/>');
  });

  it('styles lines, dashes, markers and labels the test of change with its name', () => {
    expect(xml.match(/<a:prstDash val="dash"\/>/g)).toHaveLength(1);
    expect(xml).toContain('<a:ln w="19050" cap="rnd"><a:solidFill><a:srgbClr val="1F4E79"/>');
    expect(xml).toContain('<c:marker><c:symbol val="circle"/><c:size val="5"/>');
    expect(xml).toContain('<c:marker><c:symbol val="triangle"/><c:size val="9"/>');
    expect(xml.match(/<c:showSerName val="1"\/>/g)).toHaveLength(1);
    // The test-of-change series has no line and a single point.
    const tocSeries = xml.split('<c:ser>')[5];
    expect(tocSeries).toContain('<c:spPr><a:ln><a:noFill/></a:ln></c:spPr>');
    expect(tocSeries.match(/<c:pt idx/g)!.length).toBe(30 + 1);
  });

  it('has the title, axis titles and a legend', () => {
    expect(xml).toContain('<a:t>Weeks from accommodation to recommendation</a:t>');
    expect(xml).toContain('<a:t>Recommendation date</a:t>');
    expect(xml).toContain('<a:t>Weeks</a:t>');
    expect(xml).toContain('<c:legendPos val="b"/>');
  });
});

describe('buildChartXml: waiting bars', () => {
  const xml = buildChartXml(bar, "Children's wait", { categories: ['SYN0101', 'SYN0102'], series: [[61.3, ''], ['', 20.4]] });

  it('is a stacked horizontal bar chart with fully overlapping bars and names as text categories', () => {
    expect(xml).toContain('<c:barChart><c:barDir val="bar"/><c:grouping val="stacked"/>');
    expect(xml).toContain('<c:overlap val="100"/>');
    expect(xml).toContain('<c:strRef><c:f>&apos;Children&apos;&apos;s wait&apos;!$J$8:$J$11</c:f><c:strCache><c:ptCount val="2"/>');
    expect(xml.split('<c:ser>')[2]).toContain('<c:spPr><a:solidFill><a:srgbClr val="C00000"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>');
  });

  it('lists the longest wait at the top with the value axis kept at the bottom', () => {
    expect(xml).toContain('<c:orientation val="maxMin"/>');
    expect(xml).toContain('<c:axPos val="l"/>');
    expect(xml).toContain('<c:crosses val="max"/>');
  });

  it('draws clustered columns for a column chart without overlap', () => {
    const col = buildChartXml(fixturePlan().sheets[0].charts[0], 'S', { categories: ['a', 'b', 'c'], series: [[1, 2, 3]] });
    expect(col).toContain('<c:barDir val="col"/><c:grouping val="clustered"/>');
    expect(col).not.toContain('<c:overlap');
    expect(col).not.toContain('<c:legend>');
    expect(col).toContain('<c:showVal val="1"/>');
  });
});

describe('buildChartXml: lines that say what they are, signals, month axis and n on a second axis', () => {
  const points = 50;
  const chart: PlannedChart = {
    ...line,
    categories: 'B8:B57',
    categoryFormat: 'mmm yyyy',
    dateAxis: { majorMonths: 3 },
    secondaryAxisTitle: 'Children (n)',
    series: [
      { name: 'Children (n)', values: 'H8:H57', color: '#D9D9D9', line: 'none', marker: 'none', secondaryColumns: true },
      { name: 'Weeks', values: 'C8:C57', color: '#1F4E79', line: 'solid', marker: 'circle' },
      { name: 'Median', values: 'D8:D57', color: '#404040', line: 'dash', marker: 'none', endLabel: { text: 'Median 27.5 wks', position: 'above', point: 46 } },
      { name: 'Target', values: 'E8:E57', color: '#C00000', line: 'dot', marker: 'none', endLabel: { text: 'Target 26 wks', position: 'below', point: 36 } },
      { name: 'Stale', values: 'E8:E57', color: '#C00000', line: 'dot', marker: 'none', endLabel: { text: 'Nothing here', position: 'below', point: 45 } },
      { name: 'Re-phased median', values: 'F8:F57', color: '#00838F', line: 'dashDot', marker: 'none' },
      { name: 'Far from the rest', values: 'G8:G57', color: '#000000', line: 'none', marker: 'x', markerSize: 11 },
    ],
  };
  const values = (last: number) => Array.from({ length: points }, (_, i) => (i <= last ? 20 : ''));
  const xml = buildChartXml(chart, 'Aim', {
    categories: Array.from({ length: points }, (_, i) => 44200 + i * 10),
    series: [values(49), values(49), values(49), values(39), values(39), values(49), values(49)],
  });
  const seriesXml = (name: string) => xml.split('<c:ser>').find((s) => s.includes(`<c:v>${name}</c:v>`))!;

  it('labels each line at its planned point with its own text, above or below as planned', () => {
    expect(seriesXml('Stale')).not.toContain('<c:dLbl>'); // a planned point with no value gets no label
    const median = seriesXml('Median');
    expect(median).toContain('<c:dLbl><c:idx val="46"/>');
    expect(median).toContain('<a:t>Median 27.5 wks</a:t>');
    expect(median).toMatch(/<c:dLblPos val="t"\/>.*<c:showSerName val="1"\/>/);
    const target = seriesXml('Target');
    expect(target).toContain('<c:dLbl><c:idx val="36"/>');
    expect(target).toContain('<a:t>Target 26 wks</a:t>');
    expect(target).toContain('<c:dLblPos val="b"/>');
    // Only the labelled point shows a label: the series' other points show nothing.
    expect(target).toMatch(/<\/c:dLbl><c:showLegendKey val="0"\/><c:showVal val="0"\/><c:showCatName val="0"\/><c:showSerName val="0"\/>/);
    expect(seriesXml('Weeks')).not.toContain('<c:dLbls>');
  });

  it('draws line styles that differ in greyscale, and a cross for astronomical points', () => {
    expect(seriesXml('Median')).toContain('<a:prstDash val="dash"/>');
    expect(seriesXml('Target')).toContain('<a:prstDash val="sysDot"/>');
    expect(seriesXml('Re-phased median')).toContain('<a:prstDash val="dashDot"/>');
    expect(seriesXml('Weeks')).toContain('<a:prstDash val="solid"/>');
    expect(seriesXml('Far from the rest')).toContain('<c:symbol val="x"/><c:size val="11"/>');
  });

  it('puts the categories on a date axis labelled by month every majorMonths months', () => {
    expect(xml).toContain('<c:dateAx><c:axId val="500000001"/>');
    expect(xml).toMatch(/<c:dateAx>.*<c:numFmt formatCode="mmm yyyy" sourceLinked="0"\/>.*<c:baseTimeUnit val="days"\/><c:majorUnit val="3"\/><c:majorTimeUnit val="months"\/><\/c:dateAx>/);
    expect(xml).not.toContain('<c:catAx><c:axId val="500000001"/>');
  });

  it('draws n as columns on a second value axis at the right, behind the lines', () => {
    const columns = xml.indexOf('<c:barChart>');
    const lines = xml.indexOf('<c:lineChart>');
    expect(columns).toBeGreaterThan(0);
    expect(columns).toBeLessThan(lines);
    const barGroup = xml.slice(columns, xml.indexOf('</c:barChart>'));
    expect(barGroup).toContain('<c:v>Children (n)</c:v>');
    expect(barGroup).toContain('<c:axId val="500000003"/><c:axId val="500000004"/>');
    expect(xml.slice(lines, xml.indexOf('</c:lineChart>'))).not.toContain('Children (n)');
    expect(xml).toMatch(/<c:valAx><c:axId val="500000004"\/>.*<c:axPos val="r"\/>.*<a:t>Children \(n\)<\/a:t>.*<c:crossAx val="500000003"\/><c:crosses val="max"\/>/);
    expect(xml).toMatch(/<c:catAx><c:axId val="500000003"\/><c:scaling><c:orientation val="minMax"\/><\/c:scaling><c:delete val="1"\/>/);
    // Series numbers stay unique across both groups.
    expect(all(xml, /<c:idx val="(\d+)"\/><c:order/g).sort()).toEqual(['0', '1', '2', '3', '4', '5', '6']);
  });

  it('names about 45 children down a long waiting bar chart', () => {
    expect(categoryLabelSkip({ ...bar, categories: 'J8:J137' })).toBe(3);
    expect(categoryLabelSkip({ ...bar, categories: 'J8:J40' })).toBe(1);
  });
});

describe('buildChartXml: last month’s points', () => {
  it('draws a marker with its own fill (a light grey disc) edged in the series’ colour, with no line', () => {
    const ring: PlannedChart = {
      ...line,
      series: [{ ...line.series[0], name: 'Last month (as of 29/02/2024)', color: '#7F7F7F', line: 'none', marker: 'circle', markerSize: 8, markerFill: '#BFBFBF' }, ...line.series],
    };
    const xml = buildChartXml(ring, 'PACE Aim 2', cache(30, 6));
    const first = xml.slice(xml.indexOf('<c:ser>'), xml.indexOf('</c:ser>'));
    expect(first).toContain('<c:spPr><a:ln><a:noFill/></a:ln></c:spPr>');
    expect(first).toContain(
      '<c:marker><c:symbol val="circle"/><c:size val="8"/><c:spPr><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="7F7F7F"/></a:solidFill></a:ln></c:spPr></c:marker>',
    );
    // The next series (this month's weeks) keeps its solid marker.
    const from = xml.indexOf('<c:ser>', xml.indexOf('</c:ser>'));
    const second = xml.slice(from, xml.indexOf('</c:ser>', from));
    expect(second).toContain('<c:tx><c:v>Weeks</c:v></c:tx>');
    expect(second).not.toContain('BFBFBF');
  });
});
