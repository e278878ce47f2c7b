// The real web host as a user starts it (`relief-ledger serve`), for the e2e specs and the benches: its one-time
// address is the first URL on its standard output.
import { type ChildProcess, spawn } from 'node:child_process';

export interface WebHostProcess {
  child: ChildProcess;
  /** The one-time address: opening it gives the session and lands on the app. */
  openUrl: string;
  /** The host's own address (http://127.0.0.1:PORT/). */
  url: string;
  /** From spawning to the address being printed. */
  ms: number;
}

const FIRST_URL = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/;

export async function serveWebHost(dbFile: string, env: NodeJS.ProcessEnv = {}, timeoutMs = 30_000, demo = true): Promise<WebHostProcess> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['bin/relief-ledger.mjs', 'serve', '--db', dbFile, ...(demo ? ['--demo'] : []), '--port', '0'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const openUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`web host did not start: ${out}${err}`)), timeoutMs);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = FIRST_URL.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited ${code}: ${err}`));
    });
  });
  return { child, openUrl, url: `${new URL(openUrl).origin}/`, ms: performance.now() - t0 };
}

export async function stopWebHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}
