// The area tree: district → streets/towns → villages/communities, with details of the chosen one.
import { EditOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Empty, Input, Row, Space, Tag, Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo, useRef, useState } from 'react';
import type { Area } from '../../../src/api/contract';
import { useRefData } from '../../components/RefData';
import { useFillHeight } from '../../components/useFillHeight';
import { useI18n } from '../../i18n';
import { ExportButton } from '../ledgers/ExportButton';
import { AreaModal } from './AreaModal';

type Editing = { area?: Area; parent?: Area } | null;

export function AreasTab() {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const { areas, locations, changed } = useRefData();
  const [selected, setSelected] = useState<string>();
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Editing>(null);
  const box = useRef<HTMLDivElement>(null);
  const height = useFillHeight(box, 24);

  const children = useMemo(() => {
    const map = new Map<string | null, Area[]>();
    for (const a of areas) {
      const list = map.get(a.parentCode) ?? [];
      list.push(a);
      map.set(a.parentCode, list);
    }
    return map;
  }, [areas]);

  const { treeData, expanded } = useMemo(() => {
    const q = search.trim().toLowerCase();
    const matches = (a: Area) => !q || a.name.toLowerCase().includes(q) || a.code.toLowerCase().includes(q);
    const open: string[] = [];
    const node = (a: Area): DataNode | null => {
      const kids = (children.get(a.code) ?? []).map(node).filter((n): n is DataNode => n !== null);
      if (!matches(a) && kids.length === 0) return null;
      if (kids.length && (q || a.level === 'district')) open.push(a.code);
      const count = children.get(a.code)?.length ?? 0;
      return {
        key: a.code,
        title: (
          <span>
            {a.name}
            {count > 0 && <span className="muted"> · {count}</span>}
          </span>
        ),
        children: kids,
      };
    };
    const codes = new Set(areas.map((a) => a.code));
    const roots = areas.filter((a) => a.parentCode === null || !codes.has(a.parentCode));
    return { treeData: roots.map(node).filter((n): n is DataNode => n !== null), expanded: open };
  }, [areas, children, search]);

  const [userExpanded, setUserExpanded] = useState<string[] | null>(null);
  const area = areas.find((a) => a.code === selected);
  const parent = area?.parentCode ? areas.find((a) => a.code === area.parentCode) : undefined;
  const atArea = area ? locations.filter((l) => l.areaCode === area.code) : [];

  return (
    <div ref={box}>
      <Row gutter={12}>
        <Col span={9}>
          <Card
            size="small"
            title={t('settings.tab.areas')}
            extra={
              <Space size={6}><ExportButton kind="areas" size="small" />
              <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})} data-testid="area-create">
                {t('settings.areaCreate')}
              </Button></Space>
            }
          >
            <Input
              allowClear
              size="small"
              prefix={<SearchOutlined />}
              placeholder={t('settings.areaSearch')}
              value={search}
              onChange={(e) => {
                setSearch(e.target.value);
                setUserExpanded(null);
              }}
              style={{ marginBottom: 8 }}
            />
            <Tree
              blockNode
              height={Math.max(200, height - 90)}
              treeData={treeData}
              expandedKeys={userExpanded ?? expanded}
              onExpand={(keys) => setUserExpanded(keys.map(String))}
              selectedKeys={selected ? [selected] : []}
              onSelect={(keys) => setSelected(keys[0] === undefined ? undefined : String(keys[0]))}
              data-testid="area-tree"
            />
          </Card>
        </Col>
        <Col span={15}>
          <Card
            size="small"
            title={area ? t('fmt.paren', { a: area.name, b: label('areaLevel', area.level) }) : t('settings.tab.areas')}
            extra={
              area && (
                <Space>
                  <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ area })} data-testid="area-edit">
                    {t('common.edit')}
                  </Button>
                  {area.level !== 'village' && (
                    <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing({ parent: area })} data-testid="area-add-child">
                      {t('settings.areaChild')}
                    </Button>
                  )}
                </Space>
              )
            }
          >
            {!area ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('settings.areaSelectHint')} />
            ) : (
              <>
                <Descriptions size="small" bordered column={2}>
                  <Descriptions.Item label={t('field.code')}>{area.code}</Descriptions.Item>
                  <Descriptions.Item label={t('field.name')}>
                    {area.name} {area.isDemo && <Tag>{t('common.demo')}</Tag>}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('field.level')}>{label('areaLevel', area.level)}</Descriptions.Item>
                  <Descriptions.Item label={t('field.parent')}>{parent ? parent.name : t('common.none')}</Descriptions.Item>
                  <Descriptions.Item label={t('field.adminCode')}>{area.adminCode ?? ''}</Descriptions.Item>
                  <Descriptions.Item label={t('settings.areaChildren')}>
                    {(children.get(area.code) ?? []).length}
                  </Descriptions.Item>
                </Descriptions>
                {atArea.length > 0 && (
                  <div style={{ marginTop: 12 }}>
                    <div className="section-title">{t('settings.tab.locations')}</div>
                    <div className="tag-list">
                      {atArea.map((l) => (
                        <Tag key={l.code}>
                          {t('fmt.paren', { a: l.name, b: label('locationKind', l.kind) })}
                        </Tag>
                      ))}
                    </div>
                  </div>
                )}
              </>
            )}
          </Card>
        </Col>
      </Row>
      {editing && (
        <AreaModal
          area={editing.area}
          parent={editing.parent}
          onClose={() => setEditing(null)}
          onSaved={(a) => {
            setEditing(null);
            setSelected(a.code);
            void message.success(t('settings.saved'));
            changed();
          }}
        />
      )}
    </div>
  );
}
