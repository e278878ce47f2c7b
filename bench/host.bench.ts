// The web host under parallel large bodies: ten imports of a 63 MB body each, sent at once as the page sends them
// (base64 in JSON). The floor is the host's own resident memory at rest, measured in the same run; the peak is
// the kernel's high-water mark of the host process (VmHWM), so no moment between two samples is missed.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LARGE_IN_FLIGHT, LARGE_WAITING } from '../src/host/body.js';
import { serveWebHost, stopWebHost } from '../tests/web-host-process.js';
import { benchDir, report } from './util.js';

const PARALLEL = LARGE_IN_FLIGHT + LARGE_WAITING;
const BODY_MB = 63;

const status = (pid: number) => fs.readFileSync(`/proc/${pid}/status`, 'utf8');
const kb = (text: string, key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(text)![1]) / 1024;
const cpuSeconds = (pid: number) => {
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
};

export async function benchHost(): Promise<void> {
  if (!fs.existsSync('/proc/self/status')) return console.log('SKIP  web host memory under large bodies (no /proc here)');
  const host = await serveWebHost(path.join(benchDir(), 'host.db'));
  try {
    const pid = host.child.pid!;
    const first = await fetch(host.openUrl, { redirect: 'manual' });
    const headers = { 'content-type': 'application/json', origin: new URL(host.url).origin, cookie: first.headers.get('set-cookie')!.split(';')[0]! };
    await new Promise((r) => setTimeout(r, 1500)); // the first screen's questions, asked at start, are answered
    const idle = kb(status(pid), 'VmRSS');
    const cpu0 = cpuSeconds(pid);
    // Not a workbook: the host reads, parses and decodes it, and the core refuses it (ledgers.file.notWorkbook).
    const data = Buffer.alloc(Math.floor((BODY_MB * 1024 * 1024 * 3) / 4), 7).toString('base64');
    const body = JSON.stringify({ kind: 'movements', fileName: 'churuku.xlsx', data });
    const t0 = performance.now();
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, async () => (await fetch(`${host.url}api/ledgers.inspect`, { method: 'POST', headers, body })).status),
    );
    const wall = performance.now() - t0;
    const peak = kb(status(pid), 'VmHWM');
    const cpu = cpuSeconds(pid) - cpu0;
    report(
      `web host, ${PARALLEL} parallel ${BODY_MB} MB bodies: peak RSS (at rest ${idle.toFixed(0)} MB)`,
      `${peak.toFixed(0)} MB (${(wall / 1000).toFixed(1)} s, CPU ${cpu.toFixed(1)} s)`,
      '≤ 600 MB',
      peak <= 600 && answers.every((s) => s === 200),
    );
  } finally {
    await stopWebHost(host.child);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchHost();
