// 入库单 (purchase, donation, allocation from above, return), 出库单 for an issue (发放), and 报损/报废: one
// header and its lines, posted with movements.post after a confirmation; kept as a draft while it is entered.
import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import { type ReactNode, useCallback, useMemo } from 'react';
import type { z } from 'zod';
import { type DocumentView, movementPostInput } from '../../../src/api/contract';
import { call } from '../../api';
import { fieldSet } from '../../components/formErrors';
import { ProblemBanner } from '../../components/ProblemBanner';
import { useRefData } from '../../components/RefData';
import { dayOf } from '../../components/values';
import { useI18n, type UiKey } from '../../i18n';
import { buildPost, lastHandler } from './buildInput';
import { summaryLines } from './ConfirmPost';
import { describeDraft } from './draftBody';
import { EntryActions } from './EntryActions';
import { LinesEditor, OUTGOING_LINE_FIELDS, RECEIPT_LINE_FIELDS } from './LinesEditor';
import { searchFilter, useLocationOptions, usePlaceName } from './options';
import { useBatches } from './useBatches';
import { useDocumentEntry } from './useDocumentEntry';

export type PostKind = 'receipt' | 'issue' | 'loss';

const RECEIPT_TYPES = ['purchase', 'donation', 'allocation_in', 'return_in'] as const;
const LOSS_TYPES = ['loss', 'scrap'] as const;
const HEADER_FIELDS = ['type', 'locationCode', 'date', 'docNo', 'basisDoc', 'handler', 'approver', 'counterpart', 'donor', 'donorCertNo', 'recipient', 'reason', 'note'];

const SUBMIT: Record<PostKind, UiKey> = { receipt: 'movements.submitReceipt', issue: 'movements.submitIssue', loss: 'movements.submitLoss' };
const LOCATION: Record<PostKind, UiKey> = { receipt: 'movements.receiveAt', issue: 'movements.issueFrom', loss: 'movements.lossAt' };
/** Kept for the next document after posting; on their own not worth a draft. */
const STICKY = ['type', 'locationCode', 'date', 'handler', 'approver'] as const;

export interface EntryFormProps {
  onPosted(doc: DocumentView): void;
  /** A draft to open rather than this form's newest. */
  openDraft?: number | undefined;
  onDraftsChanged?(): void;
  onDraftOpen?(id: number | undefined): void;
}

export function PostForm({ kind, onPosted, openDraft, onDraftsChanged, onDraftOpen }: EntryFormProps & { kind: PostKind }) {
  const { t, label } = useI18n();
  const { info, itemsByCode } = useRefData();
  const [form] = Form.useForm();
  const locations = useLocationOptions();
  const type = Form.useWatch('type', form) as string | undefined;
  const locationCode = Form.useWatch('locationCode', form) as string | undefined;
  const batches = useBatches(kind === 'receipt' ? undefined : locationCode);
  const isField = useMemo(() => fieldSet(HEADER_FIELDS, kind === 'receipt' ? RECEIPT_LINE_FIELDS : OUTGOING_LINE_FIELDS), [kind]);

  const initial = useMemo(
    () => ({
      type: kind === 'receipt' ? 'purchase' : kind === 'issue' ? 'issue' : 'loss',
      date: dayOf(info?.today),
      handler: lastHandler(),
      lines: [{}],
    }),
    [kind, info?.today],
  );

  const placeName = usePlaceName();
  const summarize = useCallback(
    (input: z.output<typeof movementPostInput>) => {
      const typeLabel = label('movementType', input.type);
      const place = placeName(input.locationCode);
      const [from, to] =
        kind === 'receipt' ? [input.donor ?? input.counterpart ?? typeLabel, place] : kind === 'issue' ? [place, input.recipient ?? ''] : [place, typeLabel];
      return { kind, typeLabel, from, to, date: input.date, docNo: input.docNo, handler: input.handler, lines: summaryLines(input.lines, itemsByCode) };
    },
    [kind, label, placeName, itemsByCode],
  );
  const entry = useDocumentEntry({
    form,
    kind,
    schema: movementPostInput,
    isField,
    build: buildPost,
    send: (input) => call('movements.post', input),
    summarize,
    sticky: STICKY,
    describe: (values) => describeDraft(placeName(values.locationCode), values, itemsByCode),
    openDraft,
    onPosted,
    onDraftsChanged,
    onDraftOpen,
  });
  const { problems, clearProblems } = entry;

  const typeOptions = (kind === 'receipt' ? RECEIPT_TYPES : LOSS_TYPES).map((v) => ({ value: v, label: label('movementType', v) }));
  const col = (span: number, node: ReactNode) => <Col span={span}>{node}</Col>;

  return (
    <div className="doc-entry" {...entry.around}>
      <Form form={form} layout="vertical" initialValues={initial} className="doc-form" data-testid={`form-${kind}`} onValuesChange={entry.onValuesChange}>
        <ProblemBanner problems={problems} onClose={clearProblems} />
        <Row gutter={12}>
          {kind !== 'issue' &&
            col(
              4,
              <Form.Item name="type" label={kind === 'receipt' ? t('movements.receiptType') : t('movements.lossType')} required>
                <Select options={typeOptions} data-testid="field-type" />
              </Form.Item>,
            )}
          {col(
            kind === 'issue' ? 8 : 6,
            <Form.Item name="locationCode" label={t(LOCATION[kind])} required>
              <Select showSearch={searchFilter} options={locations} placeholder={t('movements.pickLocation')} data-testid="field-location" />
            </Form.Item>,
          )}
          {col(
            4,
            <Form.Item name="date" label={t('field.date')} required>
              <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} data-testid="field-date" />
            </Form.Item>,
          )}
          {col(
            kind === 'issue' ? 6 : 4,
            <Form.Item name="docNo" label={t('field.docNo')}>
              <Input placeholder={t('movements.docNoAuto')} data-testid="field-docNo" />
            </Form.Item>,
          )}
          {kind === 'issue' &&
            col(
              6,
              <Form.Item name="basisDoc" label={t('field.orderNo')} required>
                <Input placeholder={t('movements.orderNoExample')} data-testid="field-basisDoc" />
              </Form.Item>,
            )}
          {kind === 'loss' &&
            col(
              6,
              <Form.Item name="reason" label={t('field.reason')} required>
                <Input data-testid="field-reason" />
              </Form.Item>,
            )}
          {kind === 'receipt' &&
            (type === 'donation' ? (
              <>
                {col(
                  6,
                  <Form.Item name="donor" label={t('field.donor')} required>
                    <Input data-testid="field-donor" />
                  </Form.Item>,
                )}
              </>
            ) : (
              col(
                6,
                <Form.Item name="counterpart" label={t('field.supplier')}>
                  <Input placeholder={t('common.optional')} data-testid="field-counterpart" />
                </Form.Item>,
              )
            ))}
        </Row>
        <Row gutter={12}>
          {kind === 'receipt' &&
            (type === 'donation'
              ? col(
                  6,
                  <Form.Item name="donorCertNo" label={t('field.donorCertNo')}>
                    <Input placeholder={t('common.optional')} data-testid="field-donorCertNo" />
                  </Form.Item>,
                )
              : col(
                  6,
                  <Form.Item name="basisDoc" label={t('field.basisDoc')}>
                    <Input placeholder={t('common.optional')} data-testid="field-basisDoc" />
                  </Form.Item>,
                ))}
          {kind === 'issue' &&
            col(
              6,
              <Form.Item name="recipient" label={t('field.recipient')}>
                <Input data-testid="field-recipient" />
              </Form.Item>,
            )}
          {kind === 'loss' &&
            col(
              6,
              <Form.Item name="basisDoc" label={t('field.basisDoc')}>
                <Input placeholder={t('common.optional')} data-testid="field-basisDoc" />
              </Form.Item>,
            )}
          {col(
            4,
            <Form.Item name="handler" label={t('field.handler')} required>
              <Input data-testid="field-handler" />
            </Form.Item>,
          )}
          {col(
            4,
            <Form.Item name="approver" label={t('field.approver')}>
              <Input placeholder={t('common.optional')} data-testid="field-approver" />
            </Form.Item>,
          )}
          {col(
            10,
            <Form.Item name="note" label={t('field.note')}>
              <Input placeholder={t('common.optional')} />
            </Form.Item>,
          )}
        </Row>
        <div className="section-title">{t('movements.lines')}</div>
        <LinesEditor form={form} mode={kind === 'receipt' ? 'receipt' : 'outgoing'} batches={locationCode ? batches : undefined} />
        <EntryActions entry={entry} submitLabel={t(SUBMIT[kind])} testId={`submit-${kind}`} />
      </Form>
      {entry.modal}
    </div>
  );
}

