#!/usr/bin/env node
/**
 * Draws the add-in icons (assets/icon-16/32/64/80/128.png): a white run-chart
 * line with a dashed centre line on a rounded square in a calm blue. Pure JS
 * PNG encoding (zlib from Node), anti-aliased by 4×4 supersampling, so the
 * icons can be regenerated anywhere with no image tools.
 *
 *   node scripts/make-icons.js
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80, 128];
const BLUE = [0x1f, 0x6f, 0xb2];
const WHITE = [0xff, 0xff, 0xff];
const PALE = [0xb9, 0xd6, 0xee];

// ── PNG encoding ──
const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
/** RGBA pixels (Uint8Array, size×size×4) to a PNG file's bytes. */
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ── Geometry, in a 0..1 unit square ──
function insideRoundedSquare(x, y, radius) {
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}
function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
// A run chart settling downwards (weeks falling: improvement).
const RUN = [[0.16, 0.34], [0.3, 0.5], [0.43, 0.3], [0.56, 0.56], [0.7, 0.62], [0.84, 0.72]];
const CENTRE_Y = 0.5;

/** Colour and coverage of one sample point. */
function sample(x, y, size) {
  if (!insideRoundedSquare(x, y, 0.2)) return null;
  const stroke = Math.max(0.05, 1.6 / size);
  for (const [px, py] of RUN) if (Math.hypot(x - px, y - py) <= stroke * 1.1) return WHITE;
  for (let i = 0; i + 1 < RUN.length; i++) if (distanceToSegment(x, y, RUN[i], RUN[i + 1]) <= stroke / 2) return WHITE;
  const dashOn = Math.floor((x - 0.12) / 0.09) % 2 === 0;
  if (size >= 32 && dashOn && x > 0.12 && x < 0.88 && Math.abs(y - CENTRE_Y) <= stroke / 3) return PALE;
  return BLUE;
}

function drawIcon(size) {
  const rgba = new Uint8Array(size * size * 4);
  const SS = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const c = sample((x + (sx + 0.5) / SS) / size, (y + (sy + 0.5) / SS) / size, size);
          if (c) { r += c[0]; g += c[1]; b += c[2]; a += 1; }
        }
      }
      const o = (y * size + x) * 4;
      if (a > 0) { rgba[o] = Math.round(r / a); rgba[o + 1] = Math.round(g / a); rgba[o + 2] = Math.round(b / a); }
      rgba[o + 3] = Math.round((a / (SS * SS)) * 255);
    }
  }
  return encodePng(size, rgba);
}

module.exports = { drawIcon, encodePng, SIZES };

if (require.main === module) {
  const dir = path.resolve(__dirname, '..', 'assets');
  fs.mkdirSync(dir, { recursive: true });
  for (const size of SIZES) {
    fs.writeFileSync(path.join(dir, `icon-${size}.png`), drawIcon(size));
    console.log(`assets/icon-${size}.png`);
  }
}
