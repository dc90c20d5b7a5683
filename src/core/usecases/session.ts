/**
 * The add-in's use-cases over a WorkbookPort. The task pane calls these and
 * nothing else; everything here is plain TypeScript so it is tested with an
 * in-memory port as well as through the Office.js adapter on the strict fake.
 */
import type { WorkbookPort, SheetSummary } from '../port';
import type { AimDefinitionInput, AimsFile, CheckResult, ColumnMapping, Finding } from '../model';
import { FIELDS } from '../fields';
import { isUserFacingError, UserFacingError } from '../errors';
import { pickSheet } from '../layout';
import { dayFromIso, isoFromDay, todayDay } from '../dates';
import { PRESET_AIMS, parseAimsFile } from '../aims/definition';
import { planIssuesSheet } from '../report/issuesSheet';
import { populationNote, type PopulationSplit } from '../population';
import { aimFieldIds, aimsOrPresets, analyseSheet, LoadedSheet, planReport, withLocalMilestones } from './pipeline';
import { sheetChecks, type SheetChecks } from './sheetChecks';
import { resolveDateOrder, type DateOrderChoice } from './dateOrder';
import type { ChosenFile, FieldChoice, Outcome, PaceSessionApi, PopulationSummary, Problem, ProgressListener, SheetState } from './types';
import type { WorkbookGrid } from '../grid';
import { looksPseudonymised } from '../compare/compare';
import { compareSheets } from './compare';
import { planTimeline, readPlacementsThroughPort, type SheetsAtLoad } from './timeline';
import { HEADER_SEARCH_ROWS } from '../layout/detect';
import { analyseWorkbook } from './pipeline';
import { compareSummary, rowsOfSelection, timelineGroups } from './paneFlows';
import { SETTING_SUBMISSION_KEY, checkDobMode, makeSubmissionCopy, normaliseDrop, previewSubmission, submissionFileName, submissionPort, type BuildWorkbook } from './submission';

/** Workbook settings keys (the port prefixes them with the add-in's name). */
export const SETTING_MAPPINGS = 'mappings';
export const SETTING_AS_OF = 'asOf';
export const SETTING_AIMS = 'aims';
/** Per sheet: the day/month order the user confirmed for its columns ({ "Tracker": { "G": "mdy" } }). */
export const SETTING_DATE_ORDER = 'dateOrder';

/** Rows read in one preview, enough to find a header under titles (the tracker's, and a placements sheet's). */
const PREVIEW_ROWS = HEADER_SEARCH_ROWS;
/** Above this many rows the pane says reading takes a while (it still reads them all, in chunks). */
const LARGE_SHEET_ROWS = 50_000;

type SavedMappings = Record<string, ColumnMapping[]>;
type SavedDateOrders = Record<string, DateOrderChoice>;

/**
 * The saved choices that still name a date column: after the mapping changes
 * a saved column may be gone, and a stale choice must not stop the sheet opening.
 */
function stillValid(choice: DateOrderChoice, sheet: LoadedSheet): DateOrderChoice {
  const columns = withLocalMilestones(sheet.layout).columns;
  const valid: DateOrderChoice = {};
  for (const [key, order] of Object.entries(choice)) {
    try {
      resolveDateOrder({ [key]: order }, columns);
      valid[key] = order;
    } catch {
      // Dropped: the column is no longer a date column on this sheet.
    }
  }
  return valid;
}

function fail(problem: Problem): { ok: false; problem: Problem } {
  return { ok: false, problem };
}

/** Turns a thrown error into a problem the pane can show; a defect keeps its own message but says what to do. */
export function toProblem(err: unknown): Problem {
  if (isUserFacingError(err)) return { kind: err.kind, message: err.message };
  const detail = err instanceof Error ? err.message : String(err);
  return {
    kind: 'unreadableFile',
    message: `Something went wrong while working on the workbook (${detail}). Nothing in your sheet was changed. Try again; if it keeps happening, save a copy of the workbook and report the problem.`,
  };
}

async function attempt<T>(work: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (err) {
    return fail(toProblem(err));
  }
}

function asOfDay(asOf: string): number {
  const day = dayFromIso(asOf);
  if (day === null) throw new UserFacingError('usage', `"${asOf}" is not a date. Choose the as-of date again.`);
  return day;
}

/**
 * What the pane shows about rows outside the PACE population: names the pane's
 * switch word for word (src/taskpane/view.ts POPULATION_SWITCH_LABEL; a test holds them together).
 */
export const PANE_KEEP_OUTSIDE = "To keep them, turn on 'Include rows outside the PACE population'.";

export function populationSummary(split: PopulationSplit): PopulationSummary {
  return { outside: split.outside, kept: split.kept, note: populationNote(split, PANE_KEEP_OUTSIDE) };
}

/** "Reading rows 8,001–12,000 of 20,000 rows…" (or how many are read so far when the next part's size is unknown). */
export function readingRowsMessage(read: number, total: number, coming?: number): string {
  const n = (x: number) => x.toLocaleString('en-GB');
  if (coming && coming > 0) return `Reading rows ${n(read + 1)}–${n(Math.min(total, read + coming))} of ${n(total)} rows…`;
  return `Read ${n(read)} of ${n(total)} rows…`;
}

/** What the session needs besides the workbook, kept out of the core (exceljs builds the submission copy). */
export interface SessionDeps {
  buildWorkbook?: BuildWorkbook;
  /** Reads a chosen .xlsx file into grids, in the pane (exceljs, loaded when first used). */
  readWorkbook?: (bytes: Uint8Array, name: string) => Promise<WorkbookGrid>;
}

/** The pane could not read a chosen file at all (no reader given): said plainly. */
const CANNOT_READ_FILES = 'This version of the add-in cannot read another workbook. Use the pace-tracker compare command on saved copies of both months instead.';

export function createPaceSession(port: WorkbookPort, deps: SessionDeps = {}): PaceSessionApi {
  let sheets: SheetSummary[] = [];
  let loaded: LoadedSheet | null = null;
  let current: SheetSummary | null = null;
  /** The sheets and first rows read to find the tracker, when they were (not when the user named the sheet). */
  let atLoad: SheetsAtLoad | undefined;
  /*
   * The check results of the loaded sheet, shared by check, the issues sheet,
   * the report and the submission copy (and its aims figures, by the Aims
   * step and the report). Keyed by the LoadedSheet itself, not
   * by a fingerprint of the grid: the session reads the sheet only when it is
   * opened again (open, a saved mapping or date order), each time making a new
   * LoadedSheet, and every operation works on that one. A fingerprint would
   * mean reading the whole sheet from Excel before each operation, which costs
   * far more than the checks it would save.
   */
  let checks: SheetChecks | null = null;

  function checksOf(sheet: LoadedSheet): SheetChecks {
    if (checks?.sheet !== sheet) checks = sheetChecks(sheet);
    return checks;
  }

  /** The check of the loaded sheet at this as-of date, with the workbook's aims (or the presets). */
  async function checkAt(asOf: string) {
    const sheet = requireLoaded();
    const day = asOfDay(asOf);
    return { sheet, check: checksOf(sheet).check(day, aimsOrPresets(await port.loadSetting<AimsFile>(SETTING_AIMS))) };
  }

  async function savedMappings(): Promise<SavedMappings> {
    return (await port.loadSetting<SavedMappings>(SETTING_MAPPINGS)) ?? {};
  }

  function requireLoaded(): LoadedSheet {
    if (!loaded) throw new UserFacingError('noHeader', 'Open the tracking sheet first (the Sheet tab).');
    return loaded;
  }

  function state(mappingSaved: boolean): SheetState {
    const sheet = requireLoaded();
    const rows = sheet.layout.lastDataRow - sheet.layout.firstDataRow + 1;
    return {
      sheets,
      sheet: sheet.layout.sheet,
      layout: sheet.layout,
      childCount: sheet.records.length,
      protected: current?.protected ?? false,
      sizeNote:
        rows > LARGE_SHEET_ROWS
          ? `This sheet has ${rows.toLocaleString('en-GB')} rows. It was read in parts; checks and reports on it take a little longer.`
          : null,
      mappingSaved,
      monthFirstColumns: sheet.monthFirstColumns.map((c) => ({ ...c })),
      titleAsOf: sheet.titleAsOf === null ? null : { asOf: isoFromDay(sheet.titleAsOf.day), text: sheet.titleAsOf.text, cell: sheet.titleAsOf.cell },
    };
  }

  async function savedDateOrders(): Promise<SavedDateOrders> {
    return (await port.loadSetting<SavedDateOrders>(SETTING_DATE_ORDER)) ?? {};
  }

  /**
   * Last month's tracker or submission copy, read on this computer, and when
   * it is a copy made from this workbook, the keyed hash its pseudonyms were
   * made with (the key kept in this workbook's settings).
   */
  async function readLastMonth(file: ChosenFile, now: LoadedSheet, onProgress?: ProgressListener): Promise<{ last: LoadedSheet; hmacHexOf?: (id: string) => string }> {
    if (!deps.readWorkbook) throw new UserFacingError('unsupportedExcel', CANNOT_READ_FILES);
    onProgress?.(`Reading ${file.name} on this computer…`);
    const last = analyseWorkbook(await deps.readWorkbook(file.bytes, file.name));
    if (!looksPseudonymised(last.records) || looksPseudonymised(now.records)) return { last };
    // A submission copy made from this workbook: its pseudonyms come from this workbook's own key.
    const key = await port.loadSetting<string>(SETTING_SUBMISSION_KEY);
    if (typeof key !== 'string' || key.trim() === '' || !port.hmacSha256Hex) {
      throw new UserFacingError(
        'usage',
        `${file.name} is a submission copy (its child IDs are pseudonyms), but this workbook holds no key for them: the copy was made from another workbook. Choose last month's tracker itself, or open the workbook the copy was made from.`,
      );
    }
    const ids = [...new Set(now.records.map((r) => r.childId?.trim()).filter((id): id is string => Boolean(id)))];
    const hashes = new Map<string, string>();
    for (const id of ids) hashes.set(id, await port.hmacSha256Hex(key.trim(), id));
    return { last, hmacHexOf: (id) => hashes.get(id.trim()) ?? '' };
  }

  async function load(sheetName: string | undefined, onProgress?: ProgressListener): Promise<SheetState> {
    onProgress?.('Looking at the sheets in this workbook…');
    sheets = await port.listSheets();
    const candidates = sheets.filter((s) => !s.ownedByAddIn && s.rowCount > 0);
    if (sheets.every((s) => s.rowCount === 0)) {
      throw new UserFacingError(
        'emptyWorkbook',
        'This workbook is empty. Open the workbook that holds your PACE tracking sheet (one row per child, one column per milestone date), then open the add-in again.',
      );
    }
    let name = sheetName;
    atLoad = undefined;
    if (name === undefined) {
      const previews = await port.readPreviews(
        candidates.map((s) => s.name),
        PREVIEW_ROWS,
      );
      atLoad = { sheets, previews };
      const picked = pickSheet(previews);
      if (!picked) {
        throw new UserFacingError(
          'noHeader',
          "None of the sheets in this workbook has a row of column headings that look like a PACE tracker (for example 'Child ID', 'Date became looked after', 'Permanence recommendation'). Open the tracking workbook, or choose the sheet yourself from the list.",
        );
      }
      name = picked;
    }
    current = sheets.find((s) => s.name === name) ?? null;
    if (!current) throw new UserFacingError('sheetNotFound', `There is no sheet called '${name}' in this workbook any more.`);
    onProgress?.(`Reading '${name}'…`);
    const grid = await port.readSheet(name, (read, total, coming) => onProgress?.(readingRowsMessage(read, total, coming), { done: read, total }));
    const date1904 = await port.detectDate1904(name);
    const saved = (await savedMappings())[name];
    loaded = analyseSheet(grid, date1904, saved);
    const order = stillValid((await savedDateOrders())[name] ?? {}, loaded);
    if (Object.keys(order).length > 0) loaded = analyseSheet(grid, date1904, saved, order);
    return state(Boolean(saved));
  }

  return {
    async open(sheet, onProgress) {
      const outcome = await attempt(() => load(sheet, onProgress));
      // The sheet list lets the pane offer "choose another sheet" even when this one could not be read.
      if (!outcome.ok && sheets.length > 0) outcome.problem.sheets = sheets;
      return outcome;
    },

    fieldChoices(): FieldChoice[] {
      const canonical: FieldChoice[] = FIELDS.map((f) => ({ id: f.id, label: f.label, kind: f.kind }));
      const local: FieldChoice[] = [...(loaded?.localLabels ?? [])].map(([id, label]) => ({ id, label, kind: 'local' }));
      return [...canonical, ...local];
    },

    saveMapping: (columns) =>
      attempt(async () => {
        const sheet = requireLoaded().layout.sheet;
        const all = await savedMappings();
        all[sheet] = columns.map((c) => ({ ...c, confidence: 1 }));
        await port.saveSetting(SETTING_MAPPINGS, all);
        return load(sheet);
      }),

    resetMapping: () =>
      attempt(async () => {
        const sheet = requireLoaded().layout.sheet;
        const all = await savedMappings();
        delete all[sheet];
        await port.saveSetting(SETTING_MAPPINGS, all);
        return load(sheet);
      }),

    setDateOrder: (choice) =>
      attempt(async () => {
        const sheet = requireLoaded();
        // Checked against this sheet first, so a wrong column is refused before anything is saved.
        resolveDateOrder(choice, withLocalMilestones(sheet.layout).columns);
        const all = await savedDateOrders();
        if (Object.keys(choice).length === 0) delete all[sheet.layout.sheet];
        else all[sheet.layout.sheet] = { ...choice };
        await port.saveSetting(SETTING_DATE_ORDER, all);
        return load(sheet.layout.sheet);
      }),

    async loadAsOf() {
      const saved = await port.loadSetting<string>(SETTING_AS_OF);
      return saved && dayFromIso(saved) !== null ? saved : isoFromDay(todayDay());
    },

    async saveAsOf(asOf) {
      asOfDay(asOf);
      await port.saveSetting(SETTING_AS_OF, asOf);
    },

    check: (asOf, onProgress) =>
      attempt(async () => {
        onProgress?.('Checking every child’s dates…');
        // With the aims, a child whose end milestone is before its start gets a finding naming the aim.
        return (await checkAt(asOf)).check;
      }),

    writeIssuesSheet: (asOf) =>
      attempt(async () => {
        const { sheet, check } = await checkAt(asOf);
        const issues = planIssuesSheet(check, sheet.layout.sheet, { date1904: sheet.date1904, localLabels: sheet.localLabels });
        // Only the issues sheet is replaced: an earlier report's aim sheets stay.
        const [written] = await port.writeReport({ asOf: check.asOf, sheets: [issues], replaceEarlierReport: false });
        return written ?? issues.name;
      }),

    async selectFinding(finding: Finding) {
      await port.selectCell(requireLoaded().layout.sheet, finding.cell);
    },

    markFindings: (findings) =>
      attempt(async () => {
        const sheet = requireLoaded().layout.sheet;
        if (current?.protected) {
          throw new UserFacingError(
            'protectedSheet',
            `'${sheet}' is protected, so the add-in cannot colour the flagged cells. The findings are still listed here and can be written to the PACE Issues sheet. To mark them, unprotect the sheet (Review > Unprotect Sheet) and try again.`,
          );
        }
        await port.markCells(
          sheet,
          findings.map((f) => ({ cell: f.cell, severity: f.severity, note: f.message })),
        );
        return findings.length;
      }),

    clearMarks: () => attempt(() => port.clearMarks(requireLoaded().layout.sheet)),

    async hasMarks() {
      return loaded ? port.hasMarks(loaded.layout.sheet) : false;
    },

    async loadAims(): Promise<AimsFile> {
      const saved = await port.loadSetting<AimsFile>(SETTING_AIMS);
      const file = aimsOrPresets(saved);
      // Preset cohort lists are used when measuring, but not written back into the user's own aims.
      if (saved?.cohorts === undefined) delete file.cohorts;
      return file;
    },

    presetAims(): AimDefinitionInput[] {
      return PRESET_AIMS.map((a) => ({ ...a }));
    },

    saveAims: (file) =>
      attempt(async () => {
        const valid = parseAimsFile(file, aimFieldIds(requireLoaded()));
        await port.saveSetting(SETTING_AIMS, valid);
      }),

    measureAims: (asOf, options) =>
      attempt(async () => {
        const file = aimsOrPresets(await port.loadSetting<AimsFile>(SETTING_AIMS));
        const sheet = requireLoaded();
        const measured = checksOf(sheet).figures(asOfDay(asOf), file, options);
        return {
          aims: measured.aims.map((a) => a.result),
          stages: measured.stages,
          population: populationSummary(measured.population),
          cohorts: measured.cohorts.map((c) => c.result),
        };
      }),

    writeReport: (asOf, onProgress, options) =>
      attempt(async () => {
        const sheet = requireLoaded();
        onProgress?.('Working out the measures and run charts…');
        const file = aimsOrPresets(await port.loadSetting<AimsFile>(SETTING_AIMS));
        const { lastMonth: lastFile, ...figures } = options ?? {};
        // Last month's points beside this month's (asked for on the Report step): read and matched as Compare does.
        const last = lastFile ? { ...(await readLastMonth(lastFile, sheet, onProgress)), name: lastFile.name } : undefined;
        // A placements sheet beside the tracker: the longest waits' timeline draws each child's placements under their bar.
        const placements = await readPlacementsThroughPort(port, sheet.layout.sheet, sheet.date1904, atLoad);
        const { check, measured, plan, lastMonth } = planReport(sheet, file, asOfDay(asOf), {
          ...figures,
          placements,
          ...(last ? { lastMonth: { sheet: last.last, name: last.name, hmacHexOf: last.hmacHexOf } } : {}),
        }, checksOf(sheet));
        onProgress?.('Writing the report sheets and charts…');
        const written = await port.writeReport(plan, onProgress);
        return {
          sheets: written,
          children: measured.population.records.length,
          counts: check.counts as CheckResult['counts'],
          population: populationSummary(measured.population),
          ...(lastMonth ? { lastMonth: { name: lastMonth.name, asOf: isoFromDay(lastMonth.asOf), matched: lastMonth.matched, matchedBy: lastMonth.matchedBy } } : {}),
        };
      }),

    prepareSubmission: () => attempt(async () => previewSubmission(requireLoaded())),

    makeSubmission: (options, onProgress) =>
      attempt(async () => {
        const sheet = requireLoaded();
        const { port: able, build } = submissionPort(port, deps.buildWorkbook);
        const asOf = asOfDay(options.asOf);
        const drop = normaliseDrop(options.drop);
        const include = options.includeOutsidePopulation === true;
        const made = await makeSubmissionCopy(able, build, { sheet, drop, dob: checkDobMode(options.dob), asOf, includeOutsidePopulation: include, checks: checksOf(sheet) }, onProgress);
        return { fileName: submissionFileName(asOf), children: made.children, dropped: drop.length, rowsLeftOut: made.rowsLeftOut };
      }),

    timelineGroups: () => (loaded ? timelineGroups(loaded) : []),

    writeTimeline: (asOf, choice, align) =>
      attempt(async () => {
        const sheet = requireLoaded();
        const day = asOfDay(asOf);
        let selection: Parameters<typeof planTimeline>[1];
        if (choice.kind === 'selection') {
          if (!port.selectedRows) throw new UserFacingError('unsupportedExcel', 'This Excel cannot tell the add-in which rows are selected. Pick a group instead.');
          selection = { kind: 'rows', rows: rowsOfSelection(sheet, await port.selectedRows()) };
        } else {
          selection = { kind: 'group', column: choice.column, value: choice.value };
        }
        const aims = await port.loadSetting<AimsFile>(SETTING_AIMS);
        const placements = await readPlacementsThroughPort(port, sheet.layout.sheet, sheet.date1904, atLoad);
        const planned = planTimeline(sheet, selection, { asOf: day, align, aims, placements });
        // replaceEarlierReport is false: only this timeline's sheet is replaced, the report and other timelines stay.
        const [written] = await port.writeReport(planned.plan);
        const drawnFrom = { placementsSheet: placements?.sheet ?? null, childrenWithPlacements: planned.placements.size, placementRowsLeftOut: placements?.problems.length ?? 0 };
        return { sheet: written ?? planned.sheet.name, children: planned.journeys.length, subject: planned.subject, align, charts: planned.sheet.charts.length, ...drawnFrom };
      }),

    compareWith: (file, asOf, onProgress) =>
      attempt(async () => {
        const now = requireLoaded();
        const thisAsOf = asOfDay(asOf);
        const { last, hmacHexOf } = await readLastMonth(file, now, onProgress);
        onProgress?.('Comparing the two months…');
        const aims = await port.loadSetting<AimsFile>(SETTING_AIMS);
        const result = compareSheets({ last, now, thisAsOf, aims, hmacHexOf, lastName: file.name });
        onProgress?.('Writing the PACE Changes sheet…');
        const [written] = await port.writeReport(result.plan);
        return compareSummary(result, written ?? result.plan.sheets[0].name, file.name, isoFromDay(result.lastAsOf), now);
      }),
  };
}
