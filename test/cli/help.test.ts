/**
 * Issue 15 point 7: every command answers --help (and `pace-tracker help
 * CMD`, and -h) with its own options and an example, and nothing the command
 * line prints sends people to a task-pane step.
 */
import * as fs from 'fs';
import * as path from 'path';
import { COMMANDS } from '../../src/cli/help';
import { makeTempDir, removeDir, runCli, writeSample } from './helpers';

/** Options each command accepts, as its parser knows them (a help that misses one fails here). */
const OPTIONS: Record<string, string[]> = {
  inspect: ['--sheet', '--map', '--json'],
  check: ['--sheet', '--map', '--as-of', '--date-order', '--aims', '--fail-on', '--json'],
  aims: ['--sheet', '--map', '--as-of', '--date-order', '--aims', '--include-outside-population', '--json'],
  runchart: ['--baseline', '--baseline-before', '--rephase', '--no-rephase', '--direction', '--rules', '--json', '--pretty'],
  report: [
    '--output', '-o', '--force', '--sheet', '--map', '--as-of', '--date-order', '--aims', '--include-outside-population',
    '--min-month-children', '--by-quarter', '--last', '--last-sheet', '--last-as-of', '--key-file',
  ],
  submission: ['--output', '-o', '--force', '--key-file', '--dob', '--yes', '--sheet', '--map', '--as-of', '--include-outside-population'],
  timeline: ['--children', '--group', '--align', '--sheet', '--map', '--as-of', '-o', '--force', '--json'],
  compare: ['--sheet', '--last-sheet', '--as-of', '--last-as-of', '--changed-days', '--key-file', '-o', '--force', '--json'],
};

const DOCS = path.join(__dirname, '../../docs/command-line.md');

/** The long options in a command's usage block in docs/command-line.md (the indented lines under its heading). */
function documentedOptions(command: string): string[] {
  const lines = fs.readFileSync(DOCS, 'utf8').split('\n');
  const heading = lines.findIndex((l) => l.startsWith(`## \`${command}\``));
  if (heading < 0) return [];
  let i = heading + 1;
  while (lines[i] === '') i++;
  const usage: string[] = [];
  for (; i < lines.length && lines[i].startsWith('    '); i++) usage.push(lines[i]);
  return [...new Set(usage.join(' ').match(/(?<![\w-])--[a-z][a-z-]*/g) ?? [])].sort();
}

/** The long options a command's --help names (--output is -o's long name; the docs write -o). */
function helpOptions(text: string): string[] {
  return [...new Set(text.match(/(?<![\w-])--[a-z][a-z-]*/g) ?? [])].filter((o) => o !== '--help' && o !== '--output').sort();
}

const PANE_WORDS = /\bpane\b|Sheet step|Sheet tab|Aims step|Report step|in the add-in's? (screen|step)/i;

describe.each(COMMANDS.map((c) => [c]))('%s', (command) => {
  it('answers --help, -h and "help COMMAND" the same way, exit 0, nothing on stderr', async () => {
    const a = await runCli([command, '--help']);
    const b = await runCli(['help', command]);
    const c = await runCli([command, '-h']);
    for (const run of [a, b, c]) {
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
    }
    expect(b.stdout).toBe(a.stdout);
    expect(c.stdout).toBe(a.stdout);
  });

  it('lists its own options and gives an example of itself', async () => {
    const { stdout } = await runCli([command, '--help']);
    expect(stdout).toMatch(new RegExp(`^Usage: pace-tracker ${command} `));
    for (const option of OPTIONS[command]) expect(stdout).toContain(option);
    expect(stdout).toMatch(new RegExp(`Example:\\n  pace-tracker ${command} \\S`));
    expect(stdout).not.toMatch(PANE_WORDS);
  });

  it('every option its help names is one it accepts', async () => {
    const { stdout } = await runCli([command, '--help']);
    const named = [...new Set(stdout.match(/(?<![\w-])--[a-z][a-z-]*/g) ?? [])].filter((o) => o !== '--help');
    expect(named.length).toBeGreaterThan(0);
    for (const option of named) {
      const run = await runCli([command, option, 'x', 'no-such-file.xlsx']);
      expect(`${option}: ${run.stderr}`).not.toMatch(/Unknown option/);
    }
  });

  it('names the same options as its usage in docs/command-line.md', async () => {
    const { stdout } = await runCli([command, '--help']);
    const documented = documentedOptions(command);
    expect(documented.length).toBeGreaterThan(0);
    expect(helpOptions(stdout)).toEqual(documented);
  });

  it('--help wins over anything else on the line (no file is read)', async () => {
    const run = await runCli([command, 'no-such-file.xlsx', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage:/);
  });
});

describe('help', () => {
  it('the general usage names every command and how to get its own help', async () => {
    const run = await runCli(['--help']);
    for (const c of COMMANDS) expect(run.stdout).toContain(`pace-tracker ${c} `);
    expect(run.stdout).toContain('pace-tracker help COMMAND');
  });

  it('help for a command that does not exist is one plain line, exit 2', async () => {
    const run = await runCli(['help', 'reprot']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^pace-tracker: There is no command "reprot"\. The commands are [^\n]+\n$/);
  });
});

describe('no pane steps in what the command line prints', () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = makeTempDir('help');
    file = (await writeSample(dir, 'local', { children: 30, seed: 3, extraLocalColumns: true })).file;
  });
  afterAll(() => removeDir(dir));

  it('check on a sheet with a local date column says --map, not "the Sheet step"', async () => {
    for (const json of [false, true]) {
      const run = await runCli(['check', file, '--as-of', '2024-03-31', ...(json ? ['--json'] : [])]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('holds dates that no standard milestone uses');
      expect(run.stdout).not.toMatch(PANE_WORDS);
      expect(run.stdout).toMatch(/--map FIELD=COLUMN/);
    }
  });

  it('a report sheet named with --sheet points to --sheet, not to a pane choice', async () => {
    const out = (await runCli(['report', file, '--as-of', '2024-03-31'])).stdout;
    const reportFile = /^Wrote (.*)$/m.exec(out)?.[1] as string;
    const run = await runCli(['check', reportFile, '--sheet', 'PACE Issues']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--sheet NAME/);
    expect(run.stderr).not.toMatch(PANE_WORDS);
  });
});
