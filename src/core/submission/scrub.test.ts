import type { ReportPlan } from '../report/plan';
import { idReplacer, planTexts, safeOddText, valueRemover } from './scrub';

describe('idReplacer', () => {
  const replace = idReplacer(new Map([['C12', 'P-AAAA'], ['C123', 'P-BBBB'], ['hc 9', 'P-CCCC']]));
  it('replaces whole IDs, longest first, any case', () => {
    expect(replace('Child ID C123 appears on rows 4 and 9 (also c12).')).toBe('Child ID P-BBBB appears on rows 4 and 9 (also P-AAAA).');
    expect(replace('HC 9 again')).toBe('P-CCCC again');
  });
  it('leaves IDs that are only part of a longer word or number', () => {
    expect(replace('C1234 and XC12')).toBe('C1234 and XC12');
  });
  it('does nothing without IDs', () => {
    expect(idReplacer(new Map())('C12')).toBe('C12');
  });
});

describe('valueRemover', () => {
  it('removes whole values of dropped columns, ignoring very short ones', () => {
    const remove = valueRemover(['Joan Brown', 'IV2 3BW', 'F']);
    expect(remove('Carer Joan Brown at IV2 3BW, Female')).toBe('Carer [removed] at [removed], Female');
  });
});

describe('safeOddText', () => {
  it('keeps short harmless text found in a date column', () => {
    expect(safeOddText('tbc')).toBe('tbc');
    expect(safeOddText(' N/A ')).toBe('N/A');
  });
  it('removes names, phone numbers and long notes', () => {
    expect(safeOddText('ask Sarah Jones')).toBe('(text removed: not a date)');
    expect(safeOddText('07700 900123')).toBe('(text removed: not a date)');
    expect(safeOddText('waiting for the report from the school nurse')).toBe('(text removed: not a date)');
  });
});

describe('planTexts', () => {
  it('collects sheet names, cell text, links and chart text', () => {
    const plan: ReportPlan = {
      asOf: '2024-03-31',
      sheets: [
        {
          name: 'S',
          role: 'summary',
          blocks: [{ at: 'A1', values: [['x', 2, null, '']] }],
          tables: [],
          links: [{ cell: 'B1', target: "'Tracker'!A1", text: 'go' }],
          charts: [
            {
              name: 'c',
              kind: 'line',
              title: 'T',
              xAxisTitle: 'X',
              yAxisTitle: 'Y',
              categories: 'A1:A2',
              series: [{ name: 'N', values: 'B1:B2', color: '#000000', line: 'solid', marker: 'none' }],
              anchor: { from: 'A1', to: 'B2' },
            },
          ],
          columnWidths: [],
          freezeRows: 0,
        },
      ],
    };
    expect(planTexts(plan)).toEqual(['2024-03-31', 'S', 'x', '2', 'go', "'Tracker'!A1", 'c', 'T', 'X', 'Y', 'N']);
  });
});
