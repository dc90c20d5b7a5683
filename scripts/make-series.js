#!/usr/bin/env node
'use strict';
/**
 * Seeded run-chart series for the benchmark and the regression test: a
 * `date,value,group` CSV with weekly points per group. The same seed always
 * gives the same file, so the benchmark input need not be committed.
 *
 *   node scripts/make-series.js OUT.csv [--groups 1000] [--points 100] [--seed 2026] [--vary] [--messy]
 *
 * Each group mixes what real PACE series do: a level that steps down (so the
 * charts re-phase), some slow drifts (trends), whole-week values that often
 * sit exactly on the median, a few far-out points, and lengths that vary when
 * asked (--vary) so runs tables above and below 60 points are both exercised.
 */
const fs = require('fs');

/** mulberry32: a small, well-known 32-bit generator; enough for test data. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY_MS = 86400000;
const START = Date.UTC(2021, 0, 4); // a Monday

function isoDay(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The CSV text. Groups are written interleaved week by week (as an export
 * sorted by date would be), so parsing has to gather each group's points.
 */
function makeSeriesCsv({ groups = 1000, points = 100, seed = 2026, vary = false, messy = false } = {}) {
  const random = rng(seed);
  const series = [];
  for (let g = 0; g < groups; g++) {
    const length = vary ? 8 + Math.floor(random() * (points - 7)) : points;
    const level = 20 + random() * 40;
    const stepAt = Math.floor(length * (0.2 + random() * 0.6));
    const step = random() < 0.7 ? -(3 + random() * 10) : 0;
    const drift = random() < 0.2 ? (random() - 0.5) * 0.4 : 0;
    const whole = random() < 0.4; // weeks as whole numbers: many points land on the median
    const values = [];
    for (let i = 0; i < length; i++) {
      let v = level + (i >= stepAt ? step : 0) + drift * i + (random() - 0.5) * 8;
      if (random() < 0.01) v += 30; // an astronomical point now and then
      v = Math.max(0, v);
      values.push(whole ? Math.round(v) : Math.round(v * 10) / 10);
    }
    series.push({ name: `Team ${String(g + 1).padStart(4, '0')}`, values });
  }
  const longest = Math.max(0, ...series.map((s) => s.values.length));
  if (messy) return messyCsv(series, longest);
  const lines = ['date,value,group'];
  for (let i = 0; i < longest; i++) {
    const date = isoDay(START + i * 7 * DAY_MS);
    for (const s of series) if (i < s.values.length) lines.push(`${date},${s.values[i]},${s.name}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The same points written the way spreadsheets export them: a BOM, CRLF,
 * another column order, UK dates on every other line, quoted names with
 * commas and quotes, padding, blank lines, and newest first (the chart sorts
 * by date).
 */
function messyCsv(series, longest) {
  const lines = ['\uFEFF Value , GROUP ,Date'];
  for (let i = longest - 1; i >= 0; i--) {
    const iso = isoDay(START + i * 7 * DAY_MS);
    const date = i % 2 === 0 ? iso : `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
    for (const s of series) if (i < s.values.length) lines.push(` ${s.values[i]} ,"${s.name}, ""north""", ${date}`);
    if (i % 10 === 0) lines.push('');
  }
  return `${lines.join('\r\n')}\r\n`;
}

function main(argv) {
  const out = argv[0];
  if (!out || out.startsWith('-')) {
    process.stderr.write('Usage: node scripts/make-series.js OUT.csv [--groups N] [--points N] [--seed N] [--vary] [--messy]\n');
    return 2;
  }
  const opt = (name, fallback) => {
    const at = argv.indexOf(`--${name}`);
    return at === -1 ? fallback : Number(argv[at + 1]);
  };
  const text = makeSeriesCsv({ groups: opt('groups', 1000), points: opt('points', 100), seed: opt('seed', 2026), vary: argv.includes('--vary'), messy: argv.includes('--messy') });
  fs.writeFileSync(out, text);
  return 0;
}

module.exports = { makeSeriesCsv };
if (require.main === module) process.exitCode = main(process.argv.slice(2));
