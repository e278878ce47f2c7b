// 轮换: batches past expiry or within the item's rotation lead time, with what to do and what to buy to replace.
import type { RotationLine } from '../api/contract.gaps.js';
import { daysBetween, today } from '../common/dates.js';
import { fromMilli } from '../common/quantity.js';
import type { Db } from '../db/executor.js';
import { message } from '../i18n/messages.js';
import { balanceRows, expiryStatus } from '../stock/balances.js';
import { leadDaysOf } from '../catalogue/items.js';
import { getSetting } from '../settings/settings.js';

export function rotationPlan(db: Db, f: { streetCode?: string; locationCode?: string } = {}): RotationLine[] {
  const on = today();
  const lead = getSetting(db, 'rotation.defaultLeadDays');
  const out: RotationLine[] = [];
  for (const r of balanceRows(db, { streetCode: f.streetCode, locationCode: f.locationCode })) {
    const status = expiryStatus(r.expiry_date, leadDaysOf(r, lead), on);
    if (status !== 'expired' && status !== 'expiring') continue;
    const quantity = fromMilli(r.qty_milli);
    const daysLeft = daysBetween(on, r.expiry_date!);
    const suggestion =
      status === 'expired'
        ? message('rotation.expired', { quantity, unit: r.unit }).zh
        : message('rotation.expiring', { days: daysLeft, quantity, unit: r.unit }).zh;
    out.push({
      locationCode: r.location_code,
      location: r.location_name,
      streetCode: r.street_code,
      street: r.street_name,
      itemCode: r.item_code,
      item: r.item_name,
      unit: r.unit,
      batchNo: r.batch_no,
      expiryDate: r.expiry_date!,
      daysLeft,
      quantity,
      status,
      suggestion,
      replacement: quantity,
    });
  }
  return out.sort((a, b) => (a.expiryDate < b.expiryDate ? -1 : a.expiryDate > b.expiryDate ? 1 : a.locationCode.localeCompare(b.locationCode)));
}
