// A document being entered is kept in the ledger as a draft: it survives closing and reopening the ledger file, it
// is discarded on request, and posting the document deletes it in the posting's own transaction.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invoke } from '../../src/api/dispatch.js';
import { type Context, handlers } from '../../src/api/handlers.js';
import { openLedger } from '../../src/db/open.js';
import { counts, receipt, seeded, type TempLedger } from './fixture.js';

let l: TempLedger;
beforeEach(async () => {
  l = await seeded();
});
afterEach(() => l.close());

/** The form's values as the entry screen saves them: dates as text, lines as the keeper typed them. */
const body = (lines: Record<string, unknown>[]) => ({ type: 'purchase', locationCode: 'WH01', date: '2026-05-01', handler: '张建国', lines });
const draftRows = () => (l.db.sqlite.prepare('select count(*) n from draft').get() as { n: number }).n;

describe('drafts', () => {
  it('are saved, replaced as the keeper types, listed newest first, and read back exactly', async () => {
    const first = await l.call('drafts.save', { form: 'receipt', title: '一号库 · 棉被', lines: 1, body: body([{ itemCode: 'QUILT', quantity: 10 }]) });
    const issue = await l.call('drafts.save', { form: 'issue', title: '一号库', lines: 0, body: { locationCode: 'WH01', lines: [{}] } });
    const again = await l.call('drafts.save', {
      id: first.id,
      form: 'receipt',
      title: '一号库 · 棉被 等 2 行',
      lines: 2,
      body: body([{ itemCode: 'QUILT', quantity: 10 }, { itemCode: 'RICE', batchNo: 'R1', quantity: 12.5, expiryDate: '2027-01-31' }]),
    });
    expect(again).toMatchObject({ id: first.id, form: 'receipt', title: '一号库 · 棉被 等 2 行', lines: 2, createdAt: first.createdAt });
    expect(again.updatedAt >= first.updatedAt).toBe(true);
    expect((await l.call('drafts.list', {})).map((d) => d.id)).toEqual([first.id, issue.id]);
    expect((await l.call('drafts.list', { form: 'issue' })).map((d) => d.id)).toEqual([issue.id]);
    const read = await l.call('drafts.get', { id: first.id });
    expect(read.body).toEqual(body([{ itemCode: 'QUILT', quantity: 10 }, { itemCode: 'RICE', batchNo: 'R1', quantity: 12.5, expiryDate: '2027-01-31' }]));
  });

  it('survive closing and reopening the ledger file (a closed window, a crash)', async () => {
    const saved = await l.call('drafts.save', { form: 'transfer', title: '一号库 → 海门储备点', lines: 1, body: { fromCode: 'WH01', toCode: 'ST-HM', lines: [{ itemCode: 'QUILT', quantity: 3 }] } });
    l.db.close();
    const reopened = await openLedger(l.file);
    try {
      const ctx: Context = { db: reopened };
      expect(await invoke(ctx, 'drafts.list', {})).toEqual([saved]);
      expect((await invoke(ctx, 'drafts.get', { id: saved.id })).body).toEqual({ fromCode: 'WH01', toCode: 'ST-HM', lines: [{ itemCode: 'QUILT', quantity: 3 }] });
    } finally {
      reopened.close();
    }
  });

  it('are discarded on request; a draft gone meanwhile is not brought back by a late save', async () => {
    const d = await l.call('drafts.save', { form: 'receipt', body: body([{ itemCode: 'QUILT', quantity: 1 }]) });
    expect(await l.call('drafts.discard', { id: d.id })).toEqual({ discarded: true });
    expect(await l.call('drafts.discard', { id: d.id })).toEqual({ discarded: false });
    expect(await l.call('drafts.list', {})).toEqual([]);
    await expect(l.call('drafts.save', { id: d.id, form: 'receipt', body: body([]) })).rejects.toMatchObject({ code: 'draft.notFound', field: 'id' });
    await expect(l.call('drafts.get', { id: d.id })).rejects.toMatchObject({ code: 'draft.notFound', zh: expect.stringContaining('草稿') });
    expect(draftRows()).toBe(0);
  });

  it('refuse a body beyond the size limit and an unknown form, storing nothing', async () => {
    const huge = { lines: Array.from({ length: 3000 }, (_, i) => ({ itemCode: 'QUILT', note: `第 ${i} 行 ${'很长的备注'.repeat(10)}` })) };
    await expect(l.call('drafts.save', { form: 'receipt', body: huge })).rejects.toMatchObject({ code: 'error.invalidInput', field: 'body', zh: expect.stringContaining('草稿内容过大') });
    await expect(l.call('drafts.save', { form: 'nonsense' as 'receipt', body: {} })).rejects.toMatchObject({ code: 'error.invalidInput', field: 'form' });
    expect(draftRows()).toBe(0);
  });

  it('are deleted by the posting of their document, and kept when the posting is refused', async () => {
    const d = await l.call('drafts.save', { form: 'issue', body: { lines: [{ itemCode: 'QUILT', quantity: 5 }] } });
    const before = counts(l.db);
    await expect(l.call('movements.post', receipt({ type: 'issue', basisDoc: 'X1', draftId: d.id, lines: [{ itemCode: 'QUILT', quantity: 5 }] }))).rejects.toMatchObject({
      code: 'movement.insufficient',
    });
    expect(counts(l.db)).toEqual(before);
    expect((await l.call('drafts.list', {})).map((x) => x.id)).toEqual([d.id]);

    await l.call('movements.post', receipt({ lines: [{ itemCode: 'QUILT', quantity: 50 }] }));
    const posted = await l.call('movements.post', receipt({ type: 'issue', basisDoc: 'X1', draftId: d.id, lines: [{ itemCode: 'QUILT', quantity: 5 }] }));
    expect(posted.lines).toHaveLength(1);
    expect(await l.call('drafts.list', {})).toEqual([]);

    const t = await l.call('drafts.save', { form: 'transfer', body: { lines: [] } });
    await l.call('movements.transfer', { date: '2026-05-02', fromCode: 'WH01', toCode: 'ST-HM', handler: '李秀英', draftId: t.id, lines: [{ itemCode: 'QUILT', quantity: 5 }] });
    expect(await l.call('drafts.list', {})).toEqual([]);
  });

  it('end in the same transaction as the posting: when the draft cannot be deleted, nothing is posted', async () => {
    await l.call('movements.post', receipt({ lines: [{ itemCode: 'QUILT', quantity: 50 }] }));
    const d = await l.call('drafts.save', { form: 'issue', body: { lines: [{ itemCode: 'QUILT', quantity: 5 }] } });
    l.db.sqlite.exec(`create trigger draft_kept before delete on draft begin select raise(abort, 'draft is kept'); end`);
    const before = counts(l.db);
    await expect(l.call('movements.post', receipt({ type: 'issue', basisDoc: 'X1', draftId: d.id, lines: [{ itemCode: 'QUILT', quantity: 5 }] }))).rejects.toThrow(/draft is kept/);
    expect(counts(l.db)).toEqual(before);
    expect((await l.call('stock.query', { locationCode: 'WH01', itemCode: 'QUILT' }))[0]!.quantity).toBe(50);
    expect(draftRows()).toBe(1);
  });

  it('saved as the keeper types, do not make the overview\'s answers be worked out again; a posting does', async () => {
    const asked: string[] = [];
    const table = handlers as unknown as Record<string, (ctx: Context, input: unknown) => unknown>;
    const summary = table['summary.get']!;
    table['summary.get'] = (ctx, input) => (asked.push('summary'), summary(ctx, input));
    try {
      await l.call('summary.get', {});
      const d = await l.call('drafts.save', { form: 'receipt', body: body([{ itemCode: 'QUILT', quantity: 1 }]) });
      await l.call('drafts.save', { id: d.id, form: 'receipt', body: body([{ itemCode: 'QUILT', quantity: 12 }]) });
      await l.call('summary.get', {});
      expect(asked).toEqual(['summary']);
      await l.call('movements.post', receipt({ draftId: d.id, lines: [{ itemCode: 'QUILT', quantity: 12 }] }));
      expect((await l.call('summary.get', {})).itemsOnHand).toBe(12);
      expect(asked).toEqual(['summary', 'summary']);
    } finally {
      table['summary.get'] = summary;
    }
  });
});
