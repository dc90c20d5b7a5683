#!/usr/bin/env node
/**
 * npm start       On Windows or macOS: sideloads the add-in into Excel desktop with the
 *                 sample workbook (office-addin-debugging; it starts the dev server too).
 *                 On Linux, where there is no Excel desktop: explains the two ways on.
 * npm run start:web
 *                 Starts the https dev server on localhost:3000 and explains how to load
 *                 manifest.xml into Excel on the web.
 *
 * Usage data: office-addin-debugging reports through office-addin-usage-data, which
 * from version 3 sends nothing and never asks (its reporting was removed upstream).
 * This script refuses to run with an older version, which would ask and could send.
 */
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const { httpsOptionsOrExplain } = require('./dev-certs');

const ROOT = path.resolve(__dirname, '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const SAMPLE = path.join(ROOT, 'samples', 'pace-sample.xlsx');
const BIN = path.join(ROOT, 'node_modules', '.bin');

function bin(name) {
  return path.join(BIN, process.platform === 'win32' ? `${name}.cmd` : name);
}

/** True when the installed usage-data package is the version with reporting removed. */
function usageDataIsOff() {
  try {
    const pkg = require(require.resolve('office-addin-usage-data/package.json', { paths: [path.join(ROOT, 'node_modules', 'office-addin-debugging')] }));
    return Number(pkg.version.split('.')[0]) >= 3;
  } catch {
    return true; // not installed at all: nothing can report
  }
}

function run(command, args) {
  const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

const WEB_STEPS = `To use it in Excel on the web:
  1. Keep this running (it serves the add-in at https://localhost:3000). It uses a trusted
     development certificate, installed once with administrator rights (npx office-addin-dev-certs
     install); if your browser still warns, open https://localhost:3000/taskpane.html once and allow it.
  2. Open Excel on the web (office.com), and open or upload your tracking workbook
     (try ${path.relative(ROOT, SAMPLE)}).
  3. Choose Insert > Add-ins > More Add-ins > Upload My Add-in (in some tenants: Home > Add-ins >
     Advanced > Upload My Add-in), pick ${path.relative(ROOT, MANIFEST)} from this folder, and Upload.
  4. Choose Home > PACE Tracker to open the pane.`;

/**
 * Sets up the development certificate first, so a missing one is explained in
 * plain words (and the server is not started) instead of a stack trace.
 */
async function startWeb(devCerts) {
  const options = await httpsOptionsOrExplain(devCerts);
  if (!options) {
    process.exitCode = 1;
    return false;
  }
  console.log(`Starting the add-in's development server.\n\n${WEB_STEPS}\n`);
  run(bin('webpack'), ['serve', '--mode', 'development']);
  return true;
}

function explainLinux() {
  console.log(`Excel desktop is not available on Linux, so the add-in cannot be sideloaded here. Two ways on:
(1) Excel on the web: run "npm run start:web", which starts the development server at https://localhost:3000, then in Excel on the web choose Insert > Add-ins > Upload My Add-in and pick manifest.xml from this folder.
(2) The command line, which runs the same checks and writes the same sheets and charts into a copy of the file: "npx pace-tracker inspect samples/pace-sample.xlsx" shows how the sheet was read, and "npx pace-tracker report samples/pace-sample.xlsx" writes samples/pace-sample-pace-report.xlsx (open it in Excel or LibreOffice).`);
}

/** office-addin-debugging's arguments: Excel desktop, our dev server, the sample workbook when there is one. */
function desktopArgs(sampleExists) {
  const args = ['start', MANIFEST, 'desktop', '--app', 'excel', '--dev-server', 'npm run dev-server', '--dev-server-port', '3000'];
  if (sampleExists) args.push('--document', SAMPLE);
  return args;
}

function startDesktop() {
  if (!usageDataIsOff()) {
    console.error('This office-addin-usage-data version can ask to send usage data. Update office-addin-debugging (npm install) so it never does, then run npm start again.');
    process.exit(2);
  }
  run(bin('office-addin-debugging'), desktopArgs(fs.existsSync(SAMPLE)));
}

/** What `npm start` does on this platform. */
function plan(platform, argv) {
  if (argv.includes('--web')) return 'web';
  return platform === 'win32' || platform === 'darwin' ? 'desktop' : 'explain';
}

module.exports = { explainLinux, desktopArgs, plan, startWeb, usageDataIsOff, WEB_STEPS };

if (require.main === module) {
  const what = plan(process.platform, process.argv.slice(2));
  if (what === 'web') startWeb();
  else if (what === 'desktop') startDesktop();
  else {
    explainLinux();
    process.exit(0);
  }
}
