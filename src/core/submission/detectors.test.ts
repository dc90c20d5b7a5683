import {
  containsPostcode,
  headerReason,
  headerWords,
  isAddress,
  isChiNumber,
  isDdMmYy,
  isEmail,
  isFreeText,
  isNameLike,
  isPhoneNumber,
  isPostcode,
  mappedHeaderReason,
} from './detectors';

describe('isEmail', () => {
  it('finds an address alone or inside text', () => {
    expect(isEmail('jo.bloggs@highland.gov.uk')).toBe(true);
    expect(isEmail('contact mum on mum123@gmail.com')).toBe(true);
  });
  it('does not take an @ without a domain', () => {
    expect(isEmail('@ panel')).toBe(false);
    expect(isEmail('Fostering/Adoption')).toBe(false);
  });
});

describe('isPostcode / containsPostcode', () => {
  it.each(['IV2 3BW', 'EH1 1AB', 'g12 8qq', 'KW151AA', 'W1A 0AX', 'EC1A 1BB'])('%s is a postcode', (p) => {
    expect(isPostcode(p)).toBe(true);
  });
  it.each(['North', 'CSO', '2019', 'Kinship', 'AB', 'S11 order'])('%s is not', (p) => {
    expect(isPostcode(p)).toBe(false);
  });
  it('finds a postcode inside an address', () => {
    expect(containsPostcode('12 High Street, Inverness IV2 3BW')).toBe(true);
    expect(containsPostcode('Permanence order granted')).toBe(false);
  });
});

describe('isAddress', () => {
  it.each(['12 High Street, Inverness', 'Flat 2/1, 45 Byres Road', '3 Mill Wynd, Nairn', 'Rose Cottage, Dores, IV2 6TX'])('%s is an address', (a) => {
    expect(isAddress(a)).toBe(true);
  });
  it.each(['Foster care', 'Residential school', 'Remaining at home', 'Kinship care, friends'])('%s is not', (a) => {
    expect(isAddress(a)).toBe(false);
  });
});

describe('isDdMmYy / isChiNumber', () => {
  it('accepts real days only', () => {
    expect(isDdMmYy('290216')).toBe(true);
    expect(isDdMmYy('310415')).toBe(false);
    expect(isDdMmYy('001215')).toBe(false);
    expect(isDdMmYy('151315')).toBe(false);
  });
  it('reads CHI numbers typed as text or numbers (leading zero lost)', () => {
    expect(isChiNumber('0304151234')).toBe(true);
    expect(isChiNumber('030415 1234')).toBe(true);
    expect(isChiNumber(1203151234)).toBe(true);
    expect(isChiNumber(304151234)).toBe(true); // 0304151234 without its zero
  });
  it('rejects numbers that do not start with a date', () => {
    expect(isChiNumber('7700900123')).toBe(false);
    expect(isChiNumber('12345')).toBe(false);
    expect(isChiNumber(43555)).toBe(false);
  });
});

describe('isPhoneNumber', () => {
  it.each(['07700 900123', '01463 702000', '+44 7700 900123', '(0131) 555-0199'])('%s is a phone number', (p) => {
    expect(isPhoneNumber(p)).toBe(true);
  });
  it('takes a number that lost its leading zero', () => {
    expect(isPhoneNumber(7700900123)).toBe(true);
  });
  it('is not fooled by dates, serials or CHI numbers', () => {
    expect(isPhoneNumber('03/04/2019')).toBe(false);
    expect(isPhoneNumber(43555)).toBe(false);
    expect(isPhoneNumber('0304151234')).toBe(false);
  });
});

describe('isNameLike', () => {
  it.each(['Jamie', 'Sarah McDonald', "Aoife O'Neill", 'Mary-Jane Smith-Jones'])('%s looks like a name', (n) => {
    expect(isNameLike(n)).toBe(true);
  });
  it.each(['CSO', 'foster care', 'C0123', '12 High St', 'a b c d e f', ''])('%s does not', (n) => {
    expect(isNameLike(n)).toBe(false);
  });
});

describe('isFreeText', () => {
  it('tells notes from categories', () => {
    expect(isFreeText('Mum has moved to Aberdeen; contact via aunt')).toBe(true);
    expect(isFreeText('Awaiting report from school and GP now')).toBe(true);
    expect(isFreeText('Foster care')).toBe(false);
  });
});

describe('headerReason', () => {
  it('splits headings into plain words', () => {
    expect(headerWords("Carer's Name (main)")).toEqual(['carer', 'name', 'main']);
  });
  it.each([
    ['Forename', 'looks like names'],
    ["Child's surname", 'looks like names'],
    ['Known as', 'looks like names'],
    ['Allocated social worker', 'looks like names'],
    ['Home address', 'addresses'],
    ['Town', 'addresses'],
    ['Post code', 'postcodes'],
    ['POSTCODE', 'postcodes'],
    ['Foster carer name', "carers' details"],
    ["Mother's name", "carers' details"],
    ['Carer phone', 'phone numbers'],
    ['Mobile', 'phone numbers'],
    ['E-mail', 'email addresses'],
    ['Email address', 'email addresses'],
    ['CHI', 'NHS / CHI numbers'],
    ['NHS number', 'NHS / CHI numbers'],
    ['School', 'schools or GPs'],
    ['GP practice', 'schools or GPs'],
    ['Notes', 'free text'],
    ['Comments / actions', 'free text'],
    ['Reason for delay', 'free text'],
    ['SWIFT ID', 'other ID numbers'],
    ['Case reference', 'other ID numbers'],
    ["Mother's DOB", 'dates of birth'],
  ])('%s → %s', (header, reason) => {
    expect(headerReason(header)).toBe(reason);
  });
  it.each(['Ethnicity', 'Disability', 'Number of placements', 'Legal advice meeting', 'Extra 1', ''])('%s says nothing', (header) => {
    expect(headerReason(header)).toBeNull();
  });
});

describe('mappedHeaderReason', () => {
  it.each([
    ["Mother's DOB", "carers' details"],
    ['Carer name', "carers' details"],
    ['Surname', 'looks like names'],
    ['Home postcode', 'postcodes'],
    ['CHI number', 'NHS / CHI numbers'],
  ])('%s overrides a mapping: %s', (header, reason) => {
    expect(mappedHeaderReason(header)).toBe(reason);
  });
  it.each(['Date of Fostering/Adoption/Permanence/Kinship Panel', 'Allocated worker team', 'Unique information system identifier', 'DOB', 'Date of birth', 'Placement details'])(
    '%s does not',
    (header) => {
      expect(mappedHeaderReason(header)).toBeNull();
    },
  );
});
