// The `relief-ledger` command: a thin door onto the contract. Global options may stand on either side of the
// subcommand (`relief-ledger --db x summary` and `relief-ledger summary --db x`), because `npx` swallows the former.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import type { Context } from '../api/handlers.js';
import { invoke } from '../api/dispatch.js';
import { invokeDoor } from '../api/door-operations.js';
import { warmUp } from '../api/warm.js';
import type { OperationInput, OperationName, OperationResult, StockRow } from '../api/contract.js';
import { LedgerError } from '../common/errors.js';
import { LedgerSession } from '../backups/session.js';
import { ledgerErrorOf } from '../db/failures.js';
import { resolveDatabasePath } from '../db/paths.js';
import { loadDemo } from '../demo/demo.js';
import { startHost } from '../host/server.js';
import { message } from '../i18n/messages.js';
import { registerBackupCommands } from './backups.js';
import { registerEquipmentCommands, registerGapCommands } from './equipment.js';
import { registerLedgerCommands } from './ledgers.js';
import { registerStocktakeCommands } from './stocktake.js';
import { renderTable } from './table.js';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const defaultIo: Io = { out: (t) => process.stdout.write(`${t}\n`), err: (t) => process.stderr.write(`${t}\n`) };

/** Runs the CLI; resolves to the exit code. */
export async function runCli(argv: string[], io: Io = defaultIo): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => {
    exitCode = Math.max(exitCode, code);
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      const text = message('cli.usage', { detail: e.message.replace(/^error: /, '') });
      io.err(`错误：${text.zh} (${text.en})`);
      return 2;
    }
    io.err(describeError(e));
    return 1;
  }
  return exitCode;
}

export function describeError(e: unknown): string {
  const told = ledgerErrorOf(e);
  if (told) return `错误：${told.zh} (${told.en})`;
  const detail = e instanceof Error ? e.message : String(e);
  const text = message('error.internal', { detail });
  return `错误：${text.zh} (${text.en})`;
}

/** What a group of commands in its own module needs from the program. */
export interface CliKit {
  program: Command;
  command: (name: string, description: string) => Command;
  dbPath: (cmd: Command) => string;
  withLedger: <T>(cmd: Command, fn: (ctx: Context) => Promise<T> | T) => Promise<T>;
  call: <N extends OperationName>(ctx: Context, name: N, input: OperationInput<N>) => Promise<OperationResult<N>>;
  json: (value: unknown) => void;
  io: Io;
  setExit: (code: number) => void;
}

function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('relief-ledger')
    .description('应急物资台账 Relief Ledger — 救灾物资、防汛装备与避灾场所台账 (relief reserves, flood equipment, shelters)')
    .version(process.env.npm_package_version ?? '0.1.0')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()), outputError: () => undefined })
    .showHelpAfterError(false);
  const dbOption = () => new Option('--db <file>', '数据库文件 database file (env RELIEF_LEDGER_DB; default: the desktop app’s)');
  program.addOption(dbOption());

  const command = (name: string, description: string) =>
    program.command(name).description(description).addOption(dbOption()).exitOverride().configureOutput(program.configureOutput());

  /** The database path from either side of the subcommand. */
  const dbPath = (cmd: Command) => resolveDatabasePath(cmd.optsWithGlobals().db as string | undefined);

  /** One command's hold on the ledger: a backup before an import or a stocktake posting comes with it (see dispatch). */
  async function withLedger<T>(cmd: Command, fn: (ctx: Context) => Promise<T> | T): Promise<T> {
    const session = await LedgerSession.open(dbPath(cmd), { door: 'cli', create: 'never' });
    try {
      return await fn(session.ctx);
    } finally {
      session.closeNow();
    }
  }
  const call = <N extends OperationName>(ctx: Context, name: N, input: OperationInput<N>): Promise<OperationResult<N>> =>
    invoke(ctx, name, input);
  const json = (value: unknown) => io.out(JSON.stringify(value, null, 2));
  const kit: CliKit = { program, command, dbPath, withLedger, call, json, io, setExit };

  command('init', '创建或升级数据库；--demo 载入椒江区演示数据 (create or migrate the database; --demo loads demo data)')
    .option('--demo', '载入演示数据 (load the demo data)')
    .option('--json', '输出 JSON (print JSON)')
    .action(async (opts: { demo?: boolean; json?: boolean }, cmd: Command) => {
      const file = dbPath(cmd);
      const session = await LedgerSession.open(file, { door: 'cli', create: 'always' });
      const db = session.db;
      try {
        const demo = opts.demo ? loadDemo(db) : null;
        if (opts.json) json({ file, demo });
        else {
          io.out(`数据库已就绪 (database ready)：${file}`);
          if (demo)
            io.out(
              `已载入演示数据 (demo loaded)：${demo.streets} 个街道/镇，${demo.villages} 个村社，${demo.shelters} 个避灾场所，${demo.documents} 张单据，${demo.movements} 条出入库记录`,
            );
        }
      } finally {
        session.closeNow();
      }
    });

  command('stock', '查询库存 (query stock on hand)')
    .option('--location <code>', '存放地点编码 (location code)')
    .option('--item <code>', '物资编码 (item code)')
    .option('--street <code>', '街道/镇编码 (street/town code)')
    .option('--by-batch', '按批次列出 (one row per batch)')
    .option('--expiring', '只列出已过期或临期 (only expired or expiring)')
    .option('--json', '输出 JSON (print JSON)')
    .action(async (opts: { location?: string; item?: string; street?: string; byBatch?: boolean; expiring?: boolean; json?: boolean }, cmd: Command) => {
      const rows = await withLedger(cmd, (ctx) =>
        call(ctx, 'stock.query', {
          locationCode: opts.location,
          itemCode: opts.item,
          streetCode: opts.street,
          byBatch: Boolean(opts.byBatch),
          expiry: opts.expiring ? 'attention' : undefined,
        }),
      );
      if (opts.json) return json(rows);
      io.out(renderTable<StockRow>(rows, stockColumns(Boolean(opts.byBatch))));
      io.out(`共 ${rows.length} 行 (${rows.length} rows)`);
    });

  command('summary', '全区概况 (district summary)')
    .option('--json', '输出 JSON (print JSON)')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const s = await withLedger(cmd, (ctx) => call(ctx, 'summary.get', {}));
      if (opts.json) return json(s);
      io.out(
        [
          `日期 (date)            ${s.today}`,
          `街道/镇 (streets)      ${s.streets}`,
          `村/社区 (villages)     ${s.villages}`,
          `区级仓库 (warehouses)  ${s.warehouses}`,
          `避灾场所 (shelters)    ${s.shelters}（在用 ${s.sheltersInUse}，可容纳 ${s.shelterCapacity.toLocaleString('zh-CN')} 人）`,
          `库存物资 (on hand)     ${s.itemsOnHand.toLocaleString('zh-CN')} 件（${s.catalogueItems} 个品种，金额 ${s.stockValue.toLocaleString('zh-CN', { minimumFractionDigits: 2 })} 元）`,
          ...(s.measuredOnHand.length
            ? [`计量物资 (measured)    ${s.measuredOnHand.map((m) => `${m.quantity.toLocaleString('zh-CN', { maximumFractionDigits: 3 })} ${m.unit}`).join('，')}`]
            : []),
          `过期批次 (expired)     ${s.batchesExpired}`,
          `临期批次 (expiring)    ${s.batchesExpiring}`,
        ].join('\n'),
      );
      io.out('');
      io.out(
        renderTable(s.perStreet, [
          { title: '街道/镇', value: (r) => r.name },
          { title: '村社', value: (r) => r.villages, align: 'right' },
          { title: '避灾场所', value: (r) => r.shelters, align: 'right' },
          { title: '可容纳人数', value: (r) => r.sheltersCapacity, align: 'right' },
          { title: '库存(件)', value: (r) => r.itemsOnHand, align: 'right' },
        ]),
      );
    });

  command('serve', '启动本机网页版（仅 127.0.0.1） (start the web host on 127.0.0.1)')
    .option('--port <n>', '端口，0 为自动 (port; 0 picks a free one)', '0')
    .option('--demo', '数据库为空时载入演示数据 (load the demo data into an empty database)')
    .action(async (opts: { port: string; demo?: boolean }, cmd: Command) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new LedgerError('cli.usage', { detail: `--port ${opts.port}` });
      const file = dbPath(cmd);
      const session = await openHostLedger(file, Boolean(opts.demo));
      const staticDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'renderer');
      const ctx = session.ctx;
      const host = await startHost({ ctx, staticDir, port });
      // The first address printed is the one to open (scripts and tests read it); it works once.
      io.out(`应急物资台账网页版已启动，请在浏览器中打开 (web host running; open in a browser)：${host.openUrl}`);
      void warmUp(ctx);
      io.out('此地址只能使用一次，请勿转发 (the address works once; do not pass it on)');
      io.out(`数据库 (database)：${file}`);
      const blocked = session.status().writeBlocked;
      if (blocked) io.err(`注意 (note)：${blocked.zh} (${blocked.en})`);
      io.out('按 Ctrl+C 停止 (Ctrl+C stops it)');
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await host.close();
      await session.close();
    });

  registerBackupCommands(kit);
  registerEquipmentCommands(kit);
  registerGapCommands(kit);
  registerStocktakeCommands(kit);
  registerLedgerCommands(kit);

  return program;
}

/**
 * The web host's ledger: quick-checked (a damaged one opens read-only), backed up after changes and on exit. A
 * missing ledger is created only on a first start (or for the demo, which is made again at will); one that was here
 * and is gone is refused, pointing to its newest backup.
 */
async function openHostLedger(file: string, demo: boolean): Promise<LedgerSession> {
  const session = await LedgerSession.open(file, { door: 'host', create: demo ? 'always' : 'firstStart', schedule: true, quickCheck: true });
  const db = session.db;
  if (demo && !db.writeBlock && !db.get(db.q.selectFrom('area').select('id').limit(1))) loadDemo(db);
  return session;
}

function stockColumns(byBatch: boolean) {
  const status = { expired: '已过期', expiring: '临期', ok: '', none: '' } as const;
  return [
    { title: '存放地点', value: (r: StockRow) => r.locationName },
    { title: '物资编码', value: (r: StockRow) => r.itemCode },
    { title: '品名', value: (r: StockRow) => r.itemName },
    { title: '规格型号', value: (r: StockRow) => r.spec },
    { title: '单位', value: (r: StockRow) => r.unit },
    { title: '数量', value: (r: StockRow) => r.quantity, align: 'right' as const },
    ...(byBatch ? [{ title: '批次号', value: (r: StockRow) => r.batchNo }] : []),
    { title: '有效期至', value: (r: StockRow) => r.expiryDate },
    { title: '状态', value: (r: StockRow) => status[r.expiryStatus] },
  ];
}

