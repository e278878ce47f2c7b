// scripts/start.mjs (npm start): the pieces that decide between Electron and the web host.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../src/db/paths.js';

interface Start {
  dataDirFor(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home?: string): string;
  electronBinary(electronDir: string, env?: NodeJS.ProcessEnv): string | null;
}
let start: Start;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-start-'));

beforeAll(async () => {
  const file = path.resolve(import.meta.dirname, '../../scripts/start.mjs');
  start = (await import(pathToFileURL(file).href)) as Start;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('npm start', () => {
  it.each([
    [{}, 'linux'],
    [{ XDG_CONFIG_HOME: '/x/config' }, 'linux'],
    [{}, 'win32'],
    [{ APPDATA: 'D:\\Users\\li\\AppData\\Roaming' }, 'win32'],
    [{}, 'darwin'],
  ] as [NodeJS.ProcessEnv, NodeJS.Platform][])('puts demo.db in the same data folder as the app and the CLI (%j, %s)', (env, platform) => {
    expect(start.dataDirFor(env, platform, os.homedir())).toBe(defaultDataDir(env, platform));
  });

  it('finds no binary when the electron package has not downloaded one', () => {
    const pkg = path.join(dir, 'electron-a');
    fs.mkdirSync(pkg);
    expect(start.electronBinary(pkg, {})).toBeNull();
    fs.writeFileSync(path.join(pkg, 'path.txt'), 'electron');
    expect(start.electronBinary(pkg, {})).toBeNull();
  });

  it('finds the binary that path.txt names', () => {
    const pkg = path.join(dir, 'electron-b');
    fs.mkdirSync(path.join(pkg, 'dist'), { recursive: true });
    fs.writeFileSync(path.join(pkg, 'path.txt'), 'electron');
    fs.writeFileSync(path.join(pkg, 'dist', 'electron'), '');
    expect(start.electronBinary(pkg, {})).toBe(path.join(pkg, 'dist', 'electron'));
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH, as the electron package does', () => {
    const override = path.join(dir, 'override');
    fs.mkdirSync(override);
    const name = process.platform === 'win32' ? 'electron.exe' : process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron';
    fs.mkdirSync(path.dirname(path.join(override, name)), { recursive: true });
    fs.writeFileSync(path.join(override, name), '');
    expect(start.electronBinary(path.join(dir, 'nowhere'), { ELECTRON_OVERRIDE_DIST_PATH: override })).toBe(path.join(override, name));
  });
});
