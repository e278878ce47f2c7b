// The standardisation checklist (domain.md §6): a shelter is standardised when every item passes. Items the data
// can decide are computed; the rest come from the latest inspection of that item.
import { type ChecklistResult, inspectedItems, type ShelterChecklistItem, shelterChecklistItems, shelterFacilities } from '../api/contract.equipment.js';
import { addDays } from '../common/dates.js';
import type { ShelterTable } from '../db/schema.js';
import { equipmentLabels } from '../i18n/equipment.js';
import { labels, message } from '../i18n/messages.js';

export const levelMinimum = { district: 200, street: 100, village: 50 } as const;

export interface ChecklistInput {
  shelter: Omit<ShelterTable, 'id'> & { street_name: string | null };
  facilities: string[];
  inspections: Map<string, { date: string; inspector: string; passed: number }>;
  expiredBatches: number | null;
  /** Items held below the shelter's norm (usable stock only). */
  itemsBelowNorm: number;
  today: string;
  appraisalYears: number;
  areaPerPerson: number;
}

const SHELTER_NAME = /(避灾安置场所|避灾安置点)(（[^）]+）)?$/;

export function evaluateChecklist(x: ChecklistInput): ChecklistResult[] {
  const s = x.shelter;
  const data = (item: ShelterChecklistItem, passed: boolean, detail: { zh: string }): ChecklistResult => ({
    item,
    passed,
    source: 'data',
    detail: detail.zh,
    inspectedOn: null,
    inspector: null,
  });
  const inspected = (item: ShelterChecklistItem, extra?: { passed: boolean; detail: string }): ChecklistResult => {
    const i = x.inspections.get(item);
    if (!i) return { item, passed: null, source: 'inspection', detail: message('shelter.check.notInspected').zh, inspectedOn: null, inspector: null };
    const passed = i.passed === 1 && (extra?.passed ?? true);
    const base = message('shelter.check.inspected', { date: i.date, inspector: i.inspector, result: i.passed ? '合格' : '不合格', resultEn: i.passed ? 'pass' : 'fail' }).zh;
    return { item, passed, source: 'inspection', detail: extra && !extra.passed ? `${base}；${extra.detail}` : base, inspectedOn: i.date, inspector: i.inspector };
  };

  const min = levelMinimum[s.level];
  const level = data(
    'level',
    s.capacity >= min,
    s.capacity >= min
      ? message('shelter.check.level', { capacity: s.capacity, min })
      : message('shelter.check.levelFail', { capacity: s.capacity, min, level: labels.shelterLevel[s.level].zh, levelEn: labels.shelterLevel[s.level].en }),
  );

  const oldest = addDays(x.today, -Math.round(x.appraisalYears * 365.25));
  const structure = !s.structure
    ? data('structure', false, message('shelter.check.noStructure'))
    : !s.appraisal_date
      ? data('structure', false, message('shelter.check.noAppraisal'))
      : s.appraisal_passed === 0
        ? data('structure', false, message('shelter.check.appraisalFailed'))
        : s.appraisal_date < oldest
          ? data('structure', false, message('shelter.check.appraisalOld', { date: s.appraisal_date, years: x.appraisalYears }))
          : data('structure', true, message('shelter.check.structure', { date: s.appraisal_date, years: x.appraisalYears }));

  const missing = shelterFacilities.filter((f) => !x.facilities.includes(f));
  const facilities = inspected('facilities', {
    passed: missing.length === 0,
    detail: message('shelter.check.facilitiesMissing', { missing: missing.map((f) => equipmentLabels.facility[f].zh).join('、'), missingEn: '' }).zh,
  });

  const stock =
    x.expiredBatches === null
      ? data('stock', false, message('shelter.check.noStore'))
      : x.expiredBatches > 0
        ? data('stock', false, message('shelter.check.stockExpired', { n: x.expiredBatches }))
        : x.itemsBelowNorm > 0
          ? data('stock', false, message('shelter.check.stockShort', { n: x.itemsBelowNorm }))
          : data('stock', true, message('shelter.check.stock'));

  const managed = Boolean(s.manager && s.manager_phone);
  const management = managed
    ? inspected('management')
    : { ...inspected('management'), passed: false, detail: message('shelter.check.noManager').zh };
  if (managed && management.passed) management.detail = `${message('shelter.check.management', { manager: s.manager!, phone: s.manager_phone! }).zh}；${management.detail}`;

  const naming = data('naming', SHELTER_NAME.test(s.name), SHELTER_NAME.test(s.name) ? message('shelter.check.naming') : message('shelter.check.namingFail'));

  const perPerson = s.usable_area_m2 && s.capacity ? s.usable_area_m2 / s.capacity : null;
  const area =
    perPerson === null
      ? data('area', false, message('shelter.check.noArea'))
      : data(
          'area',
          perPerson >= x.areaPerPerson,
          message(perPerson >= x.areaPerPerson ? 'shelter.check.area' : 'shelter.check.areaFail', { perPerson: perPerson.toFixed(2), min: x.areaPerPerson }),
        );

  const byItem: Record<ShelterChecklistItem, ChecklistResult> = {
    level,
    site: inspected('site'),
    structure,
    signs: inspected('signs'),
    facilities,
    stock,
    management,
    naming,
    area,
  };
  return shelterChecklistItems.map((item) => byItem[item]);
}

