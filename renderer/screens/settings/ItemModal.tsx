import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { type Item, itemCategories, itemCreateInput, itemUpdateInput, reserveModes } from '../../../src/api/contract';
import { call } from '../../api';
import { fieldSet } from '../../components/formErrors';
import { num, text } from '../../components/values';
import { useI18n } from '../../i18n';
import { ModalForm } from '../../components/ModalForm';

const FIELDS = ['code', 'name', 'spec', 'unit', 'decimals', 'category', 'gbCode', 'shelfLifeDays', 'rotationLeadDays', 'unitPrice', 'reserveMode', 'note'];
const isField = fieldSet(FIELDS);

function build(values: Record<string, unknown>) {
  // Blank numbers are sent as null and blank texts as '', so that clearing a shelf life, a price or a spec on an edit
  // clears it (on a new item both simply mean "none").
  const orNull = (v: unknown) => num(v) ?? null;
  return {
    code: text(values.code) ?? '',
    name: text(values.name) ?? '',
    spec: text(values.spec) ?? '',
    unit: text(values.unit) ?? '',
    decimals: num(values.decimals),
    category: values.category,
    gbCode: text(values.gbCode) ?? '',
    shelfLifeDays: orNull(values.shelfLifeDays),
    rotationLeadDays: orNull(values.rotationLeadDays),
    unitPrice: orNull(values.unitPrice),
    reserveMode: values.reserveMode,
    note: text(values.note) ?? '',
  };
}

export function ItemModal({ item, onClose, onSaved }: { item?: Item; onClose(): void; onSaved(i: Item): void }) {
  const { t, label } = useI18n();
  const [form] = Form.useForm();
  return (
    <ModalForm
      title={item ? t('settings.itemEdit', { code: item.code }) : t('settings.itemCreate')}
      form={form}
      schema={item ? itemUpdateInput : itemCreateInput}
      isField={isField}
      build={build}
      send={(input) => (item ? call('items.update', input) : call('items.create', input as never))}
      onDone={onSaved}
      onClose={onClose}
      initialValues={item ? { ...item } : { category: 'other', reserveMode: 'held' }}
      testId="item"
      width={720}
    >
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name="code" label={t('field.itemCode')} required>
            <Input disabled={!!item} data-testid="item-code" />
          </Form.Item>
        </Col>
        <Col span={9}>
          <Form.Item name="name" label={t('field.itemName')} required>
            <Input data-testid="item-name" />
          </Form.Item>
        </Col>
        <Col span={9}>
          <Form.Item name="spec" label={t('field.spec')}>
            <Input placeholder={t('common.optional')} data-testid="item-spec" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="unit" label={t('field.unit')} required>
            <Input placeholder={t('settings.unitExample')} data-testid="item-unit" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="decimals" label={t('field.decimals')} tooltip={t('settings.decimalsHint')}>
            <InputNumber min={0} max={3} precision={0} style={{ width: '100%' }} data-testid="item-decimals" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="category" label={t('field.category')} required>
            <Select options={itemCategories.map((c) => ({ value: c, label: label('category', c) }))} data-testid="item-category" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="reserveMode" label={t('field.reserveMode')} required>
            <Select options={reserveModes.map((m) => ({ value: m, label: label('reserveMode', m) }))} data-testid="item-reserve-mode" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="gbCode" label={t('field.gbCode')}>
            <Input placeholder="1010101" maxLength={7} data-testid="item-gb-code" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="shelfLifeDays" label={t('field.shelfLifeDays')}>
            <InputNumber min={1} precision={0} style={{ width: '100%' }} data-testid="item-shelf-life" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="rotationLeadDays" label={t('field.rotationLeadDays')} tooltip={t('settings.leadHint')}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid="item-lead" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="unitPrice" label={t('field.unitPrice')}>
            <InputNumber min={0} step={0.01} style={{ width: '100%' }} className="num-input" data-testid="item-price" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="note" label={t('field.note')}>
            <Input placeholder={t('common.optional')} />
          </Form.Item>
        </Col>
      </Row>
    </ModalForm>
  );
}
