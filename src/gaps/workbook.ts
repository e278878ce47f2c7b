// 采购需求表 / 调拨建议表: the gap list as the workbook the bureau sends on — what to buy and what to move, grouped by
// street and item, with subtotals, the norm each line rests on, and the date; readiness gaps on a third sheet.
import type ExcelJS from 'exceljs';
import { loadExcel } from '../common/excel.js';
import type { Gap } from '../api/contract.gaps.js';
import { fromFen } from '../common/quantity.js';
import type { Db } from '../db/executor.js';
import { guardFormula } from '../ledgers/normalise.js';
import { getSetting } from '../settings/settings.js';
import { computeGaps } from './engine.js';

const THIN = { style: 'thin' as const, color: { argb: 'FFA6A6A6' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFDDEBF7' } };
const TOTAL_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFF2F2F2' } };

interface Col {
  header: string;
  width: number;
  numFmt?: string;
}

type Cell = string | number | null;

function addSheet(wb: ExcelJS.Workbook, name: string, title: string, heading: string, cols: Col[], rows: { cells: Cell[]; total?: boolean }[]): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.mergeCells(1, 1, 1, cols.length);
  // The titles start with the reporting unit's name, a setting a user types: guarded like every other text.
  ws.getCell(1, 1).value = guardFormula(title);
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.getRow(1).height = 28;
  ws.mergeCells(2, 1, 2, cols.length);
  ws.getCell(2, 1).value = guardFormula(heading);
  cols.forEach((c, i) => {
    const cell = ws.getRow(3).getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    ws.getColumn(i + 1).width = c.width;
  });
  rows.forEach((r, k) => {
    const row = ws.getRow(4 + k);
    r.cells.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = typeof v === 'string' ? guardFormula(v) : v;
      cell.border = BORDER;
      if (cols[i]!.numFmt) cell.numFmt = cols[i]!.numFmt!;
      if (r.total) {
        cell.font = { bold: true };
        cell.fill = TOTAL_FILL;
      }
    });
  });
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' };
}

const qty = '#,##0.###';
const money = '#,##0.00';
const byStreetItem = (a: Gap, b: Gap) => (a.street ?? '').localeCompare(b.street ?? '', 'zh') || (a.itemCode ?? '').localeCompare(b.itemCode ?? '') || a.placeCode.localeCompare(b.placeCode);

export async function requestWorkbook(db: Db, f: { streetCode?: string } = {}): Promise<{ fileName: string; data: string }> {
  const report = computeGaps(db, f);
  const org = getSetting(db, 'org.name');
  const date = report.summary.today;
  const heading = `填报单位：${org}        填报日期：${date}`;
  const prices = new Map(db.all(db.q.selectFrom('item').select(['code', 'unit_price_fen'])).map((i) => [i.code, i.unit_price_fen]));
  const materials = report.gaps.filter((g) => g.kind === 'materials').sort(byStreetItem);
  const wb = new (await loadExcel()).Workbook();

  // 采购需求表: what no store can spare, grouped by street with a subtotal each.
  const buy = materials.filter((g) => g.purchase > 0);
  const buyRows: { cells: Cell[]; total?: boolean }[] = [];
  let n = 0;
  let grand = 0;
  for (const street of [...new Set(buy.map((g) => g.street ?? '区级'))]) {
    let sub = 0;
    for (const g of buy.filter((x) => (x.street ?? '区级') === street)) {
      const fen = prices.get(g.itemCode ?? '') ?? null;
      const amount = fen === null ? null : fromFen(Math.round(fen * g.purchase));
      sub += amount ?? 0;
      buyRows.push({ cells: [++n, street, g.place, g.itemCode, g.item, g.unit, g.required, g.usable, g.shortfall, g.purchase, fen === null ? null : fromFen(fen), amount, g.basis] });
    }
    grand += sub;
    buyRows.push({ cells: [null, `${street} 小计`, null, null, null, null, null, null, null, null, null, Math.round(sub * 100) / 100, null], total: true });
  }
  // Quantities of different units are never added up: the totals are of lines and money.
  buyRows.push({ cells: [null, `合计 ${buy.length} 项`, null, null, null, null, null, null, null, null, null, Math.round(grand * 100) / 100, null], total: true });
  addSheet(
    wb,
    '采购需求表',
    `${org}应急物资采购需求表`,
    heading,
    [
      { header: '序号', width: 6 },
      { header: '街道/镇', width: 12 },
      { header: '存放地点', width: 30 },
      { header: '物资编码', width: 10 },
      { header: '品名', width: 12 },
      { header: '单位', width: 6 },
      { header: '定额', width: 9, numFmt: qty },
      { header: '可用', width: 9, numFmt: qty },
      { header: '缺口', width: 9, numFmt: qty },
      { header: '采购数量', width: 10, numFmt: qty },
      { header: '参考单价', width: 10, numFmt: money },
      { header: '预算金额', width: 12, numFmt: money },
      { header: '定额依据', width: 40 },
    ],
    buyRows,
  );

  // 调拨建议表: surplus moved from stores, one row per delivery.
  const moveRows: { cells: Cell[]; total?: boolean }[] = [];
  let m = 0;
  for (const g of materials) for (const t of g.transfers) moveRows.push({ cells: [++m, t.locationName, g.place, g.street ?? '区级', g.itemCode, g.item, g.unit, t.quantity, g.basis] });
  moveRows.push({ cells: [null, `合计 ${m} 笔`, null, null, null, null, null, null, null], total: true });
  addSheet(
    wb,
    '调拨建议表',
    `${org}应急物资调拨建议表`,
    heading,
    [
      { header: '序号', width: 6 },
      { header: '调出地点', width: 30 },
      { header: '调入地点', width: 30 },
      { header: '街道/镇', width: 12 },
      { header: '物资编码', width: 10 },
      { header: '品名', width: 12 },
      { header: '单位', width: 6 },
      { header: '调拨数量', width: 10, numFmt: qty },
      { header: '定额依据', width: 40 },
    ],
    moveRows,
  );

  const readiness = report.gaps.filter((g) => g.kind !== 'materials');
  addSheet(
    wb,
    '装备与场所缺口',
    `${org}防汛装备与避灾场所缺口清单`,
    heading,
    [
      { header: '序号', width: 6 },
      { header: '街道/镇', width: 12 },
      { header: '地点', width: 30 },
      { header: '项目', width: 18 },
      { header: '情况', width: 60 },
      { header: '建议', width: 28 },
    ],
    readiness.map((g, i) => ({ cells: [i + 1, g.street ?? '区级', g.place, g.item, g.reason, g.action] })),
  );
  const data = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  return { fileName: `采购需求与调拨建议-${date}.xlsx`, data };
}
