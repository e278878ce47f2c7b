// Exports and templates of every kind, as bytes or into a stream (the CLI writes a file, the contract base64).
import { PassThrough, type Writable } from 'node:stream';
import type { LedgerKind } from '../../api/contract.ledgers.js';
import { today } from '../../common/dates.js';
import type { Db } from '../../db/executor.js';
import { message, type MessageKey } from '../../i18n/messages.js';
import type { JobProgress } from '../../jobs/progress.js';
import { requireLocation } from '../../places/locations.js';
import { heading } from '../kinds/common.js';
import { kinds } from '../kinds/index.js';
import type { ExportOptions } from '../kinds/kind.js';
import { type ExportColumn, type ExportSheet, type GuideSheet, writeLedgerSheet } from './sheet.js';

function safeName(s: string): string {
  return s.replace(/[\\/:*?"<>|]/g, '_');
}

/** Writes the kind's ledger into `out`; returns the file name it should have. */
export async function exportLedger(
  db: Db,
  kind: LedgerKind,
  options: ExportOptions,
  out: Writable,
  progress?: (p: JobProgress) => void,
): Promise<{ fileName: string; rows: number }> {
  if (options.locationCode) requireLocation(db, options.locationCode);
  const date = today();
  const sheet = kinds[kind].exportSheet(db, options);
  const { rows } = await writeLedgerSheet(out, sheet, { ...heading(db), date }, undefined, progress);
  return { fileName: `${safeName(sheet.title)}-${date}.xlsx`, rows };
}

async function collect(write: (out: Writable) => Promise<unknown>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  await write(out);
  out.end();
  await done;
  return Buffer.concat(chunks);
}

export async function exportLedgerBytes(
  db: Db,
  kind: LedgerKind,
  options: ExportOptions = {},
  progress?: (p: JobProgress) => void,
): Promise<{ fileName: string; data: Buffer }> {
  let fileName = '';
  const data = await collect(async (out) => {
    fileName = (await exportLedger(db, kind, options, out, progress)).fileName;
  });
  return { fileName, data };
}

/** An empty workbook in the export's shape: the headers, one example row (序号 示例, which imports skip), a guide. */
export async function ledgerTemplate(db: Db, kind: LedgerKind): Promise<{ fileName: string; data: Buffer }> {
  const spec = kinds[kind];
  const shape = spec.exportSheet(db, {});
  const example = spec.example;
  const byHeader = new Map(spec.fields.map((f) => [f.header, f]));
  const columns: ExportColumn<null>[] = shape.columns.map((c) => {
    const field = byHeader.get(c.header);
    const v = field ? example[field.key] : undefined;
    return { header: c.header, type: c.type, width: c.width, value: () => (v === '' ? null : v) };
  });
  const sheet: ExportSheet<null> = { sheetName: shape.sheetName, title: shape.title, columns, rows: [null], totals: false, firstCell: message('ledgers.export.example').zh };
  const kindName = message(`ledgers.kind.${kind}` as MessageKey).zh;
  const guide: GuideSheet = {
    name: message('ledgers.export.guide').zh,
    rows: [
      ['列名', '必填', '说明'],
      ...shape.columns
        .map((c) => byHeader.get(c.header))
        .filter((f) => f !== undefined && f.key !== 'seq')
        .map((f) => [
          f!.header,
          f!.required ? '是' : '',
          [
            f!.synonyms?.length ? `也可写作：${f!.synonyms.slice(0, 6).join('、')}` : '',
            f!.choices ? `可填：${[...new Set(Object.keys(f!.choices).filter((k) => /[^\x00-\x7f]/.test(k)))].slice(0, 12).join('、')}` : '',
            f!.type === 'date' ? '日期，如 2026-05-01' : '',
            f!.informational ? '仅供核对，不导入' : '',
          ]
            .filter(Boolean)
            .join('；'),
        ]),
      ['', '', `“序号”为“示例”的一行不会被导入。${kindName}导入时，表头上方可以有标题行和“填报单位/日期”行，表尾的合计行与“注：”“制表人”等说明行会被跳过。`],
    ],
  };
  const data = await collect((out) => writeLedgerSheet(out, sheet, { ...heading(db), date: today() }, guide));
  return { fileName: `${safeName(shape.title)}-模板.xlsx`, data };
}
