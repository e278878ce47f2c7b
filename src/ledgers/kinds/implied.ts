// Places and items a file names: found by code or by name; when the ledger lacks one and the user allowed it
// (createMissing: `import --create-missing`, `onboard`, the wizard's confirmation) created inside the import's one
// transaction and listed in the report (`createdMaster`). Without that permission the row is refused with a message
// that says how to create it: master data is never created silently.
//
// Codes are generated where the file has none. Pinyin is not to be had offline, so the scheme is plain and
// deterministic (the same files in any order give the same codes), each the next number after the highest in use:
// - areas with a 12-digit 统计用区划代码: a village's own 12 digits, its street's first 9, the district's first 6;
// - areas without one: streets S01, S02 …; villages <street code>V001 … (S01V001); a district D01;
// - locations: district warehouses WH01 …; a street's or village's store ST-<area code> (ST-S01, then ST-S01-2 …);
//   shelter stores SH01 …;
// - items WZ001 …; shelters BZ001 ….
import type { z } from 'zod';
import type { Area, AreaLevel, Item, ItemCategory, itemCreateInput, Location, LocationKind, ReserveMode } from '../../api/contract.js';
import type { LedgerCreated } from '../../api/contract.ledgers.js';
import { addItem, listItems } from '../../catalogue/items.js';
import type { Db } from '../../db/executor.js';
import { message, type MessageKey } from '../../i18n/messages.js';
import { addArea, listAreas } from '../../places/areas.js';
import { addLocation, listLocations } from '../../places/locations.js';
import { halfWidth } from '../normalise.js';
import { PlaceIndex } from './common.js';
import type { ErrorSink, ParsedRow, SheetPlace } from './kind.js';
import { failFromCore } from './master.js';

export interface MasterOptions {
  /** Create what rows name but the ledger lacks. */
  createMissing: boolean;
  /** The district's name, for a ledger that has none yet (or several); given by the user, so it is created as asked. */
  district?: string;
}

type Found<T> = { found: T } | { missing: true } | { ambiguous: true };

/** The next free code with a prefix: one more than the highest number in use. */
export class CodeSequence {
  private last = 0;
  private readonly pattern: RegExp;
  constructor(
    private readonly prefix: string,
    private readonly width: number,
    taken: Iterable<string>,
    private readonly isTaken: (code: string) => boolean,
  ) {
    this.pattern = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}(\\d+)$`);
    for (const c of taken) this.see(c);
  }

  see(code: string): void {
    const m = this.pattern.exec(code);
    if (m) this.last = Math.max(this.last, Number(m[1]));
  }

  next(): string {
    let code: string;
    do code = this.prefix + String(++this.last).padStart(this.width, '0');
    while (this.isTaken(code));
    return code;
  }
}

const STREET_SUFFIX = /(街道办事处|街道|镇|乡)$/;
const ADMIN = /^\d{12}$/;

/** What each kind of master data is called in messages. */
const WHAT: Record<LedgerCreated['kind'], MessageKey> = {
  district: 'ledgers.master.district',
  street: 'ledgers.master.street',
  village: 'ledgers.master.village',
  location: 'ledgers.master.location',
  item: 'ledgers.master.item',
  shelter: 'ledgers.master.shelter',
};

export type NewItem = Omit<z.output<typeof itemCreateInput>, 'code' | 'category' | 'reserveMode'> & { category?: ItemCategory; reserveMode?: ReserveMode };

export class MasterData {
  /** Everything created for the file, in the order it was created. */
  readonly created: LedgerCreated[] = [];
  private readonly areaByCode = new Map<string, Area>();
  private readonly areaByName = new Map<string, Area[]>();
  readonly locations: PlaceIndex<Location>;
  private readonly locationList: Location[];
  private readonly locationCodes = new Set<string>();
  private items: { byCode: Map<string, Item>; byName: Map<string, Item[]> } | null = null;
  private readonly sequences = new Map<string, CodeSequence>();
  /** Things already refused (reported on their first row): later rows naming them fail without repeating it. */
  private readonly refused = new Set<string>();

  constructor(
    private readonly db: Db,
    private readonly errors: ErrorSink,
    readonly options: MasterOptions,
  ) {
    for (const a of listAreas(db)) this.indexArea(a);
    this.locationList = listLocations(db);
    this.locations = new PlaceIndex(this.locationList);
    for (const l of this.locationList) this.locationCodes.add(l.code);
  }

  // ---------- areas ----------

  private indexArea(a: Area): void {
    this.areaByCode.set(a.code, a);
    this.areaByName.set(a.name, [...(this.areaByName.get(a.name) ?? []), a]);
  }

  area(code: string): Area | undefined {
    return this.areaByCode.get(code);
  }

  /** An area by code, or by name among those of a level (and under a parent). */
  findArea(text: string, level?: AreaLevel, parent?: Area | null): Found<Area> {
    const t = halfWidth(text).trim();
    const paren = /^(.*)\(([^()]+)\)$/.exec(t);
    const byCode = this.areaByCode.get(t) ?? (paren ? this.areaByCode.get(paren[2]!.trim()) : undefined);
    if (byCode && (!level || byCode.level === level)) return { found: byCode };
    const named = (this.areaByName.get(t) ?? this.areaByName.get(text.trim()) ?? []).filter(
      (a) => (!level || a.level === level) && (!parent || a.parentCode === parent.code),
    );
    if (named.length === 1) return { found: named[0]! };
    return named.length > 1 ? { ambiguous: true } : { missing: true };
  }

  private byLevel(level: AreaLevel): Area[] {
    return [...this.areaByCode.values()].filter((a) => a.level === level);
  }

  /**
   * The district new streets and warehouses belong to: the one the user named (created if new: that is consent),
   * else the ledger's only one, else one the file names (its title, a column), created only with createMissing.
   */
  district(row: ParsedRow, hint: { name?: string; adminCode?: string } = {}): Area | null {
    const districts = this.byLevel('district');
    const asked = this.options.district?.trim();
    const pick = (name: string) => districts.find((d) => d.name === name || d.code === name);
    if (asked) return pick(asked) ?? this.createDistrict(row, asked, hint.adminCode, false);
    if (hint.name && pick(hint.name)) return pick(hint.name)!;
    if (districts.length === 1) return districts[0]!;
    if (districts.length > 1) {
      this.refuseOnce('district\0*', row, null, 'ledgers.row.manyDistricts', { names: districts.map((d) => d.name).join('、') });
      return null;
    }
    if (hint.name) return this.createDistrict(row, hint.name, hint.adminCode, true);
    this.refuseOnce('district\0', row, null, 'ledgers.row.noDistrict', {});
    return null;
  }

  private createDistrict(row: ParsedRow, name: string, adminCode: string | undefined, implied: boolean): Area | null {
    const key = `district\0${name}`;
    if (this.refused.has(key)) return this.failQuietly(row);
    if (implied && !this.options.createMissing) return this.wouldCreate(key, row, null, 'district', name);
    const admin = adminCode && ADMIN.test(adminCode) ? adminCode : undefined;
    let code = admin?.slice(0, 6);
    if (!code || this.areaByCode.has(code)) code = this.areaSequence('D', 2).next();
    return this.addArea(row, null, { code, name, level: 'district', adminCode: admin ? `${admin.slice(0, 6)}000000` : undefined }, implied);
  }

  /** A street/town by code or name; a new one (under the district) when allowed. */
  street(row: ParsedRow, field: string | null, text: string, opts: { implied: boolean; adminCode?: string; district?: { name?: string } }): Area | null {
    const f = this.findArea(text, 'street');
    if ('found' in f) return f.found;
    if ('ambiguous' in f) return this.refuseOnce(`street\0${text}`, row, field, 'ledgers.row.ambiguousArea', { value: text });
    const name = text.trim();
    const key = `street\0${name}`;
    if (this.refused.has(key)) return this.failQuietly(row);
    if (opts.implied && !this.options.createMissing) return this.wouldCreate(key, row, field, 'street', name);
    const admin = opts.adminCode && ADMIN.test(opts.adminCode) ? opts.adminCode : undefined;
    const district = this.district(row, { name: opts.district?.name, adminCode: admin });
    if (!district) {
      this.refused.add(key);
      return this.failQuietly(row);
    }
    let code = admin?.slice(0, 9);
    if (!code || this.areaByCode.has(code)) code = this.areaSequence('S', 2).next();
    return this.addArea(row, field, { code, name, level: 'street', parentCode: district.code, adminCode: admin ? `${admin.slice(0, 9)}000` : undefined }, opts.implied);
  }

  /** A village/community by code or name (within its street when known); a new one under the street when allowed. */
  village(row: ParsedRow, field: string | null, text: string, street: Area | null, opts: { implied: boolean; code?: string; adminCode?: string }): Area | null {
    const f = this.findArea(text, 'village', street);
    if ('found' in f) return f.found;
    const name = text.trim();
    if ('ambiguous' in f) return this.refuseOnce(`village\0${name}`, row, field, street ? 'ledgers.row.ambiguousArea' : 'ledgers.row.ambiguousVillage', { value: name });
    if (!street) return this.refuseOnce(`village\0${name}`, row, field, 'ledgers.row.villageNeedsStreet', { value: name });
    const key = `village\0${street.code}\0${name}`;
    if (this.refused.has(key)) return this.failQuietly(row);
    if (opts.implied && !this.options.createMissing) return this.wouldCreate(key, row, field, 'village', name, street.name);
    const admin = opts.adminCode && ADMIN.test(opts.adminCode) ? opts.adminCode : undefined;
    let code = opts.code ?? admin;
    if (!code || (!opts.code && this.areaByCode.has(code))) code = this.areaSequence(`${street.code}V`, 3).next();
    return this.addArea(row, field, { code, name, level: 'village', parentCode: street.code, adminCode: admin }, opts.implied);
  }

  /**
   * Adds an area the file lists (implied false) or only names (true); it is listed in the report unless the file
   * gave its code (`listed` false).
   */
  addArea(
    row: ParsedRow,
    field: string | null,
    input: { code: string; name: string; level: AreaLevel; parentCode?: string; adminCode?: string; evacuationPopulation?: number | null },
    implied: boolean,
    listed = true,
  ): Area | null {
    try {
      const area = addArea(this.db, input);
      this.indexArea(area);
      if (listed) this.record(area.level, area.code, area.name, area.parentCode, implied, row);
      return area;
    } catch (e) {
      failFromCore(e, row, this.errors, { code: field ?? 'code', parentCode: field ?? 'parentCode' });
      return null;
    }
  }

  areaSequence(prefix: string, width: number): CodeSequence {
    return this.sequence(`area:${prefix}`, prefix, width, this.areaByCode.keys(), (c) => this.areaByCode.has(c));
  }

  /**
   * The area a place's name points to: a village or a street whose name it contains (北湖街道应急物资仓库 → 北湖街道;
   * a street also by its name without 街道/镇), else null (the district's, e.g. 区级…仓库).
   */
  areaOfName(name: string): Area | null {
    const hit = (level: AreaLevel, stem: (a: Area) => string[]) => {
      const found = this.byLevel(level)
        .flatMap((a) => stem(a).map((s) => ({ a, s })))
        .filter(({ s }) => s.length >= 2 && name.includes(s))
        .sort((x, y) => y.s.length - x.s.length);
      const best = found[0];
      if (!best) return null;
      // Two different areas whose names fit equally well: neither.
      return found.some((f) => f.a !== best.a && f.s.length === best.s.length) ? null : best.a;
    };
    return hit('village', (a) => [a.name]) ?? hit('street', (a) => [a.name, a.name.replace(STREET_SUFFIX, '')]);
  }

  // ---------- locations ----------

  findLocation(text: string): Found<Location> {
    return this.locations.find(text);
  }

  /**
   * A location by code or name; a new one when allowed: in the area given, else the one its name points to, else
   * the district; a district's is a warehouse, a street's or village's a street store, unless the kind is given.
   */
  location(
    row: ParsedRow,
    field: string | null,
    name: string,
    opts: { implied: boolean; kind?: LocationKind; area?: Area; code?: string; from?: SheetPlace; address?: string; note?: string; listed?: boolean },
  ): Location | null {
    const f = this.locations.find(name);
    if ('found' in f) return f.found;
    if ('ambiguous' in f) return this.refuseOnce(`location\0${name}`, row, field, 'ledgers.row.ambiguousLocation', { value: name });
    const key = `location\0${name.trim()}`;
    if (this.refused.has(key)) return this.failQuietly(row);
    if (opts.implied && !this.options.createMissing) {
      if (!opts.from) return this.wouldCreate(key, row, field, 'location', name.trim());
      const source = message(opts.from.from === 'sheet' ? 'ledgers.master.fromSheet' : 'ledgers.master.fromTitle', { row: opts.from.row });
      this.refused.add(key);
      this.errors.fail(row, null, 'ledgers.row.sheetPlaceMissing', { sheet: row.sheet, source: source.zh, sourceEn: source.en, name: name.trim() });
      return null;
    }
    const area = opts.area ?? this.areaOfName(name) ?? this.district(row);
    if (!area) {
      this.refused.add(key);
      return this.failQuietly(row);
    }
    const kind = opts.kind ?? (area.level === 'district' ? 'warehouse' : 'street_store');
    return this.addLocation(row, { code: opts.code ?? this.locationCode(kind, area), name: name.trim(), kind, area, address: opts.address, note: opts.note }, opts.implied, opts.listed !== false);
  }

  /** Adds a location (listed in the report when `listed`). */
  addLocation(
    row: ParsedRow,
    input: { code: string; name: string; kind: LocationKind; area: Area; address?: string; note?: string },
    implied: boolean,
    listed: boolean,
  ): Location | null {
    try {
      const loc = addLocation(this.db, { code: input.code, name: input.name, kind: input.kind, areaCode: input.area.code, address: input.address, note: input.note });
      this.noteLocation(loc);
      if (listed) this.record('location', loc.code, loc.name, input.area.code, implied, row);
      return loc;
    } catch (e) {
      failFromCore(e, row, this.errors, { code: 'code', areaCode: 'areaCode' });
      return null;
    }
  }

  /** WH01 … for warehouses, ST-<area> for a street's or village's store, SH01 … for shelter stores. */
  locationCode(kind: LocationKind, area: Area): string {
    if (kind === 'street_store') {
      const base = `ST-${area.code}`;
      if (!this.locationCodes.has(base)) return base;
      for (let n = 2; ; n++) if (!this.locationCodes.has(`${base}-${n}`)) return `${base}-${n}`;
    }
    const prefix = kind === 'warehouse' ? 'WH' : 'SH';
    return this.sequence(`location:${prefix}`, prefix, 2, this.locationCodes, (c) => this.locationCodes.has(c)).next();
  }

  /** Records a location created by a kind itself (a shelter's own store). */
  noteLocation(loc: Location): void {
    this.locations.add(loc);
    this.locationCodes.add(loc.code);
    this.locationList.push(loc);
  }

  /**
   * A street's store, for equipment whose ledger names only its village: the street store in the street itself,
   * else one in its villages (lowest code first); with createMissing a new "<街道>应急物资储备点" (ST-<street>).
   */
  storeOf(row: ParsedRow, street: Area): Location | null {
    const stores = this.locationList
      .filter((l) => l.kind === 'street_store' && l.streetCode === street.code)
      .sort((a, b) => Number(b.areaCode === street.code) - Number(a.areaCode === street.code) || (a.code < b.code ? -1 : 1));
    if (stores[0]) return stores[0];
    return this.location(row, null, `${street.name}应急物资储备点`, { implied: true, kind: 'street_store', area: street });
  }

  // ---------- items ----------

  private itemIndex() {
    if (!this.items) {
      this.items = { byCode: new Map(), byName: new Map() };
      for (const i of listItems(this.db)) this.indexItem(i);
    }
    return this.items;
  }

  private indexItem(i: Item): void {
    const idx = this.itemIndex();
    idx.byCode.set(i.code, i);
    const key = `${i.name}\u0000${i.spec ?? ''}`;
    idx.byName.set(key, [...(idx.byName.get(key) ?? []), i]);
  }

  item(code: string): Item | undefined {
    return this.itemIndex().byCode.get(code);
  }

  /**
   * Catalogue items with this name and spec (品名 + 规格). A row that gives no spec (a ledger without that column)
   * takes the items of that name and unit, whatever their spec (one: that item; several: ambiguous).
   */
  itemsNamed(name: string, spec: string | undefined, unit?: string): Item[] {
    const idx = this.itemIndex();
    const exact = idx.byName.get(`${name}\u0000${spec ?? ''}`) ?? [];
    if (exact.length || spec !== undefined) return exact;
    return [...idx.byCode.values()].filter((i) => i.name === name && (!unit || i.unit === unit));
  }

  itemCode(): string {
    const idx = this.itemIndex();
    return this.sequence('item:WZ', 'WZ', 3, idx.byCode.keys(), (c) => idx.byCode.has(c)).next();
  }

  /** A catalogue item the rows name (implied) or list, with the code given or the next WZ code. */
  createItem(row: ParsedRow, field: string | null, input: NewItem, opts: { implied: boolean; code?: string; listed?: boolean }): Item | null {
    const key = `item\0${opts.code ?? ''}\0${input.name}\0${input.spec ?? ''}`;
    if (this.refused.has(key)) return this.failQuietly(row);
    if (opts.implied && !this.options.createMissing) {
      return this.wouldCreate(key, row, field, 'item', [input.name, input.spec].filter(Boolean).join(' '));
    }
    const code = opts.code ?? this.itemCode();
    try {
      const item = addItem(this.db, { ...input, code, category: input.category ?? 'other', reserveMode: input.reserveMode ?? 'held' });
      this.indexItem(item);
      if (opts.listed !== false) this.record('item', item.code, item.name, null, opts.implied, row);
      return item;
    } catch (e) {
      failFromCore(e, row, this.errors, { code: field ?? 'itemCode', name: 'itemName' });
      return null;
    }
  }

  // ---------- codes and the report ----------

  sequence(key: string, prefix: string, width: number, taken: Iterable<string>, isTaken: (code: string) => boolean): CodeSequence {
    let s = this.sequences.get(key);
    if (!s) this.sequences.set(key, (s = new CodeSequence(prefix, width, taken, isTaken)));
    return s;
  }

  /** Lists something created for the file: a row's own with a generated code (implied false), or what rows named. */
  record(kind: LedgerCreated['kind'], code: string, name: string, parent: string | null, implied: boolean, row: ParsedRow): void {
    this.created.push({ kind, code, name, parent, implied, sheet: row.sheet, row: row.row });
  }

  private wouldCreate(key: string, row: ParsedRow, field: string | null, kind: LedgerCreated['kind'], name: string, within?: string): null {
    const w = message(WHAT[kind]);
    return this.refuseOnce(key, row, field, within ? 'ledgers.row.wouldCreateIn' : 'ledgers.row.wouldCreate', { what: w.zh, whatEn: w.en, name, within: within ?? '' });
  }

  private refuseOnce(key: string, row: ParsedRow, field: string | null, msg: MessageKey, params: Record<string, string>): null {
    if (this.refused.has(key)) return this.failQuietly(row);
    this.refused.add(key);
    this.errors.fail(row, field, msg, params);
    return null;
  }

  /** A row that names something already refused on an earlier row: it fails too, without repeating the message. */
  private failQuietly(row: ParsedRow): null {
    row.failed = true;
    return null;
  }
}
