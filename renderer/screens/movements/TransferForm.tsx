// 调拨单: from one location to another; both legs are posted together (movements.transfer).
import { Button, Col, DatePicker, Form, Input, Row, Select, Space } from 'antd';
import { useCallback, useMemo } from 'react';
import { type DocumentView, transferInput } from '../../../src/api/contract';
import { call } from '../../api';
import { fieldSet } from '../../components/formErrors';
import { ProblemBanner } from '../../components/ProblemBanner';
import { useRefData } from '../../components/RefData';
import { useValidatedSubmit } from '../../components/useValidatedSubmit';
import { dayOf } from '../../components/values';
import { useI18n } from '../../i18n';
import { buildTransfer, lastHandler, rememberHandler } from './buildInput';
import { LinesEditor, OUTGOING_LINE_FIELDS } from './LinesEditor';
import { searchFilter, useLocationOptions } from './options';
import { useBatches } from './useBatches';

const HEADER_FIELDS = ['fromCode', 'toCode', 'date', 'docNo', 'basisDoc', 'handler', 'approver', 'note'];
const isField = fieldSet(HEADER_FIELDS, OUTGOING_LINE_FIELDS);

export function TransferForm({ onPosted }: { onPosted(doc: DocumentView): void }) {
  const { t } = useI18n();
  const { info } = useRefData();
  const [form] = Form.useForm();
  const locations = useLocationOptions();
  const fromCode = Form.useWatch('fromCode', form) as string | undefined;
  const batches = useBatches(fromCode);
  const initial = useMemo(() => ({ date: dayOf(info?.today), handler: lastHandler(), lines: [{}] }), [info?.today]);

  const done = useCallback(
    (doc: DocumentView) => {
      const keep = form.getFieldsValue(['fromCode', 'toCode', 'date', 'handler', 'approver']) as Record<string, unknown>;
      rememberHandler(typeof keep.handler === 'string' ? keep.handler : undefined);
      form.resetFields();
      form.setFieldsValue({ ...keep, lines: [{}] });
      onPosted(doc);
    },
    [form, onPosted],
  );
  const { submit, busy, problems, clearProblems } = useValidatedSubmit({
    form,
    schema: transferInput,
    isField,
    build: buildTransfer,
    send: (input) => call('movements.transfer', input),
    onDone: done,
  });

  return (
    <Form form={form} layout="vertical" initialValues={initial} className="doc-form" data-testid="form-transfer" onFinish={submit}>
      <ProblemBanner problems={problems} onClose={clearProblems} />
      <Row gutter={12}>
        <Col span={7}>
          <Form.Item name="fromCode" label={t('field.from')} required>
            <Select showSearch={searchFilter} options={locations} placeholder={t('movements.pickLocation')} data-testid="field-from" />
          </Form.Item>
        </Col>
        <Col span={7}>
          <Form.Item name="toCode" label={t('field.to')} required>
            <Select showSearch={searchFilter} options={locations} placeholder={t('movements.pickLocation')} data-testid="field-to" />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name="date" label={t('field.date')} required>
            <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} data-testid="field-date" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="docNo" label={t('field.docNo')}>
            <Input placeholder={t('movements.docNoAuto')} data-testid="field-docNo" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name="basisDoc" label={t('field.basisDoc')}>
            <Input placeholder={t('common.optional')} data-testid="field-basisDoc" />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name="handler" label={t('field.handler')} required>
            <Input data-testid="field-handler" />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name="approver" label={t('field.approver')}>
            <Input placeholder={t('common.optional')} data-testid="field-approver" />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="note" label={t('field.note')}>
            <Input placeholder={t('common.optional')} />
          </Form.Item>
        </Col>
      </Row>
      <div className="section-title">{t('movements.lines')}</div>
      <LinesEditor form={form} mode="outgoing" batches={fromCode ? batches : undefined} />
      <Space className="form-actions">
        <Button type="primary" htmlType="submit" loading={busy} data-testid="submit-transfer">
          {t('movements.submitTransfer')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            clearProblems();
          }}
        >
          {t('movements.clear')}
        </Button>
      </Space>
    </Form>
  );
}
