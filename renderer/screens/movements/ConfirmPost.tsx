// 确认保存: what is about to be posted — the type of document, from → to, its lines and a total per unit (顶, 条 and
// 箱 are never added together) — shown before anything is written. Only its OK posts: the journal is append-only,
// so a slip would cost a reversal.
import { Descriptions, Modal, Table, type ButtonProps } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { totalsFor } from '../../../src/common/units';
import { formatQty } from '../../components/format';
import { useI18n, type UiKey } from '../../i18n';
import type { EntryKind } from './EntryPanel';

export interface PostSummary {
  kind: EntryKind;
  /** 采购入库, 发放, 调拨 …, in the active language. */
  typeLabel: string;
  from: string;
  to: string;
  date: string;
  docNo: string | undefined;
  handler: string;
  lines: { itemCode: string; itemName: string; spec: string | null; batchNo: string; quantity: number; unit: string }[];
}

/** The lines as the confirmation lists them: each item's name, spec and unit from the catalogue. */
export function summaryLines(
  lines: { itemCode: string; batchNo?: string | undefined; quantity: number }[],
  itemsByCode: Map<string, { name: string; spec: string | null; unit: string }>,
): PostSummary['lines'] {
  return lines.map((l) => {
    const item = itemsByCode.get(l.itemCode);
    return { itemCode: l.itemCode, itemName: item?.name ?? '', spec: item?.spec ?? null, batchNo: l.batchNo ?? '', quantity: l.quantity, unit: item?.unit ?? '' };
  });
}

const TITLE: Record<EntryKind, UiKey> = {
  receipt: 'entry.confirm.receipt',
  issue: 'entry.confirm.issue',
  loss: 'entry.confirm.loss',
  transfer: 'entry.confirm.transfer',
};

export function useConfirmPost(): { confirm(summary: PostSummary): Promise<boolean>; modal: React.ReactNode } {
  const [open, setOpen] = useState<PostSummary>();
  const answer = useRef<(ok: boolean) => void>(undefined);
  const confirm = useCallback(
    (summary: PostSummary) =>
      new Promise<boolean>((resolve) => {
        // Asked again while it is open (a second Ctrl+Enter): the confirmation on screen is the one that counts.
        if (answer.current) return resolve(false);
        answer.current = resolve;
        setOpen(summary);
      }),
    [],
  );
  const close = (ok: boolean) => {
    answer.current?.(ok);
    answer.current = undefined;
    setOpen(undefined);
  };
  return { confirm, modal: open ? <ConfirmPostModal summary={open} onOk={() => close(true)} onCancel={() => close(false)} /> : null };
}

function ConfirmPostModal({ summary, onOk, onCancel }: { summary: PostSummary; onOk(): void; onCancel(): void }) {
  const { t } = useI18n();
  const totals = totalsFor(summary.lines);
  const perUnit = totals.kind === 'single' ? [{ unit: totals.unit, quantity: totals.quantity }] : totals.subtotals;
  useEffect(() => {
    // Wherever the focus is while it is open: Ctrl+Enter again confirms; a held key's repeats do nothing (one
    // deliberate press, one posting).
    const keys = (e: KeyboardEvent) => {
      if (e.key !== 'Enter') return;
      if (e.repeat) {
        e.preventDefault();
        e.stopPropagation();
      } else if (e.ctrlKey || e.metaKey) {
        e.preventDefault();
        e.stopPropagation();
        onOk();
      }
    };
    window.addEventListener('keydown', keys, true);
    return () => window.removeEventListener('keydown', keys, true);
  }, [onOk]);
  return (
    <Modal
      open
      title={t(TITLE[summary.kind])}
      okText={t('entry.confirm.ok')}
      cancelText={t('entry.confirm.back')}
      okButtonProps={{ 'data-testid': 'confirm-post' } as ButtonProps}
      cancelButtonProps={{ 'data-testid': 'confirm-back' } as ButtonProps}
      onOk={onOk}
      onCancel={onCancel}
      width={720}
      destroyOnHidden
      maskClosable={false}
    >
      <div data-testid="confirm-summary">
        <Descriptions size="small" column={2} bordered className="confirm-meta">
          <Descriptions.Item label={t('field.type')}>{summary.typeLabel}</Descriptions.Item>
          <Descriptions.Item label={t('field.date')}>{summary.date}</Descriptions.Item>
          <Descriptions.Item label={t('entry.confirm.fromTo')} span={2}>
            <span data-testid="confirm-from-to">
              {summary.from || '—'} → {summary.to || '—'}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('field.docNo')}>{summary.docNo ?? t('entry.confirm.docNoAuto')}</Descriptions.Item>
          <Descriptions.Item label={t('field.handler')}>{summary.handler}</Descriptions.Item>
        </Descriptions>
        <Table
          size="small"
          bordered
          className="confirm-lines"
          rowKey={(_, i) => String(i)}
          pagination={false}
          scroll={{ y: 220 }}
          dataSource={summary.lines}
          columns={[
            { title: '#', width: 40, align: 'center', render: (_: unknown, __: unknown, i: number) => i + 1 },
            { title: t('field.item'), ellipsis: true, render: (_: unknown, l) => (l.spec ? t('fmt.paren', { a: `${l.itemCode} ${l.itemName}`, b: l.spec }) : `${l.itemCode} ${l.itemName}`) },
            { title: t('field.batchNo'), dataIndex: 'batchNo', width: 150, ellipsis: true, render: (b: string) => b || <span className="muted">{t(summary.kind === 'receipt' ? 'movements.batchNone' : 'entry.confirm.fefo')}</span> },
            {
              title: t('field.quantity'),
              width: 130,
              align: 'right',
              render: (_: unknown, l) => (
                <span className="num">
                  {formatQty(l.quantity)}
                  <span className="unit">{l.unit}</span>
                </span>
              ),
            },
          ]}
        />
        <div className="confirm-totals" data-testid="confirm-totals">
          <span className="k">{summary.lines.length === 1 ? t('entry.confirm.line') : t('entry.confirm.lines', { n: summary.lines.length })}</span>
          <span className="k">{t('entry.confirm.totals')}</span>
          {perUnit.map((u) => (
            <span key={u.unit} className="num confirm-total" data-testid={`confirm-total-${u.unit}`}>
              {formatQty(u.quantity)}
              <span className="unit">{u.unit}</span>
            </span>
          ))}
        </div>
      </div>
    </Modal>
  );
}
