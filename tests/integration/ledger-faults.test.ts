// A ledger on a read-only share, a full disk, a busy file, a journal pulled away: each said in words (Chinese with
// English), none as 内部错误, and nothing half-written. The read-only and full-disk cases are made real: a read-only
// bind mount or an immutable file (chmod does not stop root, which CI runs as), a small tmpfs (or, where this
// process may not mount, a file-size limit on the child process).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  canMakeImmutable,
  canMount,
  cli,
  count,
  demoLedger,
  type Host,
  isRoot,
  readOnlyView,
  setImmutable,
  smallDisk,
  startHost,
} from './safety-fixture.js';
import { tempDir } from './fixture.js';

const receipt = (quantity = 1, lines = 1) => ({
  type: 'purchase',
  date: '2026-11-28',
  locationCode: 'WH01',
  handler: '张建国',
  lines: Array.from({ length: lines }, (_, i) => ({ itemCode: 'WZ003', batchNo: `B${i}`, quantity })),
});

/** What a read-only ledger must still do, and refuse. */
async function readsButRefusesWrites(host: Host, reason: string, why: RegExp): Promise<void> {
  for (const [name, input] of [
    ['summary.get', {}],
    ['stock.query', { byBatch: true }],
    ['gaps.get', {}],
    ['ledgers.export', { kind: 'stock' }],
  ] as const) {
    const r = await host.call(name, input);
    expect(r.ok, `${name}: ${JSON.stringify(r.error)}`).toBe(true);
  }
  const write = await host.call('movements.post', receipt());
  expect(write.ok).toBe(false);
  expect(write.error!.code).toBe('db.writeRefused');
  expect(write.error!.zh).toMatch(why);
  expect(write.error!.en).toMatch(/^The ledger cannot be changed: /);
  const status = await host.call<{ writeBlocked: { reason: string } }>('backups.status');
  expect(status.result!.writeBlocked.reason).toBe(reason);
}

// Without root (a developer's machine) chmod does stop writes; as root only a mount or chattr does. A case runs
// wherever one of its ways works, and its title says which; it is skipped only where none does (root without mount
// rights on a file system without chattr), and the title says that instead.
const readOnlyWays = { mount: canMount(), chattr: isRoot() && canMakeImmutable(), chmod: !isRoot() };
const folderWay = readOnlyWays.mount ? 'a read-only bind mount' : readOnlyWays.chmod ? 'chmod 555' : 'skipped: root cannot mount here, and chmod does not stop root';
const fileWay = readOnlyWays.chattr ? 'chattr +i' : readOnlyWays.chmod ? 'chmod 444' : 'skipped: root on a file system without chattr +i, and chmod does not stop root';

describe('a read-only ledger opens read-only', () => {
  it.skipIf(!readOnlyWays.mount && !readOnlyWays.chmod)(
    `in a read-only folder (${folderWay}): reads, exports and backups elsewhere work; writes say why not`,
    async () => {
      const { dir, file } = await demoLedger();
      const movements = count(file);
      let view: { dir: string; unmount: () => void };
      if (readOnlyWays.mount) view = readOnlyView(dir);
      else {
        fs.chmodSync(dir, 0o555);
        view = { dir, unmount: () => fs.chmodSync(dir, 0o755) };
      }
      try {
        const ledger = path.join(view.dir, 'ledger.db');
        const host = await startHost(ledger);
        try {
          await readsButRefusesWrites(host, 'readOnlyFolder', /台账所在的文件夹 .* 不能写入/);
        } finally {
          await host.stop();
        }
        const elsewhere = path.join(tempDir(), 'copy.db');
        const b = await cli(['backup', '--db', ledger, '--out', elsewhere]);
        expect(b.code, b.stderr).toBe(0);
        expect(count(elsewhere)).toBe(movements);
        expect((await cli(['check', '--db', ledger])).code).toBe(0);
      } finally {
        view.unmount();
      }
    },
  );

  it.skipIf(!readOnlyWays.chattr && !readOnlyWays.chmod)(`a read-only file (${fileWay}): the same`, async () => {
    const { file } = await demoLedger();
    const protect = (on: boolean) => (readOnlyWays.chattr ? setImmutable(file, on) : fs.chmodSync(file, on ? 0o444 : 0o644));
    protect(true);
    try {
      const host = await startHost(file);
      try {
        await readsButRefusesWrites(host, 'readOnlyFile', /台账文件 .* 是只读的/);
      } finally {
        await host.stop();
      }
    } finally {
      protect(false);
    }
  });

});

describe('another program writing', () => {
  it('SQLITE_BUSY waits the busy timeout, then says another program is writing; nothing is written', async () => {
    const { file } = await demoLedger();
    const host = await startHost(file, { RELIEF_LEDGER_BUSY_TIMEOUT_MS: '300' });
    const other = new Database(file);
    try {
      other.exec('BEGIN IMMEDIATE');
      const started = Date.now();
      const r = await host.call('movements.post', receipt());
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);
      expect(r.ok).toBe(false);
      expect(r.error).toMatchObject({ code: 'db.busy', zh: expect.stringMatching(/^另一个程序正在写入台账 .*，等待 0\.3 秒后仍未结束；本次操作没有保存/), en: expect.stringMatching(/^Another program is writing/) });
      const byCli = await cli(['import', 'movements', writeCsv(), '--db', file], { RELIEF_LEDGER_BUSY_TIMEOUT_MS: '300' });
      expect(byCli.code).toBe(1);
      expect(byCli.stderr).toMatch(/另一个程序正在写入台账/);
      other.exec('ROLLBACK');
      expect((await host.call('movements.post', receipt())).ok).toBe(true);
    } finally {
      other.close();
      await host.stop();
    }
  });
});

function writeCsv(): string {
  const f = path.join(tempDir(), 'receipts.csv');
  fs.writeFileSync(f, '日期,类型,地点编码,物资编码,数量,经办人\n2026-11-20,采购入库,WH01,WZ003,5,张建国\n');
  return f;
}

/** Fills a disk up to `leaveKb` free. */
function fillUp(dir: string, leaveKb: number): string {
  const filler = path.join(dir, 'filler.bin');
  const { bavail, bsize } = fs.statfsSync(dir);
  const free = bavail * bsize - leaveKb * 1024;
  if (free > 0) fs.writeFileSync(filler, Buffer.alloc(free));
  return filler;
}

describe('a full disk', () => {
  // Without mount rights a file-size limit on the host process stands in for the full disk (SQLite sees the same
  // short write); this machine and CI (root in a container) can mount.
  const mode = canMount() ? 'tmpfs' : process.platform === 'linux' ? 'ulimit' : null;

  it.skipIf(mode === null)(`posting says the disk is full and writes nothing; after space is freed it works (${mode})`, async () => {
    const { file: source } = await demoLedger();
    const bytes = fs.statSync(source).size;
    let disk: { dir: string; unmount: () => void };
    const env: NodeJS.ProcessEnv = {};
    let prefix: string[] = [];
    if (mode === 'tmpfs') disk = smallDisk(Math.ceil(bytes / 1024) + 1024);
    else {
      disk = { dir: tempDir(), unmount: () => undefined };
      // No file the host writes may pass 512 KB (ulimit counts 512-byte blocks): the ledger's -wal soon reaches it.
      prefix = ['bash', '-c', `ulimit -f 1024; trap '' XFSZ; exec "$@"`, 'limited'];
    }
    try {
      const file = path.join(disk.dir, 'ledger.db');
      fs.copyFileSync(source, file);
      const before = count(file);
      const host = await startHost(file, env, prefix);
      try {
        expect((await host.call('movements.post', receipt())).ok).toBe(true);
        const filler = mode === 'tmpfs' ? fillUp(disk.dir, 64) : null;
        const big = await host.call('movements.post', receipt(1, 6000));
        expect(big.ok).toBe(false);
        if (mode === 'tmpfs') expect(big.error).toMatchObject({ code: 'db.diskFull', zh: expect.stringMatching(/^磁盘空间已满，无法写入 .*ledger\.db；本次操作没有保存任何内容/) });
        // A file-size limit is not a full disk: SQLite reports the refused write as an I/O error, told as such.
        else expect(big.error).toMatchObject({ code: 'db.ioError', zh: expect.stringMatching(/^读写 .*ledger\.db 时出错.*；本次操作没有保存/) });
        if (filler) fs.rmSync(filler);
        if (filler) expect((await host.call('movements.post', receipt(2, 10))).ok).toBe(true);
      } finally {
        await host.stop();
      }
      expect(count(file)).toBe(before + 1 + (mode === 'tmpfs' ? 10 : 0));
      expect((await cli(['check', '--db', file])).code).toBe(0);
    } finally {
      disk.unmount();
    }
  });

  it.skipIf(mode !== 'tmpfs')('a backup onto a full disk fails cleanly: no file under its name, no leftovers; the banner says so', async () => {
    const { file } = await demoLedger();
    const usb = smallDisk(256);
    try {
      expect((await cli(['backups', '--db', file, '--second-folder', usb.dir])).code).toBe(0);
      const host = await startHost(file);
      try {
        const made = await host.call<{ file: string }>('backups.now');
        expect(made.ok).toBe(true);
        expect(fs.readdirSync(usb.dir)).toEqual([]);
        const status = await host.call<{ failing: boolean; failures: { folder: string; zh: string }[] }>('backups.status');
        expect(status.result!.failing).toBe(true);
        expect(status.result!.failures[0]).toMatchObject({ folder: 'second', zh: expect.stringMatching(/第二备份位置.*磁盘空间已满/) });
      } finally {
        await host.stop();
      }
      const direct = await cli(['backup', '--db', file, '--out', path.join(usb.dir, 'b.db')]);
      expect(direct.code).toBe(1);
      expect(direct.stderr).toMatch(/^错误：磁盘空间已满，无法写入 .*b\.db/);
      expect(fs.readdirSync(usb.dir)).toEqual([]);
    } finally {
      usb.unmount();
    }
  });
});

describe('the journal pulled away under a running host', () => {
  it('a removed -wal is noticed: writes stop with a clear message, and what was saved is written back on exit', async () => {
    const { file } = await demoLedger();
    const before = count(file);
    const host = await startHost(file);
    try {
      expect((await host.call('movements.post', receipt(3))).ok).toBe(true);
      fs.rmSync(`${file}-wal`);
      fs.rmSync(`${file}-shm`, { force: true });
      const r = await host.call('movements.post', receipt(4));
      expect(r.ok).toBe(false);
      expect(r.error!.code).toBe('db.writeRefused');
      expect(r.error!.zh).toMatch(/日志文件 .*ledger\.db-wal 被删除或替换，为免丢失数据已停止写入/);
      expect((await host.call('summary.get')).ok).toBe(true);
    } finally {
      await host.stop();
    }
    expect(count(file)).toBe(before + 1);
    expect((await cli(['check', '--db', file])).code).toBe(0);
  });
});
