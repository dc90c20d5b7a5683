import { createFakeExcel } from '../fake-excel';
import { decodeSetting, loadSetting, saveSetting, settingKey } from '../../src/excel/settings';
import { envOf } from './helpers';

const workbook = (apiVersion?: string, settings?: Record<string, unknown>) => createFakeExcel({ sheets: [{ name: 'T', values: [['a']] }], apiVersion, settings });

describe('settings', () => {
  it('round-trips values as JSON under the paceTracker. prefix', async () => {
    const fake = workbook();
    const aims = { aims: [{ id: 'aim2', start: 'firstAccommodated', end: 'permanenceRecommendation', targetWeeks: 26 }] };
    await saveSetting(envOf(fake), 'aims', aims);
    expect(fake.workbook.settings.get('paceTracker.aims')?.value).toBe(JSON.stringify(aims));
    expect(await loadSetting(envOf(fake), 'aims')).toEqual(aims);
    expect(fake.syncCount).toBe(2);
  });

  it('gives null for a missing setting and for a saved null', async () => {
    const fake = workbook();
    expect(await loadSetting(envOf(fake), 'mapping')).toBeNull();
    await saveSetting(envOf(fake), 'asOf', '2024-03-31');
    await saveSetting(envOf(fake), 'asOf', null);
    expect(await loadSetting(envOf(fake), 'asOf')).toBeNull();
  });

  it('reads values stored as they are (not JSON text)', async () => {
    const fake = workbook(undefined, { 'paceTracker.asOf': '2024-03-31', 'paceTracker.mapping': { columns: [] } });
    expect(await loadSetting(envOf(fake), 'asOf')).toBe('2024-03-31');
    expect(await loadSetting(envOf(fake), 'mapping')).toEqual({ columns: [] });
  });

  it('falls back to document settings without ExcelApi 1.4', async () => {
    const fake = workbook('1.3');
    await saveSetting(envOf(fake), 'asOf', '2024-03-31');
    expect(await loadSetting(envOf(fake), 'asOf')).toBe('2024-03-31');
    expect(fake.workbook.settings.get('paceTracker.asOf')?.value).toBe('"2024-03-31"');
  });

  it('prefixes keys once', () => {
    expect(settingKey('aims')).toBe('paceTracker.aims');
    expect(settingKey('paceTracker.aims')).toBe('paceTracker.aims');
    expect(decodeSetting('not json')).toBe('not json');
    expect(decodeSetting(undefined)).toBeNull();
  });
});
