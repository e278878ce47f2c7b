// Stock against norms, place by place: the comparison the gap engine and the shelter checklist both rest on.
import type { Db } from '../db/executor.js';
import { type PlaceRef, placesWithStreet } from '../places/locations.js';
import { shelterSizesByLocation } from '../shelters/sizes.js';
import { type UsableStock, usableStock } from '../stock/balances.js';
import { resolveNorms } from './norms.js';

export interface NormLine {
  place: PlaceRef;
  itemId: number;
  requiredMilli: number;
  usableMilli: number;
  excludedMilli: number;
  basis: string;
}

export interface StockAgainstNorms {
  places: Map<number, PlaceRef>;
  lines: NormLine[];
  stock: Map<string, UsableStock>;
  /** Norm required per (location, item), for judging surplus elsewhere. */
  required: Map<string, number>;
}

export function stockAgainstNorms(db: Db, on: string): StockAgainstNorms {
  const places = placesWithStreet(db);
  const shelters = shelterSizesByLocation(db);
  const norms = resolveNorms(
    db,
    places.map((p) => {
      const s = shelters.get(p.id);
      return { locationId: p.id, streetId: p.streetId, shelter: s ? { level: s.level, capacity: s.capacity, evacuees: s.evacuees } : null, population: p.population };
    }),
  );
  const stock = usableStock(db, on);
  const byId = new Map(places.map((p) => [p.id, p]));
  const required = new Map<string, number>();
  const lines = norms.map((n) => {
    const key = `${n.locationId}:${n.itemId}`;
    required.set(key, n.requiredMilli);
    const s = stock.get(key);
    return { place: byId.get(n.locationId)!, itemId: n.itemId, requiredMilli: n.requiredMilli, usableMilli: s?.usable ?? 0, excludedMilli: s?.excluded ?? 0, basis: n.basis };
  });
  return { places: byId, lines, stock, required };
}
