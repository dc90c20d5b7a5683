import { intOption, parseArgs, stringOption } from './args';

const spec = { sheet: { value: true }, json: { value: false }, output: { value: true, aliases: ['-o'] }, baseline: { value: true } };

describe('parseArgs', () => {
  it('separates positionals, switches and valued options in any order', () => {
    const a = parseArgs(['--json', 'file.xlsx', '--sheet', 'My sheet', '-o', 'out.xlsx'], spec);
    expect(a.positional).toEqual(['file.xlsx']);
    expect(a.options.get('json')).toBe(true);
    expect(stringOption(a, 'sheet')).toBe('My sheet');
    expect(stringOption(a, 'output')).toBe('out.xlsx');
  });

  it('accepts --name=value', () => {
    expect(stringOption(parseArgs(['--sheet=Tracker'], spec), 'sheet')).toBe('Tracker');
  });

  it('rejects unknown options and missing values with a plain message', () => {
    expect(() => parseArgs(['--shet', 'x'], spec)).toThrow('Unknown option --shet.');
    expect(() => parseArgs(['--sheet'], spec)).toThrow('--sheet needs a value.');
    expect(() => parseArgs(['--sheet', '--json'], spec)).toThrow('--sheet needs a value.');
    expect(() => parseArgs(['--json=yes'], spec)).toThrow('--json takes no value.');
  });

  it('reads whole numbers and refuses anything else', () => {
    expect(intOption(parseArgs(['--baseline', '12'], spec), 'baseline')).toBe(12);
    expect(() => intOption(parseArgs(['--baseline', '1.5'], spec), 'baseline')).toThrow('whole number');
  });
});
