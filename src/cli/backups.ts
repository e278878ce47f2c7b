// `check`, `backup`, `restore` and `backups`: the ledger's safety from the command line. Paths are the CLI's own
// arguments here; the page names backups only by their file name (see src/api/contract.backups.ts).
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { invoke } from '../api/dispatch.js';
import { LedgerSession } from '../backups/session.js';
import { LedgerError } from '../common/errors.js';
import { invokeDoor } from '../api/door-operations.js';
import { openLedger } from '../db/open.js';
import { restoreLedger } from '../db/restore.js';
import { message } from '../i18n/messages.js';
import { setSetting } from '../settings/settings.js';
import type { CliKit } from './main.js';
import { renderTable } from './table.js';

export function registerBackupCommands(kit: CliKit): void {
  const { command, dbPath, json, io, setExit } = kit;

  command('check', '完整性检查：数据库与“库存 = 流水合计”，只读 (integrity: database and balance = sum of journal; read-only)')
    .option('--json', '输出 JSON (print JSON)')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      // Read-only, so that checking never changes a file — nor makes a foreign one look like a ledger.
      const db = await openLedger(dbPath(cmd), { readonly: true });
      let report;
      try {
        report = await invoke({ db }, 'system.check', {});
      } finally {
        db.close();
      }
      if (opts.json) json(report);
      else if (report.ok) io.out(`检查通过 (check passed)：${report.movements} 条流水，${report.balances} 个库存余额一致`);
      else {
        for (const p of report.integrity.filter((x) => x !== 'ok')) io.err(`数据库损坏 (database damage)：${p}`);
        for (const m of report.mismatches)
          io.err(`余额不符 (balance mismatch)：${m.locationCode} / ${m.itemCode} / 批次 ${m.batchNo || '无'}：余额 ${m.balance}，流水合计 ${m.journal}`);
      }
      if (!report.ok) setExit(1);
    });

  command('backup', '备份数据库：经校验后才以正式文件名写出，程序运行中也安全 (verified online backup, safe while the app runs)')
    .option('--out <file>', '备份文件；省略时写入数据库旁的 backups 文件夹 (backup file; default: the backups folder beside the database)')
    .option('--force', '覆盖已有文件 (replace an existing file)')
    .option('--json', '输出 JSON (print JSON)')
    .action(async (opts: { out?: string; force?: boolean; json?: boolean }, cmd: Command) => {
      const session = await LedgerSession.open(dbPath(cmd), { door: 'cli', create: 'never' });
      let r: { file: string; bytes: number };
      try {
        if (opts.out) r = await invokeDoor(session.ctx, 'system.backup', { out: opts.out, force: Boolean(opts.force) });
        else {
          const b = await session.backup('manual');
          r = { file: path.join(session.folders().primary, b.file), bytes: b.bytes };
        }
      } finally {
        session.closeNow();
      }
      if (opts.json) json(r);
      else io.out(`已备份并校验 (backed up and verified)：${r.file}（${r.bytes.toLocaleString('zh-CN')} 字节）`);
    });

  command('restore', '从备份恢复：先在副本上校验，原数据库保留在旁 (restore: verified on a copy first; the replaced database is kept)')
    .argument('<file>', '备份文件 (backup file)')
    .option('--json', '输出 JSON (print JSON)')
    .action(async (file: string, opts: { json?: boolean }, cmd: Command) => {
      if (!fs.existsSync(file)) throw new LedgerError('db.notFound', { file: path.resolve(file) });
      const target = dbPath(cmd);
      let before: string | null = null;
      const r = await restoreLedger(file, target, {
        beforeSwap: async () => {
          before = await backupBeforeRestore(target, (text) => io.err(text));
        },
      });
      if (opts.json) json({ ...r, backupBefore: before });
      else {
        io.out(`已恢复 (restored)：${r.file}`);
        if (r.keptAs) io.out(`原数据库已保留为 (previous database kept as)：${r.keptAs}`);
        if (before) io.out(`恢复前的备份 (backup before the restore)：${before}`);
      }
    });

  command('backups', '列出自动备份；设置第二备份位置与间隔 (list the automatic backups; set the second folder and interval)')
    .option('--json', '输出 JSON (print JSON)')
    .option('--second-folder <dir>', '第二备份位置（U 盘、共享文件夹） (a second backup folder: USB disk, share)')
    .option('--no-second-folder', '不再复制到第二备份位置 (stop copying to a second folder)')
    .option('--interval <minutes>', '运行时自动备份的最长间隔（分钟） (longest interval between automatic backups, minutes)')
    .action(async (opts: { json?: boolean; secondFolder?: string | false; interval?: string }, cmd: Command) => {
      const session = await LedgerSession.open(dbPath(cmd), { door: 'cli', create: 'never' });
      try {
        if (opts.interval !== undefined) {
          const minutes = Number(opts.interval);
          if (!Number.isFinite(minutes) || minutes <= 0 || minutes > 24 * 60) throw new LedgerError('cli.usage', { detail: `--interval ${opts.interval}` });
          setSetting(session.db, 'backup.intervalMinutes', minutes);
        }
        if (opts.secondFolder === false) setSetting(session.db, 'backup.secondFolder', '');
        else if (typeof opts.secondFolder === 'string') {
          // Made now, while the disk is surely there; later a missing folder means the disk is not.
          fs.mkdirSync(path.resolve(opts.secondFolder), { recursive: true });
          setSetting(session.db, 'backup.secondFolder', path.resolve(opts.secondFolder));
        }
        const { primary, second } = session.folders();
        const rows = session.list().map((b) => ({ file: path.join(b.folder === 'second' && second ? second : primary, b.file), time: b.time, bytes: b.bytes, verified: b.verified }));
        if (opts.json) return json(rows);
        io.out(`备份文件夹 (backup folder)：${primary}${second ? `；第二备份位置 (second folder)：${second}` : ''}`);
        io.out(
          renderTable(rows, [
            { title: '时间', value: (r) => r.time.replace('T', ' ').slice(0, 19) },
            { title: '大小(字节)', value: (r) => r.bytes, align: 'right' },
            { title: '校验', value: (r) => (r.verified ? '✓' : '✗') },
            { title: '文件', value: (r) => r.file },
          ]),
        );
        io.out(`共 ${rows.length} 个备份 (${rows.length} backups)`);
      } finally {
        session.closeNow();
      }
    });
}

/**
 * The backup before a restore, of the ledger about to be replaced (when it can be opened and changed since its last
 * backup). Its failure does not stop the restore: the replaced file is kept beside it in any case.
 */
async function backupBeforeRestore(target: string, warn: (text: string) => void): Promise<string | null> {
  if (!fs.existsSync(target)) return null;
  let session: LedgerSession | undefined;
  try {
    session = await LedgerSession.open(target, { door: 'cli', create: 'never' });
    if (!session.changedSinceBackup()) return null;
    const b = await session.backup('restore');
    return path.join(session.folders().primary, b.file);
  } catch (e) {
    const text = e instanceof LedgerError ? e : message('backup.failed', { detail: String(e), detailEn: String(e) });
    warn(`警告：恢复前的备份没有完成 (warning: no backup before the restore)：${text.zh} (${text.en})`);
    return null;
  } finally {
    session?.closeNow();
  }
}
