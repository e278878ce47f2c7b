// `stocktake …`: the whole annual count from the command line, so it can be scripted.
import fs from 'node:fs';
import path from 'node:path';
import { type Command, Option } from 'commander';
import { bookWithheld } from '../api/contract.stocktake.js';
import { today } from '../common/dates.js';
import { prepareTarget, writeFileAtomic } from '../common/atomic-file.js';
import { LedgerError } from '../common/errors.js';
import { stocktakeLabels } from '../i18n/stocktake.js';
import type { CliKit } from './main.js';
import { renderTable } from './table.js';

export function registerStocktakeCommands(kit: CliKit): void {
  const { command, withLedger, call, json, io, setExit } = kit;
  const group = command('stocktake', '年度盘点：开始、盘点表、导入实盘数、审核、过账、报告 (annual stocktake)');
  const sub = (name: string, description: string) =>
    group.command(name).description(description).addOption(new Option('--db <file>', '数据库文件 (database file)')).exitOverride().configureOutput(group.configureOutput());
  const id = (text: string) => {
    if (!/^\d+$/.test(text)) throw new LedgerError('cli.usage', { detail: `ID ${text}` });
    return Number(text);
  };
  // Refused before the work when the target exists (unless --force); written under a temporary name, then renamed.
  const checkOut = (out: string, force: boolean | undefined) => prepareTarget(out, { force });
  const writeOut = (out: string, data: string, force: boolean | undefined) => {
    io.out(`已写出 (written)：${writeFileAtomic(out, Buffer.from(data, 'base64'), { force })}`);
  };

  sub('start', '开始盘点：冻结账面数 (start: freeze the book)')
    .option('--location <code...>', '存放地点编码，可多个 (location codes)')
    .option('--street <code>', '整个街道/镇 (a whole street/town)')
    .option('--blind', '盲盘：盘点表不印账面数 (blind count)')
    .option('--date <date>', '盘点日期 (date)', today())
    .option('--json', '输出 JSON (print JSON)')
    .action(async (opts: { location?: string[]; street?: string; blind?: boolean; date: string; json?: boolean }, cmd: Command) => {
      const v = await withLedger(cmd, (ctx) => call(ctx, 'stocktake.start', { locationCodes: opts.location ?? [], streetCode: opts.street, blind: Boolean(opts.blind), date: opts.date }));
      if (opts.json) return json({ id: v.id, no: v.no, status: v.status, lines: v.lines, units: v.units.length });
      io.out(`盘点单已开始 (started)：ID ${v.id}，${v.no}，${v.lines} 行物资，${v.units.length} 台装备`);
    });

  sub('sheet', '导出盘点表 (write the count sheets)')
    .argument('<id>')
    .requiredOption('--out <file>', '输出文件 (output file)')
    .option('--force', '覆盖已有文件 (replace an existing file)')
    .action(async (idText: string, opts: { out: string; force?: boolean }, cmd: Command) => {
      checkOut(opts.out, opts.force);
      const r = await withLedger(cmd, (ctx) => call(ctx, 'stocktake.sheet', { id: id(idText) }));
      writeOut(opts.out, r.data, opts.force);
    });

  sub('import', '导入填好的盘点表 (read a filled count sheet)')
    .argument('<id>')
    .argument('<file>')
    .option('--by <name>', '盘点人 (counted by)', '盘点组')
    .option('--date <date>', '盘点日期 (date)', today())
    .option('--json', '输出 JSON (print JSON)')
    .action(async (idText: string, file: string, opts: { by: string; date: string; json?: boolean }, cmd: Command) => {
      if (!fs.existsSync(file)) throw new LedgerError('db.notFound', { file });
      const data = fs.readFileSync(file).toString('base64');
      const r = await withLedger(cmd, (ctx) => call(ctx, 'stocktake.importCounts', { id: id(idText), fileName: path.basename(file), data, countedBy: opts.by, date: opts.date }));
      if (opts.json) json(r);
      else if (r.errors.length === 0) io.out(`已导入实盘数 (counts imported)：${r.counted} 行`);
      else for (const e of r.errors) io.err(`${e.sheet} 第 ${e.row} 行 ${e.column} 列（${e.header}）“${e.value}”：${e.message}`);
      if (r.errors.length) setExit(1);
    });

  sub('review', '差异与未盘行 (variances and uncounted lines)')
    .argument('<id>')
    .option('--json', '输出 JSON (print JSON)')
    .action(async (idText: string, opts: { json?: boolean }, cmd: Command) => {
      const r = await withLedger(cmd, (ctx) => call(ctx, 'stocktake.review', { id: id(idText) }));
      if (opts.json) return json(r);
      const differences = bookWithheld(r.header) ? '差异待全部实盘后显示 (blind count: differences show once every line is counted)' : `差异 ${r.variances.length} 行`;
      io.out(`${r.header.no}（${stocktakeLabels.status[r.header.status].zh}）：${r.header.counted}/${r.header.lines} 行已盘，${differences}，未盘 ${r.uncounted.length} 行，缺原因 ${r.missingReasons} 行`);
      if (r.variances.length)
        io.out(
          renderTable(r.variances, [
            { title: '地点', value: (l) => l.locationName },
            { title: '品名', value: (l) => l.itemName },
            { title: '批次', value: (l) => l.batchNo },
            { title: '账面', value: (l) => l.book, align: 'right' },
            { title: '实盘', value: (l) => l.counted, align: 'right' },
            { title: '差异', value: (l) => l.difference, align: 'right' },
            { title: '原因', value: (l) => l.reason },
          ]),
        );
    });

  sub('post', '签字过账：盘盈/盘亏入账 (sign off and post the differences)')
    .argument('<id>')
    .requiredOption('--counter <name>', '盘点人 (counter)')
    .requiredOption('--supervisor <name>', '监盘人 (supervisor)')
    .option('--date <date>', '过账日期 (date)', today())
    .option('--json', '输出 JSON (print JSON)')
    .action(async (idText: string, opts: { counter: string; supervisor: string; date: string; json?: boolean }, cmd: Command) => {
      const v = await withLedger(cmd, (ctx) => call(ctx, 'stocktake.post', { id: id(idText), counter: opts.counter, supervisor: opts.supervisor, date: opts.date }));
      if (opts.json) return json({ id: v.id, no: v.no, status: v.status, differences: v.differences });
      io.out(`已过账 (posted)：${v.no}，差异 ${v.differences} 行已入账`);
    });

  sub('report', '导出盘点报告 (write the stocktake report)')
    .argument('<id>')
    .requiredOption('--out <file>', '输出文件 (output file)')
    .option('--force', '覆盖已有文件 (replace an existing file)')
    .action(async (idText: string, opts: { out: string; force?: boolean }, cmd: Command) => {
      checkOut(opts.out, opts.force);
      const r = await withLedger(cmd, (ctx) => call(ctx, 'stocktake.report', { id: id(idText) }));
      writeOut(opts.out, r.data, opts.force);
    });
}
