import type { z } from 'zod';
import type { Location, LocationKind, locationCreateInput, locationUpdateInput } from '../api/contract.js';
import { LedgerError } from '../common/errors.js';
import type { Db } from '../db/executor.js';
import { requireArea } from './areas.js';

/** Locations with their area and the street/town that area belongs to (a village's parent, or the street itself). */
export function locationQuery(db: Db) {
  return db.q
    .selectFrom('location as l')
    .innerJoin('area as a', 'a.id', 'l.area_id')
    .leftJoin('area as ap', 'ap.id', 'a.parent_id')
    .select((eb) => [
      'l.id',
      'l.code',
      'l.name',
      'l.kind',
      'l.address',
      'l.note',
      'l.is_demo',
      'a.code as area_code',
      'a.name as area_name',
      eb.case().when('a.level', '=', 'street').then(eb.ref('a.code')).when('a.level', '=', 'village').then(eb.ref('ap.code')).else(null).end().as('street_code'),
      eb.case().when('a.level', '=', 'street').then(eb.ref('a.name')).when('a.level', '=', 'village').then(eb.ref('ap.name')).else(null).end().as('street_name'),
    ]);
}

type LocationRow = NonNullable<ReturnType<typeof findLocation>>;

export function toLocation(r: LocationRow): Location {
  return {
    code: r.code,
    name: r.name,
    kind: r.kind,
    areaCode: r.area_code,
    areaName: r.area_name,
    streetCode: r.street_code,
    streetName: r.street_name,
    address: r.address,
    note: r.note,
    isDemo: r.is_demo === 1,
  };
}

export function listLocations(db: Db, filter: { kind?: LocationKind; streetCode?: string } = {}): Location[] {
  let q = locationQuery(db);
  if (filter.kind) q = q.where('l.kind', '=', filter.kind);
  if (filter.streetCode) {
    const street = filter.streetCode;
    q = q.where((eb) => eb.or([eb('a.code', '=', street), eb('ap.code', '=', street)]));
  }
  return db.all(q.orderBy('l.kind', 'desc').orderBy('l.code')).map(toLocation);
}

export function findLocation(db: Db, code: string) {
  return db.get(locationQuery(db).where('l.code', '=', code));
}

export function requireLocation(db: Db, code: string, field = 'locationCode') {
  const loc = findLocation(db, code);
  if (!loc) throw new LedgerError('location.notFound', { code }, field);
  return loc;
}

export function createLocation(db: Db, input: z.output<typeof locationCreateInput>): Location {
  return db.tx(() => addLocation(db, input));
}

/** Adds a location inside the caller's transaction. */
export function addLocation(db: Db, input: z.output<typeof locationCreateInput>, isDemo = false): Location {
  if (findLocation(db, input.code)) throw new LedgerError('location.duplicate', { code: input.code }, 'code');
  const area = requireArea(db, input.areaCode);
  db.run(
    db.q.insertInto('location').values({
      code: input.code,
      name: input.name,
      kind: input.kind,
      area_id: area.id,
      address: input.address ?? null,
      note: input.note ?? null,
      is_demo: isDemo ? 1 : 0,
    }),
  );
  return toLocation(findLocation(db, input.code)!);
}

export function updateLocation(db: Db, input: z.output<typeof locationUpdateInput>): Location {
  return db.tx(() => {
    const current = requireLocation(db, input.code, 'code');
    const areaId = input.areaCode ? requireArea(db, input.areaCode).id : undefined;
    db.run(
      db.q
        .updateTable('location')
        .set({
          name: input.name ?? current.name,
          kind: input.kind ?? current.kind,
          ...(areaId !== undefined ? { area_id: areaId } : {}),
          address: input.address === undefined ? current.address : input.address,
          note: input.note === undefined ? current.note : input.note,
        })
        .where('id', '=', current.id),
    );
    return toLocation(findLocation(db, input.code)!);
  });
}

export interface PlaceRef {
  id: number;
  code: string;
  name: string;
  kind: LocationKind;
  streetId: number | null;
  streetCode: string | null;
  streetName: string | null;
  /** The street's evacuation population (转移安置人数), for per-person norms of street stores. */
  population: number | null;
}

/** Every location with the street it belongs to. */
export function placesWithStreet(db: Db): PlaceRef[] {
  return db
    .all(
      db.q
        .selectFrom('location as l')
        .innerJoin('area as a', 'a.id', 'l.area_id')
        .leftJoin('area as ap', 'ap.id', 'a.parent_id')
        .select((eb) => [
          'l.id',
          'l.code',
          'l.name',
          'l.kind',
          eb.case().when('a.level', '=', 'street').then(eb.ref('a.id')).when('a.level', '=', 'village').then(eb.ref('ap.id')).else(null).end().as('street_id'),
          eb.case().when('a.level', '=', 'street').then(eb.ref('a.code')).when('a.level', '=', 'village').then(eb.ref('ap.code')).else(null).end().as('street_code'),
          eb.case().when('a.level', '=', 'street').then(eb.ref('a.name')).when('a.level', '=', 'village').then(eb.ref('ap.name')).else(null).end().as('street_name'),
          eb.case().when('a.level', '=', 'street').then(eb.ref('a.evacuation_population')).when('a.level', '=', 'village').then(eb.ref('ap.evacuation_population')).else(null).end().as('population'),
        ])
        .orderBy('l.code'),
    )
    .map((r) => ({ id: r.id, code: r.code, name: r.name, kind: r.kind, streetId: r.street_id, streetCode: r.street_code, streetName: r.street_name, population: r.population }));
}
