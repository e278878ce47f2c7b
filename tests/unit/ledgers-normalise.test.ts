// Cell values as people type them, made exact; and headers found where real workbooks put them.
import { describe, expect, it } from 'vitest';
import { columnIndex, columnLetter, type SheetRow } from '../../src/ledgers/cells.js';
import { itemFields } from '../../src/ledgers/kinds/items.js';
import { kinds } from '../../src/ledgers/kinds/index.js';
import {
  addDuration,
  cleanText,
  guardFormula,
  isProblem,
  readDate,
  readDuration,
  readExactText,
  readInteger,
  readMoney,
  readQuantity,
  serialToDate,
} from '../../src/ledgers/normalise.js';
import { applyMapping, detectHeader, HeaderMatcher } from '../../src/ledgers/read/header.js';

const problemKey = (v: unknown) => (isProblem(v) ? v.key : v);

describe('dates', () => {
  it('reads every text form of domain.md §8 as the same day', () => {
    for (const t of ['2023.5.1', '2023/05/01', '2023年5月1日', '20230501', '2023-5-1', '２０２３－０５－０１', '2023-05-01 08:30', '2023/5/1 0:00:00', ' 2023.05.01 ']) {
      expect(readDate(t), t).toBe('2023-05-01');
    }
  });

  it('reads serials (1900 and 1904 systems) and date cells by their UTC day', () => {
    expect(serialToDate(45047)).toBe('2023-05-01');
    expect(readDate(45047)).toBe('2023-05-01');
    expect(readDate(45047.99)).toBe('2023-05-01');
    expect(readDate(43585, true)).toBe('2023-05-01');
    // exceljs builds a date cell as UTC midnight (plus the time of day): the UTC day is the day.
    expect(readDate({ d: Date.UTC(2023, 4, 1) })).toBe('2023-05-01');
    expect(readDate({ d: Date.UTC(2023, 4, 1, 23, 59) })).toBe('2023-05-01');
  });

  it('refuses what is not a day, with the message that says how to write one', () => {
    for (const t of ['2023-02-30', '2023.13.1', '23.5.1', '2023年5月', 'soon', '45047']) expect(problemKey(readDate(t)), t).toBe('ledgers.value.date');
    expect(problemKey(readDate('1900-01-05'))).toBe('ledgers.value.dateRange');
    expect(problemKey(readDate({ e: '#VALUE!' }))).toBe('ledgers.value.cellError');
    expect(problemKey(readDate({ f: 'TODAY()' }))).toBe('ledgers.value.formula');
  });

  it('counts a shelf life in calendar months and years from the production date', () => {
    expect(addDuration('2024-01-31', readDuration('1个月')!)).toBe('2024-02-29');
    expect(addDuration('2024-03-01', readDuration('2年')!)).toBe('2026-03-01');
    expect(addDuration('2024-03-01', readDuration('365天')!)).toBe('2025-03-01');
    expect(readDuration('两年')).toBeNull();
  });
});

describe('numbers', () => {
  it('reads quantities typed as text: full-width, thousands separators, spaces, a unit after the number', () => {
    expect(readQuantity('１２０')).toEqual({ value: 120, unit: null });
    expect(readQuantity('1,200')).toEqual({ value: 1200, unit: null });
    expect(readQuantity('1，200.5')).toEqual({ value: 1200.5, unit: null });
    expect(readQuantity(' 120 件 ')).toEqual({ value: 120, unit: '件' });
    expect(readQuantity('８０顶')).toEqual({ value: 80, unit: '顶' });
    expect(readQuantity(12.5)).toEqual({ value: 12.5, unit: null });
  });

  it('refuses negative quantities and malformed numbers', () => {
    expect(problemKey(readQuantity(-5))).toBe('ledgers.value.negative');
    expect(problemKey(readQuantity('-5'))).toBe('ledgers.value.negative');
    expect(problemKey(readQuantity('1,20'))).toBe('ledgers.value.number');
    expect(problemKey(readQuantity('约100'))).toBe('ledgers.value.number');
    expect(problemKey(readQuantity(true))).toBe('ledgers.value.number');
  });

  it('reads money in 元 with at most two decimals', () => {
    expect(readMoney('¥1,200.50')).toBe(1200.5);
    expect(readMoney('28.50元')).toBe(28.5);
    expect(readMoney(0.1 + 0.2)).toBe(0.3);
    expect(problemKey(readMoney('1.234'))).toBe('ledgers.value.money');
    expect(problemKey(readMoney(-1))).toBe('ledgers.value.money');
  });

  it('reads whole numbers with an allowed unit word', () => {
    expect(readInteger('365天', ['天'])).toBe(365);
    expect(problemKey(readInteger('12个月', ['天']))).toBe('ledgers.value.integer');
    expect(problemKey(readInteger(1.5))).toBe('ledgers.value.integer');
  });
});

describe('exact text', () => {
  it('keeps codes, phone and serial numbers exactly, numbers included', () => {
    expect(readExactText(13812345678, 40)).toBe('13812345678');
    expect(readExactText('00123', 40)).toBe('00123');
    expect(readExactText('ＷＺ００１', 40)).toBe('WZ001');
    expect(readExactText("'=HYPERLINK(1)", 40)).toBe('=HYPERLINK(1)');
  });

  it('refuses a number Excel has already mangled: 16+ digits or scientific notation', () => {
    expect(problemKey(readExactText(330102199001011200, 40))).toBe('ledgers.value.lostDigits');
    expect(problemKey(readExactText('1.38E+10', 40))).toBe('ledgers.value.lostDigits');
    expect(problemKey(readExactText('3.30102E+17', 40, true))).toBe('ledgers.value.lostDigits');
    expect(problemKey(readExactText('WZ 001', 40))).toBe('ledgers.value.code');
  });

  it('neutralises formulas on the way out and takes the guard off on the way in', () => {
    for (const s of ['=SUM(A1:A9)', '+86 138', '-5', '@cmd', "'=already quoted", 'plain', "'apostrophe"]) {
      expect(cleanText(guardFormula(s)), s).toBe(s);
    }
    expect(guardFormula('=1+1')).toBe("'=1+1");
    expect(guardFormula('棉被')).toBe('棉被');
  });

  it('keeps the spaces inside text', () => {
    expect(cleanText('  成人 船用 ')).toBe('成人 船用');
  });
});

describe('columns', () => {
  it('letters and indexes agree', () => {
    for (const [i, l] of [[0, 'A'], [25, 'Z'], [26, 'AA'], [701, 'ZZ'], [702, 'AAA']] as const) {
      expect(columnLetter(i)).toBe(l);
      expect(columnIndex(l)).toBe(i);
    }
  });
});

const rows = (...cells: (string | number | null)[][]): SheetRow[] => cells.map((c, i) => ({ row: i + 1, cells: c }));

describe('header detection', () => {
  const stock = new HeaderMatcher(kinds.stock.fields);

  it('finds the header under a title and a 填报单位/日期 row, with synonyms', () => {
    const m = detectHeader(
      rows(['椒江区救灾物资库存台账'], ['填报单位：椒江区应急管理局', null, null, '日期：2026-05-01'], ['序号', '物资编码', '品名', '规格', '计量单位', '库存数量', '存放地点'], [1, 'QUILT', '棉被', '', '条', 10, '一号库']),
      stock,
    )!;
    expect(m.headerRow).toBe(3);
    expect(m.headerRows).toBe(1);
    expect(Object.fromEntries(m.columns.map((c) => [c.column, c.field]))).toMatchObject({ B: 'itemCode', C: 'itemName', D: 'spec', E: 'unit', F: 'quantity', G: 'location' });
    expect(m.columns.find((c) => c.column === 'B')!.confidence).toBe(1);
    expect(m.columns.find((c) => c.column === 'C')!.confidence).toBeLessThan(1);
  });

  it('reads a two-level merged header, the group label carried over its merged cells', () => {
    const m = detectHeader(
      rows(['库存台账'], ['序号', '物资名称', '单位', '库存情况', null, null, '批次信息', null], [null, null, null, '数量', '单价', '金额', '批次号', '生产日期'], [1, '棉被', '条', 5, 1, 5, 'B1', '2024-01-01']),
      stock,
    )!;
    expect(m.headerRow).toBe(3);
    expect(m.headerRows).toBe(2);
    expect(m.columns.map((c) => c.field)).toEqual(['seq', 'itemName', 'unit', 'quantity', 'unitPrice', 'amount', 'batch', 'productionDate']);
  });

  it('takes a header that only contains a known name with low confidence, and lets the user correct it', () => {
    const m = detectHeader(rows(['物资编码', '物资名称', '本次盘点数量']), stock)!;
    const q = m.columns.find((c) => c.column === 'C')!;
    expect(q).toMatchObject({ field: 'quantity', confidence: 0.5 });
    const fixed = applyMapping(m.columns, { C: null, D: 'quantity', A: 'itemCode' });
    expect(fixed.find((c) => c.column === 'C')!.field).toBeNull();
    expect(fixed.find((c) => c.column === 'D')).toMatchObject({ field: 'quantity', confidence: 0 });
  });

  it('finds nothing in a sheet without a header of this kind', () => {
    expect(detectHeader(rows(['说明'], ['本工作簿用于……']), stock)).toBeNull();
    expect(detectHeader(rows(['物资编码', '物资名称']), new HeaderMatcher(itemFields))).not.toBeNull();
  });
});
