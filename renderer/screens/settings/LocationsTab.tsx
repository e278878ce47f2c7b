// 存放地点: warehouses, street/town stores and shelter stores, each in one area.
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { App, Button, Input, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useRef, useState } from 'react';
import { type Location, type LocationKind, locationKinds } from '../../../src/api/contract';
import { formatInt } from '../../components/format';
import { useRefData } from '../../components/RefData';
import { useFillHeight } from '../../components/useFillHeight';
import { useI18n } from '../../i18n';
import { ExportButton } from '../ledgers/ExportButton';
import { LocationModal } from './LocationModal';

export function LocationsTab() {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const { locations, streets, changed } = useRefData();
  const [kind, setKind] = useState<LocationKind>();
  const [street, setStreet] = useState<string>();
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<{ location?: Location } | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const height = useFillHeight(box, 60);

  const rows = useMemo(() => {
    const q = search.trim().toLowerCase();
    return locations.filter(
      (l) =>
        (!kind || l.kind === kind) &&
        (!street || l.streetCode === street) &&
        (!q || l.name.toLowerCase().includes(q) || l.code.toLowerCase().includes(q) || (l.address ?? '').toLowerCase().includes(q)),
    );
  }, [locations, kind, street, search]);

  const columns: ColumnsType<Location> = [
    { title: t('field.code'), dataIndex: 'code', width: 100 },
    { title: t('field.name'), dataIndex: 'name', width: 280, ellipsis: true },
    { title: t('field.kind'), dataIndex: 'kind', width: 130, render: (k: LocationKind) => label('locationKind', k) },
    { title: t('field.street'), dataIndex: 'streetName', width: 100 },
    { title: t('field.area'), dataIndex: 'areaName', width: 150, ellipsis: true },
    { title: t('field.address'), dataIndex: 'address', ellipsis: true },
    {
      title: t('common.actions'),
      width: 90,
      render: (_: unknown, l) => (
        <Space size={4}>
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setEditing({ location: l })} data-testid={`location-edit-${l.code}`}>
            {t('common.edit')}
          </Button>
          {l.isDemo && <Tag style={{ marginInlineEnd: 0 }}>{t('common.demo')}</Tag>}
        </Space>
      ),
    },
  ];

  return (
    <div>
      <div className="toolbar">
        <Space size={6} wrap>
          <Select
            allowClear
            placeholder={t('settings.anyKind')}
            style={{ width: 150 }}
            value={kind}
            onChange={setKind}
            options={locationKinds.map((k) => ({ value: k, label: label('locationKind', k) }))}
          />
          <Select allowClear placeholder={t('stock.anyStreet')} style={{ width: 130 }} value={street} onChange={setStreet} options={streets.map((s) => ({ value: s.code, label: s.name }))} />
          <Input allowClear prefix={<SearchOutlined />} placeholder={t('settings.searchLocations')} style={{ width: 200 }} value={search} onChange={(e) => setSearch(e.target.value)} />
        </Space>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})} data-testid="location-create">
          {t('settings.locationCreate')}
        </Button>
      </div>
      <div ref={box}>
        <Table<Location> size="small" bordered rowKey="code" columns={columns} dataSource={rows} pagination={false} scroll={{ y: height }} data-testid="locations-table" />
      </div>
      <div className="table-footer">
        <span className="muted">{t('common.rows', { n: formatInt(rows.length) })}</span>
        <ExportButton kind="locations" size="small" />
      </div>
      {editing && (
        <LocationModal
          location={editing.location}
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
