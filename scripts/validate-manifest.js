#!/usr/bin/env node
/**
 * Validates manifest.xml offline against Microsoft's add-in manifest XSDs
 * (xmllint compiled to WebAssembly: no system package, no network), and checks
 * what the schema cannot: every icon it names exists in assets/ and every URL
 * points at the development host.
 *
 * The XSDs are read from ../shared/office-manifest-schemas beside the repo
 * (or PACE_MANIFEST_SCHEMAS). They are not copied into the repo because the
 * snapshot we have states no licence for redistribution.
 *
 *   node scripts/validate-manifest.js [manifest.xml] [--origin https://pace.example.org]
 *
 * --origin checks a built production manifest (dist/manifest.xml after
 * `ADDIN_URL=… npm run build`) against its hosting URL instead of localhost.
 */
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const DEV_ORIGIN = 'https://localhost:3000';
const SCHEMA_FILES = [
  'OfficeAppManifestV1_1.xsd',
  'OfficeAppBasicTypesV1_0.xsd',
  'MailAppVersionOverridesV1_0.xsd',
  'MailAppVersionOverridesV1_1.xsd',
  'TaskPaneAppVersionOverridesV1_0.xsd',
  'ContentAppVersionOverridesV1_0.xsd',
];

/** Where the XSDs are, or null when this clone has no ../shared beside it. */
function findSchemaDir() {
  const candidates = [process.env.PACE_MANIFEST_SCHEMAS, path.resolve(ROOT, '..', 'shared', 'office-manifest-schemas')];
  for (const dir of candidates) {
    if (dir && fs.existsSync(path.join(dir, SCHEMA_FILES[0]))) return dir;
  }
  return null;
}

/** Runs xmllint's schema validation; resolves to { valid, errors: string[] }. */
async function validateAgainstSchema(manifestXml, schemaDir) {
  const { validateXML } = require('xmllint-wasm');
  const read = (name) => fs.readFileSync(path.join(schemaDir, name), 'utf8');
  const result = await validateXML({
    xml: [{ fileName: 'manifest.xml', contents: manifestXml }],
    schema: [{ fileName: SCHEMA_FILES[0], contents: read(SCHEMA_FILES[0]) }],
    preload: SCHEMA_FILES.slice(1).map((name) => ({ fileName: name, contents: read(name) })),
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}

/** Every DefaultValue="http…" URL in the manifest. */
function manifestUrls(manifestXml) {
  return [...manifestXml.matchAll(/DefaultValue="(https?:[^"]*)"/g)].map((m) => m[1]);
}

/** Problems with URLs and icons (empty when all is well). */
function checkUrlsAndIcons(manifestXml, origin = DEV_ORIGIN) {
  const problems = [];
  const urls = manifestUrls(manifestXml);
  if (urls.length === 0) problems.push('The manifest names no URLs.');
  for (const url of urls) {
    if (!url.startsWith(origin + '/')) problems.push(`URL ${url} does not start with ${origin}/.`);
    const m = /\/assets\/([^/"]+\.png)$/.exec(url);
    if (m && !fs.existsSync(path.join(ROOT, 'assets', m[1]))) problems.push(`Icon ${m[1]} is named in the manifest but assets/${m[1]} does not exist.`);
  }
  return problems;
}

/** The closing line: "valid" only when the schema check really ran. */
function validationSummary(name, schemaChecked) {
  return schemaChecked
    ? `${name} is valid against the Office add-in manifest schema; icons and URLs checked.`
    : `${name}: icons and URLs checked and fine, but the schema check was skipped, so it is NOT confirmed valid.`;
}

async function main() {
  const args = process.argv.slice(2);
  const originAt = args.indexOf('--origin');
  const origin = originAt >= 0 ? String(args[originAt + 1] || '').replace(/\/+$/, '') : DEV_ORIGIN;
  const files = args.filter((_, i) => originAt < 0 || (i !== originAt && i !== originAt + 1));
  const manifestPath = path.resolve(files[0] || path.join(ROOT, 'manifest.xml'));
  const xml = fs.readFileSync(manifestPath, 'utf8');
  const problems = checkUrlsAndIcons(xml, origin);
  const schemaDir = findSchemaDir();
  if (!schemaDir) {
    console.log('Schema check skipped: ../shared/office-manifest-schemas is not beside this repo (set PACE_MANIFEST_SCHEMAS to the folder holding the XSDs).');
  } else {
    const { valid, errors } = await validateAgainstSchema(xml, schemaDir);
    if (!valid) problems.push(...errors);
  }
  if (problems.length) {
    console.error(`${path.basename(manifestPath)} has ${problems.length} problem(s):\n` + problems.join('\n'));
    process.exit(1);
  }
  console.log(validationSummary(path.basename(manifestPath), Boolean(schemaDir)));
}

module.exports = { findSchemaDir, validateAgainstSchema, checkUrlsAndIcons, manifestUrls, validationSummary, SCHEMA_FILES, DEV_ORIGIN };

if (require.main === module) {
  main().catch((err) => {
    console.error(`Could not validate the manifest: ${err.message}`);
    process.exit(2);
  });
}
