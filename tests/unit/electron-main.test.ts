// Electron's main process against a stand-in for the 'electron' module: no binary is needed to check what it
// registers, how it guards IPC, and that the contract answers through it from a real SQLite file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

type Handler = (...args: any[]) => any;
const fake = vi.hoisted(() => {
  const state = {
    paths: new Map<string, string>(),
    appEvents: new Map<string, Handler>(),
    ipc: new Map<string, Handler>(),
    schemes: [] as unknown[],
    protocolHandlers: new Map<string, Handler>(),
    windows: [] as any[],
    menu: null as unknown,
    sandboxEnabled: false,
    lock: true,
    quit: 0,
    exits: [] as number[],
    errors: [] as string[],
    opened: [] as string[],
    permission: null as Handler | null,
    beforeRequest: null as { filter: unknown; fn: Handler } | null,
  };
  class FakeBrowserWindow {
    options: any;
    url = '';
    events = new Map<string, Handler>();
    focused = 0;
    constructor(options: any) {
      this.options = options;
      state.windows.push(this);
    }
    once(e: string, fn: Handler) { this.events.set(e, fn); }
    on(e: string, fn: Handler) { this.events.set(e, fn); }
    loadURL(url: string) { this.url = url; return Promise.resolve(); }
    isMinimized() { return false; }
    restore() {}
    show() {}
    maximize() {}
    focus() { this.focused++; }
    static fromWebContents() { return null; }
  }
  const electron = {
    app: {
      isPackaged: false,
      setPath: (name: string, p: string) => state.paths.set(name, p),
      getPath: (name: string) => state.paths.get(name) ?? os.tmpdir(),
      getVersion: () => '0.1.0',
      enableSandbox: () => { state.sandboxEnabled = true; },
      requestSingleInstanceLock: () => state.lock,
      on: (e: string, fn: Handler) => state.appEvents.set(e, fn),
      whenReady: () => Promise.resolve(),
      quit: () => { state.quit++; },
      exit: (code: number) => { state.exits.push(code); },
      setAppUserModelId: () => undefined,
    },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => state.schemes.push(...s),
      handle: (scheme: string, fn: Handler) => state.protocolHandlers.set(scheme, fn),
    },
    ipcMain: { handle: (channel: string, fn: Handler) => state.ipc.set(channel, fn) },
    BrowserWindow: FakeBrowserWindow,
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => { state.menu = m; } },
    screen: { getPrimaryDisplay: () => ({ workAreaSize: { width: 1920, height: 1040 } }) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: Handler) => { state.permission = fn; },
        setPermissionCheckHandler: () => undefined,
        webRequest: {
          onBeforeRequest: (filter: unknown, fn: Handler) => { state.beforeRequest = { filter, fn }; },
          onHeadersReceived: () => undefined,
        },
      },
    },
    dialog: {
      showErrorBox: (title: string, body: string) => state.errors.push(`${title}: ${body}`),
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => ({ canceled: true }),
      showMessageBox: async () => ({ response: 0 }),
    },
    shell: { openExternal: async (url: string) => { state.opened.push(url); }, openPath: async () => '' },
  };
  return { state, electron };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-electron-main-'));
const dbFile = path.join(dir, 'data', 'ledger.db');
const saved = { db: process.env.RELIEF_LEDGER_DB, xdg: process.env.XDG_CONFIG_HOME, appdata: process.env.APPDATA };
const trustedEvent = { senderFrame: { url: 'app://ledger/index.html' }, sender: {} };

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
}

beforeAll(async () => {
  process.env.RELIEF_LEDGER_DB = dbFile;
  process.env.XDG_CONFIG_HOME = path.join(dir, 'config');
  process.env.APPDATA = path.join(dir, 'config');
  await import('../../electron/main.js');
  await until(() => fake.state.windows.length > 0 || fake.state.exits.length > 0);
});

afterAll(() => {
  fake.state.appEvents.get('will-quit')?.();
  for (const [k, v] of [['RELIEF_LEDGER_DB', saved.db], ['XDG_CONFIG_HOME', saved.xdg], ['APPDATA', saved.appdata]] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('electron main (with a stand-in for Electron)', () => {
  it('starts without error', () => {
    expect(fake.state.errors).toEqual([]);
    expect(fake.state.exits).toEqual([]);
  });

  it('keeps its data where the CLI keeps it', async () => {
    const { defaultDataDir } = await import('../../src/db/paths.js');
    expect(fake.state.paths.get('userData')).toBe(defaultDataDir());
    expect(fake.state.paths.get('sessionData')).toBe(path.join(defaultDataDir(), 'chromium'));
  });

  it('registers app:// as privileged and turns the sandbox on for every renderer', () => {
    expect(fake.state.schemes).toEqual([expect.objectContaining({ scheme: 'app' })]);
    expect(fake.state.sandboxEnabled).toBe(true);
    expect(fake.state.protocolHandlers.has('app')).toBe(true);
  });

  it('opens (creates) the database, and leaves a new one empty', async () => {
    expect(fs.existsSync(dbFile)).toBe(true);
    const call = fake.state.ipc.get('ledger:call')!;
    const areas = await call(trustedEvent, 'areas.list', {});
    expect(areas).toEqual({ ok: true, result: [] });
  });

  it('answers the contract on ledger:call, as an envelope', async () => {
    const call = fake.state.ipc.get('ledger:call')!;
    const info = await call(trustedEvent, 'system.info', {});
    expect(info.ok).toBe(true);
    expect(info.result.file).toBe(path.resolve(dbFile));
    const bad = await call(trustedEvent, 'items.create', { code: '' });
    expect(bad.ok).toBe(false);
    expect(bad.error.code).toBe('error.invalidInput');
  });

  it('refuses callers other than our own page', async () => {
    const call = fake.state.ipc.get('ledger:call')!;
    for (const senderFrame of [{ url: 'https://example.com/' }, { url: 'file:///tmp/x.html' }, { url: 'app://evil/' }, null]) {
      const res = await call({ senderFrame, sender: {} }, 'system.info', {});
      expect(res.ok).toBe(false);
      expect(res.error.code).toBe('error.unauthorized');
    }
    await expect(fake.state.ipc.get('ledger:open-file')!({ senderFrame: { url: 'https://x/' }, sender: {} }, { extensions: ['xlsx'] })).rejects.toThrow();
    await expect(fake.state.ipc.get('ledger:save-file')!({ senderFrame: null, sender: {} }, { defaultName: 'a', bytes: new Uint8Array() })).rejects.toThrow();
  });

  it('refuses names outside the contract, the door-only operations among them', async () => {
    const call = fake.state.ipc.get('ledger:call')!;
    const { doorOperationNames } = await import('../../src/api/door-operations.js');
    const { operationsFromArgv } = await import('../../electron/ipc.js');
    const allowList = operationsFromArgv(fake.state.windows[0].options.webPreferences.additionalArguments);
    for (const name of doorOperationNames) expect(allowList).not.toContain(name);
    const target = path.join(dir, 'taken.db');
    for (const name of [...doorOperationNames, 'system.exec', '__proto__', 'constructor', 7, null]) {
      const res = await call(trustedEvent, name, {});
      expect(res.ok).toBe(false);
      expect(res.error.code).toBe('error.unknownOperation');
      if (typeof name === 'string') expect((await call(trustedEvent, name, { out: target })).ok).toBe(false);
    }
    expect(fs.existsSync(target)).toBe(false);
  });

  it('handles exactly the three channels', () => {
    expect([...fake.state.ipc.keys()].sort()).toEqual(['ledger:call', 'ledger:open-file', 'ledger:save-file']);
  });

  it('returns null when the user cancels a dialog', async () => {
    expect(await fake.state.ipc.get('ledger:open-file')!(trustedEvent, { extensions: ['xlsx'] })).toBeNull();
    expect(await fake.state.ipc.get('ledger:save-file')!(trustedEvent, { defaultName: 'a.xlsx', bytes: new Uint8Array([1]) })).toBeNull();
  });

  it('opens one 1366×768 window titled 应急物资台账 with the secure preferences, on app://ledger', async () => {
    expect(fake.state.windows).toHaveLength(1);
    const [win] = fake.state.windows;
    expect(win.options).toMatchObject({ width: 1366, height: 768, minWidth: 1024, minHeight: 700, title: '应急物资台账', show: false });
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      devTools: true,
    });
    expect(win.options.webPreferences.preload).toMatch(/preload\.cjs$/);
    const { operationsFromArgv } = await import('../../electron/ipc.js');
    const { operationNames } = await import('../../src/api/contract.js');
    expect(operationsFromArgv(win.options.webPreferences.additionalArguments)).toEqual(operationNames);
    expect(win.url).toBe('app://ledger/index.html');
  });

  it('focuses the first window when a second instance starts', () => {
    const [win] = fake.state.windows;
    const before = win.focused;
    fake.state.appEvents.get('second-instance')!();
    expect(win.focused).toBe(before + 1);
  });

  it('denies navigation and new windows, opening http(s) links in the system browser', () => {
    const events = new Map<string, Handler>();
    let openHandler: Handler = () => undefined;
    const contents = { on: (e: string, fn: Handler) => events.set(e, fn), setWindowOpenHandler: (fn: Handler) => { openHandler = fn; } };
    fake.state.appEvents.get('web-contents-created')!({}, contents);

    const navigate = (url: string) => {
      const event = { url, prevented: false, preventDefault() { this.prevented = true; } };
      events.get('will-navigate')!(event);
      return event.prevented;
    };
    fake.state.opened.length = 0;
    expect(navigate('https://www.mem.gov.cn/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('app://ledger/index.html#/stock')).toBe(false);
    expect(fake.state.opened).toEqual(['https://www.mem.gov.cn/']);

    expect(openHandler({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(openHandler({ url: 'file:///C:/Windows/calc.exe' })).toEqual({ action: 'deny' });
    expect(openHandler({ url: 'app://ledger/index.html' })).toEqual({ action: 'deny' });
    expect(fake.state.opened).toEqual(['https://www.mem.gov.cn/', 'https://example.com/']);

    const webview = { prevented: false, preventDefault() { this.prevented = true; } };
    events.get('will-attach-webview')!(webview);
    expect(webview.prevented).toBe(true);
  });

  it('grants no permissions and lets nothing out to the network', () => {
    let granted: boolean | undefined;
    fake.state.permission!({}, 'media', (ok: boolean) => { granted = ok; });
    expect(granted).toBe(false);
    let cancelled: boolean | undefined;
    fake.state.beforeRequest!.fn({ url: 'https://example.com/' }, (r: { cancel: boolean }) => { cancelled = r.cancel; });
    expect(cancelled).toBe(true);
  });

  it('sets a Chinese menu with developer tools while unpackaged', () => {
    const menu = fake.state.menu as { label: string }[];
    expect(menu.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(JSON.stringify(menu)).toContain('开发者工具');
  });

  it('on quit, waits for a verified backup of the changes (once), then quits', async () => {
    const posted = await fake.state.ipc.get('ledger:call')!(trustedEvent, 'areas.create', { code: 'QUIT', name: '退出测试', level: 'district' });
    expect(posted.ok).toBe(true);
    const quits = fake.state.quit;
    let prevented = 0;
    fake.state.appEvents.get('before-quit')!({ preventDefault: () => prevented++ });
    expect(prevented).toBe(1);
    for (let i = 0; i < 100 && fake.state.quit === quits; i++) await new Promise((r) => setTimeout(r, 20));
    expect(fake.state.quit).toBe(quits + 1);
    const backups = fs.readdirSync(path.join(path.dirname(dbFile), 'backups'));
    expect(backups).toEqual([expect.stringMatching(/^ledger-\d{8}-\d{6}-exit\.db$/)]);
    // The quit it started again goes through.
    fake.state.appEvents.get('before-quit')!({ preventDefault: () => prevented++ });
    expect(prevented).toBe(1);
  });

  it('quits when the window closes, and closes the database on quit', async () => {
    expect(fake.state.appEvents.has('window-all-closed')).toBe(true);
    fake.state.appEvents.get('will-quit')!();
    const res = await fake.state.ipc.get('ledger:call')!(trustedEvent, 'system.info', {});
    expect(res.ok).toBe(false);
    // The file is no longer held: another process may open it.
    const { openLedger } = await import('../../src/db/open.js');
    const db = await openLedger(dbFile);
    db.close();
  });

  it('a later start where the ledger has gone missing refuses, naming its newest backup, and creates nothing', async () => {
    fs.rmSync(dbFile);
    vi.resetModules();
    const errors = fake.state.errors.length;
    await import('../../electron/main.js');
    await until(() => fake.state.exits.length > 0);
    expect(fake.state.exits).toEqual([1]);
    expect(fake.state.errors.slice(errors).join('\n')).toMatch(/找不到数据库 .*ledger\.db，但这里曾有台账.*relief-ledger restore ".*-exit\.db"/s);
    expect(fs.existsSync(dbFile)).toBe(false);
  });
});
