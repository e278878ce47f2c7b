// The actions on a unit, each one dialog checked with the contract's schema: register, hand out to a village,
// return, change status (with a reason), record a readiness test.
import { Alert, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import { useMemo } from 'react';
import {
  type EquipmentUnit,
  equipmentRegisterInput,
  equipmentStatuses,
  handOutInput,
  recordTestInput,
  returnInput,
  setStatusInput,
} from '../../../src/api/contract.equipment';
import { call } from '../../api';
import { useRefData } from '../../components/RefData';
import { dateText, dayOf, num, text } from '../../components/values';
import { useI18n } from '../../i18n';
import { ActionModal, fieldPaths, type Kinds, lastActor, optionSearch, rememberActor, useEqLabels, useVillageOptions } from './shared';

type Values = Record<string, unknown>;
interface Props {
  onClose(): void;
  onDone(unit: EquipmentUnit): void;
}

function useToday() {
  const { info } = useRefData();
  return dayOf(info?.today);
}

const dateField = (name: string, label: string, testId: string) => (
  <Form.Item name={name} label={label} required>
    <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} data-testid={testId} />
  </Form.Item>
);

// ---------- register ----------

const REGISTER_FIELDS = ['kind', 'serialNo', 'name', 'model', 'powerKw', 'flowM3h', 'purchaseDate', 'fundingSource', 'homeLocationCode', 'phoneNo', 'airtimeExpiry', 'note', 'date', 'actor'];

export function RegisterModal({ kinds, initialKind, onClose, onDone }: Props & { kinds: Kinds; initialKind?: string | undefined }) {
  const { t } = useI18n();
  const { locations } = useRefData();
  const today = useToday();
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form) as string | undefined;
  const fields = kinds.byCode.get(kind ?? '')?.fields ?? [];
  const has = (f: string) => fields.includes(f);
  const stores = useMemo(
    () =>
      locations
        .filter((l) => l.kind === 'warehouse' || l.kind === 'street_store')
        .sort((a, b) => (a.kind === b.kind ? a.code.localeCompare(b.code) : a.kind === 'warehouse' ? -1 : 1))
        .map((l) => ({ value: l.code, label: l.name, search: `${l.code} ${l.name} ${l.streetName ?? ''}`.toLowerCase() })),
    [locations],
  );
  const build = (v: Values) => {
    const k = text(v.kind) ?? '';
    const f = kinds.byCode.get(k)?.fields ?? [];
    return {
      kind: k,
      serialNo: text(v.serialNo) ?? '',
      name: text(v.name),
      model: text(v.model),
      powerKw: f.includes('power_kw') ? num(v.powerKw) : undefined,
      flowM3h: f.includes('flow_m3h') ? num(v.flowM3h) : undefined,
      purchaseDate: dateText(v.purchaseDate),
      fundingSource: text(v.fundingSource),
      homeLocationCode: text(v.homeLocationCode) ?? '',
      phoneNo: f.includes('phone_no') ? text(v.phoneNo) : undefined,
      airtimeExpiry: f.includes('airtime_expiry') ? dateText(v.airtimeExpiry) : undefined,
      note: text(v.note),
      date: dateText(v.date) ?? '',
      actor: text(v.actor) ?? '',
    };
  };
  return (
    <ActionModal
      title={t('eq.registerTitle')}
      form={form}
      schema={equipmentRegisterInput}
      isField={fieldPaths(REGISTER_FIELDS)}
      build={build}
      send={(input) => call('equipment.register', input)}
      onDone={(u) => {
        rememberActor(form.getFieldValue('actor'));
        onDone(u);
      }}
      onClose={onClose}
      initialValues={{ kind: initialKind, date: today, actor: lastActor() }}
      testId="register"
      width={680}
      top={<Alert type="info" showIcon className="eq-hint" title={t('eq.registerHint')} />}
    >
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="kind" label={t('eq.field.kind')} required>
            <Select placeholder={t('eq.pickKind')} options={kinds.list.map((k) => ({ value: k.code, label: kinds.name(k.code) }))} data-testid="register-kind" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="serialNo" label={t('eq.field.serialNo')} required extra={t('eq.serialHint')}>
            <Input className="mono" autoComplete="off" data-testid="register-serial" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="model" label={t('eq.field.model')}>
            <Input placeholder={t('common.optional')} data-testid="register-model" />
          </Form.Item>
        </Col>
        {has('power_kw') && (
          <Col span={8}>
            <Form.Item name="powerKw" label={t('eq.field.powerKw')}>
              <InputNumber min={0} style={{ width: '100%' }} className="num-input" data-testid="register-power" />
            </Form.Item>
          </Col>
        )}
        {has('flow_m3h') && (
          <Col span={8}>
            <Form.Item name="flowM3h" label={t('eq.field.flowM3h')}>
              <InputNumber min={0} style={{ width: '100%' }} className="num-input" data-testid="register-flow" />
            </Form.Item>
          </Col>
        )}
        {has('phone_no') && (
          <Col span={8}>
            <Form.Item name="phoneNo" label={t('eq.field.phoneNo')}>
              <Input className="mono" data-testid="register-phone" />
            </Form.Item>
          </Col>
        )}
        {has('airtime_expiry') && (
          <Col span={8}>
            <Form.Item name="airtimeExpiry" label={t('eq.field.airtimeExpiry')}>
              <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} data-testid="register-airtime" />
            </Form.Item>
          </Col>
        )}
        <Col span={8}>
          <Form.Item name="purchaseDate" label={t('eq.field.purchaseDate')}>
            <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} data-testid="register-purchase" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="fundingSource" label={t('eq.field.fundingSource')}>
            <Input placeholder={t('common.optional')} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name="homeLocationCode" label={t('eq.field.home')} required>
            <Select showSearch={optionSearch} placeholder={t('eq.pickLocation')} options={stores} data-testid="register-home" />
          </Form.Item>
        </Col>
        <Col span={8}>{dateField('date', t('eq.field.registerDate'), 'register-date')}</Col>
        <Col span={8}>
          <Form.Item name="actor" label={t('eq.field.actor')} required>
            <Input data-testid="register-actor" />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name="note" label={t('field.note')}>
            <Input placeholder={t('common.optional')} />
          </Form.Item>
        </Col>
      </Row>
    </ActionModal>
  );
}

// ---------- hand out ----------

export function HandOutModal({ unit, kinds, onClose, onDone }: Props & { unit: EquipmentUnit; kinds: Kinds }) {
  const { t } = useI18n();
  const { locationsByCode } = useRefData();
  const today = useToday();
  const [form] = Form.useForm();
  const villages = useVillageOptions();
  // Villages of the unit's own street first: that is where a street store's units go.
  const homeStreet = locationsByCode.get(unit.homeLocationCode)?.streetCode ?? '';
  const options = useMemo(() => [...villages].sort((a, b) => Number(b.streetCode === homeStreet) - Number(a.streetCode === homeStreet) || a.value.localeCompare(b.value)), [villages, homeStreet]);
  return (
    <ActionModal
      title={t('eq.handOutTitle', { kind: kinds.name(unit.kind), serial: unit.serialNo })}
      form={form}
      schema={handOutInput}
      isField={fieldPaths(['villageCode', 'custodian', 'custodianPhone', 'date', 'actor', 'note'])}
      build={(v) => ({
        kind: unit.kind,
        serialNo: unit.serialNo,
        villageCode: text(v.villageCode) ?? '',
        custodian: text(v.custodian) ?? '',
        custodianPhone: text(v.custodianPhone),
        date: dateText(v.date) ?? '',
        actor: text(v.actor) ?? '',
        note: text(v.note),
      })}
      send={(input) => call('equipment.handOut', input)}
      onDone={(u) => {
        rememberActor(form.getFieldValue('actor'));
        onDone(u);
      }}
      onClose={onClose}
      initialValues={{ date: today, actor: lastActor() }}
      testId="handout"
      top={<Alert type="info" showIcon className="eq-hint" title={t('eq.handOutHint')} />}
    >
      <Row gutter={12}>
        <Col span={24}>
          <Form.Item name="villageCode" label={t('eq.field.village')} required>
            <Select showSearch={optionSearch} placeholder={t('eq.pickVillage')} options={options} data-testid="handout-village" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="custodian" label={t('eq.field.custodian')} required>
            <Input data-testid="handout-custodian" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="custodianPhone" label={t('eq.field.custodianPhone')}>
            <Input className="mono" placeholder={t('common.optional')} data-testid="handout-phone" />
          </Form.Item>
        </Col>
        <Col span={12}>{dateField('date', t('field.date'), 'handout-date')}</Col>
        <Col span={12}>
          <Form.Item name="actor" label={t('eq.field.actor')} required>
            <Input data-testid="handout-actor" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="note" label={t('field.note')}>
            <Input placeholder={t('common.optional')} />
          </Form.Item>
        </Col>
      </Row>
    </ActionModal>
  );
}

// ---------- return ----------

export function ReturnModal({ unit, kinds, onClose, onDone }: Props & { unit: EquipmentUnit; kinds: Kinds }) {
  const { t } = useI18n();
  const today = useToday();
  const [form] = Form.useForm();
  return (
    <ActionModal
      title={t('eq.returnTitle', { kind: kinds.name(unit.kind), serial: unit.serialNo })}
      form={form}
      schema={returnInput}
      isField={fieldPaths(['date', 'actor', 'reason'])}
      build={(v) => ({ kind: unit.kind, serialNo: unit.serialNo, date: dateText(v.date) ?? '', actor: text(v.actor) ?? '', reason: text(v.reason) })}
      send={(input) => call('equipment.return', input)}
      onDone={(u) => {
        rememberActor(form.getFieldValue('actor'));
        onDone(u);
      }}
      onClose={onClose}
      initialValues={{ date: today, actor: lastActor() }}
      testId="return"
      width={520}
      top={<Alert type="info" showIcon className="eq-hint" title={t('eq.returnHint', { home: unit.homeLocationName, village: unit.villageName ?? '' })} />}
    >
      <Row gutter={12}>
        <Col span={12}>{dateField('date', t('field.date'), 'return-date')}</Col>
        <Col span={12}>
          <Form.Item name="actor" label={t('eq.field.actor')} required>
            <Input data-testid="return-actor" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="reason" label={t('field.reason')}>
            <Input placeholder={t('common.optional')} data-testid="return-reason" />
          </Form.Item>
        </Col>
      </Row>
    </ActionModal>
  );
}

// ---------- change status ----------

export function StatusModal({ unit, kinds, onClose, onDone }: Props & { unit: EquipmentUnit; kinds: Kinds }) {
  const { t } = useI18n();
  const labels = useEqLabels();
  const today = useToday();
  const [form] = Form.useForm();
  return (
    <ActionModal
      title={t('eq.statusTitle', { kind: kinds.name(unit.kind), serial: unit.serialNo })}
      form={form}
      schema={setStatusInput}
      isField={fieldPaths(['status', 'date', 'actor', 'reason'])}
      build={(v) => ({ kind: unit.kind, serialNo: unit.serialNo, status: v.status, date: dateText(v.date) ?? '', actor: text(v.actor) ?? '', reason: text(v.reason) ?? '' })}
      send={(input) => call('equipment.setStatus', input)}
      onDone={(u) => {
        rememberActor(form.getFieldValue('actor'));
        onDone(u);
      }}
      onClose={onClose}
      initialValues={{ date: today, actor: lastActor() }}
      testId="status"
      width={520}
      top={<Alert type="info" showIcon className="eq-hint" title={t('eq.statusHint')} />}
    >
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label={t('eq.field.status')}>
            <Input value={labels.status(unit.status)} disabled />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="status" label={t('eq.newStatus')} required>
            <Select
              options={equipmentStatuses.filter((s) => s !== unit.status).map((s) => ({ value: s, label: labels.status(s) }))}
              data-testid="status-new"
            />
          </Form.Item>
        </Col>
        <Col span={12}>{dateField('date', t('field.date'), 'status-date')}</Col>
        <Col span={12}>
          <Form.Item name="actor" label={t('eq.field.actor')} required>
            <Input data-testid="status-actor" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="reason" label={t('field.reason')} required>
            <Input.TextArea rows={2} data-testid="status-reason" />
          </Form.Item>
        </Col>
      </Row>
    </ActionModal>
  );
}

// ---------- readiness test ----------

export function TestModal({ unit, kinds, onClose, onDone }: Props & { unit: EquipmentUnit; kinds: Kinds }) {
  const { t } = useI18n();
  const today = useToday();
  const [form] = Form.useForm();
  return (
    <ActionModal
      title={t('eq.testTitle', { kind: kinds.name(unit.kind), serial: unit.serialNo })}
      form={form}
      schema={recordTestInput}
      isField={fieldPaths(['passed', 'date', 'tester', 'note'])}
      build={(v) => ({
        kind: unit.kind,
        serialNo: unit.serialNo,
        passed: typeof v.passed === 'boolean' ? v.passed : undefined,
        date: dateText(v.date) ?? '',
        tester: text(v.tester) ?? '',
        note: text(v.note),
      })}
      send={(input) => call('equipment.recordTest', input)}
      onDone={(u) => {
        rememberActor(form.getFieldValue('tester'));
        onDone(u);
      }}
      onClose={onClose}
      initialValues={{ date: today, tester: lastActor() }}
      testId="test"
      width={520}
      top={<Alert type="info" showIcon className="eq-hint" title={t('eq.testHint')} />}
    >
      <Row gutter={12}>
        <Col span={24}>
          <Form.Item name="passed" label={t('eq.field.result')} required>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={[
                { value: true, label: <span data-testid="test-pass">{t('eq.pass')}</span> },
                { value: false, label: <span data-testid="test-fail">{t('eq.fail')}</span> },
              ]}
            />
          </Form.Item>
        </Col>
        <Col span={12}>{dateField('date', t('field.date'), 'test-date')}</Col>
        <Col span={12}>
          <Form.Item name="tester" label={t('eq.field.tester')} required>
            <Input data-testid="test-tester" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="note" label={t('field.note')}>
            <Input.TextArea rows={2} placeholder={t('common.optional')} data-testid="test-note" />
          </Form.Item>
        </Col>
      </Row>
    </ActionModal>
  );
}
