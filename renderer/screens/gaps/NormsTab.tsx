// 储备定额: the norms as data — per location, per street for all its shelters, per shelter level — with create,
// edit, delete and the default shelter norms; beside them the streets' evacuation population (转移安置人数).
import { DeleteOutlined, EditOutlined, PlusOutlined, SearchOutlined, SettingOutlined } from '@ant-design/icons';
import { App, Button, type ButtonProps, Input, Popconfirm, Segmented, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type HTMLAttributes, useMemo, useRef, useState } from 'react';
import { normScopes, type NormView } from '../../../src/api/contract.gaps';
import { call, errorBody } from '../../api';
import { formatInt, formatQty } from '../../components/format';
import { LoadError } from '../../components/LoadError';
import { useRefData } from '../../components/RefData';
import { useFillHeight } from '../../components/useFillHeight';
import { useLoad } from '../../components/useLoad';
import { type UiKey, useI18n } from '../../i18n';
import { NormModal } from './NormModal';
import { PopulationCard } from './PopulationCard';

type Scope = NormView['scope'];
const SCOPE_COLOR: Record<Scope, string> = { location: 'blue', street_shelters: 'purple', shelter_level: 'default' };

export function NormsTab({ tick = 0, onChanged }: { tick?: number; onChanged: () => void }) {
  const { t, gloss } = useI18n();
  const { message } = App.useApp();
  const { version } = useRefData();
  const norms = useLoad(() => call('norms.list', {}), [version, tick]);
  const [scope, setScope] = useState<Scope>();
  const [item, setItem] = useState<string>();
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<{ norm?: NormView } | null>(null);
  const [applying, setApplying] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const height = useFillHeight(box, 62, 160);

  const all = norms.data ?? [];
  const itemOptions = useMemo(() => {
    const seen = new Map<string, string>();
    for (const n of all) seen.set(n.itemCode, `${n.itemCode} ${n.itemName}`);
    return [...seen].sort((a, b) => a[0].localeCompare(b[0])).map(([value, label]) => ({ value, label }));
  }, [all]);
  const rows = useMemo(() => {
    const q = search.trim().toLowerCase();
    const order: Record<Scope, number> = { location: 0, street_shelters: 1, shelter_level: 2 };
    return all
      .filter(
        (n) =>
          (!scope || n.scope === scope) &&
          (!item || n.itemCode === item) &&
          (!q || [n.targetName, n.targetCode, n.itemName, n.itemCode, n.note ?? ''].some((s) => s.toLowerCase().includes(q))),
      )
      .sort((a, b) => order[a.scope] - order[b.scope] || a.targetCode.localeCompare(b.targetCode) || a.itemCode.localeCompare(b.itemCode));
  }, [all, scope, item, search]);
  const counts = useMemo(() => {
    const c: Record<Scope, number> = { location: 0, street_shelters: 0, shelter_level: 0 };
    for (const n of all) c[n.scope]++;
    return c;
  }, [all]);

  const remove = async (n: NormView) => {
    try {
      await call('norms.remove', { id: n.id });
      void message.success(t('gaps.norm.removed', { item: n.itemName, target: n.targetName }));
      onChanged();
    } catch (e) {
      void message.error(gloss(errorBody(e)));
    }
  };

  const applyDefaults = async () => {
    setApplying(true);
    try {
      const r = await call('norms.applyDefaults', {});
      const missing = r.missingItems.length ? t('gaps.norm.defaultsMissing', { items: r.missingItems.join(t('fmt.listSep')) }) : '';
      void message.success(t('gaps.norm.defaultsDone', { created: r.created, updated: r.updated }) + missing, 6);
      onChanged();
    } catch (e) {
      void message.error(gloss(errorBody(e)));
    } finally {
      setApplying(false);
    }
  };

  const columns: ColumnsType<NormView> = [
    {
      title: t('gaps.norm.scope'),
      dataIndex: 'scope',
      width: 100,
      render: (s: Scope) => (
        <Tag color={SCOPE_COLOR[s]} className="norm-scope-tag">
          {t(`gaps.scope.${s}` as UiKey)}
        </Tag>
      ),
    },
    {
      title: t('gaps.norm.target'),
      dataIndex: 'targetName',
      width: 230,
      ellipsis: { showTitle: false },
      render: (v: string, n) => (
        <Tooltip title={`${v}（${n.targetCode}）`} placement="topLeft">
          <span>{v}</span>
        </Tooltip>
      ),
    },
    { title: t('field.item'), dataIndex: 'itemName', width: 96, ellipsis: true, render: (v: string, n) => <span title={n.itemCode}>{v}</span> },
    {
      title: t('gaps.norm.basis'),
      dataIndex: 'basis',
      width: 136,
      render: (_: unknown, n) => (n.basis === 'absolute' ? t('gaps.basis.absolute') : t(`gaps.persons.${n.persons ?? 'evacuees'}` as UiKey)),
    },
    {
      title: t('gaps.norm.norm'),
      key: 'norm',
      width: 100,
      align: 'right',
      render: (_: unknown, n) =>
        n.basis === 'absolute' ? (
          <span className="num">
            {formatQty(n.quantity)}
            <span className="unit">{n.unit}</span>
          </span>
        ) : (
          <span className="num">
            {formatQty(n.factor)}
            <span className="unit">{t('gaps.perPerson', { unit: n.unit })}</span>
          </span>
        ),
    },
    { title: t('field.note'), dataIndex: 'note', ellipsis: true },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 64,
      render: (_: unknown, n) => (
        <Space size={2}>
          <Tooltip title={t('common.edit')}>
            <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing({ norm: n })} aria-label={t('common.edit')} data-testid={`norm-edit-${n.id}`} />
          </Tooltip>
          <Popconfirm
            title={t('gaps.norm.removeConfirm', { item: n.itemName, target: n.targetName })}
            okText={t('gaps.norm.remove')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true, 'data-testid': 'norm-remove-ok' } as ButtonProps}
            onConfirm={() => remove(n)}
          >
            <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={t('gaps.norm.remove')} data-testid={`norm-remove-${n.id}`} />
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <div className="norms-layout" data-testid="norms">
      <div className="norms-main">
        {norms.error && <LoadError error={norms.error} onRetry={norms.reload} />}
        <div className="toolbar">
          <Space size={6} wrap>
            <span data-testid="norm-filter-scope">
              <Segmented<string>
                value={scope ?? 'all'}
                onChange={(v) => setScope(v === 'all' ? undefined : (v as Scope))}
                options={[
                  { value: 'all', label: t('gaps.kindCount', { kind: t('common.all'), n: formatInt(all.length) }) },
                  ...normScopes.map((s) => ({ value: s, label: t('gaps.kindCount', { kind: t(`gaps.scope.${s}` as UiKey), n: formatInt(counts[s]) }) })),
                ]}
              />
            </span>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('gaps.norm.anyItem')}
              style={{ width: 110 }}
              value={item}
              onChange={(v: string | undefined) => setItem(v)}
              options={itemOptions}
              data-testid="norm-filter-item"
            />
            <Input allowClear prefix={<SearchOutlined />} placeholder={t('gaps.norm.search')} style={{ width: 120 }} value={search} onChange={(e) => setSearch(e.target.value)} data-testid="norm-search" />
          </Space>
          <Space size={6}>
            <Popconfirm
              title={t('gaps.norm.defaultsTitle')}
              description={<div className="norm-defaults-desc">{t('gaps.norm.defaultsConfirm')}</div>}
              okText={t('gaps.norm.defaultsOk')}
              cancelText={t('common.cancel')}
              okButtonProps={{ 'data-testid': 'norm-defaults-ok' } as ButtonProps}
              onConfirm={() => applyDefaults()}
            >
              <Button icon={<SettingOutlined />} loading={applying} data-testid="norm-defaults">
                {t('gaps.norm.defaults')}
              </Button>
            </Popconfirm>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})} data-testid="norm-create">
              {t('gaps.norm.create')}
            </Button>
          </Space>
        </div>
        <div ref={box}>
          <Table<NormView>
            size="small"
            bordered
            rowKey="id"
            columns={columns}
            dataSource={rows}
            loading={norms.loading}
            pagination={false}
            scroll={{ y: height }}
            onRow={(n) => ({ 'data-testid': `norm-row-${n.scope}-${n.targetCode}-${n.itemCode}` }) as HTMLAttributes<HTMLElement>}
            data-testid="norms-table"
          />
        </div>
        <div className="table-footer">
          <Typography.Text type="secondary">
            {rows.length === all.length ? t('common.rows', { n: formatInt(all.length) }) : t('common.rowsOf', { shown: formatInt(rows.length), total: formatInt(all.length) })}
          </Typography.Text>
          <Typography.Text type="secondary">{t('gaps.norm.precedence')}</Typography.Text>
        </div>
      </div>
      <PopulationCard />
      {editing && (
        <NormModal
          norm={editing.norm}
          onClose={() => setEditing(null)}
          onSaved={(n) => {
            setEditing(null);
            void message.success(t('gaps.norm.saved', { item: n.itemName, target: n.targetName }));
            onChanged();
          }}
        />
      )}
    </div>
  );
}
