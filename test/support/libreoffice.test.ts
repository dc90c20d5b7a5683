import { colourBox, countColour, inkBox } from './libreoffice';

/** A tiny PPM image from rows of '#rrggbb' colours. */
function ppm(rows: string[][]): Buffer {
  const bytes = rows.flat().flatMap((hex) => [0, 2, 4].map((i) => parseInt(hex.slice(1 + i, 3 + i), 16)));
  return Buffer.concat([Buffer.from(`P6\n${rows[0].length} ${rows.length}\n255\n`, 'latin1'), Buffer.from(bytes)]);
}
const W = '#FFFFFF';
const K = '#000000';

describe('inkBox', () => {
  it('measures the drawn part of a page', () => {
    const img = ppm([
      [W, K, K, W],
      [W, W, W, W],
    ]);
    expect(inkBox(img)).toEqual({ width: 0.5, height: 0.5 });
    expect(inkBox(img, 0.5)).toEqual({ width: 0.5, height: 0.5 });
    expect(inkBox(img, 0)).toEqual({ width: 0, height: 0 });
  });
});

describe('countColour', () => {
  it('counts pixels near a colour in a colour image', () => {
    const img = ppm([['#ED7D31', W]]);
    expect(countColour(img, '#ED7D31')).toBe(1);
    expect(countColour(img, '#FFFFFF')).toBe(1);
    expect(countColour(img, '#000000')).toBe(0);
  });
});

describe('colourBox', () => {
  it('boxes the pixels of any of the colours, and is null when there are none', () => {
    const img = ppm([
      [W, W, W],
      [W, '#C00000', W],
      [W, W, '#5B9BD5'],
    ]);
    expect(colourBox(img, ['#C00000', '#5B9BD5'])).toEqual({ x: 1, y: 1, w: 2, h: 2, width: 3, height: 3 });
    expect(colourBox(img, ['#C00000'])).toEqual({ x: 1, y: 1, w: 1, h: 1, width: 3, height: 3 });
    expect(colourBox(img, [K])).toBeNull();
  });
});
