/**
 * The realistic data errors planted in the sample where a data lead would
 * find them, spread down the sheet; `PlantedAt` says exactly where, so tests
 * can assert each one.
 */
import { COLUMNS, dayToUkText, type PlantedAt, type SampleCell, type SampleChild, type SampleColumnKey } from './model';

function dayOf(cell: SampleCell | undefined): number | null {
  return cell && typeof cell === 'object' && 'day' in cell ? cell.day : null;
}

/** Plants the realistic errors on suitable children (spread down the sheet); mutates `children`. */
export function plantErrors(children: SampleChild[], asOf: number, date1904: boolean): PlantedAt[] {
  const planted: PlantedAt[] = [];
  const used = new Set<number>();
  const n = children.length;
  const find = (fraction: number, ok: (c: SampleChild) => boolean): number | null => {
    const from = Math.floor(n * fraction);
    for (let k = 0; k < n; k++) {
      const i = (from + k) % n;
      if (!used.has(i) && children[i].route !== null && ok(children[i])) {
        used.add(i);
        return i;
      }
    }
    return null;
  };
  const has = (c: SampleChild, key: SampleColumnKey) => dayOf(c.cells[key]) !== null;
  const add = (index: number | null, p: Omit<PlantedAt, 'index'>, apply: (c: SampleChild) => void) => {
    if (index === null) return;
    apply(children[index]);
    planted.push({ ...p, index });
  };

  let i = find(0.1, (c) => has(c, 'permanenceRecommendation'));
  if (i !== null) {
    const text = dayToUkText(dayOf(children[i].cells.permanenceRecommendation) as number);
    add(i, { kind: 'textDate', field: 'permanenceRecommendation', value: `"${text}" (text)`, description: 'Date typed as text instead of an Excel date' }, (c) => {
      c.cells.permanenceRecommendation = text;
    });
  }
  i = find(0.15, (c) => dayOf(c.cells.lookedAfterStart) !== null && has(c, 'firstAccommodated'));
  if (i !== null) {
    const text = dayToUkText(dayOf(children[i].cells.lookedAfterStart) as number, true);
    add(i, { kind: 'twoDigitYear', field: 'lookedAfterStart', value: `"${text}" (text)`, description: 'Text date with a two-digit year' }, (c) => {
      c.cells.lookedAfterStart = text;
    });
  }
  i = find(0.8, (c) => has(c, 'permanenceRecommendation') && c.cells.panel === null && (c.route === 'Fostering/Adoption' || c.route === 'Kinship'));
  add(i, { kind: 'unreadableText', field: 'panel', value: '"tbc"', description: 'Panel date not known yet, typed as "tbc"' }, (c) => {
    c.cells.panel = 'tbc';
  });
  i = find(0.3, (c) => c.route === 'Residential' && has(c, 'admDecision') && c.cells.courtApplication === null);
  add(i, { kind: 'unreadableText', field: 'courtApplication', value: '"N/A"', description: '"N/A" typed in a date column' }, (c) => {
    c.cells.courtApplication = 'N/A';
  });
  i = find(0.4, (c) => c.route === 'Fostering/Adoption' && has(c, 'admDecision') && c.cells.finalPlacement === null);
  add(
    i,
    { kind: 'placeholder', field: 'finalPlacement', value: date1904 ? '"01/01/1900" (text)' : '01/01/1900 (date cell)', description: 'Placeholder date 01/01/1900' },
    (c) => {
      // The 1904 date system cannot hold a 1900 date, so there it is the text someone typed.
      c.cells.finalPlacement = date1904 ? '01/01/1900' : { serial: 1 };
    },
  );
  i = find(0.45, (c) => has(c, 'placementStart'));
  add(i, { kind: 'errorValue', field: 'placementStart', value: '#N/A', description: 'Excel error value left by a broken lookup' }, (c) => {
    c.cells.placementStart = { error: '#N/A' };
  });
  i = find(0.55, (c) => c.route === 'Kinship' && has(c, 'permanenceRecommendation') && c.cells.panel === null);
  add(i, { kind: 'yearNumber', field: 'panel', value: '2023 (a number)', description: 'A year typed as a number in a date column' }, (c) => {
    c.cells.panel = { number: 2023 };
  });
  i = find(0.2, (c) => {
    const rec = dayOf(c.cells.permanenceRecommendation);
    const panel = dayOf(c.cells.panel);
    return rec !== null && panel !== null && has(c, 'admDecision') && panel - rec >= 28;
  });
  if (i !== null) {
    const panel = dayOf(children[i].cells.panel) as number;
    add(i, { kind: 'admBeforePanel', field: 'admDecision', value: dayToUkText(panel - 21), description: 'ADM decision three weeks before the panel' }, (c) => {
      c.cells.admDecision = { day: panel - 21 };
    });
  }
  i = find(0.6, (c) => {
    const panel = dayOf(c.cells.panel);
    const adm = dayOf(c.cells.admDecision);
    return panel !== null && adm !== null && adm - panel >= 4 && has(c, 'courtApplication');
  });
  if (i !== null) {
    const panel = dayOf(children[i].cells.panel) as number;
    const adm = dayOf(children[i].cells.admDecision) as number;
    const court = adm - Math.max(1, Math.floor((adm - panel) / 2));
    add(i, { kind: 'courtBeforeAdm', field: 'courtApplication', value: dayToUkText(court), description: 'Court application lodged before the ADM decision' }, (c) => {
      c.cells.courtApplication = { day: court };
    });
  }
  const original = Math.floor(n * 0.25);
  i = find(0.5, () => true);
  if (i !== null) {
    const id = children[original].cells.childId as string;
    add(i, { kind: 'duplicateId', field: 'childId', value: id, description: `Same child ID as an earlier row (${id} appears twice)` }, (c) => {
      c.cells.childId = id;
    });
  }
  i = find(0.65, () => true);
  add(i, { kind: 'missingId', field: 'childId', value: '(blank)', description: 'Child ID missing' }, (c) => {
    c.cells.childId = null;
  });
  i = find(0.7, (c) => has(c, 'courtApplication') && c.cells.legalPermanence === null);
  add(i, { kind: 'futureDate', field: 'legalPermanence', value: dayToUkText(asOf + 75), description: 'Order granted date in the future (after the as-of date)' }, (c) => {
    c.cells.legalPermanence = { day: asOf + 75 };
  });
  i = find(0.35, (c) => {
    const dob = dayOf(c.cells.dateOfBirth);
    const start = dayOf(c.cells.lookedAfterStart);
    const first = dayOf(c.cells.firstAccommodated);
    return dob !== null && start !== null && first !== null && start - dob < 200 && first >= start;
  });
  if (i !== null) {
    // The year typed one too low: became looked after before being born.
    const start = dayOf(children[i].cells.lookedAfterStart) as number;
    const typo = start - 365;
    add(i, { kind: 'beforeBirth', field: 'lookedAfterStart', value: dayToUkText(typo), description: 'Became looked after before the date of birth (year typed one too low)' }, (c) => {
      c.cells.lookedAfterStart = { day: typo };
    });
  }
  // Planted last, so the rows of the errors above stay where samples/README.md lists them.
  const dateKeys = COLUMNS.filter((col) => col.kind === 'date' && col.key !== 'dateOfBirth').map((col) => col.key);
  const lastDay = (c: SampleChild) => Math.max(...dateKeys.map((key) => dayOf(c.cells[key]) ?? -Infinity));
  i = find(0.85, (c) => c.cells.ceasedDate === null && has(c, 'legalPermanence') && lastDay(c) <= asOf - 400);
  if (i !== null) {
    // Ceased when the journey ended, well over a year ago: an old row left in this month's data.
    const ceased = lastDay(children[i]);
    add(
      i,
      { kind: 'outsidePopulation', field: 'ceasedDate', value: dayToUkText(ceased), description: 'Ceased to be looked after more than a year before the as-of date: outside the PACE population' },
      (c) => {
        c.cells.ceasedDate = { day: ceased };
      },
    );
  }
  i = find(0.92, (c) => {
    const dob = dayOf(c.cells.dateOfBirth);
    const start = dayOf(c.cells.lookedAfterStart);
    const rec = dayOf(c.cells.permanenceRecommendation);
    return dob !== null && start !== null && rec !== null && has(c, 'firstAccommodated') && rec - 365 < start && rec - 365 > dob;
  });
  if (i !== null) {
    // The year typed one too low: a recommendation before the child became looked after (and before accommodation).
    const typo = (dayOf(children[i].cells.permanenceRecommendation) as number) - 365;
    add(
      i,
      { kind: 'recommendationBeforeLookedAfter', field: 'permanenceRecommendation', value: dayToUkText(typo), description: 'Permanence recommendation before the child became looked after (year typed one too low)' },
      (c) => {
        c.cells.permanenceRecommendation = { day: typo };
      },
    );
  }
  return planted.sort((a, b) => a.index - b.index);
}
