// Every contract operation answers the same in-process and through the web host (same input, two identical
// databases). A new operation without a sample here fails the first test.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/api/dispatch.js';
import { operationNames, type OperationInput, type OperationName } from '../../src/api/contract.js';
import { LedgerSession } from '../../src/backups/session.js';
import { type RunningHost, startHost } from '../../src/host/server.js';
import { receipt, seeded, tempDir } from './fixture.js';
import { type HostClient, signIn } from './host-client.js';

type Sample = { [N in OperationName]: { name: N; input: OperationInput<N> | ((earlier: Map<string, unknown>) => OperationInput<N>) } }[OperationName];

function samples(): Sample[] {
  return [
    { name: 'areas.list', input: {} },
    { name: 'areas.create', input: { code: 'HM002', name: '西岙村', level: 'village', parentCode: 'HM' } },
    { name: 'areas.update', input: { code: 'HM002', name: '西岙村（新）' } },
    { name: 'locations.list', input: { streetCode: 'HM' } },
    { name: 'locations.create', input: { code: 'ST-X', name: '临时储备点', kind: 'street_store', areaCode: 'HM002' } },
    { name: 'locations.update', input: { code: 'ST-X', address: '西岙村文化礼堂' } },
    { name: 'items.list', input: { search: '水' } },
    { name: 'items.create', input: { code: 'LAMP', name: '应急灯', unit: '个', category: 'lighting', gbCode: '2010101' } },
    { name: 'items.update', input: { code: 'LAMP', spec: '充电式' } },
    { name: 'movements.post', input: receipt({ lines: [{ itemCode: 'WATER', batchNo: 'W1', quantity: 50, productionDate: '2026-03-01' }] }) },
    { name: 'movements.postMany', input: { documents: [receipt({ lines: [{ itemCode: 'RICE', batchNo: 'R1', quantity: 12.5 }] }), receipt({ type: 'issue', basisDoc: 'X', lines: [{ itemCode: 'QUILT', quantity: 3 }] })] } },
    { name: 'movements.transfer', input: { date: '2026-05-02', fromCode: 'WH01', toCode: 'ST-HM', handler: '李秀英', lines: [{ itemCode: 'QUILT', quantity: 10 }] } },
    { name: 'movements.reverse', input: { id: 2, date: '2026-05-03', handler: '张建国', reason: '录错' } },
    { name: 'movements.list', input: { limit: 50 } },
    { name: 'movements.document', input: { docNo: 'DB20260502-0001' } },
    { name: 'movements.reverseDocument', input: { docNo: 'DB20260502-0001', date: '2026-05-03', handler: '李秀英', reason: '调错地点' } },
    { name: 'drafts.save', input: { form: 'receipt', title: '一号库 · 棉被', lines: 1, body: { locationCode: 'WH01', lines: [{ itemCode: 'QUILT', quantity: 5 }] } } },
    { name: 'drafts.list', input: {} },
    { name: 'drafts.get', input: { id: 1 } },
    { name: 'drafts.discard', input: { id: 1 } },
    { name: 'stock.query', input: { byBatch: true, includeZero: true } },
    { name: 'summary.get', input: {} },
    { name: 'jobs.progress', input: { jobId: 'no-such-job-1' } },
    { name: 'system.check', input: {} },
    { name: 'system.info', input: {} },
    { name: 'equipment.kinds', input: {} },
    { name: 'equipment.register', input: { kind: 'pump', serialNo: '00123', homeLocationCode: 'ST-HM', flowM3h: 200, date: '2026-05-01', actor: '张建国' } },
    { name: 'equipment.update', input: { kind: 'pump', serialNo: '00123', model: 'QW100' } },
    { name: 'equipment.handOut', input: { kind: 'pump', serialNo: '00123', villageCode: 'HM001', custodian: '王建华', custodianPhone: '13800138000', date: '2026-05-02', actor: '张建国' } },
    { name: 'equipment.recordTest', input: { kind: 'pump', serialNo: '00123', date: '2026-05-03', passed: false, tester: '李秀英', note: '无法启动' } },
    { name: 'equipment.setStatus', input: { kind: 'pump', serialNo: '00123', status: 'in_use', date: '2026-05-04', actor: '张建国', reason: '修复' } },
    { name: 'equipment.return', input: { kind: 'pump', serialNo: '00123', date: '2026-05-05', actor: '张建国' } },
    { name: 'equipment.list', input: { kind: 'pump' } },
    { name: 'equipment.history', input: { kind: 'pump', serialNo: '00123' } },
    { name: 'equipment.testsDue', input: { withinDays: 30 } },
    { name: 'coverage.get', input: {} },
    { name: 'shelters.create', input: { code: 'BZ900', name: '海门街道东山社区避灾安置点', level: 'village', areaCode: 'HM001', capacity: 80, usableArea: 150 } },
    { name: 'shelters.update', input: { code: 'BZ900', manager: '王建华', managerPhone: '13800138000' } },
    { name: 'shelters.inspect', input: { code: 'BZ900', date: '2026-05-06', inspector: '李秀英', results: { site: true, signs: false } } },
    { name: 'shelters.setInUse', input: { code: 'BZ900', inUse: false, reason: '维修', date: '2026-05-07', actor: '张建国' } },
    { name: 'shelters.list', input: {} },
    { name: 'shelters.kpi', input: {} },
    { name: 'norms.applyDefaults', input: {} },
    { name: 'norms.set', input: { scope: 'location', locationCode: 'ST-HM', itemCode: 'QUILT', basis: 'absolute', quantity: 200 } },
    { name: 'norms.list', input: {} },
    { name: 'norms.remove', input: { id: 1 } },
    { name: 'gaps.get', input: {} },
    { name: 'gaps.rotation', input: {} },
    { name: 'gaps.requestWorkbook', input: {} },
    { name: 'stocktake.start', input: { locationCodes: ['WH01'], date: '2026-12-20' } },
    { name: 'stocktake.get', input: { id: 1 } },
    { name: 'stocktake.sheet', input: { id: 1 } },
    { name: 'stocktake.importCounts', input: (earlier) => ({ id: 1, fileName: 'sheet.xlsx', data: (earlier.get('stocktake.sheet') as { data: string }).data, countedBy: '王建华', date: '2026-12-20' }) },
    { name: 'stocktake.count', input: { id: 1, countedBy: '王建华', date: '2026-12-20', counts: [{ lineId: 1, counted: 80, reason: '破损' }] } },
    { name: 'stocktake.addLine', input: { id: 1, locationCode: 'WH01', itemCode: 'WATER', batchNo: 'FOUND', counted: 3, countedBy: '王建华', date: '2026-12-20', reason: '账外' } },
    { name: 'stocktake.setReason', input: { id: 1, lineId: 1, reason: '受潮' } },
    { name: 'stocktake.audit', input: { id: 1, kind: 'pump', serialNo: 'X-1', seen: true } },
    { name: 'stocktake.zeroUncounted', input: { id: 1, countedBy: '王建华', date: '2026-12-20', reason: '未见' } },
    { name: 'stocktake.review', input: { id: 1 } },
    { name: 'stocktake.submit', input: { id: 1 } },
    { name: 'stocktake.reopen', input: { id: 1 } },
    { name: 'stocktake.post', input: { id: 1, counter: '王建华', supervisor: '郑卫东', date: '2026-12-21' } },
    { name: 'stocktake.report', input: { id: 1 } },
    { name: 'stocktake.list', input: {} },
    { name: 'stocktake.void', input: { id: 1, reason: '重复' } },
    { name: 'ledgers.template', input: { kind: 'movements' } },
    { name: 'ledgers.export', input: { kind: 'items' } },
    { name: 'ledgers.inspect', input: (earlier) => ({ kind: 'items', fileName: 'items.xlsx', data: (earlier.get('ledgers.export') as { data: string }).data }) },
    { name: 'ledgers.import', input: (earlier) => ({ kind: 'items', fileName: 'items.xlsx', data: (earlier.get('ledgers.export') as { data: string }).data, dryRun: true }) },
    { name: 'ledgers.onboard', input: (earlier) => ({ files: [{ fileName: 'items.xlsx', data: (earlier.get('ledgers.export') as { data: string }).data }] }) },
    { name: 'backups.now', input: {} },
    { name: 'backups.list', input: {} },
    { name: 'backups.status', input: {} },
    { name: 'backups.restore', input: (earlier) => ({ file: (earlier.get('backups.now') as { file: string }).file }) },
  ];
}

/** What legitimately differs between two runs: wall-clock stamps, file paths and byte counts of files. */
function normalise(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (key, v) => {
    if (key === 'createdAt' || key === 'time' || key === 'updatedAt') return '<instant>';
    if (['file', 'bytes', 'folder', 'secondFolder', 'newestVerified', 'restored', 'keptAs'].includes(key) && typeof v !== 'object') return '<file>';
    // Workbooks carry their own creation time; their content is compared by the stocktake tests.
    if (key === 'data' && typeof v === 'string' && v.length > 1000) return '<workbook>';
    return v;
  });
}

let host: RunningHost;
let client: HostClient;
let local: LedgerSession;
let remote: LedgerSession;
let dir: string;

beforeAll(async () => {
  const seed = await seeded();
  await seed.call('movements.post', receipt({ lines: [{ itemCode: 'QUILT', quantity: 100 }] }));
  seed.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  dir = tempDir();
  fs.copyFileSync(seed.file, path.join(dir, 'local.db'));
  fs.copyFileSync(seed.file, path.join(dir, 'remote.db'));
  seed.close();
  // Two folders: each ledger keeps its own backups beside it.
  for (const side of ['local', 'remote']) fs.mkdirSync(path.join(dir, side));
  fs.renameSync(path.join(dir, 'local.db'), path.join(dir, 'local', 'ledger.db'));
  fs.renameSync(path.join(dir, 'remote.db'), path.join(dir, 'remote', 'ledger.db'));
  local = await LedgerSession.open(path.join(dir, 'local', 'ledger.db'), { door: 'host', create: 'never' });
  remote = await LedgerSession.open(path.join(dir, 'remote', 'ledger.db'), { door: 'host', create: 'never' });
  const staticDir = path.join(dir, 'static');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><head><!-- ledger:bridge --></head>');
  host = await startHost({ ctx: remote.ctx, staticDir });
  client = await signIn(host);
});

afterAll(async () => {
  await host.close();
  local.closeNow();
  remote.closeNow();
});

const overHttp = (name: string, input: unknown) => client.call(name, input);

describe('contract parity: in-process and through the web host', () => {
  it('has a sample for every operation', () => {
    expect(new Set(samples().map((s) => s.name))).toEqual(new Set(operationNames));
  });

  it('answers every operation the same way', async () => {
    const earlierLocal = new Map<string, unknown>();
    const earlierRemote = new Map<string, unknown>();
    const inputOf = (s: Sample, earlier: Map<string, unknown>) => (typeof s.input === 'function' ? s.input(earlier) : s.input);
    for (const sample of samples()) {
      const inProcess = await dispatch(local.ctx, sample.name, inputOf(sample, earlierLocal));
      const remoteSample = samples().find((s) => s.name === sample.name)!;
      const viaHost = await overHttp(sample.name, inputOf(remoteSample, earlierRemote));
      if (inProcess.ok) earlierLocal.set(sample.name, inProcess.result);
      if (viaHost.body.ok) earlierRemote.set(sample.name, viaHost.body.result);
      // The last sample voids a posted stocktake: that refusal is the expected answer, on both sides.
      if (sample.name === 'stocktake.void') {
        expect(normalise(viaHost.body)).toEqual(normalise(inProcess));
        expect(inProcess).toMatchObject({ ok: false, error: { code: 'stocktake.badState' } });
        continue;
      }
      expect(inProcess.ok, `${sample.name}: ${JSON.stringify(inProcess)}`).toBe(true);
      expect(normalise(viaHost.body), sample.name).toEqual(normalise(inProcess));
    }
  });

  it('answers refusals the same way, with the field named', async () => {
    const over = receipt({ type: 'issue', basisDoc: 'X', lines: [{ itemCode: 'QUILT', quantity: 100_000 }] });
    const a = await dispatch(local.ctx, 'movements.post', over);
    const b = await overHttp('movements.post', over);
    expect(a).toMatchObject({ ok: false, error: { code: 'movement.insufficient', field: 'lines.0.quantity' } });
    expect(b.body).toEqual(a);
    const bad = await overHttp('items.create', { code: 'has space', name: '', unit: '个', category: 'other' });
    expect(bad.body).toMatchObject({ ok: false, error: { code: 'error.invalidInput' } });
  });
});
