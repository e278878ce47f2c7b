import { Col, Form, Input, Row, Select } from 'antd';
import { useMemo } from 'react';
import { type Location, locationCreateInput, locationKinds, locationUpdateInput } from '../../../src/api/contract';
import { call } from '../../api';
import { fieldSet } from '../../components/formErrors';
import { useRefData } from '../../components/RefData';
import { text } from '../../components/values';
import { useI18n } from '../../i18n';
import { ModalForm } from '../../components/ModalForm';

const isField = fieldSet(['code', 'name', 'kind', 'areaCode', 'address', 'note']);

/** Blank texts are sent as '', so that emptying an address on an edit clears it. */
function build(values: Record<string, unknown>) {
  return {
    code: text(values.code) ?? '',
    name: text(values.name) ?? '',
    kind: values.kind,
    areaCode: text(values.areaCode) ?? '',
    address: text(values.address) ?? '',
    note: text(values.note) ?? '',
  };
}

export function LocationModal({ location, onClose, onSaved }: { location?: Location; onClose(): void; onSaved(l: Location): void }) {
  const { t, label } = useI18n();
  const { areas } = useRefData();
  const [form] = Form.useForm();
  const areaOptions = useMemo(() => {
    const byCode = new Map(areas.map((a) => [a.code, a]));
    return areas.map((a) => {
      const parent = a.parentCode ? byCode.get(a.parentCode) : undefined;
      const path = a.level === 'village' && parent ? `${parent.name} / ${a.name}` : a.name;
      return { value: a.code, label: t('fmt.paren', { a: path, b: label('areaLevel', a.level) }) };
    });
  }, [areas, label, t]);
  return (
    <ModalForm
      title={location ? t('settings.locationEdit', { code: location.code }) : t('settings.locationCreate')}
      form={form}
      schema={location ? locationUpdateInput : locationCreateInput}
      isField={isField}
      build={build}
      send={(input) => (location ? call('locations.update', input) : call('locations.create', input as never))}
      onDone={onSaved}
      onClose={onClose}
      initialValues={location ? { ...location } : { kind: 'street_store' }}
      testId="location"
    >
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="code" label={t('field.code')} required>
            <Input disabled={!!location} data-testid="location-code" />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name="name" label={t('field.name')} required>
            <Input data-testid="location-name" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="kind" label={t('field.kind')} required>
            <Select options={locationKinds.map((k) => ({ value: k, label: label('locationKind', k) }))} data-testid="location-kind" />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name="areaCode" label={t('field.area')} required>
            <Select showSearch={{ optionFilterProp: 'label' }} options={areaOptions} data-testid="location-area" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="address" label={t('field.address')}>
            <Input placeholder={t('common.optional')} />
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
