// 调拨单: from one location to another, both legs of every line in one document, posted after a confirmation and
// kept as a draft while it is entered.
import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import { useCallback, useMemo } from 'react';
import type { z } from 'zod';
import { transferInput } from '../../../src/api/contract';
import { call } from '../../api';
import { fieldSet } from '../../components/formErrors';
import { ProblemBanner } from '../../components/ProblemBanner';
import { useRefData } from '../../components/RefData';
import { dayOf } from '../../components/values';
import { useI18n } from '../../i18n';
import { buildTransfer, lastHandler } from './buildInput';
import { summaryLines } from './ConfirmPost';
import { describeDraft } from './draftBody';
import { EntryActions } from './EntryActions';
import { LinesEditor, OUTGOING_LINE_FIELDS } from './LinesEditor';
import { searchFilter, useLocationOptions, usePlaceName } from './options';
import type { EntryFormProps } from './PostForm';
import { useBatches } from './useBatches';
import { useDocumentEntry } from './useDocumentEntry';

const HEADER_FIELDS = ['fromCode', 'toCode', 'date', 'docNo', 'basisDoc', 'handler', 'approver', 'note'];
const isField = fieldSet(HEADER_FIELDS, OUTGOING_LINE_FIELDS);
const STICKY = ['fromCode', 'toCode', 'date', 'handler', 'approver'] as const;

export function TransferForm({ onPosted, openDraft, onDraftsChanged, onDraftOpen }: EntryFormProps) {
  const { t } = useI18n();
  const { info, itemsByCode } = useRefData();
  const [form] = Form.useForm();
  const locations = useLocationOptions();
  const fromCode = Form.useWatch('fromCode', form) as string | undefined;
  const batches = useBatches(fromCode);
  const initial = useMemo(() => ({ date: dayOf(info?.today), handler: lastHandler(), lines: [{}] }), [info?.today]);

  const placeName = usePlaceName();
  const summarize = useCallback(
    (input: z.output<typeof transferInput>) => ({
      kind: 'transfer' as const,
      typeLabel: t('movements.kind.transfer'),
      from: placeName(input.fromCode),
      to: placeName(input.toCode),
      date: input.date,
      docNo: input.docNo,
      handler: input.handler,
      lines: summaryLines(input.lines, itemsByCode),
    }),
    [t, placeName, itemsByCode],
  );
  const entry = useDocumentEntry({
    form,
    kind: 'transfer',
    schema: transferInput,
    isField,
    build: buildTransfer,
    send: (input) => call('movements.transfer', input),
    summarize,
    sticky: STICKY,
    describe: (values) => describeDraft([placeName(values.fromCode), placeName(values.toCode)].filter(Boolean).join(' → '), values, itemsByCode),
    openDraft,
    onPosted,
    onDraftsChanged,
    onDraftOpen,
  });
  const { problems, clearProblems } = entry;

  return (
    <div className="doc-entry" {...entry.around}>
      <Form form={form} layout="vertical" initialValues={initial} className="doc-form" data-testid="form-transfer" onValuesChange={entry.onValuesChange}>
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
        <EntryActions entry={entry} submitLabel={t('movements.submitTransfer')} testId="submit-transfer" />
      </Form>
      {entry.modal}
    </div>
  );
}
