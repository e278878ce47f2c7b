// What the equipment, coverage and shelter screens share: the kinds of equipment, names from the core's
// equipmentLabels in the active language, village options, the status label, the modal form, the actor memory.
import { type ReactNode, useMemo } from 'react';
import type { z } from 'zod';
import type { EquipmentKind, EquipmentStatus, ShelterChecklistItem } from '../../../src/api/contract.equipment';
import { equipmentLabels } from '../../../src/i18n/equipment';
import { call } from '../../api';
import type { FieldPath } from '../../components/formErrors';
import { formatQty } from '../../components/format';
import { ModalForm, type ModalFormProps } from '../../components/ModalForm';
import { useRefData } from '../../components/RefData';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n';
import './equipment.css';

type Facility = keyof typeof equipmentLabels.facility;

/** Names of statuses, checklist items, facilities and history events, in the active language. */
export function useEqLabels() {
  const { lang } = useI18n();
  return useMemo(
    () => ({
      status: (s: EquipmentStatus) => equipmentLabels.status[s][lang],
      checklist: (i: ShelterChecklistItem) => equipmentLabels.checklist[i][lang],
      facility: (f: string) => equipmentLabels.facility[f as Facility]?.[lang] ?? f,
      event: (e: string) => (equipmentLabels.eventType as Record<string, { zh: string; en: string }>)[e]?.[lang] ?? e,
    }),
    [lang],
  );
}

export interface Kinds {
  list: EquipmentKind[];
  byCode: Map<string, EquipmentKind>;
  /** The kind's name in the active language. */
  name(code: string): string;
}

/** The equipment kinds (names, units, fields, test plans), reloaded after every change. */
export function useKinds(): Kinds {
  const { lang } = useI18n();
  const { version } = useRefData();
  const loaded = useLoad(() => call('equipment.kinds', {}), [version]);
  return useMemo(() => {
    const list = loaded.data ?? [];
    const byCode = new Map(list.map((k) => [k.code, k]));
    return { list, byCode, name: (code: string) => (lang === 'en' ? byCode.get(code)?.nameEn : byCode.get(code)?.name) ?? code };
  }, [loaded.data, lang]);
}

export interface VillageOption {
  value: string;
  label: string;
  street: string;
  streetCode: string;
  search: string;
}

/** Villages as "街道 / 村社" (names repeat across streets), searchable by code, street and name. */
export function useVillageOptions(): VillageOption[] {
  const { areas } = useRefData();
  return useMemo(() => {
    const byCode = new Map(areas.map((a) => [a.code, a]));
    return areas
      .filter((a) => a.level === 'village')
      .map((a) => {
        const street = a.parentCode ? byCode.get(a.parentCode) : undefined;
        const streetName = street?.name ?? '';
        return {
          value: a.code,
          label: streetName ? `${streetName} / ${a.name}` : a.name,
          street: streetName,
          streetCode: street?.code ?? '',
          search: `${a.code} ${streetName} ${a.name}`.toLowerCase(),
        };
      });
  }, [areas]);
}

export const optionSearch = { filterOption: (input: string, o?: { search?: string }) => (o?.search ?? '').includes(input.trim().toLowerCase()) };

const STATUS_TONE: Record<EquipmentStatus, string> = { in_store: 'store', in_use: 'use', repair: 'repair', scrapped: 'retired', transferred_out: 'retired' };

/** The unit's status as a small coloured label (a plain span: cheap in virtual tables). */
export function StatusTag({ status }: { status: EquipmentStatus }) {
  const labels = useEqLabels();
  return <span className={`eq-tag eq-status-${STATUS_TONE[status]}`}>{labels.status(status)}</span>;
}

/** Key specs of a unit: power and flow, each with its unit. */
export function Specs({ powerKw, flowM3h }: { powerKw: number | null; flowM3h: number | null }) {
  const { t } = useI18n();
  const parts: ReactNode[] = [];
  if (flowM3h !== null) parts.push(<span key="f" className="num">{formatQty(flowM3h)}<span className="unit">{t('unit.m3h')}</span></span>);
  if (powerKw !== null) parts.push(<span key="p" className="num">{formatQty(powerKw)}<span className="unit">{t('unit.kw')}</span></span>);
  if (!parts.length) return null;
  return <span className="eq-specs">{parts}</span>;
}

/** A figure with its unit in grey, for right-aligned cells. */
export function Figure({ value, unit, digits }: { value: number | null | undefined; unit?: string; digits?: number }) {
  if (value === null || value === undefined) return <span className="muted">–</span>;
  const text = digits === undefined ? formatQty(value) : value.toFixed(digits);
  return (
    <span className="num">
      {text}
      {unit ? <span className="unit">{unit}</span> : null}
    </span>
  );
}

const ACTOR_KEY = 'relief-ledger.handler';

/** Whoever acted last: the same person enters most records (the movement forms remember the same name). */
export function lastActor(): string | undefined {
  try {
    return localStorage.getItem(ACTOR_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function rememberActor(name: unknown): void {
  try {
    if (typeof name === 'string' && name.trim()) localStorage.setItem(ACTOR_KEY, name.trim());
  } catch {
    // not kept: no harm
  }
}

/** A predicate over field paths shown on a form, nested ones written 'results.site'. */
export function fieldPaths(names: readonly string[]): (path: FieldPath) => boolean {
  const set = new Set(names);
  return (path) => set.has(path.join('.'));
}

/** The equipment and shelter actions' dialog: narrower, and not closed by a click beside it. */
export function ActionModal<S extends z.ZodType, R>(props: ModalFormProps<S, R>) {
  return <ModalForm {...props} width={props.width ?? 600} maskClosable={false} formClassName="eq-form" />;
}
