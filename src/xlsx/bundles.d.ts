// exceljs's one-file bundle (src/xlsx/exceljs.ts) has the package's own types.
declare module 'exceljs/dist/exceljs.bare.min.js' {
  import * as ExcelJS from 'exceljs';
  export = ExcelJS;
}

// JSZip's one-file bundle (src/xlsx/jszip.ts) has the package's own types.
declare module 'jszip/dist/jszip.min.js' {
  import JSZip = require('jszip');
  export = JSZip;
}
