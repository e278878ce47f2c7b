// Pieces the kinds share: choices as the bureau writes them, finding places by code or name, the 序号 column.
import type { Db } from '../../db/executor.js';
import { labels } from '../../i18n/messages.js';
import { listAreas } from '../../places/areas.js';
import { listLocations } from '../../places/locations.js';
import { getSetting } from '../../settings/settings.js';
import { choiceKey, halfWidth } from '../normalise.js';
import type { ExportColumn } from '../export/sheet.js';
import type { Location } from '../../api/contract.js';
import type { ErrorSink, FieldSpec, ParsedRow } from './kind.js';
import type { MasterData } from './implied.js';

/** 序号: read so it is not mistaken for data, never stored; 示例 marks a template's example row. */
export const seqField: FieldSpec = { key: 'seq', header: '序号', synonyms: ['序', 'no', 'no.', '行号', '编号序'], type: 'raw', informational: true };

/** The words a choice accepts as people write them (the keys are normalised), for telling a user what to write. */
export const choiceSpellings = new WeakMap<Readonly<Record<string, string>>, readonly (readonly [string, string])[]>();

/** Choices by their Chinese label, their key, and extra spellings. */
export function choices<K extends string>(named: Record<K, { zh: string; en: string }>, extra: Record<string, K> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  const spellings: [string, string][] = [];
  for (const [key, label] of Object.entries(named) as [K, { zh: string }][]) {
    out[choiceKey(label.zh)] = key;
    out[choiceKey(key)] = key;
    spellings.push([label.zh, key]);
  }
  for (const [text, key] of Object.entries(extra)) {
    out[choiceKey(text)] = key;
    spellings.push([text, key]);
  }
  choiceSpellings.set(out, spellings);
  return out;
}

export const areaLevelChoices = choices(labels.areaLevel, {
  区县: 'district',
  县: 'district',
  县区: 'district',
  街道: 'street',
  镇: 'street',
  乡: 'street',
  乡镇: 'street',
  街道镇: 'street',
  村: 'village',
  社区: 'village',
  行政村: 'village',
  村社: 'village',
  村社区: 'village',
});

/**
 * Location types as bureaus write them. The domain has three kinds: a district warehouse, a street/town store and a
 * shelter's store; a village's own store (村级储备点) is a store below the district like a street's, so it is a
 * street store in the village's area.
 */
export const locationKindChoices = choices(labels.locationKind, {
  仓库: 'warehouse',
  区级仓库: 'warehouse',
  区仓库: 'warehouse',
  县级仓库: 'warehouse',
  储备库: 'warehouse',
  区级储备库: 'warehouse',
  物资储备库: 'warehouse',
  救灾物资储备库: 'warehouse',
  区级救灾物资储备库: 'warehouse',
  区级物资储备库: 'warehouse',
  储备点: 'street_store',
  街道仓库: 'street_store',
  镇仓库: 'street_store',
  乡镇仓库: 'street_store',
  街道物资点: 'street_store',
  镇物资点: 'street_store',
  物资点: 'street_store',
  街道储备点: 'street_store',
  街道储备库: 'street_store',
  街道级储备点: 'street_store',
  镇储备点: 'street_store',
  镇级储备点: 'street_store',
  乡镇储备点: 'street_store',
  街道镇储备点: 'street_store',
  街道物资储备点: 'street_store',
  村级储备点: 'street_store',
  村储备点: 'street_store',
  社区储备点: 'street_store',
  村社储备点: 'street_store',
  村级物资点: 'street_store',
  避灾场所: 'shelter_store',
  避灾安置场所: 'shelter_store',
  避灾点: 'shelter_store',
  安置点: 'shelter_store',
  避灾安置点: 'shelter_store',
});

export const categoryChoices = choices(labels.category, { 食品类: 'food', 饮用水类: 'water', 水: 'water', 药品类: 'medicine', 被服类: 'textile', 照明类: 'lighting', 救生类: 'rescue', 防汛类: 'flood', 其它: 'other' });

export const reserveModeChoices = choices(labels.reserveMode, { 实物: 'held', 协议: 'agreement', 产能: 'capacity', 企业代储: 'agreement' });

/** The district's name for export titles (椒江区), else the reporting unit. */
export function districtName(db: Db): string {
  const districts = listAreas(db, { level: 'district' });
  return districts.length === 1 ? districts[0]!.name : '';
}

export function heading(db: Db): { org: string } {
  return { org: getSetting(db, 'org.name') };
}

type Found<T> = { found: T } | { missing: true } | { ambiguous: true };

/** Places by code, by exact name, or written as 名称（编码） as the exports write a counterpart. */
export class PlaceIndex<T extends { code: string; name: string }> {
  private readonly byCode = new Map<string, T>();
  private readonly byName = new Map<string, T[]>();

  constructor(items: Iterable<T>) {
    for (const x of items) this.add(x);
  }

  add(x: T): void {
    this.byCode.set(x.code, x);
    const list = this.byName.get(x.name) ?? [];
    list.push(x);
    this.byName.set(x.name, list);
  }

  code(code: string): T | undefined {
    return this.byCode.get(code);
  }

  find(text: string): Found<T> {
    const t = halfWidth(text).trim();
    const direct = this.byCode.get(t) ?? this.byCode.get(text.trim());
    if (direct) return { found: direct };
    const paren = /^(.*)\(([^()]+)\)$/.exec(t);
    if (paren) {
      const byCode = this.byCode.get(paren[2]!.trim());
      if (byCode) return { found: byCode };
    }
    const named = this.byName.get(text.trim()) ?? this.byName.get(t);
    if (named?.length === 1) return { found: named[0]! };
    if (named && named.length > 1) return { ambiguous: true };
    return { missing: true };
  }
}

export function locationIndex(db: Db) {
  return new PlaceIndex(listLocations(db));
}

/** 名称（编码）: how exports name a counterpart location, readable and exact. */
export function placeLabel(name: string | null, code: string | null): string {
  if (!code) return '';
  return `${name ?? ''}（${code}）`;
}

/** Column A counts the rows: 1, 2, 3 … */
export function numbered<R>(cols: ExportColumn<R>[]): ExportColumn<R>[] {
  return [{ header: '序号', type: 'integer', value: (_, i) => i + 1, width: 6 }, ...cols];
}

/** Sheet names spreadsheet programs give by default: they name no place. */
const DEFAULT_SHEET = /^(sheet|工作表|表|页)\s*\d*$/i;
/** What a ledger's title says after the place: 物资台账, 库存台账, 救灾物资储备明细表 …. */
const LEDGER_WORDS = /(?:(?:救灾|应急|防汛|抢险)*(?:物资|装备)?(?:储备|库存|出入库)*(?:台账|明细账|明细表|明细|清单|一览表|统计表|登记表|汇总表|情况表|表))(?:[(（].*[)）])?$/;
/** A place that holds stock ends like one: …库, …仓, …储备点, …物资点, …站, …中心. */
const PLACE_END = /(库|仓|储备点|物资点|储备站|站|中心|点)$/;

/**
 * The place a sheet's name or its title row names, as a location name: "北湖街道应急物资仓库" (a sheet), "一号仓库"
 * from the title "一号仓库物资台账"; null for Sheet1, 台账 and the like.
 */
export function placeNameOf(text: string): string | null {
  let t = halfWidth(text).replace(/\s+/g, '').replace(/^\d{4}年度?/, '');
  if (!t || DEFAULT_SHEET.test(t)) return null;
  t = t.replace(LEDGER_WORDS, '');
  return t.length >= 2 && t.length <= 100 && PLACE_END.test(t) ? t : null;
}

/** A row's location: its own column (code, then name), else the one chosen for the import, else the sheet's. */
export class RowLocations {
  constructor(
    readonly master: MasterData,
    private readonly fallback: string | undefined,
  ) {}

  resolve(row: ParsedRow, errors: ErrorSink): Location | null {
    const code = row.values.locationCode as string | undefined;
    if (code) {
      const r = this.master.findLocation(code);
      if ('found' in r) return r.found;
      errors.fail(row, 'locationCode', 'ambiguous' in r ? 'ledgers.row.ambiguousLocation' : 'ledgers.row.unknownLocation', { value: code });
      return null;
    }
    const name = row.values.location as string | undefined;
    if (name) return this.master.location(row, 'location', name, { implied: true });
    const fallback = this.fallback ?? row.sheetLocation;
    const found = fallback ? this.master.locations.code(fallback) : undefined;
    if (found) return found;
    if (row.sheetPlace) return this.master.location(row, null, row.sheetPlace.name, { implied: true, from: row.sheetPlace });
    errors.fail(row, 'location', 'ledgers.row.noLocation');
    return null;
  }
}
