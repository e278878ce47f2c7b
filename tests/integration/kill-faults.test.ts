// kill -9 at random moments of a big posting (through the web host), a backup and a restore (through the CLI):
// each trial must end in exactly the state before or the state after, with `check` passing, a ledger always under
// its name, and nothing left behind that blocks the next try. The moments are spread over one and a half times the
// operation's measured duration (one random moment in each twelfth), so its start, middle and end are all hit, and
// a few trials see it finish (its duration varies on a loaded machine).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedgerFile } from '../../src/db/backup.js';
import { cli, count, demoLedger, exited, sleep, spawnCli, startHost } from './safety-fixture.js';
import { tempDir } from './fixture.js';

const TRIALS = 12;

/** One delay per trial, each in its own share of [0, span]. */
const moments = (span: number) => Array.from({ length: TRIALS }, (_, i) => Math.round(((i + Math.random()) / TRIALS) * span));

function documents(n: number, lines: number) {
  return Array.from({ length: n }, (_, d) => ({
    type: 'purchase' as const,
    date: '2026-11-20',
    locationCode: d % 2 ? 'WH01' : 'WH02',
    handler: '张建国',
    lines: Array.from({ length: lines }, (_, l) => ({ itemCode: 'WZ003', batchNo: `K${d % 40}-${l % 25}`, quantity: 1 + (l % 7) })),
  }));
}

// Each trial works on its own copy; the copies (a dozen ledgers of ~10 MB per case) go when the file is done.
const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

let base: string;
let big: string;
beforeAll(async () => {
  base = (await demoLedger('base.db')).file;
  made.push(path.dirname(base));
  // A bigger ledger (demo + 40,000 movements, imported by the CLI) for the backup and the restore, so that each takes
  // long enough to be interrupted in the middle.
  const bigLedger = await demoLedger('big.db');
  big = bigLedger.file;
  made.push(bigLedger.dir);
  const csv = path.join(bigLedger.dir, 'receipts.csv');
  const rows = ['日期,类型,地点编码,物资编码,批次号,数量,经办人'];
  for (let i = 0; i < 40_000; i++) rows.push(`2026-11-20,采购入库,${i % 2 ? 'WH01' : 'WH02'},WZ003,K${i % 40}-${i % 25},${1 + (i % 7)},张建国`);
  fs.writeFileSync(csv, `${rows.join('\n')}\n`);
  const r = await cli(['import', 'movements', csv, '--db', big]);
  expect(r.code, r.stderr).toBe(0);
}, 180_000);

function copyOf(file: string): string {
  const dir = tempDir('relief-kill-');
  made.push(dir);
  const to = path.join(dir, 'ledger.db');
  fs.copyFileSync(file, to);
  return to;
}

async function checked(file: string): Promise<void> {
  const r = await cli(['check', '--db', file]);
  expect(r.code, `${r.stdout}${r.stderr}`).toBe(0);
}

describe('kill -9', () => {
  it(`during a big movements.postMany in the web host: ${TRIALS} trials, each all or nothing`, async () => {
    const body = { documents: documents(200, 100) };
    const lines = 200 * 100;
    // How long the whole posting takes here, measured once.
    const probe = copyOf(base);
    const host = await startHost(probe);
    const t0 = Date.now();
    const done = await host.call('movements.postMany', body);
    const span = Date.now() - t0;
    await host.stop();
    expect(done.ok).toBe(true);
    const before = count(base);
    expect(count(probe)).toBe(before + lines);

    const outcomes: string[] = [];
    for (const delay of moments(span * 1.5)) {
      const file = copyOf(base);
      const h = await startHost(file);
      const sent = h.call('movements.postMany', body).catch(() => null);
      await sleep(delay);
      h.child.kill('SIGKILL');
      await sent;
      await h.stop();
      const after = count(file);
      expect([before, before + lines], `killed after ${delay} ms`).toContain(after);
      outcomes.push(after === before ? 'before' : 'after');
      await checked(file);
    }
    console.info(`postMany kill -9 (${span} ms to post): ${outcomes.join(' ')}`);
  }, 240_000);

  it(`during a backup: ${TRIALS} trials; the target is absent or a verified backup, and the next backup is not blocked`, async () => {
    const dir = tempDir('relief-kill-backup-');
    made.push(dir);
    const t0 = Date.now();
    const first = await cli(['backup', '--db', big, '--out', path.join(dir, 'probe.db')]);
    const span = Date.now() - t0;
    expect(first.code, first.stderr).toBe(0);
    const movements = count(big);
    const outcomes: string[] = [];
    let trial = 0;
    for (const delay of moments(span * 1.5)) {
      const out = path.join(dir, `b${trial++}.db`);
      const child = spawnCli(['backup', '--db', big, '--out', out]);
      const ended = exited(child);
      await sleep(delay);
      child.kill('SIGKILL');
      await ended;
      if (fs.existsSync(out)) {
        expect(verifyLedgerFile(out, 'integrity_check')).toBeNull();
        expect(count(out)).toBe(movements);
        outcomes.push('written');
      } else {
        outcomes.push('absent');
        const again = await cli(['backup', '--db', big, '--out', out]);
        expect(again.code, again.stderr).toBe(0);
        expect(count(out)).toBe(movements);
      }
    }
    await checked(big);
    // Only hidden temporaries of killed runs may be left, and they never carry a backup's name.
    for (const name of fs.readdirSync(dir)) expect(name).toMatch(/^(b\d+|probe)\.db$|^\..*\.tmp(-wal|-shm|-journal)?$/);
    console.info(`backup kill -9 (${span} ms to back up): ${outcomes.join(' ')}`);
  }, 240_000);

  it(`during a restore: ${TRIALS} trials; the ledger is always there, exactly the old or the restored one`, async () => {
    const dir = tempDir('relief-kill-restore-');
    made.push(dir);
    const backup = path.join(dir, 'big-backup.db');
    expect((await cli(['backup', '--db', big, '--out', backup])).code).toBe(0);
    const restored = count(backup);
    const old = count(base);
    const probe = copyOf(base);
    const t0 = Date.now();
    const first = await cli(['restore', backup, '--db', probe]);
    const span = Date.now() - t0;
    expect(first.code, first.stderr).toBe(0);

    const outcomes: string[] = [];
    for (const delay of moments(span * 1.5)) {
      const target = copyOf(base);
      const child = spawnCli(['restore', backup, '--db', target]);
      const ended = exited(child);
      await sleep(delay);
      child.kill('SIGKILL');
      await ended;
      expect(fs.existsSync(target), `no ledger after a kill at ${delay} ms`).toBe(true);
      const now = count(target);
      expect([old, restored], `killed after ${delay} ms`).toContain(now);
      outcomes.push(now === old ? 'old' : 'restored');
      await checked(target);
      // Nothing of the killed restore stands in the way: the ledger opens, and a restore runs again.
      const summary = await cli(['summary', '--db', target, '--json']);
      expect(summary.code, summary.stderr).toBe(0);
      if (now === old) {
        const again = await cli(['restore', backup, '--db', target]);
        expect(again.code, again.stderr).toBe(0);
        expect(count(target)).toBe(restored);
      }
    }
    console.info(`restore kill -9 (${span} ms to restore): ${outcomes.join(' ')}`);
  }, 300_000);
});

/** Runs a CLI command killed right after its `step`-th file-system step (0: not killed; then the steps are counted). */
async function crashAfter(step: number, args: string[]): Promise<{ steps: number; killed: boolean }> {
  const child = spawnCli(args, { RELIEF_CRASH_AFTER: String(step) }, ['-r', path.resolve('tests/integration/crash-after.cjs')]);
  const r = await exited(child);
  if (step === 0) expect(r.code, r.stderr).toBe(0);
  return { steps: Number(/crash-points: (\d+)/.exec(r.stderr)?.[1] ?? 0), killed: r.signal === 'SIGKILL' };
}

describe('killed after each file-system step in turn (every moment between two renames, links or removals)', () => {
  it('restore: after every step the ledger is there, exactly the old or the restored one', async () => {
    const dir = tempDir('relief-steps-restore-');
    made.push(dir);
    const backup = path.join(dir, 'big-backup.db');
    expect((await cli(['backup', '--db', big, '--out', backup])).code).toBe(0);
    const [old, restored] = [count(base), count(backup)];
    const { steps } = await crashAfter(0, ['restore', backup, '--db', copyOf(base)]);
    expect(steps).toBeGreaterThan(2);
    for (let step = 1; step <= steps; step++) {
      const target = copyOf(base);
      const { killed } = await crashAfter(step, ['restore', backup, '--db', target]);
      expect(killed).toBe(true);
      expect(fs.existsSync(target), `no ledger after step ${step} of ${steps}`).toBe(true);
      expect([old, restored], `after step ${step} of ${steps}`).toContain(count(target));
      await checked(target);
    }
  }, 300_000);

  it('backup: after every step the target is absent or a whole, verified backup', async () => {
    const dir = tempDir('relief-steps-backup-');
    made.push(dir);
    const { steps } = await crashAfter(0, ['backup', '--db', big, '--out', path.join(dir, 'probe.db')]);
    expect(steps).toBeGreaterThan(0);
    for (let step = 1; step <= steps; step++) {
      const out = path.join(dir, `b${step}.db`);
      await crashAfter(step, ['backup', '--db', big, '--out', out]);
      if (fs.existsSync(out)) expect(verifyLedgerFile(out, 'integrity_check'), `after step ${step} of ${steps}`).toBeNull();
      const again = await cli(['backup', '--db', big, '--out', out, ...(fs.existsSync(out) ? ['--force'] : [])]);
      expect(again.code, again.stderr).toBe(0);
    }
  }, 300_000);
});
