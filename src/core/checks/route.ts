/**
 * Reads the permanence route as a data lead writes it ("Remaining at home",
 * "Rehab", "Fostering/Adoption"…) so gap rules can tell which blanks are
 * normal for the child's journey.
 */
export type RouteKind = 'home' | 'rehabilitation' | 'fosteringAdoption' | 'kinship' | 'residential' | 'unknown';

/** Route text to its kind; anything not recognised (including blank) is 'unknown'. */
export function routeKind(route: string | null | undefined): RouteKind {
  if (!route) return 'unknown';
  const text = route.toLowerCase().replace(/[^a-z]+/g, ' ').trim();
  if (text === '') return 'unknown';
  // Order matters: "Rehabilitation home" and "Residential home" also contain "home".
  if (/\brehab|\breturn(ed|ing)? home|\breunif/.test(text)) return 'rehabilitation';
  if (/\bresi(dential)?\b|\bresidential|\bcare home|\bchildren s home|\bsecure\b/.test(text)) return 'residential';
  if (/\bkin(ship)?\b/.test(text)) return 'kinship';
  if (/\bfoster|\badopt/.test(text)) return 'fosteringAdoption';
  if (/\baway\b/.test(text)) return 'unknown';
  if (/\bhome\b|\bparents?\b/.test(text)) return 'home';
  return 'unknown';
}

/**
 * Home routes: no accommodation, and legal permanence can be the end of the
 * compulsory supervision order at a hearing, with no panel, ADM decision or
 * court application before it.
 */
export function isHomeRoute(kind: RouteKind): boolean {
  return kind === 'home' || kind === 'rehabilitation';
}
