// Drafts (草稿) of documents being entered. The ledger keeps them, not the browser, so a crash or another window
// loses nothing; posting a document deletes its draft inside the posting's own transaction (`dropDraft`).
import type { z } from 'zod';
import type { Draft, DraftForm, draftSaveInput, DraftSummary } from '../api/contract.drafts.js';
import { LedgerError } from '../common/errors.js';
import type { Db } from '../db/executor.js';
import type { DraftTable } from '../db/schema.js';

type SaveInput = z.output<typeof draftSaveInput>;
type Row = Omit<DraftTable, 'id' | 'owner'> & { id: number };

const SUMMARY = ['id', 'form', 'title', 'lines', 'created_at', 'updated_at'] as const;

function summaryOf(r: Omit<Row, 'body'>): DraftSummary {
  return { id: r.id, form: r.form as DraftForm, title: r.title, lines: r.lines, createdAt: r.created_at, updatedAt: r.updated_at };
}

export function listDrafts(db: Db, f: { form?: DraftForm | undefined }): DraftSummary[] {
  let q = db.q.selectFrom('draft').select(SUMMARY);
  if (f.form) q = q.where('form', '=', f.form);
  return db.all(q.orderBy('updated_at', 'desc').orderBy('id', 'desc')).map(summaryOf);
}

export function getDraft(db: Db, id: number): Draft {
  const r = db.get(db.q.selectFrom('draft').select([...SUMMARY, 'body']).where('id', '=', id));
  if (!r) throw new LedgerError('draft.notFound', { id }, 'id');
  return { ...summaryOf(r), body: JSON.parse(r.body) as Record<string, unknown> };
}

export function saveDraft(db: Db, input: SaveInput): DraftSummary {
  return db.tx(() => {
    const now = stampAfterLastSave(db);
    const values = { form: input.form, title: input.title, lines: input.lines, body: JSON.stringify(input.body), updated_at: now };
    if (input.id === undefined) {
      const id = db.run(db.q.insertInto('draft').values({ ...values, owner: null, created_at: now })).lastInsertRowid;
      return getSummary(db, id);
    }
    const { changes } = db.run(db.q.updateTable('draft').set(values).where('id', '=', input.id));
    // Gone meanwhile (posted, or discarded elsewhere): not brought back to life by a late autosave.
    if (changes === 0) throw new LedgerError('draft.notFound', { id: input.id }, 'id');
    return getSummary(db, input.id);
  });
}

/**
 * Now, or a millisecond after the last save when that was in the same millisecond: "newest" (the draft a form reopens
 * on) is then always the one saved last.
 */
function stampAfterLastSave(db: Db): string {
  const last = db.get(db.q.selectFrom('draft').select((eb) => eb.fn.max('updated_at').as('at')))?.at;
  const now = Date.now();
  const after = last ? Date.parse(last) + 1 : now;
  return new Date(Math.max(now, after)).toISOString();
}

function getSummary(db: Db, id: number): DraftSummary {
  return summaryOf(db.get(db.q.selectFrom('draft').select(SUMMARY).where('id', '=', id))!);
}

export function discardDraft(db: Db, id: number): { discarded: boolean } {
  return { discarded: db.tx(() => dropDraft(db, id)) };
}

/** Deletes a draft inside the caller's transaction (a posting): the document and the end of its draft are one. */
export function dropDraft(db: Db, id: number | undefined): boolean {
  if (id === undefined) return false;
  return db.run(db.q.deleteFrom('draft').where('id', '=', id)).changes > 0;
}
