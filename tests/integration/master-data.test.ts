// 基础数据 edited: a field left out keeps its value, a text or code emptied on an edit is cleared, a bad code is
// refused with its message, and nothing else changes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LedgerError } from '../../src/common/errors.js';
import { seeded, type TempLedger } from './fixture.js';

let l: TempLedger;
beforeEach(async () => {
  l = await seeded();
});
afterEach(() => l.close());

describe('editing master data', () => {
  it('an item: an emptied spec, note and GB code are cleared; what is left out stays', async () => {
    await l.call('items.update', { code: 'RICE', spec: '25kg/袋', note: '早稻', gbCode: '1010101', shelfLifeDays: 300 });
    const kept = await l.call('items.update', { code: 'RICE', name: '大米（粳米）' });
    expect([kept.name, kept.spec, kept.note, kept.gbCode, kept.shelfLifeDays]).toEqual(['大米（粳米）', '25kg/袋', '早稻', '1010101', 300]);
    const cleared = await l.call('items.update', { code: 'RICE', spec: '', note: '  ', gbCode: '', shelfLifeDays: null });
    expect([cleared.name, cleared.spec, cleared.note, cleared.gbCode, cleared.shelfLifeDays]).toEqual(['大米（粳米）', null, null, null, null]);
    expect((await l.call('items.list', {})).find((i) => i.code === 'RICE')?.spec).toBeNull();
  });

  it('a location: an emptied address is cleared', async () => {
    await l.call('locations.update', { code: 'ST-HM', address: '海门街道办事处一楼', note: '钥匙在值班室' });
    const cleared = await l.call('locations.update', { code: 'ST-HM', address: '' });
    expect([cleared.address, cleared.note]).toEqual([null, '钥匙在值班室']);
  });

  it('an area: an emptied admin code is cleared, a wrong one refused with its message', async () => {
    await l.call('areas.update', { code: 'HM', adminCode: '331002001000' });
    const error = await l.call('areas.update', { code: 'HM', adminCode: '3310' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LedgerError);
    expect((error as LedgerError).field).toBe('adminCode');
    expect((error as LedgerError).zh).toContain('12 位数字');
    expect((await l.call('areas.update', { code: 'HM', adminCode: '' })).adminCode).toBeNull();
  });
});
