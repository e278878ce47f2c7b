// Builds the demo district deterministically (seeded) relative to today, so that some batches are always near
// or past expiry. All stock is posted through the journal, so `check` passes on the result.
import type { z } from 'zod';
import type { movementPostInput, ShelterLevel } from '../api/contract.js';
import { addDays, today } from '../common/dates.js';
import { LedgerError } from '../common/errors.js';
import type { Db } from '../db/executor.js';
import { addItem } from '../catalogue/items.js';
import { addArea } from '../places/areas.js';
import { addLocation } from '../places/locations.js';
import { Poster } from '../stock/post.js';
import { addDefaultNorms, putNorm } from '../norms/norms.js';
import { loadDemoEquipment, loadDemoShelterChecks } from './equipment.js';
import * as jj from './jiaojiang.js';

type Doc = z.output<typeof movementPostInput>;

/** mulberry32: small, fast, and the same sequence on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoReport {
  equipment: number;
  streets: number;
  villages: number;
  locations: number;
  shelters: number;
  documents: number;
  movements: number;
}

export function loadDemo(db: Db, seed = 20260101): DemoReport {
  const existing = db.get(db.q.selectFrom('area').select('id').limit(1));
  if (existing) throw new LedgerError('db.demoNotEmpty');
  const rnd = seededRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const on = today();

  return db.tx(() => {
    // ---- places ----
    addArea(db, { code: jj.district.code, name: jj.district.name, level: 'district', adminCode: jj.district.adminCode }, true);
    const villagesByStreet = new Map<string, { code: string; name: string }[]>();
    let villageCount = 0;
    for (const s of jj.streets) {
      addArea(db, { code: s.code, name: s.name, level: 'street', parentCode: jj.district.code }, true);
      const used = new Set<string>();
      const list: { code: string; name: string }[] = [];
      for (let i = 1; i <= s.villages; i++) {
        let stem = pick(jj.villageStems);
        while (used.has(stem)) stem = pick(jj.villageStems);
        used.add(stem);
        const v = { code: `${s.code}${String(i).padStart(3, '0')}`, name: `${stem}${s.community && i % 3 !== 0 ? '社区' : '村'}` };
        addArea(db, { ...v, level: 'village', parentCode: s.code }, true);
        list.push(v);
      }
      villagesByStreet.set(s.code, list);
      villageCount += list.length;
    }
    for (const w of jj.warehouses) {
      addLocation(db, { code: w.code, name: w.name, kind: 'warehouse', areaCode: w.street, address: w.address }, true);
    }
    for (const s of jj.streets) {
      addLocation(db, { code: `ST-${s.code}`, name: `${s.name}应急物资储备点`, kind: 'street_store', areaCode: s.code }, true);
    }

    // ---- 151 shelters: 3 district-level, one street-level per street, the rest in villages ----
    const shelters: { code: string; store: string; street: string; evacuees: number; level: ShelterLevel }[] = [];
    const shelterTotal = 151;
    const perStreetWeights = jj.streets.map((s) => s.villages);
    const weightSum = perStreetWeights.reduce((a, b) => a + b, 0);
    let n = 0;
    const addShelter = (street: (typeof jj.streets)[number], level: ShelterLevel, areaCode: string, name: string) => {
      n++;
      const code = `BZ${String(n).padStart(3, '0')}`;
      const min = level === 'district' ? 200 : level === 'street' ? 100 : 50;
      const capacity = level === 'district' ? int(220, 800) : level === 'street' ? int(100, 400) : int(50, 160);
      // Most shelters have room to spare; a few are tight, as real ones are (≥1.5 m² per person is checked later).
      const perPerson = rnd() < 0.04 ? 1.2 + rnd() * 0.25 : 1.6 + rnd() * 1.4;
      const usable = Math.round(capacity * perPerson);
      const evacuees = Math.round(capacity * (0.5 + rnd() * 0.5));
      const store = `SH-${code}`;
      addLocation(db, { code: store, name: `${name}储备点`, kind: 'shelter_store', areaCode }, true);
      const area = db.get(db.q.selectFrom('area').select('id').where('code', '=', areaCode))!;
      const loc = db.get(db.q.selectFrom('location').select('id').where('code', '=', store))!;
      db.run(
        db.q.insertInto('shelter').values({
          code,
          name,
          level,
          area_id: area.id,
          location_id: loc.id,
          address: `${street.name}（演示地址）`,
          building_area_m2: Math.round(usable * (1.2 + rnd() * 0.4)),
          usable_area_m2: usable,
          capacity: rnd() < 0.03 ? min - 10 : capacity,
          planned_evacuees: evacuees,
          in_use: 1,
          is_demo: 1,
        }),
      );
      shelters.push({ code, store, street: street.code, evacuees, level });
    };
    const districtSchools = ['椒江区第一中学', '椒江区体育馆', '椒江区实验小学'];
    districtSchools.forEach((name, i) => addShelter(jj.streets[i]!, 'district', jj.streets[i]!.code, `${name}避灾安置场所`));
    for (const s of jj.streets) addShelter(s, 'street', s.code, `${s.name}中心避灾安置场所`);
    jj.streets.forEach((s, si) => {
      const villages = villagesByStreet.get(s.code)!;
      const quota =
        si === jj.streets.length - 1
          ? shelterTotal - n
          : Math.round(((shelterTotal - districtSchools.length - jj.streets.length) * perStreetWeights[si]!) / weightSum);
      for (let i = 0; i < quota; i++) {
        const v = villages[i % villages.length]!;
        addShelter(s, 'village', v.code, `${s.name}${v.name}避灾安置点${i >= villages.length ? '（二）' : ''}`);
      }
    });

    // ---- catalogue ----
    for (const it of [...jj.items, jj.measuredItem]) {
      addItem(db, {
        code: it.code,
        name: it.name,
        spec: it.spec,
        unit: it.unit,
        category: it.category,
        shelfLifeDays: it.shelfLifeDays ?? null,
        reserveMode: 'held',
        unitPrice: it.priceYuan,
      });
    }

    // ---- stock, posted through the journal ----
    const poster = new Poster(db);
    let documents = 0;
    let movements = 0;
    const post = (doc: Doc) => {
      movements += poster.postDocument(doc).ids.length;
      documents++;
    };
    const receipt = (locationCode: string, item: jj.DemoItem, quantity: number, daysAgo: number) => {
      const date = addDays(on, -daysAgo);
      const type = rnd() < 0.15 ? 'donation' : rnd() < 0.2 ? 'allocation_in' : 'purchase';
      const production = item.shelfLifeDays ? addDays(date, -int(10, 60)) : undefined;
      post({
        type,
        date,
        locationCode,
        handler: pick(jj.handlers),
        approver: pick(jj.approvers),
        basisDoc: type === 'allocation_in' ? `浙应急物资〔${date.slice(0, 4)}〕${int(1, 60)}号` : `椒应急采〔${date.slice(0, 4)}〕${int(1, 90)}号`,
        counterpart: type === 'purchase' ? pick(jj.suppliers) : undefined,
        donor: type === 'donation' ? pick(jj.donors) : undefined,
        donorCertNo: type === 'donation' ? `JZ${date.replaceAll('-', '')}${int(10, 99)}` : undefined,
        lines: [
          {
            itemCode: item.code,
            batchNo: production ? `${item.code}-${production.replaceAll('-', '')}` : '',
            quantity,
            productionDate: production,
            expiryDate: undefined,
            unitPrice: item.priceYuan,
          },
        ],
      });
    };

    const totalWeight = jj.items.reduce((a, it) => a + it.weight, 0);
    const target = 60_000;
    for (const it of jj.items) {
      const share = (target * it.weight) / totalWeight;
      // District warehouses: two or three deliveries each over the last three years.
      for (const w of jj.warehouses) {
        const deliveries = int(2, 3);
        for (let d = 0; d < deliveries; d++) {
          receipt(w.code, it, Math.max(1, Math.round(((share * 0.4) / deliveries) * (0.7 + rnd() * 0.6))), int(20, 1000));
        }
      }
    }
    receipt('WH02', jj.measuredItem, 2400.5, int(100, 400));
    receipt('ST-ZA', jj.measuredItem, 380.25, int(100, 400));

    // Street stores hold their own norm (most a little over it, a couple short) and a little of everything else.
    for (const s of jj.streets) {
      for (const it of jj.items) {
        const norm = jj.streetStoreNorms[it.code];
        const qty = norm ? Math.round(norm * (rnd() < 0.12 ? 0.5 + rnd() * 0.3 : 1 + rnd() * 0.4)) : Math.max(1, Math.round(((target * it.weight) / totalWeight) * 0.02));
        receipt(`ST-${s.code}`, it, qty, int(20, 300));
      }
    }

    // Shelter stores: sized by planned evacuees against the default norms; about one in ten is short of something.
    const defaults = jj.shelterNormsByItem;
    for (const sh of shelters) {
      const short = rnd() < 0.1;
      for (const it of jj.items.filter((x) => x.atShelters)) {
        const d = defaults[it.code];
        if (!d) continue;
        const need = d.basis === 'absolute' ? d.quantity : Math.ceil(sh.evacuees * d.factor);
        const mult = short && rnd() < 0.4 ? 0.4 + rnd() * 0.4 : 1 + rnd() * 0.25;
        const qty = Math.max(d.basis === 'absolute' ? d.quantity : 1, Math.ceil(need * mult));
        receipt(sh.store, it, qty, int(30, 300));
      }
    }

    // Transfers from the district warehouses to the street stores before the flood season.
    const plentiful = jj.items.filter((x) => x.weight >= 3);
    for (const s of jj.streets) {
      const it = pick(plentiful);
      poster.postTransfer({
        date: addDays(on, -int(5, 15)),
        fromCode: pick(jj.warehouses).code,
        toCode: `ST-${s.code}`,
        handler: pick(jj.handlers),
        approver: pick(jj.approvers),
        basisDoc: `椒应急调〔${on.slice(0, 4)}〕${int(1, 40)}号`,
        lines: [{ itemCode: it.code, batchNo: '', quantity: int(20, 80) }],
      });
      documents++;
      movements += 2;
    }

    // Issues to villages after the last typhoon.
    for (const s of jj.streets) {
      const v = pick(villagesByStreet.get(s.code)!);
      const it = pick(plentiful.filter((x) => x.atShelters));
      post({
        type: 'issue',
        date: addDays(on, -int(1, 4)),
        locationCode: `ST-${s.code}`,
        handler: pick(jj.handlers),
        approver: pick(jj.approvers),
        basisDoc: `椒防指〔${on.slice(0, 4)}〕${int(1, 30)}号`,
        recipient: `${v.name}村(居)委会`,
        lines: [{ itemCode: it.code, batchNo: '', quantity: int(5, 20) }],
      });
    }

    poster.finish();

    // Norms: the default shelter norms, each street store's own, and the streets' evacuation population.
    addDefaultNorms(db);
    for (const s of jj.streets) {
      db.run(db.q.updateTable('area').set({ evacuation_population: jj.evacuationPopulation[s.code] ?? null }).where('code', '=', s.code));
      for (const [itemCode, quantity] of Object.entries(jj.streetStoreNorms)) {
        putNorm(db, { scope: 'location', locationCode: `ST-${s.code}`, itemCode, basis: 'absolute', quantity, note: '街道储备点定额（演示）' });
      }
    }

    const tools = { rnd, int, pick, on };
    const equipment = loadDemoEquipment(db, tools, villagesByStreet);
    loadDemoShelterChecks(db, tools);
    return { equipment, streets: jj.streets.length, villages: villageCount, locations: jj.warehouses.length + jj.streets.length + shelters.length, shelters: shelters.length, documents, movements };
  });
}
