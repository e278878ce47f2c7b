// 开始盘点: which locations (or a whole street), blind or not, and the date; the core freezes the book.
import { Alert, type ButtonProps, Col, DatePicker, Form, Input, Modal, Radio, Row, Select, Switch } from 'antd';
import { useMemo } from 'react';
import { type StocktakeView, stocktakeStartInput } from '../../../src/api/contract.stocktake';
import { call } from '../../api';
import { fieldSet } from '../../components/formErrors';
import { ProblemBanner } from '../../components/ProblemBanner';
import { useRefData } from '../../components/RefData';
import { useValidatedSubmit } from '../../components/useValidatedSubmit';
import { dateText, dayOf, text } from '../../components/values';
import { useI18n } from '../../i18n';
import { clearOnChange, looseProblems } from './shared';
import { searchable, useLocationGroups, useStreetOptions } from './options';

const isField = fieldSet(['locationCodes', 'streetCode', 'blind', 'date', 'note']);

export function StartModal({ onClose, onStarted }: { onClose(): void; onStarted(v: StocktakeView): void }) {
  const { t } = useI18n();
  const { info, changed } = useRefData();
  const [form] = Form.useForm();
  const scope = (Form.useWatch('scope', form) as string | undefined) ?? 'locations';
  const groups = useLocationGroups();
  const streets = useStreetOptions();
  const initial = useMemo(() => ({ scope: 'locations', blind: false, date: dayOf(info?.today), locationCodes: [] }), [info?.today]);

  const { submit, busy, problems, clearProblems } = useValidatedSubmit({
    form,
    schema: stocktakeStartInput,
    isField,
    build: (v) => ({
      locationCodes: v.scope === 'street' ? [] : ((v.locationCodes as string[] | undefined) ?? []),
      // An empty street is said under the street field (the schema's own rule would name the location list).
      streetCode: v.scope === 'street' ? (text(v.streetCode) ?? '') : undefined,
      blind: v.blind === true,
      date: dateText(v.date) ?? '',
      note: text(v.note),
    }),
    send: (input) => call('stocktake.start', input),
    onDone: (v) => {
      changed();
      onStarted(v);
    },
  });

  return (
    <Modal
      open
      title={t('stocktake.start')}
      width={620}
      okText={t('stocktake.startSubmit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'submit-start' } as ButtonProps}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('stocktake.startHint')} style={{ marginBottom: 12 }} />
      <ProblemBanner problems={looseProblems(form, problems)} onClose={clearProblems} />
      <Form form={form} layout="vertical" onValuesChange={clearOnChange(form)} initialValues={initial} onFinish={submit} data-testid="form-start" className="doc-form">
        <Form.Item name="scope" label={t('stocktake.scope')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'locations', label: t('stocktake.scope.locations') },
              { value: 'street', label: t('stocktake.scope.street') },
            ]}
            data-testid="start-scope"
          />
        </Form.Item>
        {scope === 'street' ? (
          <Form.Item name="streetCode" label={t('field.street')} required extra={t('stocktake.streetHint')}>
            <Select showSearch={searchable} options={streets} placeholder={t('stocktake.pickStreet')} data-testid="start-street" />
          </Form.Item>
        ) : (
          <Form.Item name="locationCodes" label={t('stocktake.locations')} required>
            <Select
              mode="multiple"
              allowClear
              showSearch={searchable}
              options={groups}
              placeholder={t('stocktake.pickLocations')}
              maxTagCount={4}
              data-testid="start-locations"
            />
          </Form.Item>
        )}
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="date" label={t('stocktake.date')} required>
              <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} data-testid="start-date" />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="blind" label={t('stocktake.blindCount')} valuePropName="checked" extra={t('stocktake.blindHint')}>
              <Switch data-testid="start-blind" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="note" label={t('field.note')}>
          <Input placeholder={t('common.optional')} maxLength={200} />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
