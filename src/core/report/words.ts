/**
 * The words the report uses for a milestone in titles and headers, from the
 * aim's own words: "Weeks from ADM decision to court application, by month
 * of application", never the sheet's column label bent into a sentence
 * ("by month court application lodged was reached").
 */
import { fieldLabel } from '../fields';

export interface MilestoneWords {
  /** The event as a noun: "court application", "legal permanence". */
  noun: string;
  /** After "by month of": "application", "recommendation". */
  monthNoun: string;
  /** After "waiting for": "a court application", "the permanence panel". */
  waitingFor: string;
  /** A table header for the milestone's date: "Court application date". */
  dateHeader: string;
}

const WORDS: Record<string, MilestoneWords> = {
  lookedAfterStart: { noun: 'becoming looked after', monthNoun: 'becoming looked after', waitingFor: 'becoming looked after', dateHeader: 'Date looked after' },
  firstAccommodated: { noun: 'first accommodation', monthNoun: 'first accommodation', waitingFor: 'first accommodation', dateHeader: 'Date first accommodated' },
  lastAccommodated: { noun: 'last accommodation', monthNoun: 'last accommodation', waitingFor: 'accommodation', dateHeader: 'Date last accommodated' },
  permanenceRecommendation: { noun: 'permanence recommendation', monthNoun: 'recommendation', waitingFor: 'a permanence recommendation', dateHeader: 'Recommendation date' },
  panel: { noun: 'permanence panel', monthNoun: 'panel', waitingFor: 'the permanence panel', dateHeader: 'Panel date' },
  admDecision: { noun: 'ADM decision', monthNoun: 'ADM decision', waitingFor: 'an ADM decision', dateHeader: 'ADM decision date' },
  finalPlacement: { noun: 'move to the final placement', monthNoun: 'move', waitingFor: 'a move to the final placement', dateHeader: 'Final placement date' },
  courtApplication: { noun: 'court application', monthNoun: 'application', waitingFor: 'a court application', dateHeader: 'Court application date' },
  legalPermanence: { noun: 'legal permanence', monthNoun: 'legal permanence', waitingFor: 'legal permanence', dateHeader: 'Legal permanence date' },
};

function lowerFirst(text: string): string {
  if (/^[A-Z]{2}/.test(text)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Words for a milestone; a local milestone is called what the user called it. */
export function milestoneWords(field: string, localLabels?: ReadonlyMap<string, string>): MilestoneWords {
  const known = WORDS[field];
  if (known) return known;
  const label = fieldLabel(field, localLabels).replace(/\s+/g, ' ').trim();
  const noun = lowerFirst(label);
  return { noun, monthNoun: noun, waitingFor: noun, dateHeader: /\bdate\b/i.test(label) ? label : `${label} date` };
}
