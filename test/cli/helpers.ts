/* eslint-disable @typescript-eslint/no-explicit-any -- the JSON documents under test are untyped on purpose: their keys and types are what is checked. */
/**
 * Shared helpers for the command-line conformance tests: run `main()` in
 * process with captured output, write sample workbooks and other files to a
 * temporary folder, and small shape checks on the JSON documents.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { buildSampleBuffer, SampleOptions, SampleResult } from '../support/sample';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `pace-tracker ARGV` in process and captures everything it prints. */
export async function runCli(argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    out: (t) => {
      stdout += t;
    },
    err: (t) => {
      stderr += t;
    },
  });
  return { code, stdout, stderr };
}

/** Runs a --json command and parses stdout as exactly one JSON document (JSON.parse throws on anything else). */
export async function runJson(argv: string[]): Promise<{ run: CliRun; json: any }> {
  const run = await runCli(argv);
  if (run.code !== 0 && run.code !== 1) throw new Error(`pace-tracker ${argv.join(' ')} exited ${run.code}: ${run.stderr}`);
  return { run, json: JSON.parse(run.stdout) };
}

export function makeTempDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `pace-cli-${label}-`));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Writes a sample variant to DIR/NAME.xlsx and returns its path and the generator's description of it. */
export async function writeSample(dir: string, name: string, options: SampleOptions = {}): Promise<{ file: string; sample: SampleResult }> {
  const { buffer, sample } = await buildSampleBuffer(options);
  const file = path.join(dir, `${name}.xlsx`);
  fs.writeFileSync(file, buffer);
  return { file, sample };
}

export function writeText(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

/** Sorted keys, so "exactly these keys" reads as one equality. */
export function keysOf(value: object): string[] {
  return Object.keys(value).sort();
}

export function sorted(keys: string[]): string[] {
  return [...keys].sort();
}

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const A1 = /^[A-Z]{1,3}[1-9]\d*$/;

/** Every string anywhere in a JSON value that looks like a date must be ISO yyyy-mm-dd (no dd/mm/yyyy, no times). */
export function nonIsoDateStrings(value: unknown, where = '$', found: string[] = [], skipKeys: ReadonlySet<string> = new Set(['message', 'name', 'header'])): string[] {
  if (typeof value === 'string') {
    if (/\d{1,2}\/\d{1,2}\/\d{2,4}/.test(value) || /\d{4}-\d{2}-\d{2}T/.test(value)) found.push(`${where}: ${value}`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => nonIsoDateStrings(v, `${where}[${i}]`, found, skipKeys));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (!skipKeys.has(k)) nonIsoDateStrings(v, `${where}.${k}`, found, skipKeys);
    }
  }
  return found;
}

export const RUNCHART_KEYS = ['rules', 'direction', 'points', 'phases', 'runs', 'anhoej'];
export const POINT_KEYS = ['date', 'value', 'centre', 'phase', 'baseline', 'shift', 'trend', 'rephaseRun', 'astronomical'];
export const PHASE_KEYS = ['phase', 'firstIndex', 'lastIndex', 'median', 'medianFrom'];
export const RUNS_KEYS = ['useful', 'runs', 'lower', 'upper', 'tooFew', 'tooMany', 'limitsFrom'];
export const ANHOEJ_KEYS = ['longestRun', 'longestRunLimit', 'crossings', 'crossingsLimit', 'signal'];

const isNumOrNull = (v: unknown) => v === null || typeof v === 'number';

/**
 * Problems with a RUNCHART object against the contract (empty when it conforms).
 * `baselineFallback` is an optional extra the model allows (a `before` baseline
 * with no point before its date).
 */
export function runChartProblems(rc: any, where = 'runChart'): string[] {
  const problems: string[] = [];
  const extra = keysOf(rc).filter((k) => !RUNCHART_KEYS.includes(k) && k !== 'baselineFallback' && k !== 'group');
  const missing = RUNCHART_KEYS.filter((k) => !(k in rc));
  if (extra.length || missing.length) problems.push(`${where}: extra ${extra} missing ${missing}`);
  if (rc.rules !== 'ihi' && rc.rules !== 'anhoej') problems.push(`${where}.rules ${rc.rules}`);
  if (rc.direction !== 'down' && rc.direction !== 'up') problems.push(`${where}.direction ${rc.direction}`);
  (rc.points as any[]).forEach((p, i) => {
    if (keysOf(p).join() !== sorted(POINT_KEYS).join()) problems.push(`${where}.points[${i}] keys ${keysOf(p)}`);
    if (!ISO_DATE.test(p.date)) problems.push(`${where}.points[${i}].date ${p.date}`);
    if (typeof p.value !== 'number' || !isNumOrNull(p.centre) || !Number.isInteger(p.phase)) problems.push(`${where}.points[${i}] numbers`);
    for (const b of ['baseline', 'shift', 'trend', 'rephaseRun', 'astronomical']) {
      if (typeof p[b] !== 'boolean') problems.push(`${where}.points[${i}].${b} not boolean`);
    }
  });
  (rc.phases as any[]).forEach((ph, i) => {
    if (keysOf(ph).join() !== sorted(PHASE_KEYS).join()) problems.push(`${where}.phases[${i}] keys ${keysOf(ph)}`);
    if (![ph.phase, ph.firstIndex, ph.lastIndex].every(Number.isInteger) || typeof ph.median !== 'number') problems.push(`${where}.phases[${i}] numbers`);
    if (!Array.isArray(ph.medianFrom) || ph.medianFrom.length !== 2 || !ph.medianFrom.every(Number.isInteger)) problems.push(`${where}.phases[${i}].medianFrom`);
  });
  if (keysOf(rc.runs).join() !== sorted(RUNS_KEYS).join()) problems.push(`${where}.runs keys ${keysOf(rc.runs)}`);
  else {
    if (!Number.isInteger(rc.runs.useful) || !Number.isInteger(rc.runs.runs)) problems.push(`${where}.runs counts`);
    if (!isNumOrNull(rc.runs.lower) || !isNumOrNull(rc.runs.upper)) problems.push(`${where}.runs limits`);
    if (typeof rc.runs.tooFew !== 'boolean' || typeof rc.runs.tooMany !== 'boolean') problems.push(`${where}.runs flags`);
    // Limits from the published table for 10–60 useful points, computed beyond it, none below (issue 10, point 4).
    const from = rc.runs.useful < 10 ? null : rc.runs.useful <= 60 ? 'table' : 'computed';
    if (rc.runs.limitsFrom !== from || (from === null) !== (rc.runs.lower === null)) problems.push(`${where}.runs limitsFrom ${rc.runs.limitsFrom}`);
  }
  if (keysOf(rc.anhoej).join() !== sorted(ANHOEJ_KEYS).join()) problems.push(`${where}.anhoej keys ${keysOf(rc.anhoej)}`);
  else {
    if (!Number.isInteger(rc.anhoej.longestRun) || !Number.isInteger(rc.anhoej.crossings)) problems.push(`${where}.anhoej counts`);
    if (!isNumOrNull(rc.anhoej.longestRunLimit) || !isNumOrNull(rc.anhoej.crossingsLimit)) problems.push(`${where}.anhoej limits`);
    if (typeof rc.anhoej.signal !== 'boolean') problems.push(`${where}.anhoej.signal`);
  }
  return problems;
}
