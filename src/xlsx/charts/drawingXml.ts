/**
 * The drawing part (xl/drawings/drawingN.xml) that places charts on a sheet:
 * one two-cell anchor per chart, from the top-left of the plan's `from` cell
 * to the bottom-right of its `to` cell, so the chart moves and sizes with them.
 */
import { parseCellAddress } from '../../core/grid';
import { escapeXml, NS } from '../ooxml';

export interface ChartAnchor {
  /** Chart name shown in Excel's selection pane. */
  name: string;
  from: string;
  to: string;
  /** Relationship id of the chart part in the drawing's rels. */
  relId: string;
}

/** 0-based column/row marker of a cell's top-left corner. */
export function anchorMarker(address: string, after = false): { col: number; row: number } {
  const cell = parseCellAddress(address);
  if (!cell) throw new Error(`Not a cell address: ${address}`);
  // The `to` cell is included: the anchor ends at the top-left of the next row and column.
  return { col: cell.column - 1 + (after ? 1 : 0), row: cell.row - 1 + (after ? 1 : 0) };
}

function marker(tag: 'from' | 'to', m: { col: number; row: number }): string {
  return `<xdr:${tag}><xdr:col>${m.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${m.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
}

export function buildDrawingXml(anchors: ChartAnchor[]): string {
  const frames = anchors
    .map((a, i) => {
      const from = anchorMarker(a.from);
      const to = anchorMarker(a.to, true);
      if (to.col <= from.col || to.row <= from.row) throw new Error(`Chart ${a.name}: anchor ${a.from}:${a.to} is empty`);
      return (
        `<xdr:twoCellAnchor editAs="twoCell">${marker('from', from)}${marker('to', to)}` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(a.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="${escapeXml(a.relId)}"/></a:graphicData></a:graphic>` +
        `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
      );
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">${frames}</xdr:wsDr>`;
}
