// What an import or an onboarding creates beside its rows: the streets, villages, locations, items and shelters
// the files only named (created because the user confirms it) and those whose code was generated.
import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { LedgerCreated } from '../../../src/api/contract.ledgers';
import { formatInt } from '../../components/format';
import { type UiKey, useI18n } from '../../i18n';

export function createdKindName(t: (key: UiKey) => string, kind: LedgerCreated['kind']): string {
  return t(`ledgers.master.${kind}` as UiKey);
}

/** "街道 2、村(社区) 15、物资 3": the implied records by kind, for a confirmation. */
export function impliedSummary(t: (key: UiKey, p?: Record<string, string | number>) => string, list: readonly LedgerCreated[]): string {
  const counts = new Map<LedgerCreated['kind'], number>();
  for (const c of list) if (c.implied) counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${createdKindName(t, k)} ${formatInt(n)}`).join(t('fmt.listSep'));
}

export function CreatedList({ list, showFile, height }: { list: readonly LedgerCreated[]; showFile?: boolean; height?: number }) {
  const { t } = useI18n();
  const columns: ColumnsType<LedgerCreated> = [
    { title: t('ledgers.master.kind'), dataIndex: 'kind', width: 96, render: (k: LedgerCreated['kind']) => createdKindName(t, k) },
    { title: t('ledgers.master.code'), dataIndex: 'code', width: 150, render: (c: string) => <span className="code">{c}</span> },
    { title: t('ledgers.master.name'), dataIndex: 'name', ellipsis: true },
    { title: t('ledgers.master.parent'), dataIndex: 'parent', width: 120, render: (p: string | null) => p ?? '' },
    {
      title: t('ledgers.master.why'),
      dataIndex: 'implied',
      width: 130,
      render: (implied: boolean) => (implied ? <Tag color="orange">{t('ledgers.master.implied')}</Tag> : <Tag>{t('ledgers.master.generated')}</Tag>),
    },
    {
      title: t('ledgers.master.where'),
      key: 'where',
      width: showFile ? 260 : 170,
      ellipsis: true,
      render: (_: unknown, c) => [showFile ? c.file : '', c.sheet, c.row ? t('ledgers.master.row', { row: c.row }) : ''].filter(Boolean).join(' · '),
    },
  ];
  return (
    <Table<LedgerCreated>
      className="ledgers-created"
      size="small"
      bordered
      rowKey={(c) => `${c.kind}:${c.code}`}
      columns={columns}
      dataSource={[...list]}
      pagination={list.length > 200 ? { pageSize: 200, size: 'small', showSizeChanger: false } : false}
      scroll={{ y: height ?? 240 }}
      data-testid="ledgers-created"
    />
  );
}
