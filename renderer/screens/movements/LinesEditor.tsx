// The lines of a document (物资明细): one row per item and batch. Receipts take batch no., dates and price;
// outgoing documents pick a batch on hand (or leave it empty: first expiry first out). The arrows move between
// lines (entryKeys.ts), so the number fields do not step their value with them.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, InputNumber, Select, Tooltip } from 'antd';
import type { FormInstance } from 'antd';
import type { StockRow } from '../../../src/api/contract';
import { formatMoney, formatQty } from '../../components/format';
import { useRefData } from '../../components/RefData';
import { useI18n } from '../../i18n';
import { searchFilter, useItemOptions } from './options';

export type LinesMode = 'receipt' | 'outgoing';

export const RECEIPT_LINE_FIELDS = ['itemCode', 'batchNo', 'quantity', 'productionDate', 'expiryDate', 'unitPrice', 'note'] as const;
export const OUTGOING_LINE_FIELDS = ['itemCode', 'batchNo', 'quantity', 'note'] as const;

interface Props {
  form: FormInstance;
  mode: LinesMode;
  /** Outgoing documents: the batches on hand at the source location, per item. */
  batches?: Map<string, StockRow[]>;
}

export function LinesEditor({ form, mode, batches }: Props) {
  const { t } = useI18n();
  const cls = `lines-grid lines-${mode}`;
  return (
    <Form.List name="lines">
      {(fields, { add, remove }) => (
        <div className="lines" data-testid="lines">
          <div className={`${cls} lines-head`}>
            <span>#</span>
            <span className="req">{t('field.item')}</span>
            <span>{t('field.batchNo')}</span>
            <span className="req right">{t('field.quantity')}</span>
            {mode === 'receipt' && (
              <>
                <span>{t('field.productionDate')}</span>
                <span>{t('field.expiryDate')}</span>
                <span className="right">{t('field.unitPrice')}</span>
              </>
            )}
            <span>{t('field.note')}</span>
            <span />
          </div>
          {fields.map((field, index) => (
            <LineRow
              key={field.key}
              form={form}
              name={field.name}
              index={index}
              mode={mode}
              batches={batches}
              onRemove={fields.length > 1 ? () => remove(field.name) : undefined}
            />
          ))}
          <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({})} data-testid="add-line">
            {t('movements.addLine')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

function LineRow({
  form,
  name,
  index,
  mode,
  batches,
  onRemove,
}: {
  form: FormInstance;
  name: number;
  index: number;
  mode: LinesMode;
  batches?: Map<string, StockRow[]> | undefined;
  onRemove?: (() => void) | undefined;
}) {
  const { t } = useI18n();
  const { itemsByCode } = useRefData();
  const options = useItemOptions(mode === 'outgoing' ? batches : undefined);
  const itemCode = Form.useWatch(['lines', name, 'itemCode'], form) as string | undefined;
  const item = itemCode ? itemsByCode.get(itemCode) : undefined;
  const onHand = itemCode ? (batches?.get(itemCode) ?? []) : [];
  const available = onHand.reduce((sum, r) => sum + Math.round(r.quantity * 1000), 0) / 1000;
  const cell = { style: { marginBottom: 0 } };
  return (
    <div className={`lines-grid lines-${mode}`} data-testid={`line-${index}`} data-line={index}>
      <span className="line-no">{index + 1}</span>
      <Form.Item name={[name, 'itemCode']} {...cell}>
        <Select
          showSearch={searchFilter}
          placeholder={t('movements.pickItem')}
          options={options}
          popupMatchSelectWidth={340}
          data-testid={`line-${index}-item`}
        />
      </Form.Item>
      <Form.Item name={[name, 'batchNo']} {...cell}>
        {mode === 'receipt' ? (
          <Input placeholder={t('common.optional')} data-testid={`line-${index}-batch`} />
        ) : (
          <Select
            allowClear
            placeholder={t('movements.batchAuto')}
            popupMatchSelectWidth={360}
            data-testid={`line-${index}-batch`}
            options={onHand
              .filter((r) => r.batchNo)
              .map((r) => ({
                value: r.batchNo!,
                label: [
                  r.batchNo,
                  r.expiryDate ? `${t('field.expiryDate')} ${r.expiryDate}` : '',
                  r.expiryStatus === 'expired' || r.expiryStatus === 'expiring' ? t(`expiry.${r.expiryStatus}`) : '',
                  t('movements.available', { qty: `${formatQty(r.quantity)}${r.unit}` }),
                ]
                  .filter(Boolean)
                  .join(' · '),
              }))}
          />
        )}
      </Form.Item>
      <Form.Item
        name={[name, 'quantity']}
        {...cell}
        extra={mode === 'outgoing' && item ? <span className="line-hint">{t('movements.available', { qty: `${formatQty(available)}${item.unit}` })}</span> : undefined}
      >
        <InputNumber
          min={0}
          keyboard={false}
          style={{ width: '100%' }}
          className="num-input"
          suffix={item?.unit}
          data-testid={`line-${index}-quantity`}
        />
      </Form.Item>
      {mode === 'receipt' && (
        <>
          <Form.Item name={[name, 'productionDate']} {...cell}>
            <DatePicker format="YYYY-MM-DD" placeholder="YYYY-MM-DD" style={{ width: '100%' }} data-testid={`line-${index}-production`} />
          </Form.Item>
          <Form.Item name={[name, 'expiryDate']} {...cell}>
            <DatePicker format="YYYY-MM-DD" placeholder="YYYY-MM-DD" style={{ width: '100%' }} data-testid={`line-${index}-expiry`} />
          </Form.Item>
          <Form.Item name={[name, 'unitPrice']} {...cell}>
            <InputNumber
              min={0}
              step={0.01}
              keyboard={false}
              style={{ width: '100%' }}
              className="num-input"
              placeholder={item?.unitPrice !== null && item?.unitPrice !== undefined ? formatMoney(item.unitPrice) : ''}
              data-testid={`line-${index}-price`}
            />
          </Form.Item>
        </>
      )}
      <Form.Item name={[name, 'note']} {...cell}>
        <Input placeholder={t('common.optional')} />
      </Form.Item>
      <Tooltip title={t('movements.removeLine')}>
        <Button type="text" size="small" icon={<DeleteOutlined />} disabled={!onRemove} onClick={onRemove} aria-label={t('movements.removeLine')} />
      </Tooltip>
    </div>
  );
}
