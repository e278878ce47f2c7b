// The stocktake's workbooks: printable count sheets (one per location), reading them back once filled in, and the
// 盘点报告 that goes up by 10 January. Files are bytes here; paths belong to the doors.
import type ExcelJS from 'exceljs';
import { loadExcel } from '../common/excel.js';
import { type Cell, columnLetter, displayText } from '../ledgers/cells.js';
import { openSource } from '../ledgers/read/open.js';
import { collectSheets, type ReadSheet } from '../ledgers/read/source.js';
import { bookWithheld, type ImportCountsResult, type StocktakeLine, type StocktakeView } from '../api/contract.stocktake.js';
import { today } from '../common/dates.js';
import { LedgerError } from '../common/errors.js';
import type { Db } from '../db/executor.js';
import { message } from '../i18n/messages.js';
import { guardFormula } from '../ledgers/normalise.js';
import { stocktakeLabels } from '../i18n/stocktake.js';
import { getSetting } from '../settings/settings.js';
import { recordCounts, reviewStocktake, stocktakeView } from './stocktake.js';

const THIN = { style: 'thin' as const, color: { argb: 'FF999999' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFDDE6F0' } };
const LINE_ID = '行号';
const COUNTED = '实盘数';
const REASON = '差异原因';

/**
 * Every text these workbooks show comes from what people typed (names, batches, reasons, signatures): one that a
 * spreadsheet would run as a formula gets the leading apostrophe our imports take off again.
 */
const inert = <T>(v: T): T | string => (typeof v === 'string' ? guardFormula(v) : v);

interface Column {
  header: string;
  width: number;
  value: (l: StocktakeLine) => string | number | null;
  numFmt?: string;
}

function sheetTitle(ws: ExcelJS.Worksheet, title: string, subtitle: string, width: number): void {
  ws.mergeCells(1, 1, 1, width);
  ws.getCell(1, 1).value = inert(title);
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, width);
  ws.getCell(2, 1).value = inert(subtitle);
  ws.getRow(1).height = 26;
}

function table(ws: ExcelJS.Worksheet, startRow: number, columns: Column[], lines: StocktakeLine[]): number {
  const head = ws.getRow(startRow);
  columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    ws.getColumn(i + 1).width = c.width;
  });
  lines.forEach((l, r) => {
    const row = ws.getRow(startRow + 1 + r);
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.value = inert(c.value(l));
      cell.border = BORDER;
      if (c.numFmt) cell.numFmt = c.numFmt;
    });
  });
  ws.views = [{ state: 'frozen', ySplit: startRow }];
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${startRow}:${startRow}` };
  return startRow + lines.length;
}

const qty = '#,##0.###';
const money = '#,##0.00';
const baseColumns: Column[] = [
  { header: LINE_ID, width: 8, value: (l) => l.lineId },
  { header: '物资编码', width: 12, value: (l) => l.itemCode },
  { header: '品名', width: 16, value: (l) => l.itemName },
  { header: '规格型号', width: 18, value: (l) => l.spec },
  { header: '单位', width: 6, value: (l) => l.unit },
  { header: '批次号', width: 18, value: (l) => l.batchNo },
  { header: '有效期至', width: 12, value: (l) => l.expiryDate },
  { header: '库位', width: 8, value: () => null },
];

async function toBase64(wb: ExcelJS.Workbook): Promise<string> {
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

/** Count sheets: one worksheet per location, the book omitted in a blind count, an empty 实盘数 column, signatures. */
export async function countSheet(db: Db, id: number): Promise<{ fileName: string; data: string }> {
  const view = stocktakeView(db, id);
  const wb = new (await loadExcel()).Workbook();
  const org = getSetting(db, 'org.name');
  for (const loc of view.locations) {
    const lines = view.items.filter((l) => l.locationCode === loc.code);
    const ws = wb.addWorksheet(sheetName(loc.name, loc.code));
    const order = new Map(lines.map((l, i) => [l.lineId, i + 1]));
    const columns: Column[] = [
      // 序号 is what counters read on paper; 行号 ties the row back to its line when the sheet is imported.
      { header: '序号', width: 6, value: (l) => order.get(l.lineId) ?? null },
      ...baseColumns,
      ...(view.blind ? [] : [{ header: '账面数', width: 10, value: (l: StocktakeLine) => l.frozen, numFmt: qty }]),
      { header: COUNTED, width: 10, value: () => null, numFmt: qty },
      { header: REASON, width: 20, value: () => null },
    ];
    sheetTitle(ws, `${org}应急物资年度盘点表`, `盘点单号：${view.no}    盘点地点：${loc.name}（${loc.code}）    盘点日期：${view.date}${view.blind ? '    盲盘' : ''}`, columns.length);
    const last = table(ws, 3, columns, lines);
    // Room to write a count by hand on the printed sheet.
    for (let r = 4; r <= last; r++) ws.getRow(r).height = 22;
    const sign = ws.getRow(last + 2);
    sign.getCell(1).value = '盘点人（签字）：________________';
    sign.getCell(5).value = '监盘人（签字）：________________';
    sign.getCell(9).value = '日期：____________';
  }
  return { fileName: `${view.no}-盘点表.xlsx`, data: await toBase64(wb) };
}

function sheetName(name: string, code: string): string {
  // Excel allows 31 characters and none of : \ / ? * [ ]
  return `${code} ${name}`.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
}

function cellText(c: Cell | undefined): string {
  return typeof c === 'string' ? c.trim() : displayText(c);
}

/** A count as a person types it: full-width digits, thousands separators and a trailing unit are tolerated. */
function parseCount(text: string, unit: string): number | null {
  const t = text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/．/g, '.')
    .replace(/[,，\s]/g, '')
    .replace(new RegExp(`${unit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`), '');
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : null;
}

/** Reads a filled count sheet: every row with a 行号 and a 实盘数 becomes a count; any bad row writes nothing. */
export async function importCounts(db: Db, input: { id: number; fileName: string; data: string; countedBy: string; date: string }): Promise<ImportCountsResult> {
  const view = stocktakeView(db, input.id);
  const lines = new Map(view.items.map((l) => [l.lineId, l]));
  // Read as the importer reads ledgers: the sheet may come back re-saved by WPS or LibreOffice in any format.
  let sheets: ReadSheet[];
  try {
    sheets = collectSheets((await openSource(Buffer.from(input.data, 'base64'), input.fileName)).source);
  } catch (e) {
    throw new LedgerError('stocktake.sheetUnreadable', { file: input.fileName, detail: e instanceof LedgerError ? e.zh : (e as Error).message });
  }
  const errors: ImportCountsResult['errors'] = [];
  const counts: { lineId: number; counted: number; reason?: string }[] = [];
  for (const ws of sheets) {
    let header = -1;
    const cols: Record<string, number> = {};
    for (let i = 0; i < ws.rows.length && ws.rows[i]!.row <= 15 && header < 0; i++) {
      ws.rows[i]!.cells.forEach((c, k) => {
        const t = cellText(c);
        if (t === LINE_ID || t === COUNTED || t === REASON) cols[t] = k;
      });
      if (cols[LINE_ID] !== undefined && cols[COUNTED] !== undefined) header = i;
    }
    if (header < 0) continue;
    for (const row of ws.rows.slice(header + 1)) {
      const idText = cellText(row.cells[cols[LINE_ID]!]);
      const countText = cellText(row.cells[cols[COUNTED]!]);
      if (!/^\d+$/.test(idText)) continue; // signature lines, notes, blanks
      const line = lines.get(Number(idText));
      const err = (column: number, header: string, value: string, m: { zh: string; en: string }) =>
        errors.push({ sheet: ws.name, row: row.row, column: columnLetter(column), header, value, message: `${m.zh} (${m.en})` });
      if (!line) {
        err(cols[LINE_ID]!, LINE_ID, idText, message('stocktake.sheetLine', { value: idText }));
        continue;
      }
      if (countText === '') continue;
      const counted = parseCount(countText, line.unit);
      if (counted === null) {
        err(cols[COUNTED]!, COUNTED, countText, message('stocktake.sheetCount', { value: countText }));
        continue;
      }
      const reason = cols[REASON] !== undefined ? cellText(row.cells[cols[REASON]]) : '';
      counts.push({ lineId: line.lineId, counted, ...(reason ? { reason } : {}) });
    }
  }
  if (errors.length === 0 && counts.length > 0) {
    try {
      db.tx(() => recordCounts(db, { id: input.id, countedBy: input.countedBy, date: input.date, counts }));
    } catch (e) {
      if (!(e instanceof LedgerError)) throw e;
      const m = /^counts\.(\d+)\./.exec(e.field ?? '');
      const c = m ? counts[Number(m[1])] : undefined;
      errors.push({ sheet: '', row: 0, column: '', header: COUNTED, value: c ? String(c.counted) : '', message: e.message });
    }
  }
  return { counted: errors.length ? 0 : counts.length, errors };
}

/** 盘点报告: summary per location, every variance with reason and sign-off, every line, and the equipment audit. */
export async function stocktakeReport(db: Db, id: number): Promise<{ fileName: string; data: string }> {
  const view: StocktakeView = stocktakeView(db, id);
  // The report shows the book: a blind count has it only once every line is counted (./blind.ts).
  if (bookWithheld(view)) throw new LedgerError('stocktake.bookWithheld', { no: view.no, left: view.lines - view.counted });
  const review = reviewStocktake(db, id);
  const org = getSetting(db, 'org.name');
  const wb = new (await loadExcel()).Workbook();
  const status = stocktakeLabels.status[view.status].zh;
  const subtitle = `盘点单号：${view.no}    盘点日期：${view.date}    状态：${status}    盘点人：${view.counter ?? '—'}    监盘人：${view.supervisor ?? '—'}    过账日期：${view.postedOn ?? '—'}`;
  const madeOn = `制表单位：${org}    制表日期：${today()}`;

  const summary = wb.addWorksheet('汇总');
  const perLocation = view.locations.map((loc) => {
    const ls = view.items.filter((l) => l.locationCode === loc.code);
    const gains = ls.filter((l) => (l.difference ?? 0) > 0);
    const losses = ls.filter((l) => (l.difference ?? 0) < 0);
    const value = (xs: StocktakeLine[]) => xs.reduce((a, l) => a + Math.round((l.value ?? 0) * 100), 0) / 100;
    return { loc, lines: ls.length, counted: ls.filter((l) => l.counted !== null).length, gains: gains.length, gainValue: value(gains), losses: losses.length, lossValue: value(losses) };
  });
  sheetTitle(summary, `${org}应急物资年度盘点报告`, subtitle, 7);
  summary.getCell(2, 1).alignment = { wrapText: true, vertical: 'top' };
  summary.getRow(2).height = 34;
  summary.getCell(2, 1).value = inert(`${subtitle}\n${madeOn}`);
  const heads = ['存放地点', '盘点行数', '已盘行数', '盘盈行数', '盘盈金额', '盘亏行数', '盘亏金额'];
  heads.forEach((h, i) => {
    const cell = summary.getRow(3).getCell(i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    summary.getColumn(i + 1).width = i === 0 ? 34 : 12;
  });
  perLocation.forEach((p, r) => {
    const row = summary.getRow(4 + r);
    [`${p.loc.name}（${p.loc.code}）`, p.lines, p.counted, p.gains, p.gainValue, p.losses, p.lossValue].forEach((v, i) => {
      row.getCell(i + 1).value = inert(v);
      row.getCell(i + 1).border = BORDER;
      if (i === 4 || i === 6) row.getCell(i + 1).numFmt = money;
    });
  });
  const total = summary.getRow(4 + perLocation.length);
  ['合计', view.items.length, view.counted, review.variances.filter((l) => l.difference! > 0).length, review.totals.gainValue, review.variances.filter((l) => l.difference! < 0).length, review.totals.lossValue].forEach((v, i) => {
    total.getCell(i + 1).value = v;
    total.getCell(i + 1).font = { bold: true };
    total.getCell(i + 1).border = BORDER;
    if (i === 4 || i === 6) total.getCell(i + 1).numFmt = money;
  });
  const u = review.units;
  summary.getRow(6 + perLocation.length).getCell(1).value = `装备核查：见到 ${u.seen}，未见 ${u.notSeen}，未核查 ${u.unchecked}，盘点中发现的账外装备 ${u.unexpected}`;
  summary.getRow(8 + perLocation.length).getCell(1).value = inert(`盘点人（签字）：${view.counter ?? '________'}        监盘人（签字）：${view.supervisor ?? '________'}`);
  summary.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };

  const lineColumns: Column[] = [
    { header: '存放地点', width: 24, value: (l) => l.locationName },
    ...baseColumns.filter((c) => c.header !== '库位'),
    { header: '账面数', width: 10, value: (l) => l.book, numFmt: qty },
    { header: COUNTED, width: 10, value: (l) => l.counted, numFmt: qty },
    { header: '差异', width: 10, value: (l) => l.difference, numFmt: qty },
    { header: '单价', width: 10, value: (l) => l.unitPrice, numFmt: money },
    { header: '差异金额', width: 12, value: (l) => l.value, numFmt: money },
    { header: REASON, width: 22, value: (l) => l.reason },
    { header: '盘点人', width: 10, value: (l) => l.countedBy },
    { header: '处理', width: 10, value: (l) => (l.difference ? (view.status === 'posted' ? (l.difference > 0 ? '已盘盈入账' : '已盘亏入账') : '待过账') : '') },
  ];
  const variances = wb.addWorksheet('差异明细');
  sheetTitle(variances, `${org}年度盘点差异明细`, subtitle, lineColumns.length);
  table(variances, 3, lineColumns, review.variances);
  const all = wb.addWorksheet('盘点明细');
  sheetTitle(all, `${org}年度盘点明细（全部 ${view.items.length} 行）`, subtitle, lineColumns.length);
  table(all, 3, lineColumns, view.items);

  const audit = wb.addWorksheet('装备核查');
  sheetTitle(audit, `${org}年度盘点装备核查`, subtitle, 5);
  ['装备类型', '出厂编号', '应在', '核查结果', '备注'].forEach((h, i) => {
    const cell = audit.getRow(3).getCell(i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    audit.getColumn(i + 1).width = [14, 22, 28, 14, 24][i]!;
  });
  view.units.forEach((unit, r) => {
    const row = audit.getRow(4 + r);
    [unit.kindName, unit.serialNo, unit.expectedAt ?? '（账外）', unit.unexpected ? '账外发现' : unit.seen === null ? '未核查' : unit.seen ? '见到' : '未见', unit.note].forEach((v, i) => {
      row.getCell(i + 1).value = inert(v);
      row.getCell(i + 1).border = BORDER;
    });
  });
  audit.views = [{ state: 'frozen', ySplit: 3 }];
  audit.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' };
  return { fileName: `${view.no}-盘点报告.xlsx`, data: await toBase64(wb) };
}
