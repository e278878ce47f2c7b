// `import`, `onboard`, `export`, `template`: Excel ledgers from the command line. Exit codes of import and
// onboard: 0 all rows imported (or, with --dry-run, would be), 1 validation errors (nothing written) or a refusal,
// 2 a file that cannot be read or a usage error. `onboard` without --yes (and without --dry-run) shows the plan and
// exits 1: nothing was written, and the user is asked to confirm.
import fs from 'node:fs';
import path from 'node:path';
import { Argument, type Command } from 'commander';
import type { LedgerCreated, LedgerKind, LedgerOnboardReport, LedgerRowError } from '../api/contract.ledgers.js';
import { ledgerKinds } from '../api/contract.ledgers.js';
import { writeFileAtomic } from '../common/atomic-file.js';
import { LedgerError } from '../common/errors.js';
import { message, type MessageKey } from '../i18n/messages.js';
import { type CliKit, describeError } from './main.js';

const MAX_TEXT_ERRORS = 50;

function parseMap(text: string): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^([A-Za-z]{1,3})=(\w*)$/.exec(part);
    if (!m) throw new LedgerError('cli.usage', { detail: `--map ${part}` });
    out[m[1]!.toUpperCase()] = m[2] ? m[2] : null;
  }
  return out;
}

/** Every file written goes to a temporary name beside its target and is renamed into place once complete. */
function writeFile(out: string, data: Buffer, force: boolean | undefined): string {
  return writeFileAtomic(out, data, { force });
}

const MAX_TEXT_CREATED = 50;

function printErrors(out: (t: string) => void, errors: readonly LedgerRowError[], indent = ''): void {
  for (const e of errors.slice(0, MAX_TEXT_ERRORS)) {
    const where = [e.sheet, e.row ? `第 ${e.row} 行` : '', e.column ? `${e.column} 列${e.header ? `（${e.header}）` : ''}` : ''].filter(Boolean).join(' ');
    out(`${indent}${where}${e.value ? ` “${e.value}”` : ''}：${e.message}`);
  }
  if (errors.length > MAX_TEXT_ERRORS) {
    const t = message('ledgers.cli.moreErrors', { count: errors.length - MAX_TEXT_ERRORS });
    out(`${indent}${t.zh} (${t.en})`);
  }
}

/** Master data created (or that would be), one line each: kind, code, name, where it belongs, where it was named. */
function printCreated(out: (t: string) => void, created: readonly LedgerCreated[], dryRun: boolean): void {
  if (!created.length) return;
  const t = message(dryRun ? 'ledgers.cli.wouldCreate' : 'ledgers.cli.createdMaster');
  out(`${t.zh} (${t.en})`);
  for (const c of created.slice(0, MAX_TEXT_CREATED)) {
    const what = message(`ledgers.master.${c.kind}` as MessageKey).zh;
    const where = [c.file, c.sheet, c.row ? `第 ${c.row} 行` : ''].filter(Boolean).join(' ');
    out(`  ${what} ${c.code} ${c.name}${c.parent ? `（属 ${c.parent}）` : ''}${c.implied ? '' : ' [编码自动生成]'}  ← ${where}`);
  }
  if (created.length > MAX_TEXT_CREATED) {
    const m = message('ledgers.cli.moreCreated', { count: created.length - MAX_TEXT_CREATED });
    out(`  ${m.zh} (${m.en})`);
  }
}

function printOnboard(io: CliKit['io'], report: LedgerOnboardReport, plan: boolean): void {
  report.files.forEach((f, i) => {
    if (f.refusal || !f.report || !f.kind) {
      const t = message('ledgers.cli.onboardRefused', { n: i + 1, file: f.fileName, reason: f.refusal?.message ?? '' });
      io.err(t.zh);
      return;
    }
    const k = message(`ledgers.kind.${f.kind}` as MessageKey);
    const head = message('ledgers.cli.onboardFile', { n: i + 1, file: f.fileName, kind: `${k.zh}（${f.kind}）`, kindEn: k.en });
    const r = f.report;
    const rows = message(r.ok && plan ? 'ledgers.cli.dryRun' : 'ledgers.cli.imported', { ...r.rows });
    (r.ok ? io.out : io.err)(`${head.zh}${r.ok ? rows.zh : message('ledgers.cli.failed', { count: r.errors.length }).zh}`);
    printErrors(io.err, r.errors, '   ');
  });
  if (report.ok) printCreated(io.out, report.createdMaster, !report.committed);
  const rows = report.files.reduce((n, f) => n + (f.report?.rows.imported ?? 0), 0);
  const problems = report.errors + report.files.filter((f) => f.refusal).length;
  const t = !report.ok
    ? message('ledgers.cli.onboardFailed', { count: problems })
    : message(report.committed ? 'ledgers.cli.onboardDone' : 'ledgers.cli.onboardPlan', { files: report.files.length, rows, created: report.createdMaster.length });
  (report.ok ? io.out : io.err)(`${report.ok ? '' : '错误：'}${t.zh} (${t.en})`);
}

/** --kind FILE=KIND, repeated. */
function parseKinds(pairs: readonly string[]): Map<string, LedgerKind> {
  const out = new Map<string, LedgerKind>();
  for (const pair of pairs) {
    const at = pair.lastIndexOf('=');
    const kind = pair.slice(at + 1).trim();
    if (at <= 0 || !(ledgerKinds as readonly string[]).includes(kind)) throw new LedgerError('cli.usage', { detail: `--kind ${pair}` });
    out.set(pair.slice(0, at).trim(), kind as LedgerKind);
  }
  return out;
}

/** A file to import, as base64; a missing one is a file that cannot be read (exit 2). */
function readInput(file: string): string {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new LedgerError('ledgers.file.notFound', { file: path.resolve(file) });
  // The contract refuses empty data as bad input (exit 1); an empty file is a file that cannot be read (exit 2).
  if (fs.statSync(file).size === 0) throw new LedgerError('ledgers.file.empty', { file: path.basename(file) });
  return fs.readFileSync(file).toString('base64');
}

export function registerLedgerCommands(kit: CliKit): void {
  const { command, withLedger, call, json, io, setExit } = kit;
  /** Runs an import; a file that cannot be read is said in one line and exits 2 (null). */
  async function unlessUnreadable<T>(run: () => Promise<T>): Promise<T | null> {
    try {
      return await run();
    } catch (e) {
      if (e instanceof LedgerError && e.code.startsWith('ledgers.file.')) {
        io.err(describeError(e));
        setExit(2);
        return null;
      }
      throw e;
    }
  }
  const kindArgument = () => new Argument('<kind>', '种类 (kind)').choices(ledgerKinds);

  command('import', '导入 Excel/CSV 台账：全部行无误才写入 (import a ledger workbook; all rows or none)')
    .addArgument(kindArgument())
    .argument('<file>', '.xlsx/.xlsm/.xls/.et/.ods/.xlsb、网页 .xls/.html 或 .csv 文件 (file)')
    .option('--dry-run', '只检查，不写入 (check only, write nothing)')
    .option('--json', '输出 JSON (print JSON)')
    .option('--sheet <name>', '只导入这个工作表 (only this sheet)')
    .option('--location <code>', '未注明地点的行所用的存放地点 (location for rows that name none)')
    .option('--map <pairs>', '改正列的对应，如 A=itemCode,F= (fix the column mapping)')
    .option('--force', '同样内容的文件已导入过也再导入 (import a file imported before)')
    .option('--create-missing', '新建表中写到而台账中没有的街道、村社、存放地点和物资，并逐项列出 (create the streets, villages, locations and items the file names but the ledger lacks, each listed)')
    .option('--district <name>', '台账中还没有区县时，本表所属的区县名称 (the district, for a ledger that has none yet)')
    .option('--error-workbook <file>', '有错误时写出标注了错误的工作簿 (write the workbook with the errors marked)')
    .action(
      async (
        kind: LedgerKind,
        file: string,
        opts: {
          dryRun?: boolean;
          json?: boolean;
          sheet?: string;
          location?: string;
          map?: string;
          force?: boolean;
          createMissing?: boolean;
          district?: string;
          errorWorkbook?: string;
        },
        cmd: Command,
      ) => {
        const report = await unlessUnreadable(() =>
          withLedger(cmd, (ctx) =>
            call(ctx, 'ledgers.import', {
              kind,
              fileName: path.basename(file),
              data: readInput(file),
              dryRun: Boolean(opts.dryRun),
              sheet: opts.sheet,
              locationCode: opts.location,
              mapping: opts.map ? parseMap(opts.map) : undefined,
              force: Boolean(opts.force),
              createMissing: Boolean(opts.createMissing),
              district: opts.district,
              errorWorkbook: Boolean(opts.errorWorkbook),
            }),
          ),
        );
        if (!report) return;
        const { errorWorkbook, ...shown } = report;
        if (errorWorkbook && opts.errorWorkbook) {
          const written = writeFile(opts.errorWorkbook, Buffer.from(errorWorkbook, 'base64'), true);
          const t = message('ledgers.cli.errorWorkbook', { file: written });
          (opts.json ? io.err : io.out)(`${t.zh} (${t.en})`);
        }
        if (opts.json) json(shown);
        else if (report.ok) {
          const t = message(report.dryRun ? 'ledgers.cli.dryRun' : 'ledgers.cli.imported', { ...report.rows });
          io.out(`${t.zh} (${t.en})`);
          const made = Object.entries(report.created)
            .filter(([, n]) => n > 0)
            .map(([k, n]) => `${k} ${n}`)
            .join(', ');
          if (made) io.out(made);
          printCreated(io.out, report.createdMaster, report.dryRun);
        } else {
          printErrors(io.err, report.errors);
          const t = message('ledgers.cli.failed', { count: report.errors.length });
          io.err(`错误：${t.zh} (${t.en})`);
        }
        if (!report.ok) setExit(1);
      },
    );

  command('onboard', '一次导入局里的全部台账：自动识别每个文件的种类，按 区域→地点→物资→库存→装备→场所 排序，一个事务写入 (onboard a bureau\'s workbooks in one step)')
    .argument('<files...>', '.xlsx 或 .csv 文件，顺序不限 (files, in any order)')
    .option('--dry-run', '只列出导入计划，不写入 (show the plan, write nothing)')
    .option('--yes', '确认：按计划全部写入 (confirm: write it all)')
    .option('--json', '输出 JSON (print JSON)')
    .option('--district <name>', '台账中还没有区县时，区县名称 (the district, for a ledger that has none yet)')
    .option('--kind <file=kind>', '指明某个文件的种类，可重复 (name a file\'s kind; repeatable)', (v: string, all: string[]) => [...all, v], [] as string[])
    .option('--force', '同样内容的文件已导入过也再导入 (import files imported before)')
    .action(async (files: string[], opts: { dryRun?: boolean; yes?: boolean; json?: boolean; district?: string; kind: string[]; force?: boolean }, cmd: Command) => {
      const chosen = parseKinds(opts.kind);
      const commit = Boolean(opts.yes) && !opts.dryRun;
      const report = await unlessUnreadable(() => {
        const inputs = files.map((file) => ({ fileName: path.basename(file), data: readInput(file), kind: chosen.get(path.basename(file)) ?? chosen.get(file) }));
        return withLedger(cmd, (ctx) => call(ctx, 'ledgers.onboard', { files: inputs, commit, district: opts.district, force: Boolean(opts.force), errorWorkbook: false }));
      });
      if (!report) return;
      if (opts.json) json(report);
      else printOnboard(io, report, Boolean(opts.dryRun) || !opts.yes);
      if (report.unreadable) setExit(2);
      else if (!report.ok) setExit(1);
      else if (!report.committed && !opts.dryRun) {
        // Neither --yes nor --dry-run: the plan is shown, and the exit says nothing was written.
        if (!opts.json) {
          const t = message('ledgers.cli.onboardAskYes');
          io.err(`${t.zh} (${t.en})`);
        }
        setExit(1);
      }
    });

  command('export', '导出台账为 Excel（局里的格式） (export a ledger workbook in the bureau\'s shape)')
    .addArgument(kindArgument())
    .requiredOption('--out <file>', '输出文件 (output file)')
    .option('--location <code>', '只导出这个存放地点 (one location only)')
    .option('--force', '覆盖已有文件 (overwrite)')
    .action(async (kind: LedgerKind, opts: { out: string; location?: string; force?: boolean }, cmd: Command) => {
      if (fs.existsSync(opts.out) && !opts.force) throw new LedgerError('cli.fileExists', { file: path.resolve(opts.out) });
      const r = await withLedger(cmd, (ctx) => call(ctx, 'ledgers.export', { kind, locationCode: opts.location }));
      const t = message('ledgers.cli.written', { file: writeFile(opts.out, Buffer.from(r.data, 'base64'), opts.force) });
      io.out(`${t.zh} (${t.en})`);
    });

  command('template', '写出空白导入模板：表头和一行示例 (write an empty import template: headers and an example row)')
    .addArgument(kindArgument())
    .requiredOption('--out <file>', '输出文件 (output file)')
    .option('--force', '覆盖已有文件 (overwrite)')
    .action(async (kind: LedgerKind, opts: { out: string; force?: boolean }, cmd: Command) => {
      if (fs.existsSync(opts.out) && !opts.force) throw new LedgerError('cli.fileExists', { file: path.resolve(opts.out) });
      const r = await withLedger(cmd, (ctx) => call(ctx, 'ledgers.template', { kind }));
      const t = message('ledgers.cli.written', { file: writeFile(opts.out, Buffer.from(r.data, 'base64'), opts.force) });
      io.out(`${t.zh} (${t.en})`);
    });
}
