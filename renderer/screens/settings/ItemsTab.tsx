// 物资目录: the bureau's item codes with unit, category, shelf life, rotation lead time and price.
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { App, Button, Input, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useRef, useState } from 'react';
import type { Item, ItemCategory, ReserveMode } from '../../../src/api/contract';
import { formatInt, formatMoney } from '../../components/format';
import { useRefData } from '../../components/RefData';
import { useFillHeight } from '../../components/useFillHeight';
import { useI18n } from '../../i18n';
import { ExportButton } from '../ledgers/ExportButton';
import { ItemModal } from './ItemModal';

export function ItemsTab() {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const { items, changed } = useRefData();
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<{ item?: Item } | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const height = useFillHeight(box, 60);

  const rows = useMemo(() => {
    const q = search.trim().toLowerCase();
    if (!q) return items;
    return items.filter((i) => `${i.code} ${i.name} ${i.spec ?? ''}`.toLowerCase().includes(q));
  }, [items, search]);

  const right = (v: number | null) => <span className="num">{v ?? ''}</span>;
  const columns: ColumnsType<Item> = [
    { title: t('field.itemCode'), dataIndex: 'code', width: 90 },
    { title: t('field.itemName'), dataIndex: 'name', width: 120, ellipsis: true },
    { title: t('field.spec'), dataIndex: 'spec', width: 150, ellipsis: true },
    { title: t('field.unit'), dataIndex: 'unit', width: 56, align: 'center' },
    { title: t('field.decimals'), dataIndex: 'decimals', width: 76, align: 'right', render: right },
    { title: t('field.category'), dataIndex: 'category', width: 76, render: (c: ItemCategory) => label('category', c) },
    { title: t('field.gbCode'), dataIndex: 'gbCode', width: 120 },
    { title: t('field.shelfLifeDays'), dataIndex: 'shelfLifeDays', width: 90, align: 'right', render: right },
    {
      title: t('field.rotationLeadDays'),
      dataIndex: 'effectiveLeadDays',
      width: 110,
      align: 'right',
      render: (v: number, i) => <span className={`num${i.rotationLeadDays === null ? ' muted' : ''}`}>{v || ''}</span>,
    },
    { title: t('field.reserveMode'), dataIndex: 'reserveMode', width: 90, render: (m: ReserveMode) => label('reserveMode', m) },
    { title: t('field.unitPrice'), dataIndex: 'unitPrice', width: 100, align: 'right', render: (v: number | null) => <span className="num">{formatMoney(v)}</span> },
    {
      title: t('common.actions'),
      width: 64,
      render: (_: unknown, i) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setEditing({ item: i })} data-testid={`item-edit-${i.code}`}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <div>
      <div className="toolbar">
        <Input allowClear prefix={<SearchOutlined />} placeholder={t('settings.searchItems')} style={{ width: 240 }} value={search} onChange={(e) => setSearch(e.target.value)} />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})} data-testid="item-create">
          {t('settings.itemCreate')}
        </Button>
      </div>
      <div ref={box}>
        <Table<Item> size="small" bordered rowKey="code" columns={columns} dataSource={rows} pagination={false} scroll={{ y: height }} data-testid="items-table" />
      </div>
      <div className="table-footer">
        <span className="muted">{t('common.rows', { n: formatInt(rows.length) })}</span>
        <ExportButton kind="items" size="small" />
      </div>
      {editing && (
        <ItemModal
          item={editing.item}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void message.success(t('settings.saved'));
            changed();
          }}
        />
      )}
    </div>
  );
}
