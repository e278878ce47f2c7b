// A small ledger in a temp folder: real SQLite file, real migrations, real contract.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { invoke } from '../../src/api/dispatch.js';
import type { OperationInput, OperationName, OperationResult } from '../../src/api/contract.js';
import type { Context } from '../../src/api/handlers.js';
import type { Db } from '../../src/db/executor.js';
import { openLedger } from '../../src/db/open.js';

export interface TempLedger {
  db: Db;
  ctx: Context;
  dir: string;
  file: string;
  call<N extends OperationName>(name: N, input: OperationInput<N>): Promise<OperationResult<N>>;
  close(): void;
}

export function tempDir(prefix = 'relief-ledger-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function tempLedger(): Promise<TempLedger> {
  const dir = tempDir();
  const file = path.join(dir, 'ledger.db');
  const db = await openLedger(file, { create: true });
  const ctx = { db };
  return {
    db,
    ctx,
    dir,
    file,
    call: (name, input) => invoke(ctx, name, input),
    close: () => {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** District → one street → one village; two warehouses and a street store; three kinds of item. */
export async function seeded(): Promise<TempLedger> {
  const l = await tempLedger();
  await l.call('areas.create', { code: 'JJ', name: '椒江区', level: 'district' });
  await l.call('areas.create', { code: 'HM', name: '海门街道', level: 'street', parentCode: 'JJ' });
  await l.call('areas.create', { code: 'HM001', name: '东山社区', level: 'village', parentCode: 'HM' });
  await l.call('locations.create', { code: 'WH01', name: '一号库', kind: 'warehouse', areaCode: 'HM' });
  await l.call('locations.create', { code: 'WH02', name: '二号库', kind: 'warehouse', areaCode: 'HM' });
  await l.call('locations.create', { code: 'ST-HM', name: '海门储备点', kind: 'street_store', areaCode: 'HM' });
  await l.call('items.create', { code: 'QUILT', name: '棉被', unit: '条', category: 'textile', unitPrice: 115 });
  await l.call('items.create', { code: 'WATER', name: '瓶装饮用水', unit: '箱', category: 'water', shelfLifeDays: 540, unitPrice: 28.5 });
  await l.call('items.create', { code: 'RICE', name: '大米', unit: 'kg', category: 'food', shelfLifeDays: 365 });
  return l;
}

export const receipt = (over: Partial<OperationInput<'movements.post'>> = {}): OperationInput<'movements.post'> => ({
  type: 'purchase',
  date: '2026-05-01',
  locationCode: 'WH01',
  handler: '张建国',
  lines: [{ itemCode: 'QUILT', quantity: 100 }],
  ...over,
});

export function counts(db: Db): { movements: number; balances: number; batches: number } {
  const n = (t: string) => (db.sqlite.prepare(`select count(*) n from ${t}`).get() as { n: number }).n;
  return { movements: n('movement'), balances: n('balance'), batches: n('batch') };
}
