// Create or edit a reserve norm (储备定额): for one location, for all shelters of a street, or for every shelter of a
// level; an absolute quantity or per person × a factor. Checked with the contract's normSetInput; problems in place.
import { Alert, type ButtonProps, Col, Form, Input, InputNumber, Modal, Radio, Row, Select } from 'antd';
import { useMemo } from 'react';
import { type NormSetInput, normPersons, normScopes, normSetInput, type NormView } from '../../../src/api/contract.gaps';
import { shelterLevels } from '../../../src/api/contract';
import { call } from '../../api';
import { fieldSet } from '../../components/formErrors';
import { ProblemBanner } from '../../components/ProblemBanner';
import { useRefData } from '../../components/RefData';
import { useValidatedSubmit } from '../../components/useValidatedSubmit';
import { num, text } from '../../components/values';
import { type UiKey, useI18n } from '../../i18n';

const FIELDS = ['scope', 'locationCode', 'streetCode', 'shelterLevel', 'itemCode', 'basis', 'quantity', 'factor', 'persons', 'note'] as const;
const isField = fieldSet(FIELDS);

function build(values: Record<string, unknown>): NormSetInput {
  const scope = values.scope as NormSetInput['scope'];
  const basis = values.basis as NormSetInput['basis'];
  return {
    scope,
    locationCode: scope === 'location' ? text(values.locationCode) : undefined,
    streetCode: scope === 'street_shelters' ? text(values.streetCode) : undefined,
    shelterLevel: scope === 'shelter_level' ? (values.shelterLevel as NormSetInput['shelterLevel']) : undefined,
    itemCode: text(values.itemCode) ?? '',
    basis,
    quantity: basis === 'absolute' ? num(values.quantity) : undefined,
    factor: basis === 'per_person' ? num(values.factor) : undefined,
    persons: basis === 'per_person' ? ((values.persons as NormSetInput['persons']) ?? undefined) : undefined,
    note: text(values.note),
  };
}

function initial(norm: NormView | undefined): Record<string, unknown> {
  if (!norm) return { scope: 'location', basis: 'absolute', persons: 'evacuees' };
  return {
    scope: norm.scope,
    locationCode: norm.scope === 'location' ? norm.targetCode : undefined,
    streetCode: norm.scope === 'street_shelters' ? norm.targetCode : undefined,
    shelterLevel: norm.scope === 'shelter_level' ? norm.targetCode : undefined,
    itemCode: norm.itemCode,
    basis: norm.basis,
    quantity: norm.quantity ?? undefined,
    factor: norm.factor ?? undefined,
    persons: norm.persons ?? 'evacuees',
    note: norm.note ?? undefined,
  };
}

export function NormModal({ norm, onClose, onSaved }: { norm?: NormView; onClose(): void; onSaved(n: NormView): void }) {
  const { t, label } = useI18n();
  const { locations, streets, items, itemsByCode } = useRefData();
  const [form] = Form.useForm();
  const scope = (Form.useWatch('scope', form) as NormSetInput['scope'] | undefined) ?? norm?.scope ?? 'location';
  const basis = (Form.useWatch('basis', form) as NormSetInput['basis'] | undefined) ?? norm?.basis ?? 'absolute';
  const itemCode = Form.useWatch('itemCode', form) as string | undefined;
  const persons = Form.useWatch('persons', form) as NormSetInput['persons'] | undefined;
  const unit = (itemCode ? itemsByCode.get(itemCode)?.unit : undefined) ?? norm?.unit ?? '';
  const editing = !!norm;

  const { submit, busy, problems, clearProblems } = useValidatedSubmit({
    form,
    schema: normSetInput,
    isField,
    build,
    send: (input) => call('norms.set', input),
    onDone: onSaved,
  });

  const locationOptions = useMemo(
    () =>
      [...locations]
        .sort((a, b) => a.kind.localeCompare(b.kind) || a.code.localeCompare(b.code))
        .map((l) => ({ value: l.code, label: `${l.name}（${label('locationKind', l.kind)}）`, search: `${l.code} ${l.name} ${l.streetName ?? ''}` })),
    [locations, label],
  );
  const itemOptions = useMemo(
    () => items.filter((i) => i.reserveMode === 'held' || i.code === norm?.itemCode).map((i) => ({ value: i.code, label: `${i.code} ${i.name}（${i.unit}）` })),
    [items, norm],
  );

  return (
    <Modal
      open
      title={norm ? t('gaps.norm.editTitle', { item: norm.itemName, target: norm.targetName }) : t('gaps.norm.create')}
      width={640}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'submit-norm' } as ButtonProps}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ProblemBanner problems={problems} onClose={clearProblems} />
      {editing && <Alert type="info" showIcon className="norm-key-hint" title={t('gaps.norm.keyHint')} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={initial(norm)}
        onFinish={() => void submit()}
        onValuesChange={(changed: Record<string, unknown>) => {
          // A field that is being corrected loses its old message; the banner goes with the first correction.
          form.setFields(Object.keys(changed).map((name) => ({ name, errors: [] })));
          clearProblems();
        }}
        data-testid="form-norm"
      >
        <Form.Item name="scope" label={t('gaps.norm.scope')} required>
          <Radio.Group
            disabled={editing}
            optionType="button"
            buttonStyle="solid"
            options={normScopes.map((s) => ({ value: s, label: <span data-testid={`norm-scope-${s}`}>{t(`gaps.scope.${s}` as UiKey)}</span> }))}
            data-testid="norm-scope"
          />
        </Form.Item>
        <Row gutter={12}>
          <Col span={14}>
            {scope === 'location' && (
              <Form.Item name="locationCode" label={t('field.location')} required>
                <Select
                  disabled={editing}
                  showSearch={{ optionFilterProp: 'search' }}
                  placeholder={t('movements.pickLocation')}
                  options={locationOptions}
                  data-testid="norm-location"
                />
              </Form.Item>
            )}
            {scope === 'street_shelters' && (
              <Form.Item name="streetCode" label={t('field.street')} required extra={t('gaps.norm.streetHint')}>
                <Select disabled={editing} options={streets.map((s) => ({ value: s.code, label: s.name }))} data-testid="norm-street" />
              </Form.Item>
            )}
            {scope === 'shelter_level' && (
              <Form.Item name="shelterLevel" label={t('gaps.norm.shelterLevel')} required extra={t('gaps.norm.levelHint')}>
                <Select disabled={editing} options={shelterLevels.map((l) => ({ value: l, label: label('shelterLevel', l) }))} data-testid="norm-level" />
              </Form.Item>
            )}
          </Col>
          <Col span={10}>
            <Form.Item name="itemCode" label={t('field.item')} required>
              <Select disabled={editing} showSearch={{ optionFilterProp: 'label' }} placeholder={t('movements.pickItem')} options={itemOptions} data-testid="norm-item" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="basis" label={t('gaps.norm.basis')} required>
          <Radio.Group
            options={[
              { value: 'absolute', label: <span data-testid="norm-basis-absolute">{t('gaps.basis.absolute')}</span> },
              { value: 'per_person', label: <span data-testid="norm-basis-per_person">{t('gaps.basis.per_person')}</span> },
            ]}
            data-testid="norm-basis"
          />
        </Form.Item>
        {basis === 'absolute' ? (
          <Row gutter={12}>
            <Col span={10}>
              <Form.Item name="quantity" label={t('gaps.norm.quantity')} required>
                <InputNumber className="num-input" style={{ width: '100%' }} min={0} suffix={unit} data-testid="norm-quantity" />
              </Form.Item>
            </Col>
          </Row>
        ) : (
          <Row gutter={12}>
            <Col span={10}>
              <Form.Item name="persons" label={t('gaps.norm.persons')} required>
                <Select options={normPersons.map((p) => ({ value: p, label: t(`gaps.persons.${p}` as UiKey) }))} data-testid="norm-persons" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="factor" label={t('gaps.norm.factor')} required>
                <InputNumber className="num-input" style={{ width: '100%' }} min={0} step={0.1} suffix={unit ? t('gaps.perPerson', { unit }) : undefined} data-testid="norm-factor" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <div className="norm-persons-hint">{t(`gaps.personsHint.${persons ?? 'evacuees'}` as UiKey)}</div>
            </Col>
          </Row>
        )}
        <Form.Item name="note" label={t('field.note')}>
          <Input placeholder={t('common.optional')} maxLength={200} data-testid="norm-note" />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
