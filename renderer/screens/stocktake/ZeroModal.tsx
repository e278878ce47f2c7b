// 未盘行置零: every line still not counted is counted as 0, with one stated reason.
import { Alert, type ButtonProps, Col, DatePicker, Form, Input, Modal, Row, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { stocktakeOperations, type StocktakeLine, type StocktakeView } from '../../../src/api/contract.stocktake';
import { call } from '../../api';
import { fieldSet } from '../../components/formErrors';
import { formatInt } from '../../components/format';
import { ProblemBanner } from '../../components/ProblemBanner';
import { useValidatedSubmit } from '../../components/useValidatedSubmit';
import { dateText, text } from '../../components/values';
import { useI18n } from '../../i18n';
import { clearOnChange, looseProblems, Qty } from './shared';

const isField = fieldSet(['countedBy', 'date', 'reason']);

export function ZeroModal(props: { view: StocktakeView; countedBy: string; date: Dayjs | undefined; onClose(): void; onDone(v: StocktakeView): void }) {
  const { view } = props;
  const { t } = useI18n();
  const [form] = Form.useForm();
  const uncounted = useMemo(() => view.items.filter((l) => l.counted === null), [view.items]);
  const initial = useMemo(() => ({ countedBy: props.countedBy, date: props.date }), [props.countedBy, props.date]);
  const { submit, busy, problems, clearProblems } = useValidatedSubmit({
    form,
    schema: stocktakeOperations['stocktake.zeroUncounted'].input,
    isField,
    build: (v) => ({ id: view.id, countedBy: text(v.countedBy) ?? '', date: dateText(v.date) ?? '', reason: text(v.reason) ?? '' }),
    send: (input) => call('stocktake.zeroUncounted', input),
    onDone: props.onDone,
  });

  return (
    <Modal
      open
      title={t('stocktake.zeroTitle', { n: formatInt(uncounted.length) })}
      width={760}
      okText={t('stocktake.zeroSubmit')}
      okButtonProps={{ danger: true, loading: busy, 'data-testid': 'submit-zero' } as ButtonProps}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('stocktake.zeroWarning')} style={{ marginBottom: 10 }} />
      <Table<StocktakeLine>
        size="small"
        bordered
        rowKey="lineId"
        dataSource={uncounted}
        pagination={uncounted.length > 8 ? { pageSize: 8, size: 'small', showSizeChanger: false } : false}
        columns={[
          ...(view.locations.length > 1 ? [{ key: 'loc', title: t('field.location'), ellipsis: true, render: (_: unknown, l: StocktakeLine) => l.locationName }] : []),
          { key: 'item', title: t('field.item'), render: (_, l) => `${l.itemCode} ${l.itemName}` },
          { key: 'batch', title: t('field.batchNo'), render: (_, l) => l.batchNo || <span className="muted">{t('stocktake.noBatch')}</span> },
          ...(view.blind ? [] : [{ key: 'book', title: t('stocktake.col.book'), align: 'right' as const, width: 110, render: (_: unknown, l: StocktakeLine) => <Qty n={l.book} unit={l.unit} /> }]),
        ]}
        style={{ marginBottom: 12 }}
        data-testid="zero-lines"
      />
      <ProblemBanner problems={looseProblems(form, problems)} onClose={clearProblems} />
      <Form form={form} layout="vertical" onValuesChange={clearOnChange(form)} initialValues={initial} onFinish={submit} className="doc-form" data-testid="form-zero">
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="reason" label={t('stocktake.zeroReason')} required>
              <Input maxLength={200} placeholder={t('stocktake.zeroReasonExample')} data-testid="zero-reason" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="countedBy" label={t('stocktake.countedBy')} required>
              <Input maxLength={30} data-testid="zero-countedBy" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="date" label={t('stocktake.countDate')} required>
              <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
