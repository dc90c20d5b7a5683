/**
 * `pace-tracker compare LAST.xlsx THIS.xlsx`: what changed since last month's
 * tracker or submission copy (src/core/usecases/compare.ts does the work).
 */
import { createHmac } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { UserFacingError } from '../core/errors';
import { isoFromDay } from '../core/dates';
import { keyBytesFromText } from '../core/submission/pseudonym';
import { compareSheets } from '../core/usecases/compare';
import { CHANGE_KINDS, CHANGE_KIND_TITLES, changeToJson, leftOutOfLastText } from '../core/compare/compare';
import { fieldLabel } from '../core/fields';
import { intOption, parseArgs, stringOption } from './args';
import { asOfDay } from './asOf';
import { loadInput } from './load';
import { DATE_ORDER_OPTION, dateOrderOption } from './dateOptions';
import { chooseOutput, writeOutput } from './outputPath';
import { reportBytes } from './reportInput';

export interface CompareIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** HMAC-SHA-256 hex of a child ID with the key in `file` (the key that made last month's submission copy). */
export function readKey(file: string): (id: string) => string {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new UserFacingError('unreadableFile', `The key file ${file} cannot be read. Give the key file that made last month's submission copy.`);
  }
  let key: Uint8Array;
  try {
    key = keyBytesFromText(text);
  } catch {
    throw new UserFacingError('unreadableFile', `The key file ${file} is empty. Give the key file that made last month's submission copy.`);
  }
  return (id) => createHmac('sha256', key).update(id, 'utf8').digest('hex');
}

export async function runCompare(argv: string[], io: CompareIo): Promise<number> {
  const args = parseArgs(argv, {
    sheet: { value: true },
    'last-sheet': { value: true },
    'as-of': { value: true },
    'last-as-of': { value: true },
    'changed-days': { value: true },
    'key-file': { value: true },
    output: { value: true, aliases: ['-o'] },
    force: { value: false },
    json: { value: false },
    ...DATE_ORDER_OPTION,
  });
  if (args.positional.length !== 2) {
    throw new UserFacingError('usage', 'Give two files: last month\'s, then this month\'s (pace-tracker compare LAST.xlsx THIS.xlsx). Run "pace-tracker compare --help" for more.');
  }
  const [lastFile, thisFile] = args.positional;
  const thisAsOf = asOfDay(stringOption(args, 'as-of'));
  const lastAsOfText = stringOption(args, 'last-as-of');
  const lastAsOf = lastAsOfText === undefined ? undefined : asOfDay(lastAsOfText, '--last-as-of');
  const given = stringOption(args, 'output');
  const force = args.options.has('force');
  // Settled before the reading, so a refused name costs nothing; chosen again just before writing.
  const pick = () => chooseOutput({ given, input: thisFile, force, protect: [{ file: lastFile, what: "last month's file" }], what: 'copy with the changes' });
  if (given !== undefined) pick();
  const keyFile = stringOption(args, 'key-file');
  const lastInput = await loadInput(lastFile, stringOption(args, 'last-sheet'));
  // This month's orders; compareSheets reads last month's file with them too, so a column is read alike in both.
  const thisInput = await loadInput(thisFile, stringOption(args, 'sheet'), undefined, dateOrderOption(args));
  const last = lastInput.sheet;
  const now = thisInput.sheet;
  const result = compareSheets({
    last,
    now,
    thisAsOf,
    lastAsOf,
    changedDaysThreshold: intOption(args, 'changed-days'),
    hmacHexOf: keyFile === undefined ? undefined : readKey(keyFile),
    lastName: path.basename(lastFile),
  });
  let output: string | undefined;
  if (given !== undefined) {
    const bytes = await reportBytes(thisInput.input, now, result.plan);
    output = pick();
    writeOutput(output, bytes, force, 'copy with the changes');
  }
  const { comparison } = result;
  if (args.options.has('json')) {
    const json = {
      last: { file: lastFile, sheet: last.layout.sheet, asOf: isoFromDay(result.lastAsOf) },
      this: { file: thisFile, sheet: now.layout.sheet, asOf: isoFromDay(thisAsOf) },
      matchedBy: result.matchedBy,
      matched: comparison.matched,
      fields: result.fields,
      notCompared: result.notCompared,
      leftOutOfLast: comparison.leftOutOfLast,
      counts: comparison.counts,
      findings: comparison.severityCounts,
      changes: comparison.changes.map(changeToJson),
    };
    io.out(`${JSON.stringify(json, null, 2)}\n`);
    return 0;
  }
  const lines = [
    `Compared '${now.layout.sheet}' in ${thisFile} (as of ${isoFromDay(thisAsOf)}) with ${lastFile} (as of ${isoFromDay(result.lastAsOf)}): ${comparison.matched} children in both, matched by ${result.matchedBy === 'pseudonym' ? 'pseudonym' : 'child ID'}.`,
  ];
  if (result.notCompared.length > 0) {
    lines.push(`Not compared (in only one of the two months): ${result.notCompared.map((f) => fieldLabel(f, now.localLabels)).join(', ')}.`);
  }
  if (comparison.leftOutOfLast.length > 0) lines.push(leftOutOfLastText(comparison.leftOutOfLast.length));
  for (const kind of CHANGE_KINDS) {
    const changes = comparison.changes.filter((c) => c.kind === kind);
    if (changes.length === 0) continue;
    lines.push('', `${CHANGE_KIND_TITLES[kind]}: ${changes.length}`);
    for (const c of changes) {
      const where = c.cell ? `${c.cell} ` : c.lastRow !== null ? `(last month row ${c.lastRow}) ` : '';
      const flag = c.severity === 'warning' || c.severity === 'error' ? 'CHECK ' : '';
      lines.push(`  ${flag}${c.childId} ${where}${c.message}`);
    }
  }
  if (comparison.changes.length === 0) lines.push('No changes: every child and every date is as it was last month.');
  const toCheck = comparison.severityCounts.error + comparison.severityCounts.warning;
  lines.push('', `${comparison.changes.length} changes, ${toCheck} to check.${output ? ` Wrote ${output} with a "PACE Changes" sheet.` : ''}`);
  io.out(`${lines.join('\n')}\n`);
  return 0;
}
