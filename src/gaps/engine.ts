// The gap engine (domain.md §7): what stands between the district and its targets, place by place, with a
// suggested action — move surplus from elsewhere (same street first, then the district warehouses, then other
// places), else buy.
import type { Gap, GapKind, GapReport, GapSource } from '../api/contract.gaps.js';
import { addDays, daysBetween, today } from '../common/dates.js';
import { fromMilli } from '../common/quantity.js';
import type { Db } from '../db/executor.js';
import { coverage } from '../equipment/coverage.js';
import { listUnits, testsDue } from '../equipment/registry.js';
import { equipmentLabels } from '../i18n/equipment.js';
import { message } from '../i18n/messages.js';
import { type NormLine, type StockAgainstNorms, stockAgainstNorms } from '../norms/against.js';
import type { PlaceRef } from '../places/locations.js';
import { getSetting } from '../settings/settings.js';
import { shelterKpi } from '../shelters/registry.js';

export function computeGaps(db: Db, f: { streetCode?: string; kind?: GapKind } = {}): GapReport {
  const on = today();
  const want = (k: GapKind) => !f.kind || f.kind === k;
  const inStreet = (code: string | null) => !f.streetCode || code === f.streetCode;

  // Stock against norms is compared once: the material gaps and the shelters' stock checklist item both use it.
  const against = stockAgainstNorms(db, on);
  const materials = materialGaps(db, against);
  const cover = coverage(db);
  const kpi = shelterKpi(db, {}, against);
  const equipment = equipmentGaps(db, on, cover);
  const shelters = shelterGaps(kpi);

  const gaps = [...(want('materials') ? materials.gaps : []), ...(want('equipment') ? equipment : []), ...(want('shelters') ? shelters : [])].filter((g) => inStreet(g.streetCode));

  const streets = cover.streets.map((s) => {
    const placesHere = materials.placeResults.filter((p) => p.place.streetCode === s.code);
    const kpiHere = kpi.streets.find((k) => k.code === s.code);
    return {
      code: s.code,
      name: s.name,
      materialGaps: materials.gaps.filter((g) => g.streetCode === s.code).length,
      equipmentGaps: equipment.filter((g) => g.streetCode === s.code).length,
      shelterGaps: shelters.filter((g) => g.streetCode === s.code).length,
      villageCoverageRate: s.rate,
      shelterStandardisedRate: kpiHere?.rate ?? 1,
      materialsMeetingRate: placesHere.length ? placesHere.filter((p) => p.meets).length / placesHere.length : 1,
    };
  });
  // Asked for one street, the rates are that street's, like its gap lines.
  const street = f.streetCode ? streets.find((s) => s.code === f.streetCode) : undefined;
  const scopedPlaces = materials.placeResults.filter((p) => inStreet(p.place.streetCode));
  const meeting = scopedPlaces.filter((p) => p.meets).length;
  const material = gaps.filter((g) => g.kind === 'materials');
  return {
    summary: {
      today: on,
      shelterStandardisedRate: street ? street.shelterStandardisedRate : kpi.rate,
      shelterTarget: kpi.target,
      villageCoverageRate: street ? street.villageCoverageRate : cover.rate,
      villageCoverageTarget: 1,
      materialGapLines: material.length,
      placesWithNorms: scopedPlaces.length,
      placesMeetingNorms: meeting,
      materialsMeetingRate: scopedPlaces.length ? meeting / scopedPlaces.length : 1,
      equipmentGapLines: gaps.filter((g) => g.kind === 'equipment').length,
      shelterGapLines: gaps.filter((g) => g.kind === 'shelters').length,
      purchaseLines: material.filter((g) => g.purchase > 0).length,
      transferLines: material.filter((g) => g.transfers.length > 0).length,
    },
    streets: f.streetCode ? streets.filter((s) => s === street) : streets,
    gaps,
  };
}

/**
 * Order in which stores give their surplus to a gap: the same street's store, the district warehouses, other
 * streets' stores. Shelters keep what they hold above their norm as their own buffer: they are not sources.
 */
function sourceRank(source: PlaceRef, gap: PlaceRef): number {
  if (source.kind === 'street_store' && source.streetCode !== null && source.streetCode === gap.streetCode) return 0;
  return source.kind === 'warehouse' ? 1 : 2;
}

function materialGaps(db: Db, against: StockAgainstNorms) {
  const items = new Map(db.all(db.q.selectFrom('item').select(['id', 'code', 'name', 'unit'])).map((i) => [i.id, i]));
  // Surplus above each place's own norm (zero norm where it has none), usable stock only.
  const surplus = new Map<number, { place: PlaceRef; milli: number }[]>();
  for (const s of against.stock.values()) {
    const free = s.usable - (against.required.get(`${s.locationId}:${s.itemId}`) ?? 0);
    const place = against.places.get(s.locationId)!;
    if (free <= 0 || place.kind === 'shelter_store') continue;
    const list = surplus.get(s.itemId) ?? [];
    list.push({ place, milli: free });
    surplus.set(s.itemId, list);
  }
  const short = against.lines
    .filter((l) => l.usableMilli < l.requiredMilli)
    .sort((a, b) => (a.place.streetCode ?? '').localeCompare(b.place.streetCode ?? '') || a.place.code.localeCompare(b.place.code) || a.itemId - b.itemId);
  const gaps: Gap[] = short.map((l) => stockGap(l, items.get(l.itemId)!, surplus.get(l.itemId) ?? []));
  const byPlace = new Map<number, { place: PlaceRef; meets: boolean }>();
  for (const l of against.lines) {
    const p = byPlace.get(l.place.id) ?? { place: l.place, meets: true };
    if (l.usableMilli < l.requiredMilli) p.meets = false;
    byPlace.set(l.place.id, p);
  }
  return { gaps, placeResults: [...byPlace.values()] };
}

const MAX_SOURCES = 3;

function stockGap(l: NormLine, item: { code: string; name: string; unit: string }, sources: { place: PlaceRef; milli: number }[]): Gap {
  let need = l.requiredMilli - l.usableMilli;
  const shortfall = need;
  const transfers: GapSource[] = [];
  for (const s of [...sources].filter((x) => x.place.id !== l.place.id).sort((a, b) => sourceRank(a.place, l.place) - sourceRank(b.place, l.place) || b.milli - a.milli)) {
    // Three deliveries at most: collecting a few units from many stores costs more than buying them.
    if (need <= 0 || transfers.length >= MAX_SOURCES) break;
    const take = Math.min(need, s.milli);
    // Another street's store is worth a trip only for a real share of the gap.
    if (take <= 0 || (sourceRank(s.place, l.place) === 2 && take < shortfall / 4)) continue;
    s.milli -= take;
    need -= take;
    transfers.push({ locationCode: s.place.code, locationName: s.place.name, quantity: fromMilli(take) });
  }
  const unit = item.unit;
  const reason =
    message('gap.stock', { usable: fromMilli(l.usableMilli), required: fromMilli(l.requiredMilli), shortfall: fromMilli(shortfall), unit }).zh +
    (l.excludedMilli > 0 ? message('gap.stockExpired', { excluded: fromMilli(l.excludedMilli), unit }).zh : '');
  const actions = [
    ...transfers.map((t) => message('gap.transfer', { from: t.locationName, quantity: t.quantity, unit }).zh),
    ...(need > 0 ? [message('gap.purchase', { quantity: fromMilli(need), unit }).zh] : []),
  ];
  return {
    kind: 'materials',
    category: 'stock',
    streetCode: l.place.streetCode,
    street: l.place.streetName,
    placeCode: l.place.code,
    place: l.place.name,
    itemCode: item.code,
    item: item.name,
    unit,
    required: fromMilli(l.requiredMilli),
    usable: fromMilli(l.usableMilli),
    shortfall: fromMilli(shortfall),
    reason,
    action: actions.join('；'),
    transfers,
    purchase: fromMilli(Math.max(0, need)),
    basis: l.basis,
  };
}

const plainGap = (g: Omit<Gap, 'transfers' | 'purchase' | 'basis' | 'itemCode' | 'unit'> & { itemCode?: string | null; unit?: string | null }): Gap => ({
  transfers: [],
  purchase: 0,
  basis: null,
  itemCode: null,
  unit: null,
  ...g,
});

function equipmentGaps(db: Db, on: string, cover: ReturnType<typeof coverage>): Gap[] {
  const gaps: Gap[] = [];
  const actionFor = { none: 'gap.allocate', broken: 'gap.repair', airtime: 'gap.recharge', overdue: 'gap.test' } as const;
  for (const v of cover.villages) {
    for (const k of v.kinds) {
      if (!k.reason) continue;
      gaps.push(
        plainGap({
          kind: 'equipment',
          category: 'coverage',
          streetCode: v.streetCode,
          street: v.street,
          placeCode: v.villageCode,
          place: v.village,
          itemCode: k.kind,
          item: k.kindName,
          unit: null,
          required: k.required,
          usable: k.working,
          shortfall: k.required - k.working,
          reason: message(`coverage.${k.reason}`, { kind: k.kindName, kindEn: k.kind }).zh,
          action: message(actionFor[k.reason], { kind: k.kindName, kindEn: k.kind }).zh,
        }),
      );
    }
  }
  for (const t of testsDue(db, { withinDays: 0 }).filter((x) => x.overdue)) {
    gaps.push(
      plainGap({
        kind: 'equipment',
        category: 'test',
        streetCode: t.streetCode,
        street: t.streetName,
        placeCode: t.serialNo,
        place: t.villageName ?? t.serialNo,
        itemCode: t.kind,
        item: t.kindName,
        required: 1,
        usable: 0,
        shortfall: 1,
        reason: message('gap.testOverdue', { kind: t.kindName, kindEn: t.kind, serial: t.serialNo, days: t.daysOverdue, due: t.dueDate }).zh,
        action: message('gap.test').zh,
      }),
    );
  }
  const horizon = addDays(on, getSetting(db, 'gaps.airtimeWarningDays'));
  for (const p of listUnits(db, { kind: 'satellite_phone' })) {
    if (!p.airtimeExpiry || p.airtimeExpiry > horizon || (p.status !== 'in_use' && p.status !== 'in_store')) continue;
    gaps.push(
      plainGap({
        kind: 'equipment',
        category: 'airtime',
        streetCode: p.streetCode,
        street: p.streetName,
        placeCode: p.serialNo,
        place: p.villageName ?? p.homeLocationName,
        itemCode: p.kind,
        item: `${p.kindName} ${p.phoneNo ?? ''}`.trim(),
        required: 1,
        usable: p.airtimeExpiry < on ? 0 : 1,
        shortfall: p.airtimeExpiry < on ? 1 : 0,
        reason: `${message('gap.airtimeSoon', { serial: p.serialNo, date: p.airtimeExpiry }).zh}${p.airtimeExpiry < on ? '（已过期）' : `（${daysBetween(on, p.airtimeExpiry)} 天后）`}`,
        action: message('gap.recharge').zh,
      }),
    );
  }
  return gaps;
}

function shelterGaps(kpi: ReturnType<typeof shelterKpi>): Gap[] {
  const gaps: Gap[] = [];
  for (const s of kpi.shelters) {
    if (!s.inUse) continue;
    for (const c of s.checklist) {
      if (c.passed === true) continue;
      const label = equipmentLabels.checklist[c.item];
      const appraisal = c.item === 'structure' && /鉴定/.test(c.detail);
      gaps.push(
        plainGap({
          kind: 'shelters',
          category: appraisal ? 'appraisal' : 'checklist',
          streetCode: s.streetCode,
          street: s.street,
          placeCode: s.code,
          place: s.name,
          itemCode: c.item,
          item: label.zh,
          required: 1,
          usable: 0,
          shortfall: 1,
          reason: message('gap.checklist', { item: label.zh, itemEn: label.en, detail: c.detail }).zh,
          action: message(appraisal ? 'gap.reappraise' : 'gap.fixChecklist').zh,
        }),
      );
    }
  }
  return gaps;
}
