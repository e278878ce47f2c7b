// Pieces the kinds share: choices as the bureau writes them, finding places by code or name, the 序号 column.
import type { Db } from '../../db/executor.js';
import { labels } from '../../i18n/messages.js';
import { listAreas } from '../../places/areas.js';
import { listLocations } from '../../places/locations.js';
import { getSetting } from '../../settings/settings.js';
import { choiceKey, halfWidth } from '../normalise.js';
import type { ExportColumn } from '../export/sheet.js';
import type { FieldSpec } from './kind.js';

/** 序号: read so it is not mistaken for data, never stored; 示例 marks a template's example row. */
export const seqField: FieldSpec = { key: 'seq', header: '序号', synonyms: ['序', 'no', 'no.', '行号', '编号序'], type: 'raw', informational: true };

/** Choices by their Chinese label, their key, and extra spellings. */
export function choices<K extends string>(named: Record<K, { zh: string; en: string }>, extra: Record<string, K> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, label] of Object.entries(named) as [K, { zh: string }][]) {
    out[choiceKey(label.zh)] = key;
    out[choiceKey(key)] = key;
  }
  for (const [text, key] of Object.entries(extra)) out[choiceKey(text)] = key;
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

export const locationKindChoices = choices(labels.locationKind, {
  仓库: 'warehouse',
  区级仓库: 'warehouse',
  储备库: 'warehouse',
  区级救灾物资储备库: 'warehouse',
  储备点: 'street_store',
  街道储备点: 'street_store',
  镇储备点: 'street_store',
  街道镇储备点: 'street_store',
  避灾场所: 'shelter_store',
  避灾安置场所: 'shelter_store',
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

/** A row's location: its own column (code, then name), else the one chosen for the import, else the sheet's. */
export class RowLocations {
  readonly index;
  constructor(
    db: Db,
    private readonly fallback: string | undefined,
  ) {
    this.index = locationIndex(db);
  }

  resolve(row: import('./kind.js').ParsedRow, errors: import('./kind.js').ErrorSink): import('../../api/contract.js').Location | null {
    for (const field of ['locationCode', 'location'] as const) {
      const text = row.values[field] as string | undefined;
      if (!text) continue;
      const r = this.index.find(text);
      if ('found' in r) return r.found;
      errors.fail(row, field, 'ambiguous' in r ? 'ledgers.row.ambiguousLocation' : 'ledgers.row.unknownLocation', { value: text });
      return null;
    }
    const code = this.fallback ?? row.sheetLocation;
    const found = code ? this.index.code(code) : undefined;
    if (found) return found;
    errors.fail(row, 'location', 'ledgers.row.noLocation');
    return null;
  }
}
