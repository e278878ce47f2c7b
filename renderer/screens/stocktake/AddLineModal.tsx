// 添加盘盈行: stock found that was not on the sheet (book 0), at one of the stocktake's locations.
import { Alert, type ButtonProps, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { addLineInput, type StocktakeView } from '../../../src/api/contract.stocktake';
import { call } from '../../api';
import { fieldSet } from '../../components/formErrors';
import { ProblemBanner } from '../../components/ProblemBanner';
import { useRefData } from '../../components/RefData';
import { useValidatedSubmit } from '../../components/useValidatedSubmit';
import { dateText, num, text } from '../../components/values';
import { useI18n } from '../../i18n';
import { searchable, useItemOpts } from './options';
import { clearOnChange, looseProblems, rememberName } from './shared';

const isField = fieldSet(['locationCode', 'itemCode', 'batchNo', 'productionDate', 'expiryDate', 'counted', 'countedBy', 'date', 'reason']);

export function AddLineModal(props: { view: StocktakeView; countedBy: string; date: Dayjs | undefined; onClose(): void; onDone(v: StocktakeView): void }) {
  const { view } = props;
  const { t } = useI18n();
  const { itemsByCode } = useRefData();
  const [form] = Form.useForm();
  const items = useItemOpts();
  const itemCode = Form.useWatch('itemCode', form) as string | undefined;
  const item = itemCode ? itemsByCode.get(itemCode) : undefined;
  const initial = useMemo(
    () => ({ locationCode: view.locations.length === 1 ? view.locations[0]!.code : undefined, countedBy: props.countedBy, date: props.date }),
    [view.locations, props.countedBy, props.date],
  );

  const { submit, busy, problems, clearProblems } = useValidatedSubmit({
    form,
    schema: addLineInput,
    isField,
    build: (v) => ({
      id: view.id,
      locationCode: text(v.locationCode) ?? '',
      itemCode: text(v.itemCode) ?? '',
      batchNo: text(v.batchNo) ?? '',
      productionDate: dateText(v.productionDate),
      expiryDate: dateText(v.expiryDate),
      counted: num(v.counted),
      countedBy: text(v.countedBy) ?? '',
      date: dateText(v.date) ?? '',
      reason: text(v.reason),
    }),
    send: (input) => call('stocktake.addLine', input),
    onDone: (v) => {
      rememberName('counter', text(form.getFieldValue('countedBy')));
      props.onDone(v);
    },
  });

  return (
    <Modal
      open
      title={t('stocktake.addLine')}
      width={680}
      okText={t('stocktake.addLineSubmit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'submit-add-line' } as ButtonProps}
      onOk={() => void submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('stocktake.addLineHint')} style={{ marginBottom: 12 }} />
      <ProblemBanner problems={looseProblems(form, problems)} onClose={clearProblems} />
      <Form form={form} layout="vertical" onValuesChange={clearOnChange(form)} initialValues={initial} onFinish={submit} className="doc-form" data-testid="form-add-line">
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item name="locationCode" label={t('field.location')} required>
              <Select options={view.locations.map((l) => ({ value: l.code, label: l.name }))} data-testid="add-line-location" />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="itemCode" label={t('field.item')} required>
              <Select showSearch={searchable} options={items} placeholder={t('stocktake.pickItem')} data-testid="add-line-item" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="batchNo" label={t('field.batchNo')} extra={t('stocktake.batchHint')}>
              <Input placeholder={t('common.optional')} data-testid="add-line-batch" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="productionDate" label={t('field.productionDate')}>
              <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="expiryDate" label={t('field.expiryDate')}>
              <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="counted" label={t('stocktake.col.counted')} required>
              <InputNumber
                min={0}
                precision={item?.decimals ?? undefined}
                style={{ width: '100%' }}
                className="num-input"
                suffix={item ? <span className="unit">{item.unit}</span> : undefined}
                data-testid="add-line-counted"
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="countedBy" label={t('stocktake.countedBy')} required>
              <Input maxLength={30} data-testid="add-line-countedBy" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="date" label={t('stocktake.countDate')} required>
              <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="reason" label={t('stocktake.col.reason')}>
          <Input maxLength={200} placeholder={t('stocktake.foundReasonExample')} data-testid="add-line-reason" />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
