import type { Db } from '../db/executor.js';

/** What sizes a shelter's stock: its level, capacity and planned evacuees, by its store location. */
export function shelterSizesByLocation(db: Db): Map<number, { code: string; level: string; capacity: number; evacuees: number | null; inUse: boolean }> {
  const rows = db.all(
    db.q.selectFrom('shelter').select(['location_id', 'code', 'level', 'capacity', 'planned_evacuees', 'in_use']).where('location_id', 'is not', null),
  );
  return new Map(rows.map((r) => [r.location_id!, { code: r.code, level: r.level, capacity: r.capacity, evacuees: r.planned_evacuees, inUse: r.in_use === 1 }]));
}
