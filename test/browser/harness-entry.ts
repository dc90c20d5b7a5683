/**
 * The browser harness's entry: builds the strict fake Excel from a JSON
 * fixture (the sample workbook read by src/xlsx at test time), puts fake
 * `Office` and `Excel` globals where office.js would, then starts the real
 * pane entry (src/taskpane/index.tsx), which runs
 * createPaceSession(createExcelPort(...)) on them.
 *
 * Query string: fixture=<name> (fixtures/<name>.json, default "sample"),
 * theme=dark|light, protect=<sheet> (mark that sheet protected),
 * api=<ExcelApi version> (e.g. 1.6 to see the "too old" message).
 */
import { createFakeExcel, fakeFromGrid, FakeExcel, FakeWorkbookInit } from '../fake-excel';
import type { WorkbookGrid } from '../../src/core/grid';

declare global {
  interface Window {
    __harness: { fake: FakeExcel; ready: boolean; error?: string };
  }
}

const DARK_BACKGROUND = '#262626';
const LIGHT_BACKGROUND = '#ffffff';

function fakeOffice(fake: FakeExcel, theme: 'dark' | 'light'): typeof Office {
  const base = fake.Office as unknown as { context: Record<string, unknown> } & Record<string, unknown>;
  const info = { host: 'Excel', platform: 'OfficeOnline' };
  return {
    ...base,
    HostType: { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook', OneNote: 'OneNote', Project: 'Project', Access: 'Access' },
    PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC', Mac: 'Mac' },
    context: {
      ...base.context,
      officeTheme: {
        bodyBackgroundColor: theme === 'dark' ? DARK_BACKGROUND : LIGHT_BACKGROUND,
        bodyForegroundColor: theme === 'dark' ? '#ffffff' : '#000000',
        controlBackgroundColor: theme === 'dark' ? DARK_BACKGROUND : LIGHT_BACKGROUND,
        controlForegroundColor: theme === 'dark' ? '#ffffff' : '#000000',
      },
    },
    onReady(callback?: (i: typeof info) => void) {
      // Office calls back asynchronously, after the page's scripts have run.
      return new Promise((resolve) =>
        setTimeout(() => {
          callback?.(info);
          resolve(info);
        }, 0),
      );
    },
  } as unknown as typeof Office;
}

function isGrid(json: unknown): json is WorkbookGrid {
  const sheets = (json as { sheets?: unknown[] }).sheets;
  return Array.isArray(sheets) && sheets.length > 0 && typeof (sheets[0] as { sheetName?: unknown }).sheetName === 'string';
}

async function start(): Promise<void> {
  const params = new URLSearchParams(window.location.search);
  const fixture = params.get('fixture') ?? 'sample';
  const theme = params.get('theme') === 'dark' ? 'dark' : 'light';
  const response = await fetch(`fixtures/${encodeURIComponent(fixture)}.json`);
  if (!response.ok) throw new Error(`Fixture ${fixture} not found (${response.status}).`);
  const json = (await response.json()) as WorkbookGrid | FakeWorkbookInit;
  const fake = isGrid(json) ? fakeFromGrid(json) : createFakeExcel(json);
  const protect = params.get('protect');
  if (protect) fake.sheet(protect).protected = true;
  const api = params.get('api');
  if (api) fake.setApiVersion(api);
  window.__harness = { fake, ready: true };
  const globals = window as unknown as { Office: typeof Office; Excel: typeof Excel };
  globals.Excel = fake.Excel;
  globals.Office = fakeOffice(fake, theme);
  // The real entry, exactly as in Excel.
  require('../../src/taskpane/index');
}

start().catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  window.__harness = { ...(window.__harness ?? {}), ready: false, error: message } as Window['__harness'];
  document.body.textContent = `Harness failed to start: ${message}`;
});
