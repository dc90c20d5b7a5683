/**
 * Adds native charts to an .xlsx package that exceljs wrote (exceljs has no
 * chart support): chart parts, one drawing per sheet, their relationships,
 * the sheet's <drawing> element and the content types.
 */
import type JSZip from 'jszip';
import type { PlannedChart } from '../../core/report/plan';
import {
  addContentTypeOverride,
  CONTENT_TYPE,
  insertWorksheetElement,
  listWorksheetParts,
  nextRelId,
  parseRels,
  REL_TYPE,
  relsPathOf,
  renderRels,
} from '../ooxml';
import { buildChartXml, ChartCache } from './chartXml';
import { buildDrawingXml, ChartAnchor } from './drawingXml';

export interface SheetCharts {
  sheetName: string;
  charts: PlannedChart[];
  /** One cache per chart, same order. */
  caches: ChartCache[];
}

/** Highest N among parts named like `${prefix}N.xml`. */
function highestIndex(zip: JSZip, prefix: string): number {
  let max = 0;
  const re = new RegExp(`^${prefix.replace(/[/.]/g, '\\$&')}(\\d+)\\.xml$`);
  zip.forEach((path) => {
    const m = re.exec(path);
    if (m) max = Math.max(max, Number(m[1]));
  });
  return max;
}

async function text(zip: JSZip, path: string): Promise<string | null> {
  const file = zip.file(path);
  return file ? file.async('string') : null;
}

export async function addChartsToPackage(zip: JSZip, sheets: SheetCharts[], date1904 = false): Promise<void> {
  const withCharts = sheets.filter((s) => s.charts.length > 0);
  if (withCharts.length === 0) return;
  const workbookXml = (await text(zip, 'xl/workbook.xml')) ?? '';
  const workbookRels = (await text(zip, 'xl/_rels/workbook.xml.rels')) ?? '';
  const parts = listWorksheetParts(workbookXml, workbookRels);
  let contentTypes = (await text(zip, '[Content_Types].xml')) ?? '';
  let chartNo = highestIndex(zip, 'xl/charts/chart');
  let drawingNo = highestIndex(zip, 'xl/drawings/drawing');

  for (const sheet of withCharts) {
    const part = parts.find((p) => p.name === sheet.sheetName);
    if (!part) throw new Error(`Sheet "${sheet.sheetName}" is not in the package`);
    let sheetXml = (await text(zip, part.path)) ?? '';
    if (/<drawing\s/.test(sheetXml)) throw new Error(`Sheet "${sheet.sheetName}" already has a drawing`);

    drawingNo += 1;
    const drawingPath = `xl/drawings/drawing${drawingNo}.xml`;
    const drawingRels = [];
    const anchors: ChartAnchor[] = [];
    for (let i = 0; i < sheet.charts.length; i++) {
      const chart = sheet.charts[i];
      chartNo += 1;
      const chartPath = `xl/charts/chart${chartNo}.xml`;
      zip.file(chartPath, buildChartXml(chart, sheet.sheetName, sheet.caches[i], date1904));
      contentTypes = addContentTypeOverride(contentTypes, `/${chartPath}`, CONTENT_TYPE.chart);
      const relId = `rId${i + 1}`;
      drawingRels.push({ id: relId, type: REL_TYPE.chart, target: `../charts/chart${chartNo}.xml` });
      anchors.push({ name: chart.name, from: chart.anchor.from, to: chart.anchor.to, relId });
    }
    zip.file(drawingPath, buildDrawingXml(anchors));
    zip.file(relsPathOf(drawingPath), renderRels(drawingRels));
    contentTypes = addContentTypeOverride(contentTypes, `/${drawingPath}`, CONTENT_TYPE.drawing);

    const sheetRelsPath = relsPathOf(part.path);
    const sheetRels = parseRels(await text(zip, sheetRelsPath));
    const drawingRelId = nextRelId(sheetRels);
    sheetRels.push({ id: drawingRelId, type: REL_TYPE.drawing, target: `../drawings/drawing${drawingNo}.xml` });
    zip.file(sheetRelsPath, renderRels(sheetRels));
    sheetXml = insertWorksheetElement(sheetXml, 'drawing', `<drawing r:id="${drawingRelId}"/>`);
    zip.file(part.path, sheetXml);
  }
  zip.file('[Content_Types].xml', contentTypes);
}
