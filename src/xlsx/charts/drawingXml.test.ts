import { anchorMarker, buildDrawingXml } from './drawingXml';

describe('anchorMarker', () => {
  it('gives 0-based column and row, one past the cell for the far corner', () => {
    expect(anchorMarker('I16')).toEqual({ col: 8, row: 15 });
    expect(anchorMarker('S36', true)).toEqual({ col: 19, row: 36 });
  });
});

describe('buildDrawingXml', () => {
  it('anchors each chart between its cells and links it by relationship id', () => {
    const xml = buildDrawingXml([
      { name: 'aim2RunChart', from: 'I16', to: 'S36', relId: 'rId1' },
      { name: 'aim2Waiting', from: 'I38', to: 'S55', relId: 'rId2' },
    ]);
    expect(xml.match(/<xdr:twoCellAnchor/g)).toHaveLength(2);
    expect(xml).toContain('<xdr:from><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>19</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>36</xdr:row>');
    expect(xml).toContain('name="aim2Waiting"');
    expect([...xml.matchAll(/r:id="(rId\d)"/g)].map((m) => m[1])).toEqual(['rId1', 'rId2']);
    expect(xml).toContain('<xdr:clientData/>');
  });

  it('refuses an anchor whose far corner is above or left of its start (a plan defect)', () => {
    expect(() => buildDrawingXml([{ name: 'x', from: 'D10', to: 'B5', relId: 'rId1' }])).toThrow(/anchor/);
  });
});
