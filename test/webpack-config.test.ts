/**
 * The build's decisions that matter outside the build: the page's
 * Content-Security-Policy, where office.js comes from, the hosting URL
 * written into the production manifest, and which exceljs build the pane gets.
 */
import * as fs from 'fs';
import * as path from 'path';

interface WebpackConfigModule {
  contentSecurityPolicy(officeFromCdn: boolean): string;
  substituteAddinUrl(xml: string, url?: string): string;
  makeConfig(options: Record<string, unknown>): {
    mode: string;
    devtool: string | false;
    entry: Record<string, string>;
    resolve: { alias: Record<string, string> };
    plugins: { constructor: { name: string }; userOptions?: { templateParameters?: Record<string, string> }; patterns?: { from: string; to: string }[] }[];
  };
}

// eslint-disable-next-line @typescript-eslint/no-var-requires
const config = require('../webpack.config.js') as WebpackConfigModule;
const manifest = fs.readFileSync(path.join(__dirname, '..', 'manifest.xml'), 'utf8');

function htmlParameters(built: ReturnType<WebpackConfigModule['makeConfig']>): Record<string, string> {
  const html = built.plugins.find((p) => p.constructor.name === 'HtmlWebpackPlugin');
  return html?.userOptions?.templateParameters ?? {};
}

describe('Content-Security-Policy of the pane', () => {
  it('allows only this origin for scripts, connections and images, and inline styles for Fluent UI', () => {
    const csp = config.contentSecurityPolicy(false);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("img-src 'self' data:");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|https?:/);
  });
  it('adds only Microsoft’s office.js origin when office.js comes from the CDN', () => {
    const csp = config.contentSecurityPolicy(true);
    expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com");
    expect(csp.match(/https:\/\/[^\s;]+/g)?.every((u) => u === 'https://appsforoffice.microsoft.com')).toBe(true);
  });
});

describe('office.js', () => {
  it('is a local copy by default, with no eval-based source maps', () => {
    const built = config.makeConfig({ mode: 'development' });
    expect(htmlParameters(built).officeJs).toBe('office/office.js');
    expect(built.devtool).toBe('source-map');
    const copy = built.plugins.find((p) => p.constructor.name === 'CopyPlugin');
    const targets = (copy?.patterns ?? []).map((p) => `${p.from} -> ${p.to}`);
    expect(targets.some((t) => t.startsWith('office.js -> office/'))).toBe(true);
    expect(targets.some((t) => t.startsWith('excel-*.js -> office/'))).toBe(true);
    expect(targets.some((t) => /manifest\.xml -> manifest\.xml$/.test(t))).toBe(true);
  });
  it('never cleans away the command line’s build in dist/node', () => {
    const built = config.makeConfig({ mode: 'production' }) as unknown as { output: { clean: { keep: RegExp } } };
    expect(built.output.clean.keep.test('node/cli/main.js')).toBe(true);
    expect(built.output.clean.keep.test('taskpane.js')).toBe(false);
  });
  it('comes from Microsoft’s CDN only when asked for (store submission)', () => {
    const built = config.makeConfig({ mode: 'production', officeFromCdn: true });
    expect(htmlParameters(built).officeJs).toBe('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    expect(htmlParameters(built).csp).toContain('https://appsforoffice.microsoft.com');
  });
  it('is left out of the harness page, which puts a fake Office in its place', () => {
    const built = config.makeConfig({ mode: 'development', withOfficeJs: false });
    expect(htmlParameters(built).officeJs).toBe('');
  });
});

describe('production manifest', () => {
  it('ADDIN_URL replaces every https://localhost:3000 (trailing slash ignored)', () => {
    const out = config.substituteAddinUrl(manifest, 'https://pace.example.org/addin/');
    expect(out).not.toContain('localhost:3000');
    expect(out).toContain('<SourceLocation DefaultValue="https://pace.example.org/addin/taskpane.html" />');
    expect(out).toContain('https://pace.example.org/addin/assets/icon-80.png');
  });
  it('without ADDIN_URL the manifest is unchanged', () => {
    expect(config.substituteAddinUrl(manifest, undefined)).toBe(manifest);
  });
  it('refuses a URL that is not https or would break the XML', () => {
    expect(() => config.substituteAddinUrl(manifest, 'http://pace.example.org')).toThrow(/https/);
    expect(() => config.substituteAddinUrl(manifest, 'https://pace.example.org/"x')).toThrow(/https/);
  });
});

describe('exceljs in the pane', () => {
  it('is the package’s browser build, though the Node code asks for the bundle without polyfills', () => {
    const pkg = JSON.parse(fs.readFileSync(require.resolve('exceljs/package.json'), 'utf8')) as { browser: string };
    const alias = config.makeConfig({ mode: 'production' }).resolve.alias['exceljs/dist/exceljs.bare.min.js$'];
    expect(alias).toBe(path.join(path.dirname(require.resolve('exceljs/package.json')), pkg.browser));
  });
});
