/**
 * Lets the harness (plain Node) require the project's TypeScript directly, by
 * transpiling each .ts file with the installed compiler as it is loaded (no
 * type check: jest and tsc do that). Used to read the sample workbook with
 * src/xlsx/read.ts into the fake workbook's fixture.
 */
'use strict';
const fs = require('fs');
const ts = require('typescript');

function register() {
  const compile = (module, filename) => {
    const source = fs.readFileSync(filename, 'utf8');
    const out = ts.transpileModule(source, {
      fileName: filename,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2020,
        esModuleInterop: true,
        jsx: ts.JsxEmit.ReactJSX,
        sourceMap: false,
      },
    });
    module._compile(out.outputText, filename);
  };
  require.extensions['.ts'] = compile;
  require.extensions['.tsx'] = compile;
}

module.exports = { register };
