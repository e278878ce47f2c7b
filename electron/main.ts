// Electron's main process: one window onto the built renderer, served from app://ledger/; the contract over one IPC
// channel; native file dialogs; a Chinese menu. The database is the same file the CLI uses by default.
import fs from 'node:fs';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  screen,
  session,
  shell,
  type IpcMainInvokeEvent,
  type OpenDialogOptions,
  type SaveDialogOptions,
  type WebContents,
} from 'electron';
import { type Envelope, operationNames } from '../src/api/contract.js';
import { dispatch, toErrorBody } from '../src/api/dispatch.js';
import { warmUp } from '../src/api/warm.js';
import { LedgerSession } from '../src/backups/session.js';
import { LedgerError } from '../src/common/errors.js';
import { defaultDataDir, resolveDatabasePath } from '../src/db/paths.js';
import {
  dialogFilters,
  FileRequestError,
  parseOpenRequest,
  parseSaveRequest,
  readChosenFile,
  withDefaultExtension,
  writeChosenFile,
} from './files.js';
import { CHANNEL, operationsArgument } from './ipc.js';
import { menuTemplate } from './menu.js';
import {
  APP_INDEX_URL,
  APP_SCHEME,
  appScheme,
  CSP,
  isAllowedNavigation,
  isExternalLink,
  isTrustedSender,
  webPreferencesFor,
} from './security.js';
import { serveAsset } from './serve.js';
import { t, zh } from './text.js';

// Bundled to dist/electron/main.cjs: the renderer is dist/renderer, the preload sits beside this file.
const rendererDir = path.join(__dirname, '..', 'renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');
const iconPath = path.join(__dirname, '..', '..', 'resources', 'icons', 'icon.png');

// The CLI's data folder, so the desktop app and `relief-ledger` share <dataDir>/ledger.db; Chromium's own caches go
// to a subfolder rather than beside the database.
const dataDir = defaultDataDir();
app.setPath('userData', dataDir);
app.setPath('sessionData', path.join(dataDir, 'chromium'));

const allowedOperations = new Set<string>(operationNames);
let ledger: LedgerSession | null = null;
let dbFile = '';
let mainWindow: BrowserWindow | null = null;
let lastSaveDir: string | null = null;

// Both must precede `ready`.
protocol.registerSchemesAsPrivileged([appScheme]);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => harden(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', backUpBeforeQuit);
  app.on('will-quit', () => {
    ledger?.closeNow();
    ledger = null;
  });
  app.whenReady().then(ready).catch(fatal);
}

async function ready(): Promise<void> {
  if (process.platform === 'win32') app.setAppUserModelId('cn.gov.jiaojiang.reliefledger');
  dbFile = resolveDatabasePath();
  try {
    ledger = await openAppLedger(dbFile);
  } catch (e) {
    const detail = e instanceof LedgerError ? `${e.zh}\n${e.en}` : String(e instanceof Error ? e.message : e);
    dialog.showErrorBox(t('dbOpenFailed'), detail);
    app.exit(1);
    return;
  }
  lockDownSession();
  protocol.handle(APP_SCHEME, (request) => serveAsset(rendererDir, request));
  registerIpc();
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        packaged: app.isPackaged,
        platform: process.platform,
        openDataFolder: () => void shell.openPath(path.dirname(dbFile)),
        showAbout,
      }),
    ),
  );
  createWindow();
  // While the window loads its script, the first screen's questions are asked once (see src/api/warm.ts).
  void warmUp(ledger.ctx);
}

/**
 * The window's ledger: quick-checked at start (a damaged one opens read-only, with the page's banner), backed up
 * after changes and on quit. A missing ledger is created on the very first start only; one that was here and is gone
 * is refused (the error names its newest backup), never silently replaced by an empty one. An empty ledger stays
 * empty: demo data is `relief-ledger init --demo`'s business.
 */
function openAppLedger(file: string): Promise<LedgerSession> {
  return LedgerSession.open(file, { door: 'app', create: 'firstStart', schedule: true, quickCheck: true });
}

let quitting = false;
/** Quitting waits for the last backup (and the last operation before it); a second quit does not wait again. */
function backUpBeforeQuit(event: { preventDefault(): void }): void {
  if (quitting || !ledger) return;
  quitting = true;
  event.preventDefault();
  const closing = ledger;
  void closing.close().finally(() => {
    ledger = null;
    app.quit();
  });
}

function fatal(e: unknown): void {
  dialog.showErrorBox(zh('appName'), e instanceof Error ? (e.stack ?? e.message) : String(e));
  app.exit(1);
}

function createWindow(): void {
  const area = screen.getPrimaryDisplay().workAreaSize;
  const fits = area.width >= 1366 && area.height >= 768;
  mainWindow = new BrowserWindow({
    width: Math.min(1366, area.width),
    height: Math.min(768, area.height),
    minWidth: 1024,
    minHeight: 700,
    title: zh('appName'),
    show: false,
    backgroundColor: '#ffffff',
    ...(fs.existsSync(iconPath) ? { icon: iconPath } : {}),
    webPreferences: webPreferencesFor(preloadPath, {
      devTools: !app.isPackaged,
      additionalArguments: [operationsArgument(operationNames)],
    }),
  });
  const win = mainWindow;
  win.once('ready-to-show', () => {
    if (!fits) win.maximize();
    win.show();
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(APP_INDEX_URL);
}

/** Every web contents: no navigation away from app://ledger, no new windows, no <webview>. */
function harden(contents: WebContents): void {
  const refuse = (event: { preventDefault(): void }, url: string) => {
    if (isAllowedNavigation(url)) return;
    event.preventDefault();
    if (isExternalLink(url)) void shell.openExternal(url);
  };
  contents.on('will-navigate', (event) => refuse(event, event.url));
  contents.on('will-redirect', (event) => refuse(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** No permission is ever granted (camera, notifications, …), nothing leaves the machine, and every response has our CSP. */
function lockDownSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'] }, (_details, callback) =>
    callback({ cancel: true }),
  );
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'),
    );
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [CSP] } });
  });
}

function refusal(error: LedgerError): Envelope<unknown> {
  return { ok: false, error: toErrorBody(error) };
}

function trusted(event: IpcMainInvokeEvent): boolean {
  return isTrustedSender(event.senderFrame?.url);
}

function registerIpc(): void {
  ipcMain.handle(CHANNEL.call, async (event, name: unknown, input: unknown): Promise<Envelope<unknown>> => {
    if (!trusted(event)) return refusal(new LedgerError('error.unauthorized'));
    if (typeof name !== 'string' || !allowedOperations.has(name)) {
      return refusal(new LedgerError('error.unknownOperation', { name: String(name) }));
    }
    if (!ledger) return refusal(new LedgerError('error.internal', { detail: 'database closed' }));
    return dispatch(ledger.ctx, name, input);
  });

  ipcMain.handle(CHANNEL.openFile, async (event, raw: unknown) => {
    if (!trusted(event)) throw new FileRequestError(toErrorBody(new LedgerError('error.unauthorized')).message);
    const request = parseOpenRequest(raw);
    const options: OpenDialogOptions = { properties: ['openFile'], filters: dialogFilters(request.extensions) };
    if (request.title) options.title = request.title;
    const win = BrowserWindow.fromWebContents(event.sender);
    const chosen = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    const file = chosen.filePaths[0];
    if (chosen.canceled || !file) return null;
    return readChosenFile(file);
  });

  ipcMain.handle(CHANNEL.saveFile, async (event, raw: unknown) => {
    if (!trusted(event)) throw new FileRequestError(toErrorBody(new LedgerError('error.unauthorized')).message);
    const request = parseSaveRequest(raw);
    const ext = path.extname(request.defaultName).slice(1);
    const options: SaveDialogOptions = {
      defaultPath: path.join(lastSaveDir ?? app.getPath('documents'), request.defaultName),
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    };
    if (ext) options.filters = dialogFilters([ext]);
    if (request.title) options.title = request.title;
    const win = BrowserWindow.fromWebContents(event.sender);
    const chosen = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    if (chosen.canceled || !chosen.filePath) return null;
    const written = await writeChosenFile(withDefaultExtension(chosen.filePath, request.defaultName), request.bytes);
    lastSaveDir = path.dirname(written);
    return written;
  });
}

function showAbout(): void {
  const options = {
    type: 'info' as const,
    title: zh('about'),
    message: zh('appName'),
    detail: zh('aboutDetail', { version: app.getVersion(), file: dbFile }),
  };
  if (mainWindow) void dialog.showMessageBox(mainWindow, options);
  else void dialog.showMessageBox(options);
}
