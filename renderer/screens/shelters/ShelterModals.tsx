// The shelter's forms, each checked with the contract's schema: an inspection of the four items only an inspector
// can decide (with the ten facilities), editing the registry fields, and taking it out of use or back.
import { Alert, Checkbox, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import { type ReactNode, useMemo } from 'react';
import {
  inspectedItems,
  shelterFacilities,
  shelterInspectInput,
  type ShelterView,
  shelterUpdateInput,
  shelterUseInput,
} from '../../../src/api/contract.equipment';
import { call } from '../../api';
import { useRefData } from '../../components/RefData';
import { dateText, dayOf, num, text } from '../../components/values';
import { useI18n } from '../../i18n';
import { ActionModal, fieldPaths, lastActor, optionSearch, rememberActor, useEqLabels } from '../equipment/shared';

type Values = Record<string, unknown>;
interface Props {
  shelter: ShelterView;
  onClose(): void;
  onDone(shelter: ShelterView): void;
}

function useToday() {
  const { info } = useRefData();
  return dayOf(info?.today);
}

// ---------- inspection ----------

type Verdict = 'pass' | 'fail' | 'skip';

export function InspectModal({ shelter, onClose, onDone }: Props) {
  const { t } = useI18n();
  const labels = useEqLabels();
  const today = useToday();
  const [form] = Form.useForm();
  const facilitiesVerdict = Form.useWatch(['results', 'facilities'], form) as Verdict | undefined;
  const present = (Form.useWatch('facilities', form) as string[] | undefined) ?? shelter.facilities;

  // What the last inspection said, so that the inspector changes only what changed.
  const initial = useMemo(() => {
    const results: Record<string, Verdict> = {};
    for (const item of inspectedItems) {
      const c = shelter.checklist.find((x) => x.item === item);
      results[item] = !c || c.inspectedOn === null ? 'skip' : c.passed ? 'pass' : 'fail';
    }
    return { date: today, inspector: lastActor(), results, facilities: shelter.facilities };
  }, [shelter, today]);

  const build = (v: Values) => {
    const raw = (v.results ?? {}) as Record<string, Verdict | undefined>;
    const results: Record<string, boolean> = {};
    for (const item of inspectedItems) if (raw[item] === 'pass' || raw[item] === 'fail') results[item] = raw[item] === 'pass';
    return {
      code: shelter.code,
      date: dateText(v.date) ?? '',
      inspector: text(v.inspector) ?? '',
      results,
      // The facilities list is part of the facilities item: sent only when that item is inspected this time.
      facilities: raw.facilities === 'pass' || raw.facilities === 'fail' ? ((v.facilities as string[] | undefined) ?? []) : undefined,
      note: text(v.note),
    };
  };
  const verdicts = (item: string) => [
    { value: 'pass', label: <span data-testid={`inspect-${item}-pass`}>{t('sh.result.pass')}</span> },
    { value: 'fail', label: <span data-testid={`inspect-${item}-fail`}>{t('sh.result.fail')}</span> },
    { value: 'skip', label: <span data-testid={`inspect-${item}-skip`}>{t('sh.result.skip')}</span> },
  ];

  return (
    <ActionModal
      title={t('sh.inspectTitle', { name: shelter.name })}
      form={form}
      schema={shelterInspectInput}
      isField={fieldPaths(['date', 'inspector', 'note', 'facilities', ...inspectedItems.map((i) => `results.${i}`)])}
      build={build}
      send={(input) => call('shelters.inspect', input)}
      onDone={(s) => {
        rememberActor(form.getFieldValue('inspector'));
        onDone(s);
      }}
      onClose={onClose}
      initialValues={initial}
      testId="inspect"
      width={720}
      top={<Alert type="info" showIcon className="eq-hint" title={t('sh.inspectHint')} />}
    >
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="date" label={t('sh.inspectDate')} required>
            <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} data-testid="inspect-date" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="inspector" label={t('sh.inspector')} required>
            <Input data-testid="inspect-inspector" />
          </Form.Item>
        </Col>
      </Row>
      <div className="sh-inspect-grid">
        {inspectedItems.map((item) => (
          <InspectRow key={item} label={labels.checklist(item)}>
            <Form.Item name={['results', item]} noStyle>
              <Radio.Group optionType="button" size="small" options={verdicts(item)} />
            </Form.Item>
          </InspectRow>
        ))}
      </div>
      <Form.Item
        name="facilities"
        className="sh-facilities"
        label={t('sh.facilitiesPresent', { n: present.length, total: shelterFacilities.length })}
      >
        <Checkbox.Group
          disabled={facilitiesVerdict !== 'pass' && facilitiesVerdict !== 'fail'}
          options={shelterFacilities.map((f) => ({ value: f, label: <span data-testid={`inspect-facility-${f}`}>{labels.facility(f)}</span> }))}
        />
      </Form.Item>
      <Form.Item name="note" label={t('field.note')}>
        <Input placeholder={t('common.optional')} data-testid="inspect-note" />
      </Form.Item>
    </ActionModal>
  );
}

function InspectRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <span>{label}</span>
      <span>{children}</span>
    </>
  );
}

// ---------- edit ----------

const EDIT_FIELDS = [
  'name',
  'level',
  'areaCode',
  'type',
  'address',
  'latitude',
  'longitude',
  'structure',
  'buildingArea',
  'usableArea',
  'capacity',
  'plannedEvacuees',
  'manager',
  'managerPhone',
  'appraisalDate',
  'appraisalPassed',
];

export function EditShelterModal({ shelter, onClose, onDone }: Props) {
  const { t, label } = useI18n();
  const { areas } = useRefData();
  const [form] = Form.useForm();
  const areaOptions = useMemo(() => {
    const byCode = new Map(areas.map((a) => [a.code, a]));
    return areas
      .filter((a) => a.level === 'street' || a.level === 'village')
      .map((a) => {
        const parent = a.parentCode ? byCode.get(a.parentCode) : undefined;
        const path = a.level === 'village' && parent ? `${parent.name} / ${a.name}` : a.name;
        return { value: a.code, label: path, search: `${a.code} ${path}`.toLowerCase() };
      });
  }, [areas]);
  const nullable = (v: unknown) => num(v) ?? null;
  const build = (v: Values) => ({
    code: shelter.code,
    name: text(v.name) ?? '',
    level: v.level,
    areaCode: text(v.areaCode) ?? '',
    type: text(v.type),
    address: text(v.address),
    latitude: nullable(v.latitude),
    longitude: nullable(v.longitude),
    structure: text(v.structure),
    buildingArea: nullable(v.buildingArea),
    usableArea: nullable(v.usableArea),
    capacity: num(v.capacity) ?? null,
    plannedEvacuees: nullable(v.plannedEvacuees),
    manager: text(v.manager),
    managerPhone: text(v.managerPhone),
    appraisalDate: dateText(v.appraisalDate),
    appraisalPassed: v.appraisalPassed === 'yes' ? true : v.appraisalPassed === 'no' ? false : null,
  });
  const initial = {
    ...shelter,
    appraisalDate: dayOf(shelter.appraisalDate ?? undefined),
    appraisalPassed: shelter.appraisalPassed === null ? 'unknown' : shelter.appraisalPassed ? 'yes' : 'no',
  };
  const number = (name: string, labelText: string, testId: string, step?: number) => (
    <Form.Item name={name} label={labelText}>
      <InputNumber min={0} step={step} style={{ width: '100%' }} className="num-input" data-testid={testId} />
    </Form.Item>
  );
  return (
    <ActionModal
      title={t('sh.editTitle', { code: shelter.code })}
      form={form}
      schema={shelterUpdateInput}
      isField={fieldPaths(EDIT_FIELDS)}
      build={build}
      send={(input) => call('shelters.update', input)}
      onDone={onDone}
      onClose={onClose}
      initialValues={initial}
      testId="shelter-edit"
      width={760}
    >
      <Row gutter={12}>
        <Col span={16}>
          <Form.Item name="name" label={t('sh.field.name')} required>
            <Input data-testid="shelter-edit-name" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="level" label={t('sh.field.level')} required>
            <Select options={(['district', 'street', 'village'] as const).map((l) => ({ value: l, label: label('shelterLevel', l) }))} data-testid="shelter-edit-level" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="areaCode" label={t('sh.field.area')} required>
            <Select showSearch={optionSearch} placeholder={t('sh.pickArea')} options={areaOptions} data-testid="shelter-edit-area" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="type" label={t('sh.field.type')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="structure" label={t('sh.field.structure')}>
            <Input data-testid="shelter-edit-structure" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="address" label={t('sh.field.address')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={6}>{number('latitude', t('sh.field.latitude'), 'shelter-edit-lat', 0.0001)}</Col>
        <Col span={6}>{number('longitude', t('sh.field.longitude'), 'shelter-edit-lng', 0.0001)}</Col>
        <Col span={6}>{number('capacity', t('sh.field.capacity'), 'shelter-edit-capacity')}</Col>
        <Col span={6}>{number('plannedEvacuees', t('sh.field.planned'), 'shelter-edit-planned')}</Col>
        <Col span={6}>{number('usableArea', t('sh.field.usableArea'), 'shelter-edit-usable')}</Col>
        <Col span={6}>{number('buildingArea', t('sh.field.buildingArea'), 'shelter-edit-building')}</Col>
        <Col span={6}>
          <Form.Item name="manager" label={t('sh.field.manager')}>
            <Input data-testid="shelter-edit-manager" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="managerPhone" label={t('sh.field.managerPhone')}>
            <Input data-testid="shelter-edit-phone" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="appraisalDate" label={t('sh.field.appraisalDate')}>
            <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} data-testid="shelter-edit-appraisal" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="appraisalPassed" label={t('sh.field.appraisalPassed')}>
            <Select
              options={[
                { value: 'yes', label: t('sh.appraisal.passed') },
                { value: 'no', label: t('sh.appraisal.failed') },
                { value: 'unknown', label: t('sh.appraisal.unknown') },
              ]}
            />
          </Form.Item>
        </Col>
      </Row>
    </ActionModal>
  );
}

// ---------- in use / out of use ----------

export function UseModal({ shelter, onClose, onDone }: Props) {
  const { t } = useI18n();
  const today = useToday();
  const [form] = Form.useForm();
  const takingOut = shelter.inUse;
  return (
    <ActionModal
      title={takingOut ? t('sh.takeOutTitle', { name: shelter.name }) : t('sh.putBackTitle', { name: shelter.name })}
      form={form}
      schema={shelterUseInput}
      isField={fieldPaths(['reason', 'date', 'actor'])}
      build={(v) => ({ code: shelter.code, inUse: !takingOut, reason: text(v.reason), date: dateText(v.date) ?? '', actor: text(v.actor) ?? '' })}
      send={(input) => call('shelters.setInUse', input)}
      onDone={(s) => {
        rememberActor(form.getFieldValue('actor'));
        onDone(s);
      }}
      onClose={onClose}
      initialValues={{ date: today, actor: lastActor() }}
      testId="shelter-use"
      okText={takingOut ? t('sh.takeOut') : t('sh.putBack')}
      danger={takingOut}
      width={520}
      top={takingOut ? <Alert type="warning" showIcon className="eq-hint" title={t('sh.takeOutHint')} /> : undefined}
    >
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="date" label={t('field.date')} required>
            <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} data-testid="shelter-use-date" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="actor" label={t('eq.field.actor')} required>
            <Input data-testid="shelter-use-actor" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="reason" label={t('field.reason')} required={takingOut}>
            <Input.TextArea rows={2} data-testid="shelter-use-reason" />
          </Form.Item>
        </Col>
      </Row>
    </ActionModal>
  );
}
