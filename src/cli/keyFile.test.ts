import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chooseKeyFile, defaultKeyFile, KEY_FOLDER_ENV } from './keyFile';

describe('where the submission key lives', () => {
  let dir: string;
  const saved = process.env[KEY_FOLDER_ENV];
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pace-key-'));
    delete process.env[KEY_FOLDER_ENV];
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (saved === undefined) delete process.env[KEY_FOLDER_ENV];
    else process.env[KEY_FOLDER_ENV] = saved;
  });

  it('defaults to .pace-tracker in the home folder, never beside the workbook', () => {
    const home = path.join(dir, 'home');
    expect(defaultKeyFile(home)).toBe(path.join(home, '.pace-tracker', 'pace-submission.key'));
    const choice = chooseKeyFile(undefined, path.join(dir, 'project', 'tracker.xlsx'), home);
    expect(choice).toEqual({ keyFile: path.join(home, '.pace-tracker', 'pace-submission.key'), note: null });
  });

  it('PACE_TRACKER_HOME names another folder', () => {
    process.env[KEY_FOLDER_ENV] = path.join(dir, 'secure');
    expect(defaultKeyFile()).toBe(path.join(dir, 'secure', 'pace-submission.key'));
  });

  it('--key-file wins', () => {
    expect(chooseKeyFile('mine.key', 'tracker.xlsx').keyFile).toBe('mine.key');
  });

  it("reuses last month's key found beside the workbook (so pseudonyms match) and advises moving it", () => {
    const home = path.join(dir, 'home');
    const legacy = path.join(dir, 'pace-submission.key');
    fs.writeFileSync(legacy, 'ab'.repeat(32));
    const choice = chooseKeyFile(undefined, path.join(dir, 'tracker.xlsx'), home);
    expect(choice.keyFile).toBe(legacy);
    expect(choice.note).toContain(`move it to ${path.join(home, '.pace-tracker', 'pace-submission.key')}`);
  });
});
