// The row-level errors of an import, where the user finds them in Excel: sheet, row number, column letter, header,
// the cell's value, and what is wrong with it.
import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useRef } from 'react';
import type { LedgerRowError } from '../../../src/api/contract.ledgers';
import { splitGloss } from '../../components/formErrors';
import { formatInt } from '../../components/format';
import { useFillHeight } from '../../components/useFillHeight';
import { useI18n } from '../../i18n';
import { FOOTER_RESERVE, TABLE_HEAD } from './layout';

/**
 * The core's messages read "中文 (English)", and the English may hold parentheses of its own: the gloss is the
 * balanced group that ends the message.
 */
export function splitMessage(message: string): { zh: string; en: string } {
  const m = message.trimEnd();
  if (m.endsWith(')')) {
    let depth = 0;
    for (let i = m.length - 1; i >= 0; i--) {
      if (m[i] === ')') depth++;
      else if (m[i] === '(' && --depth === 0) {
        const zh = m.slice(0, i).trimEnd();
        const en = m.slice(i + 1, -1);
        if (/[\u4e00-\u9fff]/.test(zh) && /[A-Za-z]{2,}/.test(en)) return { zh, en };
        break;
      }
    }
  }
  return splitGloss(message);
}

interface Row extends LedgerRowError {
  key: number;
}

export function ErrorTable({ errors }: { errors: LedgerRowError[] }) {
  const { t, gloss } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const paged = errors.length > 100;
  const height = useFillHeight(box, FOOTER_RESERVE + TABLE_HEAD + (paged ? 40 : 0), 100);
  const rows = useMemo<Row[]>(() => errors.map((e, i) => ({ ...e, key: i })), [errors]);
  const oneSheet = useMemo(() => new Set(errors.map((e) => e.sheet)).size <= 1, [errors]);
  const columns: ColumnsType<Row> = [
    ...(oneSheet ? [] : [{ title: t('ledgers.err.sheet'), dataIndex: 'sheet', width: 120, ellipsis: true }]),
    {
      title: t('ledgers.err.row'),
      dataIndex: 'row',
      width: 64,
      align: 'right',
      render: (r: number) => (r ? <span className="num">{r}</span> : <span className="muted">{t('ledgers.err.wholeSheet')}</span>),
    },
    { title: t('ledgers.err.column'), dataIndex: 'column', width: 48, align: 'center', render: (c: string) => <b className="ledgers-col-letter">{c}</b> },
    { title: t('ledgers.err.header'), dataIndex: 'header', width: 120, ellipsis: true },
    {
      title: t('ledgers.err.value'),
      dataIndex: 'value',
      width: 160,
      ellipsis: true,
      render: (v: string) => (v ? <span className="ledgers-bad-value">{v}</span> : ''),
    },
    { title: t('ledgers.err.message'), dataIndex: 'message', render: (m: string) => gloss(splitMessage(m)) },
  ];
  return (
    <div ref={box}>
    <Table<Row>
      size="small"
      bordered
      columns={columns}
      dataSource={rows}
      scroll={{ y: height }}
      rowKey="key"
      pagination={
        paged
          ? { pageSize: 100, size: 'small', showSizeChanger: false, showTotal: (n) => t('common.rows', { n: formatInt(n) }) }
          : false
      }
      data-testid="ledgers-errors"
    />
    </div>
  );
}
