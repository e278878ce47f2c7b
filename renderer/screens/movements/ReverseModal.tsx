// 冲销: a reversing movement for one journal row (and its transfer partner), with a reason. Only the OK button
// posts it: Enter in a field does not.
import { Alert, Col, DatePicker, Descriptions, Form, Input, Modal, Row, type ButtonProps } from 'antd';
import { useCallback, useEffect } from 'react';
import { type DocumentView, type MovementRecord, reverseInput } from '../../../src/api/contract';
import { call } from '../../api';
import { fieldSet } from '../../components/formErrors';
import { formatQty } from '../../components/format';
import { ProblemBanner } from '../../components/ProblemBanner';
import { useRefData } from '../../components/RefData';
import { useValidatedSubmit } from '../../components/useValidatedSubmit';
import { dayOf } from '../../components/values';
import { useI18n } from '../../i18n';
import { buildReverse, lastHandler, rememberHandler } from './buildInput';

const isField = fieldSet(['date', 'handler', 'approver', 'reason']);

export function ReverseModal({ row, onClose, onDone }: { row: MovementRecord; onClose(): void; onDone(doc: DocumentView): void }) {
  const { t, label } = useI18n();
  const { info } = useRefData();
  const [form] = Form.useForm();
  useEffect(() => {
    form.setFieldsValue({ date: dayOf(info?.today), handler: lastHandler() });
  }, [form, info?.today]);

  const done = useCallback(
    (doc: DocumentView) => {
      rememberHandler(form.getFieldValue('handler') as string | undefined);
      onDone(doc);
    },
    [form, onDone],
  );
  const { submit, busy, problems, clearProblems } = useValidatedSubmit({
    form,
    schema: reverseInput,
    isField,
    build: (values) => buildReverse(row.id, values),
    send: (input) => call('movements.reverse', input),
    onDone: done,
  });

  return (
    <Modal
      open
      title={t('journal.reverseTitle', { id: row.id, docNo: row.docNo })}
      okText={t('journal.reverseSubmit')}
      okButtonProps={{ danger: true, loading: busy, 'data-testid': 'submit-reverse' } as ButtonProps}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      width={620}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('journal.reverseHint')} style={{ marginBottom: 12 }} />
      <Descriptions size="small" column={2} bordered style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('field.type')}>{label('movementType', row.type)}</Descriptions.Item>
        <Descriptions.Item label={t('field.date')}>{row.date}</Descriptions.Item>
        <Descriptions.Item label={t('field.location')}>{row.locationName}</Descriptions.Item>
        <Descriptions.Item label={t('field.item')}>
          {row.itemName}
          {row.batchNo ? ` / ${row.batchNo}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('field.quantity')}>
          {formatQty(row.quantity)} {row.unit}
        </Descriptions.Item>
        <Descriptions.Item label={t('field.handler')}>{row.handler}</Descriptions.Item>
      </Descriptions>
      <ProblemBanner problems={problems} onClose={clearProblems} />
      <Form form={form} layout="vertical" data-testid="form-reverse">
        <ReversalFields testIds={{ handler: 'reverse-handler', reason: 'reverse-reason' }} />
      </Form>
    </Modal>
  );
}

/** What every reversal asks: its date, the handler, an approver if any, and the reason. */
export function ReversalFields({ testIds }: { testIds: { handler: string; reason: string } }) {
  const { t } = useI18n();
  return (
    <>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="date" label={t('field.date')} required>
            <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="handler" label={t('field.handler')} required>
            <Input data-testid={testIds.handler} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="approver" label={t('field.approver')}>
            <Input placeholder={t('common.optional')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="reason" label={t('field.reason')} required>
        <Input.TextArea rows={2} data-testid={testIds.reason} />
      </Form.Item>
    </>
  );
}
