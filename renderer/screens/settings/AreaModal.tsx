import { Col, Form, Input, Row, Select } from 'antd';
import { useMemo } from 'react';
import { type Area, areaCreateInput, type AreaLevel, areaLevels, areaUpdateInput } from '../../../src/api/contract';
import { call } from '../../api';
import { fieldSet } from '../../components/formErrors';
import { useRefData } from '../../components/RefData';
import { text } from '../../components/values';
import { useI18n } from '../../i18n';
import { ModalForm } from '../../components/ModalForm';

const isField = fieldSet(['code', 'name', 'level', 'parentCode', 'adminCode']);
const PARENT_LEVEL: Record<AreaLevel, AreaLevel | null> = { district: null, street: 'district', village: 'street' };

function build(values: Record<string, unknown>) {
  return {
    code: text(values.code) ?? '',
    name: text(values.name) ?? '',
    level: values.level,
    parentCode: text(values.parentCode),
    adminCode: text(values.adminCode) ?? '',
  };
}

/** Create an area (optionally under a given parent) or edit one. */
export function AreaModal({ area, parent, onClose, onSaved }: { area?: Area; parent?: Area; onClose(): void; onSaved(a: Area): void }) {
  const { t, label } = useI18n();
  const { areas } = useRefData();
  const [form] = Form.useForm();
  const level = (Form.useWatch('level', form) as AreaLevel | undefined) ?? area?.level;
  const parentLevel = level ? PARENT_LEVEL[level] : null;
  const parentOptions = useMemo(
    () => areas.filter((a) => a.level === parentLevel && a.code !== area?.code).map((a) => ({ value: a.code, label: t('fmt.paren', { a: a.name, b: a.code }) })),
    [areas, parentLevel, area?.code, t],
  );
  const initialValues = area
    ? { ...area, adminCode: area.adminCode ?? '' }
    : { level: parent ? (parent.level === 'district' ? 'street' : 'village') : 'village', parentCode: parent?.code };
  return (
    <ModalForm
      title={area ? t('settings.areaEdit', { code: area.code }) : t('settings.areaCreate')}
      form={form}
      schema={area ? areaUpdateInput : areaCreateInput}
      isField={isField}
      build={build}
      send={(input) => (area ? call('areas.update', input) : call('areas.create', input as never))}
      onDone={onSaved}
      onClose={onClose}
      initialValues={initialValues}
      testId="area"
    >
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="code" label={t('field.code')} required>
            <Input disabled={!!area} data-testid="area-code" />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name="name" label={t('field.name')} required>
            <Input data-testid="area-name" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="level" label={t('field.level')} required>
            <Select options={areaLevels.map((l) => ({ value: l, label: label('areaLevel', l) }))} data-testid="area-level" />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name="parentCode" label={t('field.parent')} required={parentLevel !== null}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              disabled={parentLevel === null}
              options={parentOptions}
              data-testid="area-parent"
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="adminCode" label={t('field.adminCode')}>
            <Input placeholder={t('common.optional')} maxLength={12} data-testid="area-admin-code" />
          </Form.Item>
        </Col>
      </Row>
    </ModalForm>
  );
}
