// `npm start`: the desktop app where Electron can run; otherwise — or with `npm start -- --web` — the web host on
// the demo database (<dataDir>/demo.db, made and filled on first use), so there is always something to look at.
// Builds nothing: `npm install` (prepare) has already built dist/.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
/** A download that has not finished by then is not going to (no network, a dead proxy): fall back instead. */
const DOWNLOAD_TIMEOUT_MS = 20_000;
/** An Electron that dies this soon (no display, missing libraries, root without --no-sandbox) did not start. */
const EARLY_EXIT_MS = 3_000;

/** Same as defaultDataDir() in src/db/paths.ts (a unit test keeps the two in step). */
export function dataDirFor(env = process.env, platform = process.platform, home = os.homedir()) {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'relief-ledger');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'relief-ledger');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'relief-ledger');
}

/** The binary's name inside the electron package's dist/, as its install.js writes it to path.txt. */
function platformBinary(platform = process.platform) {
  if (platform === 'win32') return 'electron.exe';
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return 'electron';
}

/** Where the electron package keeps its binary, without require('electron') (which downloads with no time limit). */
export function electronBinary(electronDir, env = process.env) {
  let relative = '';
  try {
    relative = fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim();
  } catch {
    // not downloaded (yet)
  }
  const binary = env.ELECTRON_OVERRIDE_DIST_PATH
    ? path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || platformBinary())
    : relative && path.join(electronDir, 'dist', relative);
  return binary && fs.existsSync(binary) ? binary : null;
}

function electronDir() {
  try {
    return path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** The binary, fetching it once (bounded by DOWNLOAD_TIMEOUT_MS) when the package is there but the binary is not. */
function findElectron() {
  const dir = electronDir();
  if (!dir) return { binary: null, reason: 'the electron package is not installed' };
  let binary = electronBinary(dir);
  if (binary) return { binary };
  process.stdout.write(`正在下载 Electron，最多等待 ${DOWNLOAD_TIMEOUT_MS / 1000} 秒 (downloading Electron, ${DOWNLOAD_TIMEOUT_MS / 1000} s at most)…\n`);
  const env = { ...process.env };
  delete env.ELECTRON_GET_USE_PROXY;
  const result = spawnSync(process.execPath, [path.join(dir, 'install.js')], { cwd: dir, env, stdio: 'pipe', timeout: DOWNLOAD_TIMEOUT_MS, encoding: 'utf8' });
  binary = electronBinary(dir);
  if (binary) return { binary };
  const why = result.error?.code === 'ETIMEDOUT' ? 'timed out' : firstLine(result.stderr) || `exit ${result.status}`;
  return { binary: null, reason: `its binary could not be downloaded: ${why}` };
}

function firstLine(text) {
  return (
    String(text ?? '')
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l.length > 0) ?? ''
  ).slice(0, 160);
}

/** Runs Electron on the app; resolves 'started' once it has lived past EARLY_EXIT_MS (or quit cleanly), else a reason. */
function launchElectron(binary, args) {
  return new Promise((resolve) => {
    const env = { ...process.env };
    delete env.ELECTRON_RUN_AS_NODE;
    const child = spawn(binary, [root, ...args], { cwd: root, env, stdio: ['inherit', 'inherit', 'pipe'] });
    let early = true;
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      if (early) stderr += chunk;
      else process.stderr.write(chunk);
    });
    const timer = setTimeout(() => {
      early = false;
      process.stderr.write(stderr);
      forwardSignals(child);
      resolve({ started: true });
    }, EARLY_EXIT_MS);
    child.once('error', (e) => {
      clearTimeout(timer);
      if (early) resolve({ started: false, reason: `it failed to start: ${e.message}` });
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (early && code !== 0) {
        early = false;
        resolve({ started: false, reason: `it exited at once: ${firstLine(stderr) || `exit ${code ?? signal}`}` });
        return;
      }
      if (early) {
        // Quit cleanly at once: a second instance handing over to the first.
        process.stderr.write(stderr);
        resolve({ started: true });
      }
      process.exitCode = code ?? 1;
    });
  });
}

/**
 * Passes Ctrl+C and kill on to the child. From a terminal the child has the signal already (same process group), so
 * it is only passed on if the child is still running a moment later: a second SIGINT would cut its clean-up short.
 */
function forwardSignals(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      setTimeout(() => {
        if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      }, 500).unref();
    });
  }
}

function startWeb(args) {
  const dbFile = path.join(dataDirFor(), 'demo.db');
  const cli = path.join(root, 'bin', 'relief-ledger.mjs');
  const child = spawn(process.execPath, [cli, 'serve', '--db', dbFile, '--demo', ...args], { cwd: root, stdio: 'inherit' });
  forwardSignals(child);
  child.once('exit', (code, signal) => {
    process.exitCode = code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1);
  });
}

async function main(argv) {
  const web = argv.includes('--web');
  const rest = argv.filter((a) => a !== '--web');
  const built = (file) => fs.existsSync(path.join(root, file));
  if (!built('dist/cli.mjs') || !built('dist/renderer/index.html')) {
    process.stderr.write('错误：程序尚未构建，请先运行 npm install 或 npm run build (not built yet: run npm install or npm run build)\n');
    process.exitCode = 1;
    return;
  }
  if (!web) {
    const found = built('dist/electron/main.cjs') ? findElectron() : { binary: null, reason: 'dist/electron is not built' };
    const launched = found.binary ? await launchElectron(found.binary, rest) : { started: false, reason: found.reason };
    if (launched.started) return;
    process.stdout.write(
      `此处无法运行桌面版（Electron），改用网页版打开演示数据库 (Electron cannot run here: ${launched.reason}; starting the web host on the demo database instead)\n`,
    );
  }
  startWeb(rest);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main(process.argv.slice(2));
}
