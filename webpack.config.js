/**
 * Builds the task pane into dist/:
 *   dist/taskpane.html + taskpane.js   the pane (React + Fluent UI)
 *   dist/help.html                     the support page the manifest names
 *   dist/office/                       office.js and the Excel files it loads, copied from
 *                                      node_modules/@microsoft/office-js (never a CDN in dev/tests)
 *   dist/assets/                       icons
 *   dist/manifest.xml                  the manifest, with ADDIN_URL in place of https://localhost:3000
 *
 *   npm run build                      production, minified, no certificates needed
 *   ADDIN_URL=https://pace.example.org npm run build
 *                                      manifest for hosting at that URL
 *   OFFICE_JS=cdn npm run build        loads office.js from Microsoft's CDN (required for
 *                                      AppSource submission); the page's CSP then allows that origin
 *   npm run dev-server                 https://localhost:3000 with office-addin-dev-certs
 *
 * The browser test harness reuses makeConfig() with its own entry and template.
 */
'use strict';
const path = require('path');

const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const ROOT = __dirname;
const DEV_ORIGIN = 'https://localhost:3000';
const OFFICE_CDN = 'https://appsforoffice.microsoft.com';
const OFFICE_CDN_URL = `${OFFICE_CDN}/lib/1/hosted/office.js`;
const OFFICE_DIST = path.join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');

/**
 * What office.js loads for Excel (the host scripts, the loader's mapping
 * table, strings for the UK and US locales, its Promise polyfill). The full
 * package is 86 MB; this is what Excel needs.
 */
const OFFICE_FILES = [
  'office.js',
  'o15apptofilemappingtable.js',
  'es6-promise.js',
  'excel-*.js',
  'excelwebapp-*.js',
  'excelios-*.js',
  'en-gb/office_strings.js',
  'en-us/office_strings.js',
  'telemetry/oteljs_agave.js',
];


/** The page's Content-Security-Policy: only this origin (plus Microsoft's office.js origin when it loads from the CDN). */
function contentSecurityPolicy(officeFromCdn) {
  const office = officeFromCdn ? ` ${OFFICE_CDN}` : '';
  return [
    "default-src 'self'",
    `script-src 'self'${office}`,
    // Griffel (Fluent UI's styling) injects <style> elements at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src 'self'${office}`,
    "object-src 'none'",
    "base-uri 'self'",
  ].join('; ');
}

/** The manifest with the hosting URL in place of the development one. */
function substituteAddinUrl(manifestXml, addinUrl) {
  if (!addinUrl) return manifestXml;
  const url = addinUrl.replace(/\/+$/, '');
  if (!/^https:\/\/[^\s"<>]+$/.test(url)) {
    throw new Error(`ADDIN_URL must be an https:// address with no spaces or quotes (got "${addinUrl}").`);
  }
  return manifestXml.split(DEV_ORIGIN).join(url);
}

/**
 * @param {object} options
 * @param {'production'|'development'} options.mode
 * @param {string} [options.entry]        defaults to src/taskpane/index.tsx
 * @param {string} [options.template]     defaults to src/taskpane/taskpane.html
 * @param {string} [options.outDir]       defaults to dist
 * @param {boolean} [options.officeFromCdn]
 * @param {string} [options.addinUrl]
 * @param {boolean} [options.withManifest] copy (and substitute) manifest.xml; default true
 * @param {boolean} [options.withOfficeJs] load office.js in the page; default true (the browser
 *                                         harness puts a fake Office in its place)
 */
function makeConfig(options) {
  const mode = options.mode;
  const officeFromCdn = Boolean(options.officeFromCdn);
  const outDir = options.outDir || path.join(ROOT, 'dist');
  const patterns = [
    { from: path.join(ROOT, 'assets'), to: 'assets' },
    { from: path.join(ROOT, 'src', 'taskpane', 'help.html'), to: 'help.html' },
  ];
  if (!officeFromCdn && options.withOfficeJs !== false) {
    for (const file of OFFICE_FILES) {
      // Already minified by Microsoft: keep webpack's minifier off them (it would take minutes).
      patterns.push({ from: file, context: OFFICE_DIST, to: 'office/[path][name][ext]', info: { minimized: true }, globOptions: { ignore: ['**/*.debug.js'] } });
    }
  }
  if (options.withManifest !== false) {
    patterns.push({
      from: path.join(ROOT, 'manifest.xml'),
      to: 'manifest.xml',
      transform: (content) => substituteAddinUrl(content.toString('utf8'), options.addinUrl),
    });
  }
  return {
    mode,
    context: ROOT,
    entry: { taskpane: options.entry || path.join(ROOT, 'src', 'taskpane', 'index.tsx') },
    // dist/node is the command line's build (tsc): never clean it away.
    output: { path: outDir, filename: '[name].js', clean: { keep: /^node[\\/]/ } },
    // No eval-based source maps: the page's CSP forbids eval.
    devtool: mode === 'production' ? false : 'source-map',
    resolve: {
      extensions: ['.tsx', '.ts', '.js'],
      // src/xlsx/exceljs.ts asks for exceljs's bundle without polyfills (for Node); the pane keeps the
      // package's browser build (its "browser" field), as it always had.
      alias: { 'exceljs/dist/exceljs.bare.min.js$': require.resolve('exceljs/dist/exceljs.min.js') },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // ES modules out of TypeScript so webpack picks Fluent's ES build and drops unused
          // icons (CommonJS output pulls in all of @fluentui/react-icons: 17 MB).
          use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext', sourceMap: mode !== 'production' } } },
        },
      ],
    },
    performance: { hints: false },
    // Skip modules nothing uses (most of Fluent's icons) in development builds too: faster builds.
    optimization: { sideEffects: true, usedExports: true },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: options.template || path.join(ROOT, 'src', 'taskpane', 'taskpane.html'),
        chunks: ['taskpane'],
        templateParameters: {
          csp: contentSecurityPolicy(officeFromCdn),
          officeJs: options.withOfficeJs === false ? '' : officeFromCdn ? OFFICE_CDN_URL : 'office/office.js',
        },
      }),
      new CopyWebpackPlugin({ patterns }),
    ],
  };
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode === 'development' ? 'development' : 'production';
  const config = makeConfig({
    mode,
    officeFromCdn: process.env.OFFICE_JS === 'cdn',
    addinUrl: process.env.ADDIN_URL,
  });
  // Certificates only for `webpack serve`, so `npm run build` never needs them.
  if (env.WEBPACK_SERVE || process.env.WEBPACK_SERVE) {
    // Explained in plain words, not a stack trace, when the certificate cannot be installed.
    const options = await require('./scripts/dev-certs').httpsOptionsOrExplain();
    if (!options) process.exit(1);
    config.devServer = {
      port: 3000,
      host: 'localhost',
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: { type: 'https', options },
      static: false,
      hot: false,
      client: { overlay: false },
    };
  }
  return config;
};
module.exports.makeConfig = makeConfig;
module.exports.contentSecurityPolicy = contentSecurityPolicy;
module.exports.substituteAddinUrl = substituteAddinUrl;
