/**
 * `pace-tracker CMD --help` and `pace-tracker help CMD`: each command's own
 * options and an example, in the users' words. The command line never sends
 * people to a task-pane step: everything here can be done from a terminal.
 */
import { DEFAULT_KEY_FILE_NAME } from './keyFile';

const COMPARE_USAGE = `Usage: pace-tracker compare LAST THIS [--sheet NAME] [--last-sheet NAME]
                       [--as-of DATE] [--last-as-of DATE] [--date-order COLUMN=mdy|dmy]
                       [--changed-days N] [--key-file KEY] [-o OUT.xlsx] [--force] [--json]

Lists what changed between last month's tracker (or last month's submission copy)
and this month's (each a workbook or a CSV export of it): children added and gone, milestones newly recorded, dates changed
or removed after they were submitted, route and legal status changes.

  --sheet          the sheet to read in THIS (default: the one that looks most like a PACE tracker)
  --last-sheet     the sheet to read in LAST (default: likewise)
  --as-of          this month's as-of date, 31/03/2024 or 2024-03-31 (default: today)
  --last-as-of     last month's as-of date (default: the end of the month before --as-of)
  --date-order COLUMN=mdy|dmy
                   read the dates typed as text in COLUMN (a letter or a field id) month first
                   (mdy) or day first (dmy), in both months alike; repeat for several columns
  --changed-days   a submitted date that moved by more than this many days is a warning (default 7)
  --key-file       the key that made last month's submission copy, to match its pseudonyms
  -o OUT.xlsx      also write a copy of THIS with a "PACE Changes" sheet
  --force          replace OUT.xlsx if it exists
  --json           print the changes as one JSON document instead of text

Example:
  pace-tracker compare tracker-2024-02.xlsx tracker-2024-03.xlsx --as-of 2024-03-31 -o changes.xlsx
`;

const TIMELINE_USAGE = `Usage: pace-tracker timeline FILE (--children ID,ID,… | --group COLUMN=VALUE)
                       [--align calendar|start] [--sheet NAME] [--map FIELD=COLUMN] [--as-of DATE]
                       [--date-order COLUMN=mdy|dmy] [-o OUT.xlsx] [--force] [--json]

Draws children's journeys to permanence: one bar per child, a segment per stage
between the milestones reached, stages past the aim's target in red, and the time
still waiting at the as-of date as an open segment. Only child IDs are shown.
When the workbook has a placements sheet (headings such as Child ID, Placement
start, Placement end, Placement type), each child's placements are drawn under
their bar, one colour per type, with their number and moves in a table.

  --children    the child IDs, separated by commas
  --group       every child with this value in a column: team=North, route=Kinship,
                or a column of your own by its heading ("Sibling group=7")
  --align       calendar (default: the bars on one calendar) or start (every bar
                from becoming looked after, week 0)
  --sheet NAME  the sheet to read (default: the one that looks most like a PACE tracker)
  --map FIELD=COLUMN   read COLUMN as FIELD when its heading was not recognised (--map panel=H)
  --as-of       count to this date, 31/03/2024 or 2024-03-31 (default: today)
  --date-order COLUMN=mdy|dmy
                read the dates typed as text in COLUMN month first (mdy) or day first
                (dmy), when check says they look month first (until then no timeline
                is drawn); repeat for several columns
  -o OUT.xlsx   the copy of the workbook with the timeline sheet
                (default: FILE-pace-timeline.xlsx beside FILE; with --json, none unless -o)
  --force       replace OUT.xlsx if it exists
  --json        print the journeys (and placements) as one JSON document instead of text

Example:
  pace-tracker timeline tracker.xlsx --group team=North --align start --as-of 2024-03-31
`;

export const COMMANDS = ['inspect', 'check', 'aims', 'runchart', 'report', 'submission', 'timeline', 'compare'] as const;
export type CommandName = (typeof COMMANDS)[number];

const FILE = `FILE is the tracking workbook (.xlsx) or a CSV export of it (.csv, dates written dd/mm/yyyy).`;
const SHEET = `  --sheet NAME         The sheet to read (default: the one that looks most like a PACE tracker).`;
const MAP = `  --map FIELD=COLUMN   Read COLUMN as FIELD when a heading was not recognised, e.g. --map panel=H;
                       several at once: --map panel=H,admDecision=J. Without it the column mapping
                       saved in the workbook by the add-in is used where there is one.`;
const AS_OF = `  --as-of DATE         Count to this date: 31/03/2024 or 2024-03-31 (default: today).`;
const DATE_ORDER = `  --date-order COLUMN=mdy|dmy
                       Read the dates typed as text in COLUMN (a letter or a field id) month first
                       (mdy) or day first (dmy), when check says they look month first; repeat for
                       several columns.`;
const JSON_OPT = `  --json               Print one JSON document (for scripts) instead of text.`;
const POPULATION = `  --include-outside-population
                       Keep rows outside the PACE population (ceased to be looked after more than a
                       year before the as-of date); by default they are flagged and left out.`;
const AIMS = `  --aims AIMS.json     Use these aims. Without it: the aims saved in the workbook by the add-in,
                       else the preset aims (the output says which).`;

export const COMMAND_HELP: Record<CommandName, string> = {
  inspect: `Usage: pace-tracker inspect FILE [--sheet NAME] [--map FIELD=COLUMN] [--json]

Shows which sheet was read, which row holds the headings and which column was taken for each
milestone, so you can check the sheet was read the right way before trusting any figure.
${FILE}

Options:
${SHEET}
${MAP}
${JSON_OPT}

Example:
  pace-tracker inspect "Permanence tracker March 2024.xlsx"
`,
  check: `Usage: pace-tracker check FILE [--sheet NAME] [--map FIELD=COLUMN] [--as-of DATE] [--date-order COLUMN=mdy|dmy]
                         [--aims AIMS.json] [--fail-on error|warning|info] [--json]

Lists missing and inconsistent milestone dates, each with its cell, so they can be put right in
the workbook. Nothing is changed in FILE.
${FILE}

Options:
${SHEET}
${MAP}
${AS_OF}
${DATE_ORDER}
  --aims AIMS.json     Also flag children whose end milestone is before its start for these aims
                       (default: the aims saved in the workbook, else the preset aims).
  --fail-on LEVEL      Exit with status 1 when there is a finding of LEVEL or worse (for scripts).
${JSON_OPT}

Example:
  pace-tracker check tracker.xlsx --as-of 31/03/2024
`,
  aims: `Usage: pace-tracker aims FILE [--sheet NAME] [--map FIELD=COLUMN] [--as-of DATE] [--date-order COLUMN=mdy|dmy]
                         [--aims AIMS.json] [--include-outside-population] [--json]

Measures each aim: children completed, the share within target, the median weeks, who is still
waiting, and the run chart's signals.
${FILE}

Options:
${SHEET}
${MAP}
${AS_OF}
${DATE_ORDER}
${AIMS}
${POPULATION}
${JSON_OPT}

Example:
  pace-tracker aims tracker.xlsx --as-of 31/03/2024 --aims our-aims.json
`,
  runchart: `Usage: pace-tracker runchart SERIES.csv [--baseline N | --baseline-before DATE]
                         [--rephase N | --no-rephase] [--direction down|up] [--rules ihi|anhoej] [--json | --pretty]

Reads a series (a CSV with the heading date,value, or date,value,group for one chart per group)
and finds shifts, trends and unusual runs the way NHS Scotland run charts do.

Options:
  --baseline N         The first N points set the median (default 12).
  --baseline-before D  Points dated before D (yyyy-mm-dd) set the median, e.g. a change's date.
  --rephase N          Start a new median after a shift of N points (default 9).
  --no-rephase         Keep one median for the whole chart.
  --direction down|up  Which way is better (default down: fewer weeks is better).
  --rules ihi|anhoej   Which rules give the chart's verdict (default ihi).
${JSON_OPT}
  --pretty             The same JSON document, indented for reading.

Example:
  pace-tracker runchart weeks-to-panel.csv --baseline 12
`,
  report: `Usage: pace-tracker report FILE [-o OUT.xlsx] [--force] [--sheet NAME] [--map FIELD=COLUMN]
                          [--as-of DATE] [--date-order COLUMN=mdy|dmy] [--aims AIMS.json]
                          [--include-outside-population] [--min-month-children N] [--by-quarter]
                          [--last LAST [--last-sheet NAME] [--last-as-of DATE] [--key-file KEY]]

Writes a new workbook: a copy of FILE with the issues, aim tables and native Excel run charts the
add-in writes. FILE itself is never changed or overwritten.
${FILE} A report on a CSV is a new .xlsx holding the CSV's rows and the report sheets.

Options:
  -o, --output OUT     Where to write (must end in .xlsx; default: FILE-pace-report.xlsx beside FILE;
                       when that exists already, FILE-pace-report (2).xlsx and so on).
  --force              Replace OUT when it exists already (never FILE itself).
${SHEET}
${MAP}
${AS_OF}
${DATE_ORDER}
${AIMS}
${POPULATION}
  --min-month-children N  Grey the months with fewer than N children (default 5), left out of the median.
  --by-quarter         Group the monthly charts by quarter instead of month, for a small authority.
  --last LAST          Last month's tracker or submission copy (.xlsx or .csv): each aim's run chart
                       also shows every child's point as it was last month (grey discs), and the
                       points that moved since are listed on the aim sheet.
  --last-sheet NAME    The sheet to read in LAST (default: the one that looks most like a PACE tracker).
  --last-as-of DATE    Last month's as-of date (default: the end of the month before --as-of).
  --key-file KEY       The key that made LAST when it is a submission copy, to match its pseudonyms.

Example:
  pace-tracker report tracker.xlsx --as-of 31/03/2024 -o "March 2024 report.xlsx"
  pace-tracker report tracker-2024-03.xlsx --as-of 31/03/2024 --last tracker-2024-02.xlsx
`,
  submission: `Usage: pace-tracker submission FILE -o OUT.xlsx [--key-file KEY] [--dob month|age] [--force]
                              [--sheet NAME] [--map FIELD=COLUMN] [--as-of DATE] [--yes]
                              [--include-outside-population]

Writes OUT.xlsx, a de-identified copy to send to the programme: identifying columns left out,
date of birth reduced, child IDs replaced by pseudonymous IDs made with a secret key.
${FILE}

Options:
  -o, --output OUT     Where to write the copy (must end in .xlsx; never FILE itself).
  --force              Replace OUT when it exists already.
  --key-file KEY       The secret key file (default: ${DEFAULT_KEY_FILE_NAME} in the .pace-tracker folder of
                       your home folder, or in the folder PACE_TRACKER_HOME names; kept out of project
                       and shared folders; made with a new random key the first time). Keep it private, never send it, and use the same
                       key every month so each child keeps the same pseudonymous ID.
  --dob month|age      Date of birth as month and year (--dob month, the default), or as age in
                       whole years at each milestone (--dob age).
  -y, --yes            Write without asking (after reviewing the list of columns left out).
${SHEET}
${MAP}
${AS_OF}
${POPULATION}

Example:
  pace-tracker submission tracker.xlsx -o "PACE submission March 2024.xlsx" --as-of 31/03/2024
`,
  timeline: TIMELINE_USAGE,
  compare: COMPARE_USAGE,
};

export function isCommandName(name: string | undefined): name is CommandName {
  return (COMMANDS as readonly string[]).includes(name ?? '');
}

/** True when the arguments ask for help (anywhere before a "--"). */
export function wantsHelp(argv: string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}
