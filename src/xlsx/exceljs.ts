/**
 * exceljs, from its prebuilt one-file bundle without polyfills
 * (exceljs/dist/exceljs.bare.min.js: the same 4.4 code as the package's own
 * modules). Node loads it in about 35 ms against about 145 ms for the
 * package's 200-odd modules, and every command but runchart starts by
 * loading exceljs. The task pane's build maps this request to the browser
 * build it has always used (webpack.config.js), so the pane is unchanged.
 */
import ExcelJS from 'exceljs/dist/exceljs.bare.min.js';

export default ExcelJS;
