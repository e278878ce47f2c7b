// 冲销整单: every line of a document reversed in one step, with one reason and one handler; then 更正重录 opens the
// entry form prefilled from the reversed document, as a draft.
import { Alert, Button, Descriptions, Form, Modal, Result, Skeleton, Space, Table, type ButtonProps } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { type DocumentView, type MovementRecord, reverseDocumentInput } from '../../../src/api/contract';
import { call } from '../../api';
import { fieldSet } from '../../components/formErrors';
import { formatQty } from '../../components/format';
import { LoadError } from '../../components/LoadError';
import { ProblemBanner } from '../../components/ProblemBanner';
import { useRefData } from '../../components/RefData';
import { navigate } from '../../components/router';
import { useLoad } from '../../components/useLoad';
import { useValidatedSubmit } from '../../components/useValidatedSubmit';
import { dateText, dayOf, text } from '../../components/values';
import { useI18n } from '../../i18n';
import { lastHandler, rememberHandler } from './buildInput';
import { draftOfDocument } from './draftBody';
import { sheetLines } from './PrintSheet';
import { ReversalFields } from './ReverseModal';

const isField = fieldSet(['date', 'handler', 'approver', 'reason']);

/** 更正重录: the document as a new draft of its entry form, opened there. */
export async function reEnterDocument(doc: DocumentView, today: string): Promise<void> {
  const draft = draftOfDocument(doc, today);
  if (!draft) return;
  const saved = await call('drafts.save', draft);
  navigate(['movements', 'entry'], { kind: draft.form, draft: String(saved.id) });
}

export function ReverseDocumentModal({ docNo, onClose, onDone }: { docNo: string; onClose(): void; onDone(reversal: DocumentView): void }) {
  const { t, label } = useI18n();
  const { info } = useRefData();
  const [form] = Form.useForm();
  const doc = useLoad(() => call('movements.document', { docNo }), [docNo]);
  const [reversal, setReversal] = useState<DocumentView>();
  useEffect(() => {
    form.setFieldsValue({ date: dayOf(info?.today), handler: lastHandler() });
  }, [form, info?.today]);

  const done = useCallback(
    (r: DocumentView) => {
      rememberHandler(form.getFieldValue('handler') as string | undefined);
      setReversal(r);
      onDone(r);
    },
    [form, onDone],
  );
  const { submit, busy, problems, clearProblems } = useValidatedSubmit({
    form,
    schema: reverseDocumentInput,
    isField,
    build: (values) => ({
      docNo,
      date: dateText(values.date),
      handler: text(values.handler) ?? '',
      approver: text(values.approver),
      reason: text(values.reason) ?? '',
    }),
    send: (input) => call('movements.reverseDocument', input),
    onDone: done,
  });

  const lines = doc.data ? sheetLines(doc.data) : [];
  const reversedAlready = lines.filter((l) => l.reversedById !== null).length;
  const canReEnter = doc.data ? draftOfDocument(doc.data, info?.today ?? '') !== null : false;

  if (reversal && doc.data) {
    const original = doc.data;
    return (
      <Modal open title={t('journal.reverseDocTitle', { docNo })} onCancel={onClose} footer={null} width={620} destroyOnHidden>
        <Result
          status="success"
          title={t('journal.reverseDocDone', { docNo: reversal.docNo })}
          subTitle={canReEnter ? t('journal.reEnterHint') : undefined}
          extra={
            <Space>
              {canReEnter && (
                <Button type="primary" onClick={() => void reEnterDocument(original, info?.today ?? '').then(onClose)} data-testid="re-enter">
                  {t('journal.reEnter')}
                </Button>
              )}
              <Button onClick={() => navigate(['doc', reversal.docNo])}>{t('movements.viewDoc')}</Button>
              <Button onClick={onClose} data-testid="reverse-doc-close">
                {t('common.close')}
              </Button>
            </Space>
          }
        />
      </Modal>
    );
  }

  return (
    <Modal
      open
      title={t('journal.reverseDocTitle', { docNo })}
      okText={t('journal.reverseDocSubmit')}
      okButtonProps={{ danger: true, loading: busy, disabled: !doc.data || reversedAlready > 0, 'data-testid': 'submit-reverse-doc' } as ButtonProps}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      width={760}
      destroyOnHidden
    >
      {doc.error ? (
        <LoadError error={doc.error} onRetry={doc.reload} />
      ) : !doc.data ? (
        <Skeleton active />
      ) : (
        <>
          <Alert type={reversedAlready ? 'warning' : 'info'} showIcon title={reversedAlready ? t('journal.reverseDocPartly', { n: reversedAlready }) : t('journal.reverseDocHint')} style={{ marginBottom: 10 }} />
          <Descriptions size="small" column={3} bordered style={{ marginBottom: 10 }}>
            <Descriptions.Item label={t('field.type')}>{label('movementType', doc.data.type)}</Descriptions.Item>
            <Descriptions.Item label={t('field.date')}>{doc.data.date}</Descriptions.Item>
            <Descriptions.Item label={t('movements.lines')}>{t('journal.lineCount', { n: lines.length })}</Descriptions.Item>
          </Descriptions>
          <Table<MovementRecord>
            size="small"
            bordered
            rowKey="id"
            pagination={false}
            scroll={{ y: 200 }}
            dataSource={lines}
            data-testid="reverse-doc-lines"
            rowClassName={(r) => (r.reversedById !== null ? 'row-reversed' : '')}
            columns={[
              { title: t('field.location'), dataIndex: 'locationName', ellipsis: true, render: (v: string, r) => (r.counterpartName && r.type === 'transfer_out' ? `${v} → ${r.counterpartName}` : v) },
              { title: t('field.item'), dataIndex: 'itemName', width: 130, ellipsis: true },
              { title: t('field.batchNo'), dataIndex: 'batchNo', width: 130, ellipsis: true },
              {
                title: t('field.quantity'),
                width: 110,
                align: 'right',
                render: (_: unknown, r) => (
                  <span className="num">
                    {formatQty(Math.abs(r.quantity))}
                    <span className="unit">{r.unit}</span>
                  </span>
                ),
              },
            ]}
          />
          <ProblemBanner problems={problems} onClose={clearProblems} />
          <Form form={form} layout="vertical" data-testid="form-reverse-doc" style={{ marginTop: 10 }}>
            <ReversalFields testIds={{ handler: 'reverse-doc-handler', reason: 'reverse-doc-reason' }} />
          </Form>
        </>
      )}
    </Modal>
  );
}
