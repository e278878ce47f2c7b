import type { z } from 'zod';
import type { Area, AreaLevel, areaCreateInput, areaUpdateInput } from '../api/contract.js';
import { LedgerError } from '../common/errors.js';
import type { Db } from '../db/executor.js';
import { labels } from '../i18n/messages.js';

const parentLevelOf: Record<AreaLevel, AreaLevel | null> = { district: null, street: 'district', village: 'street' };

interface AreaRow {
  id: number;
  code: string;
  name: string;
  level: AreaLevel;
  parent_id: number | null;
  admin_code: string | null;
  is_demo: number;
  evacuation_population: number | null;
}

function areaQuery(db: Db) {
  return db.q
    .selectFrom('area as a')
    .leftJoin('area as p', 'p.id', 'a.parent_id')
    .select(['a.id', 'a.code', 'a.name', 'a.level', 'a.parent_id', 'a.admin_code', 'a.is_demo', 'a.evacuation_population', 'p.code as parent_code']);
}

function toArea(r: AreaRow & { parent_code: string | null }): Area {
  return {
    code: r.code,
    name: r.name,
    level: r.level,
    parentCode: r.parent_code,
    adminCode: r.admin_code,
    evacuationPopulation: r.evacuation_population,
    isDemo: r.is_demo === 1,
  };
}

export function listAreas(db: Db, filter: { level?: AreaLevel; parentCode?: string } = {}): Area[] {
  let q = areaQuery(db);
  if (filter.level) q = q.where('a.level', '=', filter.level);
  if (filter.parentCode) q = q.where('p.code', '=', filter.parentCode);
  return db.all(q.orderBy('a.level').orderBy('a.code')).map(toArea);
}

export function findArea(db: Db, code: string): (AreaRow & { parent_code: string | null }) | undefined {
  return db.get(areaQuery(db).where('a.code', '=', code));
}

export function requireArea(db: Db, code: string, field = 'areaCode') {
  const area = findArea(db, code);
  if (!area) throw new LedgerError('area.notFound', { code }, field);
  return area;
}

function checkParent(db: Db, level: AreaLevel, parentCode: string | undefined): number | null {
  const wanted = parentLevelOf[level];
  if (!wanted && !parentCode) return null;
  const parent = parentCode ? requireArea(db, parentCode, 'parentCode') : undefined;
  if (!wanted || !parent || parent.level !== wanted) {
    const l = labels.areaLevel[level];
    const p = wanted ? labels.areaLevel[wanted] : { zh: '无', en: 'none' };
    throw new LedgerError('area.badParent', { level: l.zh, parentLevel: p.zh, levelEn: l.en, parentLevelEn: p.en }, 'parentCode');
  }
  return parent.id;
}

export function createArea(db: Db, input: z.output<typeof areaCreateInput>): Area {
  return db.tx(() => addArea(db, input));
}

/** Adds an area inside the caller's transaction. */
export function addArea(db: Db, input: z.output<typeof areaCreateInput>, isDemo = false): Area {
  if (findArea(db, input.code)) throw new LedgerError('area.duplicate', { code: input.code }, 'code');
  const parentId = checkParent(db, input.level, input.parentCode);
  db.run(
    db.q.insertInto('area').values({
      code: input.code,
      name: input.name,
      level: input.level,
      parent_id: parentId,
      admin_code: input.adminCode ?? null,
      evacuation_population: input.evacuationPopulation ?? null,
      is_demo: isDemo ? 1 : 0,
    }),
  );
  return toArea(findArea(db, input.code)!);
}

export function updateArea(db: Db, input: z.output<typeof areaUpdateInput>): Area {
  return db.tx(() => {
    const current = requireArea(db, input.code, 'code');
    const level = input.level ?? current.level;
    const parentCode = input.parentCode ?? current.parent_code ?? undefined;
    const parentId = input.level || input.parentCode ? checkParent(db, level, parentCode) : current.parent_id;
    db.run(
      db.q
        .updateTable('area')
        .set({
          name: input.name ?? current.name,
          level,
          parent_id: parentId,
          admin_code: input.adminCode === undefined ? current.admin_code : input.adminCode,
          evacuation_population: input.evacuationPopulation === undefined ? current.evacuation_population : input.evacuationPopulation,
        })
        .where('id', '=', current.id),
    );
    return toArea(findArea(db, input.code)!);
  });
}
