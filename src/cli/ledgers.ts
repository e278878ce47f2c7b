// `import`, `export`, `template`: Excel ledgers from the command line. Exit codes of import: 0 all rows imported,
// 1 validation errors (nothing written) or a refusal, 2 a file that cannot be read or a usage error.
import fs from 'node:fs';
import path from 'node:path';
import { Argument, type Command } from 'commander';
import type { LedgerImportReport, LedgerKind } from '../api/contract.ledgers.js';
import { ledgerKinds } from '../api/contract.ledgers.js';
import { LedgerError } from '../common/errors.js';
import { message } from '../i18n/messages.js';
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

function writeFile(out: string, data: Buffer, force: boolean | undefined): string {
  const file = path.resolve(out);
  if (fs.existsSync(file) && !force) throw new LedgerError('cli.fileExists', { file });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, data);
  return file;
}

export function registerLedgerCommands(kit: CliKit): void {
  const { command, withLedger, call, json, io, setExit } = kit;
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
    .option('--error-workbook <file>', '有错误时写出标注了错误的工作簿 (write the workbook with the errors marked)')
    .action(
      async (
        kind: LedgerKind,
        file: string,
        opts: { dryRun?: boolean; json?: boolean; sheet?: string; location?: string; map?: string; force?: boolean; errorWorkbook?: string },
        cmd: Command,
      ) => {
        let report: LedgerImportReport;
        try {
          if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new LedgerError('ledgers.file.notFound', { file: path.resolve(file) });
          // The contract refuses empty data as bad input (exit 1); an empty file is a file that cannot be read.
          if (fs.statSync(file).size === 0) throw new LedgerError('ledgers.file.empty', { file: path.basename(file) });
          const data = fs.readFileSync(file).toString('base64');
          report = await withLedger(cmd, (ctx) =>
            call(ctx, 'ledgers.import', {
              kind,
              fileName: path.basename(file),
              data,
              dryRun: Boolean(opts.dryRun),
              sheet: opts.sheet,
              locationCode: opts.location,
              mapping: opts.map ? parseMap(opts.map) : undefined,
              force: Boolean(opts.force),
              errorWorkbook: Boolean(opts.errorWorkbook),
            }),
          );
        } catch (e) {
          if (e instanceof LedgerError && e.code.startsWith('ledgers.file.')) {
            io.err(describeError(e));
            setExit(2);
            return;
          }
          throw e;
        }
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
        } else {
          for (const e of report.errors.slice(0, MAX_TEXT_ERRORS)) {
            const where = [e.sheet, e.row ? `第 ${e.row} 行` : '', e.column ? `${e.column} 列${e.header ? `（${e.header}）` : ''}` : ''].filter(Boolean).join(' ');
            io.err(`${where}${e.value ? ` “${e.value}”` : ''}：${e.message}`);
          }
          if (report.errors.length > MAX_TEXT_ERRORS) {
            const t = message('ledgers.cli.moreErrors', { count: report.errors.length - MAX_TEXT_ERRORS });
            io.err(`${t.zh} (${t.en})`);
          }
          const t = message('ledgers.cli.failed', { count: report.errors.length });
          io.err(`错误：${t.zh} (${t.en})`);
        }
        if (!report.ok) setExit(1);
      },
    );

  command('export', '导出台账为 Excel（局里的格式） (export a ledger workbook in the bureau\'s shape)')
    .addArgument(kindArgument())
    .requiredOption('--out <file>', '输出文件 (output file)')
    .option('--location <code>', '只导出这个存放地点 (one location only)')
    .option('--force', '覆盖已有文件 (overwrite)')
    .action(async (kind: LedgerKind, opts: { out: string; location?: string; force?: boolean }, cmd: Command) => {
      if (fs.existsSync(opts.out) && !opts.force) throw new LedgerError('cli.fileExists', { file: path.resolve(opts.out) });
      const r = await withLedger(cmd, (ctx) => call(ctx, 'ledgers.export', { kind, locationCode: opts.location }));
      const t = message('ledgers.cli.written', { file: writeFile(opts.out, Buffer.from(r.data, 'base64'), true) });
      io.out(`${t.zh} (${t.en})`);
    });

  command('template', '写出空白导入模板：表头和一行示例 (write an empty import template: headers and an example row)')
    .addArgument(kindArgument())
    .requiredOption('--out <file>', '输出文件 (output file)')
    .option('--force', '覆盖已有文件 (overwrite)')
    .action(async (kind: LedgerKind, opts: { out: string; force?: boolean }, cmd: Command) => {
      if (fs.existsSync(opts.out) && !opts.force) throw new LedgerError('cli.fileExists', { file: path.resolve(opts.out) });
      const r = await withLedger(cmd, (ctx) => call(ctx, 'ledgers.template', { kind }));
      const t = message('ledgers.cli.written', { file: writeFile(opts.out, Buffer.from(r.data, 'base64'), true) });
      io.out(`${t.zh} (${t.en})`);
    });
}
