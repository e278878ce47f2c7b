// Small pieces the gap screens and the overview share: rates against targets (as text and as a bar), the names of
// gap kinds and categories, and the units the readiness gaps are counted in.
import type { Gap, GapKind } from '../../../src/api/contract.gaps';
import type { I18n, UiKey } from '../../i18n';

export const GAP_KINDS: GapKind[] = ['materials', 'equipment', 'shelters'];
export const GAP_CATEGORIES: Gap['category'][] = ['stock', 'coverage', 'test', 'airtime', 'checklist', 'appraisal'];
export const CATEGORIES_OF: Record<GapKind, Gap['category'][]> = {
  materials: ['stock'],
  equipment: ['coverage', 'test', 'airtime'],
  shelters: ['checklist', 'appraisal'],
};
export const EQUIPMENT_KINDS = ['satellite_phone', 'assault_boat', 'rubber_boat', 'pump', 'generator'] as const;
export type EquipmentKindCode = (typeof EQUIPMENT_KINDS)[number];

export function isGapKind(v: string | null | undefined): v is GapKind {
  return !!v && (GAP_KINDS as string[]).includes(v);
}
export function isGapCategory(v: string | null | undefined): v is Gap['category'] {
  return !!v && (GAP_CATEGORIES as string[]).includes(v);
}

/**
 * A rate as a percentage with one decimal. Never shows a rate below its target as reaching it (89.96% is "89.9%",
 * not "90%"), nor anything below 100% as "100%".
 */
export function pct(rate: number, target?: number, digits: 0 | 1 = 1): string {
  const scale = digits === 1 ? 1000 : 100;
  let v = Math.round(rate * scale) / (scale / 100);
  const belowTarget = target !== undefined && rate < target - 1e-12;
  if (belowTarget || rate < 1 - 1e-12) {
    const ceiling = Math.min(belowTarget ? target : 1, 1) * 100;
    if (v >= ceiling) v = Math.floor(rate * scale) / (scale / 100);
  }
  return `${Number.isInteger(v) ? v.toFixed(0) : v.toFixed(digits)}%`;
}

export type Tone = 'ok' | 'warn' | 'bad';

/** Green at or above the target, orange within ten points below it, red further down. */
export function toneOf(rate: number, target: number): Tone {
  if (rate >= target - 1e-12) return 'ok';
  return rate >= target - 0.1 ? 'warn' : 'bad';
}

export const TONE_COLOR: Record<Tone, string> = { ok: '#389e0d', warn: '#d46b08', bad: '#cf1322' };

/** A thin bar: the rate filled, the target as a mark. */
export function RateBar({ rate, target, testId }: { rate: number; target: number; testId?: string }) {
  const tone = toneOf(rate, target);
  return (
    <div className="rate-bar" data-testid={testId}>
      <div className={`rate-fill tone-${tone}`} style={{ width: `${Math.max(0, Math.min(1, rate)) * 100}%` }} />
      <div className="rate-target" style={{ left: `calc(${Math.min(1, target) * 100}% - 1px)` }} />
    </div>
  );
}

export function kindLabel(t: I18n['t'], kind: GapKind): string {
  return t(`gaps.kind.${kind}` as UiKey);
}
export function categoryLabel(t: I18n['t'], category: Gap['category']): string {
  return t(`gaps.cat.${category}` as UiKey);
}
export function equipmentName(t: I18n['t'], kind: string): string | undefined {
  return (EQUIPMENT_KINDS as readonly string[]).includes(kind) ? t(`gaps.eq.${kind}` as UiKey) : undefined;
}
export function equipmentUnit(t: I18n['t'], kind: string): string {
  return (EQUIPMENT_KINDS as readonly string[]).includes(kind) ? t(`gaps.eqUnit.${kind}` as UiKey) : t('gaps.unit.piece');
}

/** The unit a gap's numbers are in: the item's for stock, the equipment's, or checklist items for shelters. */
export function gapUnit(t: I18n['t'], g: Gap): string {
  if (g.unit) return g.unit;
  if (g.kind === 'equipment') return equipmentUnit(t, g.itemCode ?? '');
  return t('gaps.unit.item');
}

/** How many shelters must be standardised to reach the target (≥ 90% of 151 is 136). */
export function needed(total: number, target: number): number {
  return Math.ceil(total * target - 1e-9);
}
