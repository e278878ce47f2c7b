// Small pieces the stocktake screens share: the status tag, quantities with their unit, remembered names, and
// reading a count as typed.
import { type FormInstance, Tag } from 'antd';
import type { StocktakeStatus } from '../../../src/api/contract.stocktake';
import { stocktakeLabels } from '../../../src/i18n/stocktake';
import { formatMoney, formatQty } from '../../components/format';
import { type UiKey, useI18n } from '../../i18n';

const STATUS_COLOR: Record<StocktakeStatus, string> = {
  draft: 'default',
  counting: 'processing',
  review: 'warning',
  posted: 'success',
  void: 'default',
};

export function useStatusLabel(): (s: StocktakeStatus) => string {
  const { lang } = useI18n();
  return (s) => stocktakeLabels.status[s][lang];
}

export function StatusTag({ status }: { status: StocktakeStatus }) {
  const label = useStatusLabel();
  return (
    <Tag color={STATUS_COLOR[status]} className={`st-status st-status-${status}`} data-testid="stocktake-status">
      {label(status)}
    </Tag>
  );
}

/** A quantity, right-aligned by its column, with the unit in grey after it. */
export function Qty({ n, unit, signed }: { n: number | null | undefined; unit?: string; signed?: boolean }) {
  if (n === null || n === undefined) return null;
  const text = signed && n > 0 ? `+${formatQty(n)}` : formatQty(n);
  return (
    <span className="num">
      {text}
      {unit ? <span className="unit">{unit}</span> : null}
    </span>
  );
}

/** A difference: green for a surplus, red for a shortage, grey for none. */
export function Diff({ n, unit }: { n: number | null | undefined; unit?: string }) {
  if (n === null || n === undefined) return null;
  if (n === 0) return <span className="st-even num">0</span>;
  const cls = n > 0 ? 'st-gain' : 'st-loss';
  return (
    <span className={cls}>
      <Qty n={n} unit={unit} signed />
    </span>
  );
}

export function Money({ n }: { n: number | null | undefined }) {
  if (n === null || n === undefined) return null;
  return <span className={`num ${n > 0 ? 'st-gain' : n < 0 ? 'st-loss' : ''}`}>{formatMoney(n)}</span>;
}

// Names typed once are offered again: the counter and the supervisor are the same few people all week.
const KEY = 'relief-ledger.stocktake.';
export function lastName(role: 'counter' | 'supervisor'): string | undefined {
  try {
    return localStorage.getItem(KEY + role) ?? undefined;
  } catch {
    return undefined;
  }
}
export function rememberName(role: 'counter' | 'supervisor', name: string | undefined): void {
  const v = name?.trim();
  if (!v) return;
  try {
    localStorage.setItem(KEY + role, v);
  } catch {
    // private mode: nothing to keep
  }
}

/** A count as typed: full-width digits and thousands separators are fine; at most the item's decimals. */
export function parseCount(text: string, decimals: number): { value: number } | { error: UiKey; params?: Record<string, number> } {
  const t = text
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/．/g, '.')
    .replace(/[,，\s]/g, '');
  if (t === '') return { error: 'stocktake.count.empty' };
  if (t.startsWith('-')) return { error: 'stocktake.count.negative' };
  if (!/^\d+(\.\d+)?$/.test(t)) return { error: 'stocktake.count.invalid' };
  const frac = t.split('.')[1]?.length ?? 0;
  if (frac > decimals) return decimals === 0 ? { error: 'stocktake.count.whole' } : { error: 'stocktake.count.decimals', params: { n: decimals } };
  return { value: Number(t) };
}

/**
 * Forms here say a field's problem next to the field only; the banner above keeps what belongs to no field.
 * A field's message goes as soon as the field is changed.
 */
export function looseProblems(form: FormInstance, problems: string[]): string[] {
  const onFields = new Set(form.getFieldsError().flatMap((f) => f.errors));
  return problems.filter((p) => !onFields.has(p));
}

export function clearOnChange(form: FormInstance): (changed: Record<string, unknown>) => void {
  return (changed) => {
    const names = Object.keys(changed).filter((n) => form.getFieldError(n).length > 0);
    if (names.length) form.setFields(names.map((name) => ({ name, errors: [] })));
  };
}
