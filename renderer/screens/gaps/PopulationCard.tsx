// 转移安置人数: each street's evacuation population, the persons of norms "per person of the street's population"
// (a street store sized by the people it must serve). Edited in place, one street at a time.
import { CheckOutlined, CloseOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Card, InputNumber, Space, Table, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { type Area, areaUpdateInput } from '../../../src/api/contract';
import { call, errorBody } from '../../api';
import { splitGloss } from '../../components/formErrors';
import { formatInt } from '../../components/format';
import { useRefData } from '../../components/RefData';
import { useI18n } from '../../i18n';

export function PopulationCard() {
  const { t, gloss } = useI18n();
  const { message } = App.useApp();
  const { streets, changed } = useRefData();
  const [editing, setEditing] = useState<{ code: string; value: number | null; error?: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    if (!editing) return;
    const input = { code: editing.code, evacuationPopulation: editing.value };
    const parsed = areaUpdateInput.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const own = issue && /[\u4e00-\u9fff]/.test(issue.message) ? gloss(splitGloss(issue.message)) : t('gaps.pop.invalid');
      setEditing({ ...editing, error: own });
      return;
    }
    setBusy(true);
    try {
      const area = await call('areas.update', input);
      void message.success(t('gaps.pop.saved', { street: area.name, n: formatInt(area.evacuationPopulation ?? 0) }));
      setEditing(null);
      changed();
    } catch (e) {
      setEditing({ ...editing, error: gloss(errorBody(e)) });
    } finally {
      setBusy(false);
    }
  };

  const total = streets.reduce((s, a) => s + (a.evacuationPopulation ?? 0), 0);
  const columns: ColumnsType<Area> = [
    { title: t('field.street'), dataIndex: 'name', ellipsis: true },
    {
      title: t('gaps.pop.column'),
      dataIndex: 'evacuationPopulation',
      width: 128,
      align: 'right',
      render: (v: number | null, a) =>
        editing?.code === a.code ? (
          <Tooltip open={!!editing.error} title={editing.error} color="#cf1322" placement="bottom">
            <InputNumber
              size="small"
              autoFocus
              className="num-input"
              style={{ width: 110 }}
              status={editing.error ? 'error' : undefined}
              value={editing.value}
              min={0}
              onChange={(n) => setEditing({ code: a.code, value: typeof n === 'number' ? n : null })}
              onPressEnter={() => void save()}
              suffix={t('gaps.pop.unit')}
              data-testid={`pop-input-${a.code}`}
            />
          </Tooltip>
        ) : v === null ? (
          <span className="muted">{t('gaps.pop.unset')}</span>
        ) : (
          <span className="num">
            {formatInt(v)}
            <span className="unit">{t('gaps.pop.unit')}</span>
          </span>
        ),
    },
    {
      title: '',
      key: 'act',
      width: 58,
      render: (_: unknown, a) =>
        editing?.code === a.code ? (
          <Space size={0}>
            <Button type="link" size="small" icon={<CheckOutlined />} loading={busy} onClick={() => void save()} aria-label={t('common.save')} data-testid={`pop-save-${a.code}`} />
            <Button type="link" size="small" icon={<CloseOutlined />} onClick={() => setEditing(null)} aria-label={t('common.cancel')} />
          </Space>
        ) : (
          <Button
            type="link"
            size="small"
            icon={<EditOutlined />}
            onClick={() => setEditing({ code: a.code, value: a.evacuationPopulation })}
            aria-label={t('common.edit')}
            data-testid={`pop-edit-${a.code}`}
          />
        ),
    },
  ];

  return (
    <Card size="small" className="population-card" title={t('gaps.pop.title')} data-testid="population">
      <div className="population-hint">{t('gaps.pop.hint')}</div>
      <Table<Area>
        size="small"
        rowKey="code"
        columns={columns}
        dataSource={streets}
        pagination={false}
        data-testid="population-table"
        summary={() => (
          <Table.Summary fixed>
            <Table.Summary.Row className="summary-row">
              <Table.Summary.Cell index={0}>{t('common.total')}</Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {formatInt(total)}
                <span className="unit">{t('gaps.pop.unit')}</span>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} />
            </Table.Summary.Row>
          </Table.Summary>
        )}
      />
    </Card>
  );
}
