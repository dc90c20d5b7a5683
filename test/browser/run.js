#!/usr/bin/env node
/**
 * Browser tests of the task pane (npm run test:browser).
 *
 * 1. Reads samples/pace-sample.xlsx with src/xlsx/read.ts into a JSON fixture.
 * 2. Builds the pane twice with webpack: the harness (the real pane entry on
 *    the strict fake Excel, test/browser/harness-entry.ts) and the production
 *    page (minified, office.js copied locally).
 * 3. Serves both from a tiny http server on 127.0.0.1 and drives Debian's
 *    Chromium with playwright-core (never a downloaded browser).
 * 4. Every request is recorded: any request to another origin fails the run.
 *
 * Pages open at an en-US locale in a US time zone, so every date the pane
 * shows or reads being day/month/year is proved, not assumed. axe-core (served
 * from this origin, so the page's Content-Security-Policy holds) checks each
 * step for serious or critical accessibility problems, and the keyboard tests
 * drive whole flows with keys only.
 *
 * Screenshots (320 and 500 px wide, light and dark, en-US locale) go to
 * test-artifacts/screenshots/. Prints "N passed, N failed" and exits 1 on failure.
 */
'use strict';
const fs = require('fs');
const http = require('http');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const HARNESS_DIST = path.join(ARTIFACTS, 'harness');
const PROD_DIST = path.join(ARTIFACTS, 'prod');
const SHOTS = path.join(ARTIFACTS, 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** A guard against a hung test, not a speed measure: generous, for a busy machine. */
const TEST_TIMEOUT_MS = 90000;
const SAMPLE_AS_OF = '2024-03-31';
/** The sample's as-of date as a data lead types it (UK order, whatever the browser's locale). */
const SAMPLE_AS_OF_UK = '31/03/2024';

// ───────────────────────────── Build ─────────────────────────────

async function writeFixtures() {
  require('./ts-register').register();
  const { readWorkbookFile } = require(path.join(ROOT, 'src', 'xlsx', 'read.ts'));
  const grid = await readWorkbookFile(path.join(ROOT, 'samples', 'pace-sample.xlsx'));
  const dir = path.join(HARNESS_DIST, 'fixtures');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'sample.json'), JSON.stringify(grid));
  fs.writeFileSync(path.join(dir, 'identifiable.json'), JSON.stringify(withIdentifyingColumns(grid)));
  fs.writeFileSync(path.join(dir, 'empty.json'), JSON.stringify({ sheets: [{ name: 'Sheet1', values: [] }] }));
  const population = withOneRowOutside(grid);
  fs.writeFileSync(path.join(dir, 'population.json'), JSON.stringify(population));
  fs.writeFileSync(path.join(dir, 'cohort.json'), JSON.stringify(withChildrenAtHome(grid)));
  fs.writeFileSync(path.join(dir, 'monthfirst.json'), JSON.stringify(withMonthFirstColumn(population, MONTH_FIRST_HEADER)));
  fs.writeFileSync(
    path.join(dir, 'noheader.json'),
    JSON.stringify({ sheets: [{ name: 'Shopping', values: [['Item', 'Quantity'], ['Milk', 2], ['Bread', 1]] }] }),
  );
}

/** Names and postcodes that must never reach a submission copy. */
const SURNAMES = ['Fictionalson', 'Madeupworth', 'Inventedale'];
const POSTCODES = ['IV2 3AB', 'KW1 4ZZ', 'PH33 6TT'];

/** The sample with two identifying columns added after the last one: Surname and Postcode. */
function withIdentifyingColumns(workbook) {
  const sheet = workbook.sheets[0];
  const headerIndex = sheet.values.findIndex((row) => row.includes('CLAS ID'));
  const values = sheet.values.map((row, r) => {
    if (r < headerIndex) return [...row, '', ''];
    if (r === headerIndex) return [...row, 'Surname', 'Postcode'];
    return [...row, SURNAMES[r % SURNAMES.length], POSTCODES[r % POSTCODES.length]];
  });
  const numberFormats = sheet.numberFormats ? sheet.numberFormats.map((row) => [...row, 'General', 'General']) : null;
  return { ...workbook, sheets: [{ ...sheet, values, numberFormats }, ...workbook.sheets.slice(1)] };
}

/**
 * The sample's children still looked after (no ceased date) plus one who
 * ceased long before 31/03/2024 (SYN0001, ceased 22/10/2020): exactly one row
 * outside the PACE population at the sample's as-of date.
 */
function withOneRowOutside(workbook) {
  const sheet = workbook.sheets[0];
  const headerIndex = sheet.values.findIndex((row) => row.includes('CLAS ID'));
  const ceased = sheet.values[headerIndex].indexOf('Date ceased');
  const keep = sheet.values.map((row, r) => r <= headerIndex || row[0] === OUTSIDE_CHILD || row[ceased] === '' || row[ceased] === null);
  const values = sheet.values.filter((_, r) => keep[r]);
  const outside = values.find((row) => row[0] === OUTSIDE_CHILD);
  if (!outside || typeof outside[ceased] !== 'number' || outside[ceased] >= SERIAL_31_03_2023) throw new Error(`${OUTSIDE_CHILD} no longer ceased more than a year before 31/03/2024 in the sample`);
  const numberFormats = sheet.numberFormats ? sheet.numberFormats.filter((_, r) => keep[r]) : null;
  return { ...workbook, sheets: [{ ...sheet, values, numberFormats }, ...workbook.sheets.slice(1)] };
}
const OUTSIDE_CHILD = 'SYN0001';
/** Excel's day number for 31/03/2023: a child who ceased before it is outside the population at 31/03/2024. */
const SERIAL_31_03_2023 = 45016;
const MONTH_FIRST_HEADER = 'Panel date';

/** Excel's day number as text written month first (04/23/2019), as a US system exports it. */
function monthFirstText(serial) {
  const d = new Date(Date.UTC(1899, 11, 30) + serial * 86400000);
  const two = (n) => String(n).padStart(2, '0');
  return `${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())}/${d.getUTCFullYear()}`;
}

/** The workbook with one date column's dates turned into month-first text. */
function withMonthFirstColumn(workbook, header) {
  const sheet = workbook.sheets[0];
  const headerIndex = sheet.values.findIndex((row) => row.includes('CLAS ID'));
  const col = sheet.values[headerIndex].indexOf(header);
  const values = sheet.values.map((row, r) => (r > headerIndex && typeof row[col] === 'number' ? row.map((v, c) => (c === col ? monthFirstText(v) : v)) : row));
  const numberFormats = sheet.numberFormats ? sheet.numberFormats.map((row, r) => (r > headerIndex ? row.map((f, c) => (c === col ? '@' : f)) : row)) : null;
  return { ...workbook, sheets: [{ ...sheet, values, numberFormats }, ...workbook.sheets.slice(1)] };
}

/** Children the cohort-list test puts at home (Highland aim 1), and the one of them with a peer review. */
const AT_HOME = 3;
const SERIAL_31_03_2022 = 44651;

/**
 * The sample with a "Peer review" column and the first three children still
 * looked after who became looked after before 31/03/2022 placed at home: on
 * 31/03/2024 they have been looked after at home for more than 2 years. The
 * first of them had a peer review 400 days after becoming looked after.
 */
function withChildrenAtHome(workbook) {
  const sheet = workbook.sheets[0];
  const headerIndex = sheet.values.findIndex((row) => row.includes('CLAS ID'));
  const header = sheet.values[headerIndex];
  const [start, ceased, placement] = ['Date became looked after', 'Date ceased', 'Placement type'].map((h) => header.indexOf(h));
  let placed = 0;
  const values = sheet.values.map((row, r) => {
    if (r < headerIndex) return [...row, ''];
    if (r === headerIndex) return [...row, 'Peer review'];
    const eligible = placed < AT_HOME && (row[ceased] === '' || row[ceased] === null) && typeof row[start] === 'number' && row[start] < SERIAL_31_03_2022;
    if (!eligible) return [...row, ''];
    placed++;
    return [...row.map((v, c) => (c === placement ? 'At home with parents' : v)), placed === 1 ? row[start] + 400 : ''];
  });
  if (placed < AT_HOME) throw new Error(`the sample has only ${placed} children who could be placed at home`);
  const numberFormats = sheet.numberFormats ? sheet.numberFormats.map((row) => [...row, 'dd/mm/yyyy']) : null;
  return { ...workbook, sheets: [{ ...sheet, values, numberFormats }, ...workbook.sheets.slice(1)] };
}

function compile(config) {
  const webpack = require('webpack');
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true, errorDetails: false })));
      resolve();
    });
  });
}

/** The harness build (development: quick) and the production build (minified, office.js copied). */
function builds() {
  const { makeConfig } = require(path.join(ROOT, 'webpack.config.js'));
  const harness = makeConfig({
    mode: 'development',
    entry: path.join(__dirname, 'harness-entry.ts'),
    outDir: HARNESS_DIST,
    withManifest: false,
    withOfficeJs: false,
  });
  harness.output.clean = false; // keep the fixtures written beside it
  const prod = makeConfig({ mode: 'production', outDir: PROD_DIST });
  return { harness: () => compile(harness), prod: () => compile(prod) };
}

// ───────────────────────────── Server ─────────────────────────────

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json', '.png': 'image/png', '.xml': 'application/xml', '.map': 'application/json' };

function serve() {
  const roots = { harness: HARNESS_DIST, prod: PROD_DIST };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const [, area, ...rest] = decodeURIComponent(url.pathname).split('/');
    const base = roots[area];
    const file = base && path.resolve(base, rest.join('/') || 'taskpane.html');
    if (!file || !file.startsWith(base + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// ───────────────────────────── Runner ─────────────────────────────

const tests = [];
let prodBuild = null;
function test(name, fn) {
  tests.push({ name, fn });
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

function withTimeout(promise, ms, name) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${name}: took longer than ${ms / 1000}s`)), ms)))]).finally(() => clearTimeout(timer));
}

/** A fresh page at a width, recording requests, page errors and CSP violations. */
async function openPage(browser, origin, { width = 500, path: pagePath = '/harness/taskpane.html', query = '' } = {}) {
  // A US locale and time zone: the pane must still show and read dates day first.
  const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1, serviceWorkers: 'block', locale: 'en-US', timezoneId: 'America/New_York', colorScheme: 'light' });
  const page = await context.newPage();
  // 30 s: on a loaded 2-core machine a Fluent dropdown took over 15 s to open once; a wait is not a speed test.
  page.setDefaultTimeout(30000);
  const record = { requests: [], foreign: [], errors: [], csp: [] };
  context.on('request', (r) => {
    record.requests.push(r.url());
    const u = new URL(r.url());
    if (!['data:', 'blob:', 'about:'].includes(u.protocol) && u.origin !== origin) record.foreign.push(r.url());
  });
  page.on('pageerror', (e) => record.errors.push(e.message));
  page.on('console', (m) => {
    const text = m.text();
    if (/Content Security Policy|Refused to/i.test(text)) record.csp.push(text);
    else if (m.type() === 'error' && !knownDevWarning(text)) record.errors.push(text);
  });
  // Generous: a guard against a page that never loads, on a machine that may be busy.
  await page.goto(`${origin}${pagePath}${query ? `?${query}` : ''}`, { timeout: 40000 });
  return { page, context, record };
}

/**
 * React 18 warns (development builds only) that Fluent's Accordion passes
 * \`inert\` as a boolean; a known Fluent UI issue, harmless, absent in production.
 */
function knownDevWarning(text) {
  return text.includes('non-boolean attribute') && text.includes('inert');
}

/** Fails on foreign requests, CSP violations and script errors seen by a page. */
function assertClean(record) {
  assert(record.foreign.length === 0, `requests left this machine: ${record.foreign.join(', ')}`);
  assert(record.csp.length === 0, `Content-Security-Policy violations: ${record.csp.join(' | ')}`);
  assert(record.errors.length === 0, `errors in the page: ${record.errors.join(' | ')}`);
}

async function sheetReady(page) {
  await page.getByTestId('header-row').waitFor();
}

/** Types a date into a date field as a user would (UK order) and commits it with Enter. */
async function setDate(field, text) {
  await field.fill(text);
  await field.press('Enter');
}

/** Opens the Sheet step's "Review columns" disclosure (the mapping table is closed when the headings were recognised). */
async function reviewColumns(page) {
  const header = page.getByRole('button', { name: /Review (the other )?columns/ });
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  await page.locator('tr[data-column="A"]').waitFor();
}

/** What has keyboard focus: its role, accessible-ish name and id. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { role: '', name: '', id: '', tag: 'body' };
    const labelled = el.getAttribute('aria-labelledby');
    const byIds = labelled ? labelled.split(/\s+/).map((id) => document.getElementById(id)?.textContent || '').join(' ') : '';
    const label = el.labels && el.labels[0] ? el.labels[0].textContent : '';
    let name = (el.getAttribute('aria-label') || byIds || label || el.textContent || el.getAttribute('placeholder') || '').trim().replace(/\s+/g, ' ');
    // Fluent's tabs hold their label twice (a hidden bold copy keeps the width steady).
    const half = name.length / 2;
    if (name.length % 2 === 0 && name.slice(0, half) === name.slice(half)) name = name.slice(0, half);
    return { role: el.getAttribute('role') || el.tagName.toLowerCase(), name, id: el.id, tag: el.tagName.toLowerCase(), dummy: el.hasAttribute('data-tabster-dummy') };
  });
}

/**
 * Presses Tab until the focused control's name matches, and returns every
 * control passed on the way (the keyboard order). Fails when it is not reached.
 */
async function tabTo(page, pattern, { max = 120, key = 'Tab' } = {}) {
  const passed = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const f = await focused(page);
    if (f.dummy) throw new Error(`focus rested on a hidden navigation sentinel after ${passed.map((p) => p.name.slice(0, 30)).join(' → ')}`);
    passed.push(f);
    if (pattern.test(f.name)) return passed;
  }
  throw new Error(`${pattern} was not reached with ${key} in ${max} presses; focus went through: ${passed.map((f) => `${f.role} "${f.name.slice(0, 40)}"`).join(', ')}`);
}

/** Runs axe-core on the page; returns serious and critical violations as readable lines. */
async function seriousViolations(page) {
  // Fluent opens disclosures with a fade (Web Animations): colours are judged once it has finished.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ url: '../harness/axe.min.js' });
  const violations = await page.evaluate(async () => {
    // Tabster (Fluent's keyboard navigation) puts 1-px <i data-tabster-dummy tabindex=0 aria-hidden> sentinels around
    // arrow-key groups; focus landing on one is moved on at once (tabster/dist/esm/DummyInput.js). tabTo fails if focus
    // ever rests on one, so leaving them out of axe's aria-hidden-focus rule hides nothing a user meets.
    const result = await window.axe.run({ exclude: [['[data-tabster-dummy]']] }, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.join('; ')})`);
}

/** The tabs' tops and right edges: one line when every top is the same and nothing passes the pane's edge. */
function tabLine(page) {
  return page.evaluate(() => {
    const tabs = [...document.querySelectorAll('[role="tab"]')].map((t) => t.getBoundingClientRect());
    return { tops: [...new Set(tabs.map((r) => Math.round(r.top)))], right: Math.max(...tabs.map((r) => r.right)), count: tabs.length };
  });
}

async function chooseOption(page, combobox, optionName) {
  await combobox.click();
  await page.getByRole('option', { name: optionName, exact: true }).click();
}

async function fake(page, fn, arg) {
  return page.evaluate(fn, arg);
}

// ───────────────────────────── Tests ─────────────────────────────

function defineTests(origin, browser) {
  const open = (opts) => openPage(browser, origin, opts);

  test('Sheet: shows the sample sheet, header row, children and mapped columns', async () => {
    const { page, context, record } = await open({ width: 500 });
    await sheetReady(page);
    assert((await page.getByTestId('sheet-line').textContent()).includes("'Tracker'"), 'the sheet name Tracker is not shown');
    assert((await page.getByTestId('header-row').textContent()) === 'row 3', 'the header row is not row 3');
    assert((await page.getByTestId('child-count').textContent()) === '300 children', 'the child count is not 300');
    const verdict = await page.getByTestId('mapping-verdict').textContent();
    assert(verdict === '20 of 21 columns recognised · Legal advice meeting not used', `the Sheet step's verdict is "${verdict}"`);
    assert((await page.locator('tr[data-column]').count()) === 0, 'the mapping table is open although every heading was recognised');
    // The one primary (brand-coloured) button is the next step.
    const primary = await page.evaluate(() => {
      const probe = document.createElement('span');
      probe.style.backgroundColor = 'var(--colorBrandBackground)';
      document.querySelector('main').appendChild(probe);
      const brand = getComputedStyle(probe).backgroundColor;
      probe.remove();
      return [...document.querySelectorAll('#panel-sheet button')].filter((b) => getComputedStyle(b).backgroundColor === brand).map((b) => b.textContent);
    });
    assert(primary.length === 1 && primary[0] === 'Check the data', `the Sheet step's primary buttons are: ${primary.join(', ')}`);
    await reviewColumns(page);
    const used = async (col) => (await page.locator(`tr[data-column="${col}"] [role="combobox"]`).textContent()).trim();
    assert((await used('A')) === 'Child ID', `column A is used as "${await used('A')}", not Child ID`);
    assert((await used('D')) === 'Became looked after', `column D is used as "${await used('D')}"`);
    assert((await used('G')) === 'Permanence recommendation', `column G is used as "${await used('G')}"`);
    assert((await used('H')) === 'Not used', `column H (Legal advice meeting) is used as "${await used('H')}"`);
    const sheetPicker = page.getByRole('combobox', { name: "Sheet with the children's data" });
    await sheetPicker.click();
    await page.getByRole('option').first().waitFor();
    const options = await page.getByRole('option').allTextContents();
    assert(options.includes('Tracker') && options.includes('Notes'), `the sheet picker lists ${options.join(', ')}`);
    await page.keyboard.press('Escape');
    assertClean(record);
    await context.close();
  });

  for (const theme of ['light', 'dark']) {
    for (const width of [320, 500]) {
      test(`Screenshot: Sheet screen at ${width} px, ${theme}; nothing wider than the pane`, async () => {
        const { page, context, record } = await open({ width, query: `theme=${theme}` });
        await sheetReady(page);
        const actualTheme = await page.locator('[data-theme]').first().getAttribute('data-theme');
        assert(actualTheme === theme, `the pane used the ${actualTheme} theme, Office's is ${theme}`);
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        assert(scrollWidth <= width, `the pane is ${scrollWidth} px wide in a ${width} px task pane (sideways scrolling)`);
        const tabs = await tabLine(page);
        assert(tabs.count === 5 && tabs.tops.length === 1 && tabs.right <= width, `the step tabs take ${tabs.tops.length} lines, right edge ${tabs.right} px, in a ${width} px pane`);
        fs.mkdirSync(SHOTS, { recursive: true });
        await page.screenshot({ path: path.join(SHOTS, `sheet-${width}-${theme}.png`), fullPage: true });
        assertClean(record);
        await context.close();
      });
    }
  }

  test('Sheet: every control has a label a screen reader can read', async () => {
    const { page, context, record } = await open({ width: 320 });
    await sheetReady(page);
    const unlabelled = await unlabelledControls(page);
    assert(unlabelled.length === 0, `controls without a label: ${unlabelled.join('\n')}`);
    // Keyboard: the tabs are reachable and arrow keys move between them.
    await page.getByRole('tab', { name: 'Sheet' }).focus();
    await page.keyboard.press('ArrowRight');
    const focused = await page.evaluate(() => document.activeElement && document.activeElement.id);
    assert(focused === 'tab-check', `ArrowRight from the Sheet tab focused "${focused}", not the Check tab`);
    assertClean(record);
    await context.close();
  });

  test('Check, Aims and Report at 320 px: nothing wider than the pane, every control labelled', async () => {
    const { page, context, record } = await open({ width: 320 });
    await sheetReady(page);
    fs.mkdirSync(SHOTS, { recursive: true });
    for (const step of ['Check', 'Aims', 'Report']) {
      await page.getByRole('tab', { name: step }).click();
      const panel = page.locator(`#panel-${step.toLowerCase()}`);
      await setDate(panel.getByLabel('Data as of'), SAMPLE_AS_OF_UK);
      if (step === 'Check') {
        await page.getByRole('button', { name: 'Check', exact: true }).click();
        await page.getByTestId('counts').waitFor();
      }
      if (step === 'Aims') {
        await page.locator('[data-testid^="figures-"]').first().waitFor();
        await panel.locator('[data-aim]').first().getByRole('button').first().click();
      }
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      assert(scrollWidth <= 320, `the ${step} step is ${scrollWidth} px wide in a 320 px task pane`);
      const unlabelled = await unlabelledControls(page);
      assert(unlabelled.length === 0, `${step}: controls without a label: ${unlabelled.join('\n')}`);
      await page.screenshot({ path: path.join(SHOTS, `${step.toLowerCase()}${step === 'Aims' ? '-open' : ''}-320-light.png`), fullPage: true });
    }
    assertClean(record);
    await context.close();
  });

  test('Dark theme: Check step readable (screenshot)', async () => {
    const { page, context, record } = await open({ width: 500, query: 'theme=dark' });
    await sheetReady(page);
    await page.getByRole('tab', { name: 'Check' }).click();
    await setDate(page.locator('#panel-check').getByLabel('Data as of'), SAMPLE_AS_OF_UK);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByTestId('counts').waitFor();
    const colours = await page.evaluate(() => {
      const el = document.querySelector('#panel-check');
      const bg = getComputedStyle(el.closest('[data-theme]').firstElementChild).backgroundColor;
      return { bg, fg: getComputedStyle(el).color };
    });
    const lum = (c) => c.match(/\d+/g).slice(0, 3).map(Number).reduce((a, b) => a + b, 0) / 3;
    assert(lum(colours.bg) < 80 && lum(colours.fg) > 170, `dark theme colours are background ${colours.bg}, text ${colours.fg}`);
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'check-500-dark.png') });
    assertClean(record);
    await context.close();
  });

  test('(helper check) the label check finds an unlabelled control', async () => {
    const { page, context } = await open({ width: 320 });
    await sheetReady(page);
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.id = 'harness-unlabelled';
      document.body.appendChild(input);
    });
    const unlabelled = await unlabelledControls(page);
    assert(unlabelled.length === 1 && unlabelled[0].includes('harness-unlabelled'), `the label check missed an unlabelled input: ${unlabelled.join(', ')}`);
    await context.close();
  });
}

/** Buttons, inputs, drop-downs and tabs with no accessible name (outerHTML of each). */
function unlabelledControls(page) {
  return page.evaluate(() => {
    const controls = [...document.querySelectorAll('button, input, select, textarea, [role="combobox"], [role="tab"]')];
    const named = (el) => {
      if (el.getAttribute('aria-label')) return true;
      const by = el.getAttribute('aria-labelledby');
      if (by && by.split(/\s+/).some((id) => document.getElementById(id)?.textContent.trim())) return true;
      if (el.id && document.querySelector(`label[for="${CSS.escape(el.id)}"]`)) return true;
      if (el.closest('label')) return true;
      return (el.textContent || '').trim().length > 0;
    };
    return controls.filter((el) => !named(el)).map((el) => el.outerHTML.slice(0, 160));
  });
}

function defineFlowTests(origin, browser) {
  const open = (opts) => openPage(browser, origin, opts);

  test('Sheet: a column can become a local milestone, the mapping is saved in the workbook, and Reset forgets it', async () => {
    const { page, context, record } = await open({ width: 500 });
    await sheetReady(page);
    await reviewColumns(page);
    await chooseOption(page, page.locator('tr[data-column="H"] [role="combobox"]'), 'Local milestone…');
    const name = page.getByRole('textbox', { name: 'Name of the local milestone' });
    await name.fill('Legal advice meeting');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('button', { name: 'Save mapping' }).click();
    await page.getByText('This is your saved mapping.').waitFor();
    const saved = await fake(page, () => JSON.stringify([...window.__harness.fake.workbook.settings.values()].map((s) => s.value)));
    assert(saved.includes('legalAdviceMeeting') && saved.includes('Legal advice meeting'), `the saved settings do not hold the local milestone: ${saved.slice(0, 300)}`);
    const h = (await page.locator('tr[data-column="H"] [role="combobox"]').textContent()).trim();
    assert(h === 'Legal advice meeting', `after saving, column H shows "${h}"`);
    await page.getByRole('button', { name: 'Reset' }).click();
    await page.getByText('Saved mapping removed', { exact: false }).waitFor();
    await reviewColumns(page);
    const after = (await page.locator('tr[data-column="H"] [role="combobox"]').textContent()).trim();
    assert(after === 'Not used', `after Reset, column H shows "${after}"`);
    assertClean(record);
    await context.close();
  });

  test('Sheet: an empty workbook says so and what to do', async () => {
    const { page, context, record } = await open({ query: 'fixture=empty' });
    const bar = page.locator('[data-problem="emptyWorkbook"]');
    await bar.waitFor();
    assert(/empty/i.test(await bar.textContent()), 'the empty-workbook message does not say the workbook is empty');
    assertClean(record);
    await context.close();
  });

  test('Sheet: a workbook with no PACE headings lists the headings expected', async () => {
    const { page, context, record } = await open({ query: 'fixture=noheader' });
    const bar = page.locator('[data-problem="noHeader"]');
    await bar.waitFor();
    const text = await bar.textContent();
    assert(text.includes('Child ID') && text.includes('Permanence recommendation'), `the no-header message does not list expected headings: ${text}`);
    assertClean(record);
    await context.close();
  });

  test('Sheet: a protected sheet is read, with a warning that marks cannot be added', async () => {
    const { page, context, record } = await open({ query: 'protect=Tracker' });
    await sheetReady(page);
    await page.locator('[data-problem="protectedSheet"]').waitFor();
    assertClean(record);
    await context.close();
  });

  test('Excel too old for run charts: the pane says so instead of failing later', async () => {
    const { page, context, record } = await open({ query: 'api=1.6' });
    await page.locator('[data-problem="oldExcel"]').waitFor();
    assertClean(record);
    await context.close();
  });

  test('Check: findings are listed, and selecting one selects its cell in Excel', async () => {
    const { page, context, record } = await open({ width: 500 });
    await sheetReady(page);
    await page.getByRole('tab', { name: 'Check' }).click();
    await setDate(page.locator('#panel-check').getByLabel('Data as of'), SAMPLE_AS_OF_UK);
    const asOfShown = await page.locator('#panel-check').getByLabel('Data as of').inputValue();
    assert(asOfShown === SAMPLE_AS_OF_UK, `at an en-US locale the as-of field shows "${asOfShown}", not ${SAMPLE_AS_OF_UK}`);
    const savedAsOf = await fake(page, () => JSON.stringify([...window.__harness.fake.workbook.settings.values()].map((s) => s.value)));
    assert(savedAsOf.includes(SAMPLE_AS_OF), `typing ${SAMPLE_AS_OF_UK} did not keep ${SAMPLE_AS_OF} in the workbook: ${savedAsOf.slice(0, 200)}`);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByTestId('counts').waitFor();
    // The sample has errors: the result is in the error colour and says how many to fix, never a green success.
    const verdict = page.locator('#panel-check [data-intent]').first();
    const intent = await verdict.getAttribute('data-intent');
    const verdictText = await verdict.textContent();
    assert(intent === 'error' && /Check finished: \d+ errors? to fix/.test(verdictText), `after a check with errors the result is "${intent}": ${verdictText}`);
    const findings = page.locator('button[data-cell]');
    const count = await findings.count();
    assert(count > 0, 'no findings are listed for the sample');
    const first = findings.first();
    const cell = await first.getAttribute('data-cell');
    await first.click();
    await page.waitForFunction((c) => (window.__harness.fake.workbook.selectedAddress || '').endsWith(`!${c}`), cell);
    const selected = await fake(page, () => window.__harness.fake.workbook.selectedAddress);
    assert(selected === `Tracker!${cell}`, `selected ${selected}, expected Tracker!${cell}`);
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'check-500-light.png'), fullPage: false });

    // Filters: only errors, then words; and grouping by child.
    for (const s of ['Warnings', 'Notes']) await page.getByRole('checkbox', { name: new RegExp(`^${s}`) }).uncheck();
    const severities = await page.locator('button[data-cell]').evaluateAll((els) => els.map((e) => e.textContent.split(',')[0]));
    assert(severities.every((s) => s === 'Error'), `with only errors shown, the list has ${[...new Set(severities)].join(', ')}`);
    await page.getByRole('radio', { name: 'Child' }).check();
    const groups = await page.locator('section[data-group] h3').allTextContents();
    assert(groups.length > 0 && groups.every((g) => /^(Child |Row )/.test(g)), `grouped by child, the headings are ${groups.slice(0, 3).join(', ')}`);
    assertClean(record);
    await context.close();
  });

  test('Check: marks go on the sheet and Clear marks removes them; the issues sheet is written', async () => {
    const { page, context, record } = await open({ width: 500 });
    await sheetReady(page);
    await page.getByRole('tab', { name: 'Check' }).click();
    await setDate(page.locator('#panel-check').getByLabel('Data as of'), SAMPLE_AS_OF_UK);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByTestId('counts').waitFor();
    const before = await fake(page, () => JSON.stringify(window.__harness.fake.snapshot('Tracker')));
    await page.getByRole('button', { name: /^Mark (all|\d+) on sheet$/ }).click();
    await page.getByRole('button', { name: 'Clear marks' }).waitFor();
    const marked = await fake(page, () => JSON.stringify(window.__harness.fake.snapshot('Tracker')));
    assert(marked !== before, 'marking changed nothing on the Tracker sheet');
    await page.getByRole('button', { name: 'Clear marks' }).click();
    await page.getByText('The marks were removed').waitFor();
    const cleared = await fake(page, () => JSON.stringify(window.__harness.fake.snapshot('Tracker')));
    assert(cleared === before, 'Clear marks did not restore the Tracker sheet exactly');
    await page.getByRole('button', { name: 'Write issues sheet' }).click();
    const done = page.getByText('The findings were written to the sheet');
    await done.waitFor();
    const sheetName = /sheet '([^']+)'/.exec(await done.textContent())[1];
    const exists = await fake(page, (n) => Boolean(window.__harness.fake.workbook.findSheet(n)), sheetName);
    assert(exists, `the pane says '${sheetName}' was written but the workbook has no such sheet`);
    assertClean(record);
    await context.close();
  });

  test('Check: another as-of date clears the findings shown until the sheet is checked at it', async () => {
    const { page, context, record } = await open({ width: 500 });
    await sheetReady(page);
    await page.getByRole('tab', { name: 'Check' }).click();
    const field = page.locator('#panel-check').getByLabel('Data as of');
    await setDate(field, SAMPLE_AS_OF_UK);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByTestId('counts').waitFor();
    await setDate(field, '30/06/2024');
    await page.waitForFunction(() => !document.querySelector('#panel-check [data-testid="counts"]'));
    assert((await page.getByRole('button', { name: /^Mark (all|\d+) on sheet$/ }).count()) === 0, 'findings of the earlier date can still be marked');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByTestId('counts').waitFor();
    assertClean(record);
    await context.close();
  });

  test('Aims: the presets are listed, measuring shows each headline, and an edit is saved in the workbook', async () => {
    const { page, context, record } = await open({ width: 500 });
    await sheetReady(page);
    await page.getByRole('tab', { name: 'Aims' }).click();
    const aims = page.locator('#panel-aims [data-aim]');
    await aims.first().waitFor();
    const n = await aims.count();
    assert(n >= 4, `only ${n} aims are listed`);
    await setDate(page.locator('#panel-aims').getByLabel('Data as of'), SAMPLE_AS_OF_UK);
    await page.getByRole('button', { name: 'Measure', exact: true }).click();
    await page.getByText(`Measured ${n} aims as of ${SAMPLE_AS_OF_UK}`).waitFor();
    // Each aim is one closed line with its figures; no editor is open until one is chosen.
    const figures = await page.locator('[data-testid^="figures-"]').allTextContents();
    assert(figures.length === n, `${figures.length} figure lines for ${n} aims`);
    assert(figures.every((h) => /completed · .*median .* · \d+ waiting$/.test(h)), `an aim's line lacks figures: ${figures[0]}`);
    assert((await page.locator('#panel-aims').getByLabel('Target (weeks)').count()) === 0, 'an aim editor is open before any aim was chosen');

    // Edit the first aim's target, add a test of change (typed the UK way) and a blank aim, then save.
    await aims.first().getByRole('button').first().click();
    const target = page.locator('#panel-aims').getByLabel('Target (weeks)').first();
    await target.fill('30');
    assert((await page.locator('#panel-aims').getByLabel('Rules for signals').count()) === 0, 'the run-chart rules are not behind the Advanced disclosure');
    await setDate(page.locator('#panel-aims').getByLabel('Date', { exact: true }), '1/5/22');
    await page.getByLabel('What changed').fill('Two-week planning meeting introduced');
    await page.getByRole('button', { name: 'Add test of change' }).click();
    await page.getByText('01/05/2022: Two-week planning meeting introduced').waitFor();
    await page.getByRole('button', { name: 'Add an aim' }).click();
    await page.getByRole('menuitem', { name: 'Blank aim' }).click();
    await page.getByRole('button', { name: 'Save aims' }).click();
    await page.getByText('Aims saved in the workbook').waitFor();
    const saved = await fake(page, () => [...window.__harness.fake.workbook.settings.values()].map((s) => s.value));
    const file = saved.map((v) => (typeof v === 'string' ? (() => { try { return JSON.parse(v); } catch { return v; } })() : v)).find((v) => v && Array.isArray(v.aims));
    assert(file, 'no aims were saved in the workbook settings');
    assert(file.aims.length === n + 1, `${file.aims.length} aims saved, expected ${n + 1}`);
    assert(file.aims[0].targetWeeks === 30, `the first aim was saved with target ${file.aims[0].targetWeeks}, not 30`);
    assert(file.changes && file.changes.some((c) => c.date === '2022-05-01' && /planning meeting/.test(c.label)), 'the test of change was not saved');
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'aims-500-light.png'), fullPage: false });
    assertClean(record);
    await context.close();
  });

  test('Report: Create report writes the sheets and charts into the workbook and lists them', async () => {
    const { page, context, record } = await open({ width: 500 });
    await sheetReady(page);
    const before = await fake(page, () => JSON.stringify(window.__harness.fake.snapshot('Tracker')));
    await page.getByRole('tab', { name: 'Report' }).click();
    await setDate(page.locator('#panel-report').getByLabel('Data as of'), SAMPLE_AS_OF_UK);
    await page.getByRole('button', { name: 'Create report' }).click();
    const list = page.getByTestId('report-sheets');
    await list.waitFor({ timeout: 30000 });
    const names = await list.locator('li').allTextContents();
    assert(names.length >= 3, `only ${names.length} sheets were listed: ${names.join(', ')}`);
    const found = await fake(page, (ns) => ns.map((n) => {
      const s = window.__harness.fake.workbook.findSheet(n);
      return { name: n, exists: Boolean(s), charts: s ? s.charts.filter((c) => !c.deleted).length : 0 };
    }), names);
    const missing = found.filter((f) => !f.exists).map((f) => f.name);
    assert(missing.length === 0, `listed but not in the workbook: ${missing.join(', ')}`);
    assert(found.some((f) => f.charts > 0), 'no chart was written on any report sheet');
    const after = await fake(page, () => JSON.stringify(window.__harness.fake.snapshot('Tracker')));
    assert(after === before, 'creating the report changed the Tracker sheet');
    // Again: the add-in's own sheets are replaced, not duplicated.
    const syncsBefore = await fake(page, () => window.__harness.fake.syncCount);
    await page.getByRole('button', { name: 'Create report' }).click();
    await page.waitForFunction(
      (before) =>
        window.__harness.fake.syncCount > before &&
        !document.querySelector('#panel-report .fui-Spinner') &&
        document.querySelector('[data-testid="report-sheets"]'),
      syncsBefore,
      { timeout: 30000 },
    );
    const sheetCount = await fake(page, () => window.__harness.fake.workbook.liveSheets().length);
    assert(sheetCount === names.length + 2, `after a second report the workbook has ${sheetCount} sheets, expected ${names.length + 2}`);
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'report-500-light.png'), fullPage: false });
    assertClean(record);
    await context.close();
  });

  test('Report at 320 px: select rows → Timeline writes the timeline sheet with a chart; keyboard only; no serious axe violations (screenshot)', async () => {
    const { page, context, record } = await open({ width: 320 });
    await sheetReady(page);
    const before = await fake(page, () => JSON.stringify(window.__harness.fake.snapshot('Tracker')));
    // The user selects three children's rows on the tracker (any cells in them).
    await fake(page, () =>
      window.__harness.fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Tracker').getRange('B4:D6').select();
        await context.sync();
      }),
    );
    await page.getByRole('tab', { name: 'Report' }).click();
    await setDate(page.locator('#panel-report').getByLabel('Data as of'), SAMPLE_AS_OF_UK);
    // Keyboard only from here: to the Timeline button, then Enter.
    await page.getByRole('tab', { name: 'Report' }).focus();
    await tabTo(page, /^Timeline$/);
    await page.keyboard.press('Enter');
    const done = page.locator('#panel-report').getByText(/Wrote the sheet 'PACE Timeline/);
    await done.waitFor({ timeout: 30000 }).catch(async (err) => {
      throw new Error(`${err.message}\nThe Report step said: ${(await page.locator('#panel-report').textContent()).slice(0, 600)}`);
    });
    const text = await done.textContent();
    assert(text.includes("Wrote the sheet 'PACE Timeline 3 children': 3 children, "), `the pane said: ${text}`);
    const sheetName = /'(PACE Timeline[^']*)'/.exec(text)[1];
    const found = await fake(page, (n) => {
      const s = window.__harness.fake.workbook.findSheet(n);
      return s ? s.charts.filter((c) => !c.deleted).length : -1;
    }, sheetName);
    assert(found === 1, `the sheet '${sheetName}' has ${found} charts in the workbook (-1: missing)`);
    const after = await fake(page, () => JSON.stringify(window.__harness.fake.snapshot('Tracker')));
    assert(after === before, 'the timeline changed the Tracker sheet');
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert(scrollWidth <= 320, `the Report step is ${scrollWidth} px wide in a 320 px task pane`);
    const unlabelled = await unlabelledControls(page);
    assert(unlabelled.length === 0, `Report: controls without a label: ${unlabelled.join('\n')}`);
    const serious = await seriousViolations(page);
    assert(serious.length === 0, `axe-core found serious violations:\n${serious.join('\n')}`);
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'more-timeline-320-light.png'), fullPage: true });
    assertClean(record);
    await context.close();
  });

  test('Report at 320 px: Compare with… last month’s .xlsx writes PACE Changes and shows the counts and what to check (screenshot)', async () => {
    // Last month's file, made here: the sample without its first child, and the next child's
    // permanence recommendation a month earlier than this month's sheet says.
    const ExcelJS = require('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(ROOT, 'samples', 'pace-sample.xlsx'));
    const ws = wb.getWorksheet('Tracker');
    const changed = ws.getRow(5).getCell(8);
    changed.value = new Date(changed.value.getTime() - 31 * 86400000);
    ws.spliceRows(4, 1);
    const lastFile = path.join(ARTIFACTS, 'PACE-February.xlsx');
    await wb.xlsx.writeFile(lastFile);

    const { page, context, record } = await open({ width: 320 });
    await sheetReady(page);
    const before = await fake(page, () => JSON.stringify(window.__harness.fake.snapshot('Tracker')));
    await page.getByRole('tab', { name: 'Report' }).click();
    await setDate(page.locator('#panel-report').getByLabel('Data as of'), SAMPLE_AS_OF_UK);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Compare with…' }).click();
    await (await chooser).setFiles(lastFile);
    const counts = page.getByTestId('change-counts');
    await counts.waitFor({ timeout: 30000 });
    const lines = await counts.locator('li').allTextContents();
    assert(lines.includes('Children added: 1') && lines.includes('Dates changed since last month: 1') && lines.length === 2, `the counts shown: ${lines.join(' | ')}`);
    const toCheck = await page.getByTestId('changes-to-check').locator('li').allTextContents();
    assert(toCheck.length === 1 && toCheck[0].includes('SYN0002'), `changes to check: ${toCheck.join(' | ')}`);
    const exists = await fake(page, () => Boolean(window.__harness.fake.workbook.findSheet('PACE Changes')));
    assert(exists, 'the PACE Changes sheet is not in the workbook');
    const after = await fake(page, () => JSON.stringify(window.__harness.fake.snapshot('Tracker')));
    assert(after === before, 'comparing changed the Tracker sheet');
    const serious = await seriousViolations(page);
    assert(serious.length === 0, `axe-core found serious violations:\n${serious.join('\n')}`);
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'more-compare-320-light.png'), fullPage: true });
    // Read in the page: the file itself was never requested from anywhere (assertClean checks every request's origin).
    assertClean(record);
    await context.close();
  });

  test('Compare with… a last month’s file whose dates are formulas: text a formula gave in a date cell is read as that text, a formula’s date as the date', async () => {
    // Last month's file: one child's recommendation (G) was a formula giving "tbc", another's a formula giving its date.
    const ExcelJS = require('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(ROOT, 'samples', 'pace-sample.xlsx'));
    const ws = wb.getWorksheet('Tracker');
    const ids = [];
    for (let r = 4; r <= ws.rowCount && ids.length < 2; r++) {
      const row = ws.getRow(r);
      const recommendation = row.getCell(7).value;
      if (!(recommendation instanceof Date) || row.getCell(20).value) continue;
      row.getCell(7).value = ids.length === 0 ? { formula: 'IF(TRUE,"tbc","")', result: 'tbc' } : { formula: 'E' + r + '+0', result: recommendation };
      ids.push(String(row.getCell(1).value));
    }
    const lastFile = path.join(ARTIFACTS, 'PACE-February-formulas.xlsx');
    await wb.xlsx.writeFile(lastFile);

    const { page, context, record } = await open({ width: 500 });
    await sheetReady(page);
    await page.getByRole('tab', { name: 'Report' }).click();
    await setDate(page.locator('#panel-report').getByLabel('Data as of'), SAMPLE_AS_OF_UK);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Compare with…' }).click();
    await (await chooser).setFiles(lastFile);
    const counts = page.getByTestId('change-counts');
    await counts.waitFor({ timeout: 30000 });
    const lines = await counts.locator('li').allTextContents();
    assert(lines.length === 1 && lines[0] === 'Dates changed since last month: 1', `the counts shown: ${lines.join(' | ')}`);
    const messages = await fake(page, () => {
      const values = window.__harness.fake.snapshot('PACE Changes').values;
      return values.flat().filter((v) => typeof v === 'string' && /last month and is now/.test(v));
    });
    assert(messages.length === 1 && messages[0].includes('was "tbc" last month'), `the PACE Changes sheet says: ${JSON.stringify(messages)} (the child: ${ids[0]})`);
    assertClean(record);
    await context.close();
  });

  test('Report at 320 px: Show last month’s points draws last month as grey discs on the run charts and lists the moved point (screenshot)', async () => {
    // Last month's file, made here: one child's permanence recommendation (column G) dated 31 days
    // earlier than this month's sheet says, so this month its point is 4.4 weeks longer.
    const ExcelJS = require('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(ROOT, 'samples', 'pace-sample.xlsx'));
    const ws = wb.getWorksheet('Tracker');
    let movedId = '';
    for (let r = 4; r <= ws.rowCount && !movedId; r++) {
      const row = ws.getRow(r);
      const accommodated = row.getCell(5).value;
      const recommendation = row.getCell(7).value;
      if (recommendation instanceof Date && accommodated instanceof Date && recommendation > accommodated && !row.getCell(20).value) {
        row.getCell(7).value = new Date(recommendation.getTime() - 31 * 86400000);
        movedId = String(row.getCell(1).value);
      }
    }
    assert(movedId, 'no sample row to move');
    const lastFile = path.join(ARTIFACTS, 'PACE-February-points.xlsx');
    await wb.xlsx.writeFile(lastFile);

    const { page, context, record } = await open({ width: 320 });
    await sheetReady(page);
    await page.getByRole('tab', { name: 'Report' }).click();
    await setDate(page.locator('#panel-report').getByLabel('Data as of'), SAMPLE_AS_OF_UK);
    await page.getByRole('checkbox', { name: 'Show last month’s points on the run charts' }).check();
    const create = page.getByRole('button', { name: 'Create report' });
    assert(await create.isDisabled(), 'Create report is enabled before last month’s file is chosen');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose last month’s file…' }).click();
    await (await chooser).setFiles(lastFile);
    await page.getByTestId('last-month-name').getByText('PACE-February-points.xlsx').waitFor({ timeout: 30000 });
    await create.click();
    const done = page.getByTestId('last-month-done');
    await done.waitFor({ timeout: 60000 }).catch(async (err) => {
      throw new Error(`${err.message}\nThe Report step said: ${(await page.locator('#panel-report').textContent()).slice(0, 600)}`);
    });
    const text = await done.textContent();
    assert(/^Last month's points from PACE-February-points\.xlsx \(as of 29\/02\/2024\) are drawn as grey discs on each run chart: \d+ children matched by child ID\./.test(text), `the pane said: ${text}`);
    const drawn = await fake(page, () =>
      window.__harness.fake.workbook
        .liveSheets()
        .filter((s) => s.name.startsWith('PACE Aim'))
        .map((s) => {
          const run = s.charts.find((c) => !c.deleted && /RunChart$/.test(c.name));
          const live = run ? run.series.filter((x) => !x.deleted) : [];
          return { name: s.name, first: live[0] ? [live[0].name, live[0].markerBackgroundColor] : null };
        }),
    );
    const withRuns = drawn.filter((d) => d.first);
    assert(withRuns.length >= 4 && withRuns.every((d) => d.first[0] === 'Last month (as of 29/02/2024)' && d.first[1] === '#BFBFBF'), `run charts: ${JSON.stringify(drawn)}`);
    const moved = await fake(page, () => {
      const sheet = window.__harness.fake.workbook.liveSheets().find((s) => s.name.startsWith('PACE Aim 1'));
      const values = window.__harness.fake.snapshot(sheet.name).values;
      for (let r = 0; r < values.length; r++) {
        for (let c = 0; c < (values[r] || []).length; c++) {
          if (typeof values[r][c] === 'string' && values[r][c].startsWith('Points that moved since last month')) return [values[r + 2][c], values[r + 2][c + 5], values[r + 3] ? values[r + 3][c] : ''];
        }
      }
      return null;
    });
    assert(moved && moved[0] === movedId && moved[1] === '4.4 weeks longer than last month' && !moved[2], `moved points table: ${JSON.stringify(moved)} (expected ${movedId})`);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert(scrollWidth <= 320, `the Report step is ${scrollWidth} px wide in a 320 px task pane`);
    const unlabelled = await unlabelledControls(page);
    assert(unlabelled.length === 0, `Report: controls without a label: ${unlabelled.join('\n')}`);
    const serious = await seriousViolations(page);
    assert(serious.length === 0, `axe-core found serious violations:\n${serious.join('\n')}`);
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'report-last-month-320-light.png'), fullPage: true });
    assertClean(record);
    await context.close();
  });

  test('Share: the identifying columns are listed, and the copy opens as a new workbook with none of them and no original ID', async () => {
    const { page, context, record } = await open({ width: 320, query: 'fixture=identifiable' });
    await sheetReady(page);
    const before = await fake(page, () => JSON.stringify(window.__harness.fake.snapshot('Tracker')));
    await page.getByRole('tab', { name: 'Share' }).click();
    const drops = page.getByTestId('drop-columns');
    await drops.waitFor({ timeout: 20000 });
    for (const header of ['Surname', 'Postcode']) {
      const box = drops.getByRole('checkbox', { name: new RegExp(header) });
      assert(await box.isChecked(), `the ${header} column is not ticked to be left out`);
    }
    await setDate(page.locator('#panel-share').getByLabel('Data as of'), SAMPLE_AS_OF_UK);
    await page.getByRole('button', { name: 'Make the copy' }).click();
    await page.getByText('Copy made').waitFor({ timeout: 30000 });
    const created = await fake(page, () => window.__harness.fake.createdWorkbooks.slice());
    assert(created.length === 1, `${created.length} new workbooks were opened, expected 1`);
    const JSZip = require('jszip');
    const zip = await JSZip.loadAsync(Buffer.from(created[0], 'base64'));
    const texts = await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map((f) => f.async('string')));
    const all = texts.join('\n');
    for (const secret of [...SURNAMES, ...POSTCODES, 'SYN0001', 'SYN0150']) {
      assert(!all.includes(secret), `the copy contains '${secret}'`);
    }
    assert(all.includes('P-'), 'the copy has no pseudonymous IDs');
    const after = await fake(page, () => JSON.stringify(window.__harness.fake.snapshot('Tracker')));
    assert(after === before, 'making the copy changed the Tracker sheet');
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'share-320-light.png'), fullPage: true });
    assertClean(record);
    await context.close();
  });

  // ───────────── Keyboard only ─────────────

  /** Moves along the step tabs with the arrow keys and selects one with Enter. */
  async function keyboardToStep(page, name) {
    await page.locator('[role="tab"][aria-selected="true"]').focus();
    for (let i = 0; i < 5; i++) {
      const f = await focused(page);
      if (f.name === name) break;
      await page.keyboard.press('ArrowRight');
    }
    assert((await focused(page)).name === name, `the arrow keys did not reach the ${name} tab`);
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelector('[role="tab"][aria-selected="true"]')?.textContent === n, name);
  }

  test('Keyboard only: Sheet verdict → Check the data → check → go to a finding’s cell', async () => {
    const { page, context, record } = await open({ width: 320 });
    await sheetReady(page);
    await page.locator('body').focus();
    const order = (await tabTo(page, /^Check the data$/)).map((f) => f.name);
    const at = (re) => order.findIndex((n) => re.test(n));
    const tabs = at(/^Sheet$/);
    const picker = at(/Sheet with the children's data|Tracker/);
    const review = at(/Review columns/);
    assert(tabs >= 0 && tabs < picker && picker < review, `keyboard order on the Sheet step: ${order.join(' → ')}`);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'tab-check');
    await tabTo(page, /^Data as of$/, { max: 5 });
    await page.keyboard.press('Control+A');
    await page.keyboard.type('31/3/24');
    await page.keyboard.press('Enter');
    const shown = await page.locator('#panel-check').getByLabel('Data as of').inputValue();
    assert(shown === SAMPLE_AS_OF_UK, `typing 31/3/24 at an en-US locale gave "${shown}"`);
    await tabTo(page, /^Check$/, { max: 6 });
    await page.keyboard.press('Enter');
    await page.getByTestId('counts').waitFor();
    // Each finding is announced as its severity, cell, child and message.
    const passed = await tabTo(page, /^Error, Cell [A-Z]+\d+(, Child [^:]+)?: \S/);
    assert(passed.some((f) => /^Write issues sheet$/.test(f.name)), 'Write issues sheet was not reached by Tab before the findings');
    const announced = (await focused(page)).name;
    const expected = await page.evaluate(() => document.activeElement.getAttribute('data-label'));
    assert(announced === expected, `the finding is read as "${announced}", not "${expected}"`);
    const cell = /Cell ([A-Z]+\d+)/.exec(announced)[1];
    await page.keyboard.press('Enter');
    await page.waitForFunction((c) => (window.__harness.fake.workbook.selectedAddress || '').endsWith(`!${c}`), cell);
    assertClean(record);
    await context.close();
  });

  test('Keyboard only: a column becomes a local milestone and the mapping is saved', async () => {
    const { page, context, record } = await open({ width: 320 });
    await sheetReady(page);
    await page.locator('body').focus();
    await tabTo(page, /Review columns/);
    await page.keyboard.press('Enter');
    await tabTo(page, /^Legal advice meeting/);
    await page.keyboard.press('Alt+ArrowDown');
    await page.getByRole('listbox').waitFor();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    const name = page.getByRole('textbox', { name: 'Name of the local milestone' });
    await name.waitFor();
    assert((await focused(page)).name === 'Name of the local milestone', 'the name box did not take the focus');
    await page.keyboard.press('Enter');
    await tabTo(page, /^Save mapping$/);
    await page.keyboard.press('Enter');
    await page.getByText('This is your saved mapping.').waitFor();
    const saved = await fake(page, () => JSON.stringify([...window.__harness.fake.workbook.settings.values()].map((s) => s.value)));
    assert(saved.includes('Legal advice meeting'), 'the local milestone chosen by keyboard was not saved');
    assertClean(record);
    await context.close();
  });

  test('Keyboard only: open an aim, change its target, add a test of change, save', async () => {
    const { page, context, record } = await open({ width: 320 });
    await sheetReady(page);
    await keyboardToStep(page, 'Aims');
    const first = page.locator('#panel-aims [data-aim]').first();
    await first.waitFor();
    const aimName = (await first.locator('button').first().locator('span span').first().textContent()).trim();
    await tabTo(page, new RegExp(`^${aimName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    await page.keyboard.press('Enter');
    await tabTo(page, /^Target \(weeks\)/, { max: 12 });
    await page.keyboard.press('Control+A');
    await page.keyboard.type('30');
    await tabTo(page, /^Advanced: run chart rules$/);
    await page.keyboard.press('Enter');
    await tabTo(page, /^Date$/);
    await page.keyboard.type('1/5/22');
    await page.keyboard.press('Enter');
    await tabTo(page, /^What changed$/, { max: 3 });
    await page.keyboard.type('Two-week planning meeting introduced');
    await page.keyboard.press('Enter');
    await page.getByText('01/05/2022: Two-week planning meeting introduced').waitFor();
    await tabTo(page, /^Save aims$/);
    await page.keyboard.press('Enter');
    await page.getByText('Aims saved in the workbook').waitFor();
    const values = await fake(page, () => [...window.__harness.fake.workbook.settings.values()].map((s) => s.value));
    const file = values.map((v) => (typeof v === 'string' ? (() => { try { return JSON.parse(v); } catch { return v; } })() : v)).find((v) => v && Array.isArray(v.aims));
    assert(file && file.aims[0].targetWeeks === 30, `the target typed by keyboard was not saved: ${file ? file.aims[0].targetWeeks : 'no aims saved'}`);
    assert(file.changes.some((c) => c.date === '2022-05-01'), `the test of change typed as 1/5/22 was not saved as 2022-05-01: ${JSON.stringify(file.changes)}`);
    assertClean(record);
    await context.close();
  });

  test('Keyboard only: Report writes the sheets; Share makes the copy', async () => {
    const { page, context, record } = await open({ width: 320, query: 'fixture=identifiable' });
    await sheetReady(page);
    await keyboardToStep(page, 'Report');
    await tabTo(page, /^Data as of$/, { max: 5 });
    await page.keyboard.press('Control+A');
    await page.keyboard.type(SAMPLE_AS_OF_UK);
    await page.keyboard.press('Enter');
    await tabTo(page, /^Create report$/, { max: 6 });
    await page.keyboard.press('Enter');
    await page.getByTestId('report-sheets').waitFor({ timeout: 30000 });
    await keyboardToStep(page, 'Share');
    await page.getByTestId('drop-columns').waitFor({ timeout: 20000 });
    await tabTo(page, /^Make the copy$/);
    await page.keyboard.press('Enter');
    await page.getByText('Copy made').waitFor({ timeout: 30000 });
    assertClean(record);
    await context.close();
  });

  // ───────────── Accessibility (axe-core) and visible focus ─────────────

  for (const theme of ['light', 'dark']) {
    test(`Accessibility at 320 px, ${theme}: no serious or critical axe-core violations on any step; focus is visible`, async () => {
      const { page, context, record } = await open({ width: 320, query: `theme=${theme}` });
      await sheetReady(page);
      const found = [];
      const check = async (where) => found.push(...(await seriousViolations(page)).map((v) => `${where}: ${v}`));
      await reviewColumns(page);
      await check('Sheet');

      // Focus: the primary button, reached by keyboard, has Fluent's focus ring in a colour unlike the page.
      const look = () =>
        page.evaluate(() => {
          const el = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Check the data');
          const own = getComputedStyle(el);
          const after = getComputedStyle(el, '::after');
          return {
            border: own.borderTopColor,
            shadow: own.boxShadow,
            outline: `${own.outlineStyle} ${own.outlineColor}`,
            after: `${after.borderTopWidth} ${after.borderTopStyle} ${after.borderTopColor}`,
            page: getComputedStyle(document.querySelector('[data-theme]').firstElementChild).backgroundColor,
            focusVisible: el.hasAttribute('data-fui-focus-visible'),
          };
        });
      const before = await look();
      await page.locator('body').focus();
      await tabTo(page, /^Check the data$/);
      const ring = await look();
      const changed = ['border', 'shadow', 'outline', 'after'].filter((k) => ring[k] !== before[k]);
      const standsOut = ring.border !== ring.page || (ring.shadow !== 'none' && !ring.shadow.startsWith(ring.page));
      assert(ring.focusVisible && changed.length > 0 && standsOut, `no visible focus ring in the ${theme} theme: before ${JSON.stringify(before)}, focused ${JSON.stringify(ring)}`);
      fs.mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SHOTS, `focus-320-${theme}.png`) });

      await page.getByRole('tab', { name: 'Check' }).click();
      await setDate(page.locator('#panel-check').getByLabel('Data as of'), SAMPLE_AS_OF_UK);
      await page.getByRole('button', { name: 'Check', exact: true }).click();
      await page.getByTestId('counts').waitFor();
      await check('Check');
      await page.screenshot({ path: path.join(SHOTS, `check-result-320-${theme}.png`) });

      await page.getByRole('tab', { name: 'Aims' }).click();
      await page.locator('[data-testid^="figures-"]').first().waitFor();
      await page.screenshot({ path: path.join(SHOTS, `aims-collapsed-320-${theme}.png`), fullPage: true });
      await page.locator('#panel-aims [data-aim]').first().getByRole('button').first().click();
      await page.getByRole('button', { name: 'Advanced: run chart rules' }).first().click();
      await check('Aims');

      await page.getByRole('tab', { name: 'Report' }).click();
      await check('Report');
      await page.getByRole('tab', { name: 'Share' }).click();
      await page.locator('#panel-share fieldset').first().waitFor({ timeout: 20000 });
      await check('Share');
      assert(found.length === 0, `axe-core found:\n${found.join('\n')}`);
      assertClean(record);
      await context.close();
    });
  }

  // ───────────── Population, date order, title as-of, cohort lists (issues 10.1, 10.5, 15.2, 15.4) ─────────────

  test('Population: one switch keeps the row outside the PACE population in the figures, the report and the copy', async () => {
    const { page, context, record } = await open({ width: 320, query: 'fixture=population' });
    await sheetReady(page);
    await page.getByRole('tab', { name: 'Aims' }).click();
    await setDate(page.locator('#panel-aims').getByLabel('Data as of'), SAMPLE_AS_OF_UK);
    await page.getByRole('button', { name: 'Measure', exact: true }).click();
    await page.getByText(`as of ${SAMPLE_AS_OF_UK}`, { exact: false }).first().waitFor();
    const note = page.locator('#panel-aims').getByTestId('population-note');
    await note.waitFor();
    assert(/^1 row left out of the figures: .*Include rows outside the PACE population/.test(await note.textContent()), `the Aims note says "${await note.textContent()}"`);
    const leftOut = await page.locator('#panel-aims [data-testid^="figures-"]').allTextContents();
    const switchOn = page.locator('#panel-aims').getByRole('switch', { name: 'Include rows outside the PACE population' });
    assert(!(await switchOn.isChecked()), 'the population switch starts on');
    await switchOn.click();
    await page.locator('#panel-aims').getByText('1 row outside the PACE population', { exact: false }).waitFor();
    assert(/kept in the figures/.test(await note.textContent()), `after the switch the note says "${await note.textContent()}"`);
    const kept = await page.locator('#panel-aims [data-testid^="figures-"]').allTextContents();
    assert(kept.length === leftOut.length && kept.some((k, i) => k !== leftOut[i]), `the switch did not change the figures: ${leftOut[0]} / ${kept[0]}`);
    const completed = (t) => Number(/^([\d,]+) completed/.exec(t)[1].replace(/,/g, ''));
    assert(completed(kept[0]) === completed(leftOut[0]) + 1, `keeping ${OUTSIDE_CHILD} should add one completion to the first aim: ${leftOut[0]} → ${kept[0]}`);
    await page.screenshot({ path: path.join(SHOTS, 'aims-population-320-light.png'), fullPage: true });

    // The same choice on Report and Share: one switch, not three.
    await page.getByRole('tab', { name: 'Report' }).click();
    assert(await page.locator('#panel-report').getByRole('switch', { name: 'Include rows outside the PACE population' }).isChecked(), 'the Report step does not share the switch');
    await page.getByRole('button', { name: 'Create report' }).click();
    const reportNote = page.locator('#panel-report').getByTestId('population-note');
    await reportNote.waitFor({ timeout: 30000 });
    assert(/kept in the figures/.test(await reportNote.textContent()), `the report's note says "${await reportNote.textContent()}"`);
    await page.getByRole('tab', { name: 'Share' }).click();
    const shareSwitch = page.locator('#panel-share').getByRole('switch', { name: 'Include rows outside the PACE population' });
    await shareSwitch.waitFor({ timeout: 20000 });
    assert(await shareSwitch.isChecked(), 'the Share step does not share the switch');
    await shareSwitch.click();
    await page.getByRole('tab', { name: 'Aims' }).click();
    await page.locator('#panel-aims').getByText('These figures include rows outside the PACE population: choose Measure to leave them out.').waitFor();
    const found = await seriousViolations(page);
    assert(found.length === 0, `axe-core found:\n${found.join('\n')}`);
    assertClean(record);
    await context.close();
  });

  test('Date order: a month-first column is confirmed on the Sheet step, and then the aims measure', async () => {
    const { page, context, record } = await open({ width: 320, query: 'fixture=monthfirst' });
    await sheetReady(page);
    const question = page.locator('#panel-sheet [data-problem="dateOrder"]');
    await question.waitFor();
    const text = await question.textContent();
    assert(new RegExp(`Column I \\('${MONTH_FIRST_HEADER}'\\) looks month/day/year, e\\.g\\. \\d\\d/\\d\\d/\\d{4}`).test(text), `the Sheet step says "${text}"`);
    await page.screenshot({ path: path.join(SHOTS, 'sheet-monthfirst-320-light.png'), fullPage: true });
    let found = await seriousViolations(page);

    // The aims wait, say which column, and offer the way back.
    await page.getByRole('tab', { name: 'Aims' }).click();
    await setDate(page.locator('#panel-aims').getByLabel('Data as of'), SAMPLE_AS_OF_UK);
    await page.getByRole('button', { name: 'Measure', exact: true }).click();
    const waiting = page.locator('#panel-aims [data-problem="dateOrderUnconfirmed"]');
    await waiting.waitFor();
    assert((await waiting.textContent()).includes(`column I ('${MONTH_FIRST_HEADER}')`), `the Aims step says "${await waiting.textContent()}"`);
    assert((await page.locator('#panel-aims [data-testid^="figures-"]').count()) === 0, 'figures were shown while the date order waits');
    await page.getByRole('tab', { name: 'Report' }).click();
    await page.getByRole('button', { name: 'Create report' }).click();
    await page.locator('#panel-report [data-problem="dateOrderUnconfirmed"]').waitFor();
    found.push(...(await seriousViolations(page)));
    await page.locator('#panel-report').getByRole('button', { name: 'Go to the Sheet step' }).click();
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'tab-sheet');

    // Keyboard only: Month first is chosen from the radio group.
    const group = page.locator(`#panel-sheet [data-date-column="I"]`);
    await group.getByRole('radio', { name: 'Month first' }).focus();
    await page.keyboard.press('Space');
    await page.locator('#panel-sheet').getByText(`Column I ('${MONTH_FIRST_HEADER}') is read month first`).waitFor();
    const saved = await fake(page, () => JSON.stringify([...window.__harness.fake.workbook.settings.values()].map((s) => s.value)));
    assert(/mdy/.test(saved), `the date order was not saved in the workbook: ${saved.slice(0, 300)}`);

    await page.getByRole('tab', { name: 'Aims' }).click();
    await page.locator('#panel-aims [data-testid^="figures-"]').first().waitFor({ timeout: 30000 });
    assert((await page.locator('#panel-aims [data-problem="dateOrderUnconfirmed"]').count()) === 0, 'the Aims step still waits for the date order');
    found.push(...(await seriousViolations(page)));
    assert(found.length === 0, `axe-core found:\n${found.join('\n')}`);
    assertClean(record);
    await context.close();
  });

  test("Title as-of: the sheet's title date is offered beside the as-of field and one click uses it", async () => {
    const { page, context, record } = await open({ width: 320 });
    await sheetReady(page);
    await page.getByRole('tab', { name: 'Report' }).click();
    const field = page.locator('#panel-report').getByLabel('Data as of');
    await setDate(field, '30/06/2024');
    const offer = page.locator('#panel-report').getByTestId('title-as-of');
    await offer.waitFor();
    assert((await offer.textContent()).includes("The sheet's title says 'as at 31/03/2024'."), `the offer says "${await offer.textContent()}"`);
    assert((await field.inputValue()) === '30/06/2024', 'the title date was used without asking');
    await page.screenshot({ path: path.join(SHOTS, 'report-title-as-of-320-light.png'), fullPage: true });
    const found = await seriousViolations(page);
    await offer.getByRole('button', { name: 'Use 31/03/2024' }).click();
    await page.waitForFunction(() => !document.querySelector('#panel-report [data-testid="title-as-of"]'));
    assert((await field.inputValue()) === SAMPLE_AS_OF_UK, `the as-of field shows ${await field.inputValue()}`);
    await page.getByRole('tab', { name: 'Check' }).click();
    assert((await page.locator('#panel-check').getByLabel('Data as of').inputValue()) === SAMPLE_AS_OF_UK, 'the Check step does not share the date');
    assert(found.length === 0, `axe-core found:\n${found.join('\n')}`);
    assertClean(record);
    await context.close();
  });

  test('Cohort lists: each list is one line on the Aims step, opening to its children', async () => {
    const { page, context, record } = await open({ width: 320, query: 'fixture=cohort' });
    await sheetReady(page);
    await page.getByRole('tab', { name: 'Aims' }).click();
    await setDate(page.locator('#panel-aims').getByLabel('Data as of'), SAMPLE_AS_OF_UK);
    await page.getByRole('button', { name: 'Measure', exact: true }).click();
    const line = page.locator('#panel-aims [data-testid^="cohort-"]:not([data-testid^="cohort-children"])').first();
    await line.waitFor({ timeout: 30000 });
    const figures = await line.textContent();
    assert(figures === `${AT_HOME} children · 1 reviewed (33%)`, `the cohort line says "${figures}"`);
    await page.locator('#panel-aims [data-cohort]').first().getByRole('button').first().click();
    const items = await page.locator('#panel-aims [data-testid^="cohort-children-"] li').allTextContents();
    assert(items.length === AT_HOME, `${items.length} children listed for ${AT_HOME} at home`);
    assert(items.every((t) => /^ID SYN\d+ · [\d,.]+ weeks looked after · \S.* · (reviewed \d\d\/\d\d\/\d{4}|not reviewed)$/.test(t)), `a child's line reads "${items.join('" / "')}"`);
    assert(items.filter((t) => t.endsWith('not reviewed')).length === AT_HOME - 1, `reviews listed: ${items.join(' / ')}`);
    const found = await seriousViolations(page);
    await page.screenshot({ path: path.join(SHOTS, 'aims-cohort-320-light.png'), fullPage: true });
    assert(found.length === 0, `axe-core found:\n${found.join('\n')}`);
    assertClean(record);
    await context.close();
  });

  test('(helper check) axe-core finds a serious violation when there is one', async () => {
    const { page, context } = await open({ width: 320 });
    await sheetReady(page);
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
      document.querySelector('main').appendChild(img);
    });
    const found = await seriousViolations(page);
    assert(found.some((v) => v.includes('image-alt')), `axe-core missed an image without alt text: ${found.join(', ')}`);
    await context.close();
  });

  test('Production page: office.js loads from this origin under the page CSP, nothing else is fetched', async () => {
    await prodBuild;
    const { page, context, record } = await open({ path: '/prod/taskpane.html' });
    await page.locator('[data-problem="notExcel"]').waitFor({ timeout: 20000 });
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert(/script-src 'self'(;|$)/.test(csp) && !csp.includes('unsafe-eval'), `unexpected script policy: ${csp}`);
    const office = record.requests.filter((u) => /\/prod\/office\/office\.js$/.test(u));
    assert(office.length === 1, 'office.js was not loaded from the local copy');
    assertClean(record);
    await context.close();
  });
}

// ───────────────────────────── Main ─────────────────────────────

async function main() {
  const started = Date.now();
  fs.rmSync(HARNESS_DIST, { recursive: true, force: true });
  fs.rmSync(PROD_DIST, { recursive: true, force: true });
  process.stdout.write('Reading the sample workbook into the fake’s fixture… ');
  await writeFixtures();
  process.stdout.write('done.\nBuilding the pane for the harness… ');
  const build = builds();
  await build.harness();
  // axe-core is served from the page's own origin: an inline copy would break the page's script policy.
  fs.copyFileSync(require.resolve('axe-core/axe.min.js'), path.join(HARNESS_DIST, 'axe.min.js'));
  // Built before the tests, not alongside: webpack shares this process's event loop with the page server,
  // and on a busy machine pages then took longer than any sensible timeout to load.
  process.stdout.write('done.\nBuilding the production page… ');
  prodBuild = build.prod();
  await prodBuild;
  process.stdout.write('done.\n');
  const server = await serve();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  defineTests(origin, browser);
  defineFlowTests(origin, browser);
  const only = process.argv[2];
  let passed = 0;
  const failed = [];
  try {
    for (const t of tests) {
      if (only && !t.name.toLowerCase().includes(only.toLowerCase())) continue;
      try {
        await withTimeout(t.fn(), t.name.startsWith('Production') ? TEST_TIMEOUT_MS * 3 : TEST_TIMEOUT_MS, t.name);
        passed++;
        console.log(`  ✓ ${t.name}`);
      } catch (err) {
        failed.push(t.name);
        console.log(`  ✗ ${t.name}\n      ${String(err && err.message ? err.message : err).split('\n').join('\n      ')}`);
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`\n${passed} passed, ${failed.length} failed (${Math.round((Date.now() - started) / 1000)} s). Screenshots in ${path.relative(ROOT, SHOTS)}/`);
  process.exit(failed.length ? 1 : 0);
}

main().catch((err) => {
  console.error(`\nThe browser tests could not run: ${err && err.message ? err.message : err}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
