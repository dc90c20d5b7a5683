/**
 * The pane's entry point inside Excel: once Office is ready, the session runs
 * over the open workbook (Office.js adapter) and the pane follows Office's
 * theme. Outside Excel (the page opened in a plain browser) it says so.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { createExcelPort } from '../excel';
import { createPaceSession } from '../core/usecases/session';
import type { BuildWorkbook } from '../core/usecases/submission';
import { App } from './App';
import { Unsupported } from './Unsupported';
import { themeFromBackground } from './view';

/**
 * The submission copy is built with exceljs here in the pane, then opened by
 * Excel as a new workbook. exceljs is most of the pane's JavaScript and only
 * this last step needs it, so it is a separate chunk loaded when first used:
 * the first step paints without it.
 */
const buildWorkbook: BuildWorkbook = async (plan, options) => {
  const { writePlanToNewWorkbook } = await import(/* webpackChunkName: "workbook" */ '../xlsx/newWorkbook');
  return writePlanToNewWorkbook(plan, options);
};

/** Last month's file for "Compare with…", read in the pane with the same exceljs chunk. */
const readWorkbook = async (bytes: Uint8Array, name: string) => {
  const { readWorkbookInBrowser } = await import(/* webpackChunkName: "workbook" */ '../xlsx/readInBrowser');
  return readWorkbookInBrowser(bytes, name);
};

function mount(element: React.ReactElement): void {
  const container = document.getElementById('root');
  if (container) createRoot(container).render(element);
}

Office.onReady((info) => {
  const theme = themeFromBackground(Office.context?.officeTheme?.bodyBackgroundColor);
  if (info.host !== Office.HostType.Excel) {
    mount(<Unsupported reason="notExcel" />);
    return;
  }
  if (!Office.context.requirements.isSetSupported('ExcelApi', '1.7')) {
    mount(<Unsupported reason="oldExcel" theme={theme} />);
    return;
  }
  mount(<App session={createPaceSession(createExcelPort(), { buildWorkbook, readWorkbook })} theme={theme} />);
});
