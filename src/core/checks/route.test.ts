import { isHomeRoute, routeKind } from './route';

describe('routeKind', () => {
  test.each([
    ['Remaining at home', 'home'],
    ['Home', 'home'],
    ['  at HOME ', 'home'],
    ['Home with parents', 'home'],
    ['Rehabilitation home', 'rehabilitation'],
    ['Rehab', 'rehabilitation'],
    ['Return home', 'rehabilitation'],
    ['Returned home', 'rehabilitation'],
    ['Kinship', 'kinship'],
    ['Kinship care', 'kinship'],
    ['Fostering/Adoption', 'fosteringAdoption'],
    ['Adoption', 'fosteringAdoption'],
    ['Foster', 'fosteringAdoption'],
    ['Permanent fostering', 'fosteringAdoption'],
    ['Residential', 'residential'],
    ['Residential home', 'residential'],
    ['Resi', 'residential'],
    ['Away from home', 'unknown'],
    ['tbc', 'unknown'],
    ['', 'unknown'],
    [undefined, 'unknown'],
  ])('%p is %p', (text, kind) => {
    expect(routeKind(text)).toBe(kind);
  });

  test('home routes are remaining at home and rehabilitation home only', () => {
    expect(isHomeRoute('home')).toBe(true);
    expect(isHomeRoute('rehabilitation')).toBe(true);
    expect(isHomeRoute('kinship')).toBe(false);
    expect(isHomeRoute('unknown')).toBe(false);
  });
});
