/**
 * The `runchart` command's WebAssembly module (dist/node/wasm/runchart.wasm):
 * the plain SERIES.csv reader, the rules of one chart, and the charts'
 * JSON. See README.md.
 */
export * from './reader';
export { markRules } from './rules';
export * from './charts';
