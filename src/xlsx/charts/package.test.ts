import JSZip from 'jszip';
import { chartDrawingParts, usedPartNumbers } from './package';
import { fixturePlan } from '../../../test/support/planFixture';
import { parseRels } from '../ooxml';

describe('chart parts', () => {
  it('numbers new charts and drawings after those already in the package', () => {
    const zip = new JSZip();
    zip.file('xl/charts/chart4.xml', '<c/>');
    zip.file('xl/charts/chart12.xml', '<c/>');
    zip.file('xl/charts/colors1.xml', '<c/>');
    zip.file('xl/drawings/drawing2.xml', '<d/>');
    expect(usedPartNumbers(zip)).toEqual({ chart: 12, drawing: 2 });
    expect(usedPartNumbers(new JSZip())).toEqual({ chart: 0, drawing: 0 });
  });

  it('writes each chart, the drawing placing them, and the drawing\'s relationships', () => {
    const aim = fixturePlan().sheets[2];
    const caches = aim.charts.map((c) => ({ categories: c.series.map(() => 1), series: c.series.map(() => [1]) }));
    const numbers = { chart: 3, drawing: 1 };
    const { drawingPath, parts } = chartDrawingParts({ sheetName: aim.name, charts: aim.charts, caches }, numbers);
    expect(drawingPath).toBe('xl/drawings/drawing2.xml');
    expect(numbers).toEqual({ chart: 5, drawing: 2 });
    expect(parts.map((p) => [p.path, p.contentType])).toEqual([
      ['xl/charts/chart4.xml', 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml'],
      ['xl/charts/chart5.xml', 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml'],
      ['xl/drawings/drawing2.xml', 'application/vnd.openxmlformats-officedocument.drawing+xml'],
      ['xl/drawings/_rels/drawing2.xml.rels', undefined],
    ]);
    expect(parts[0].xml).toContain(aim.charts[0].title);
    expect(parseRels(parts[3].xml).map((r) => [r.id, r.target])).toEqual([
      ['rId1', '../charts/chart4.xml'],
      ['rId2', '../charts/chart5.xml'],
    ]);
    expect(parts[2].xml.match(/r:id="rId\d"/g)).toEqual(['r:id="rId1"', 'r:id="rId2"']);
  });
});
