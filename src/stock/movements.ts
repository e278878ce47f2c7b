import type { z } from 'zod';
import type { DocumentView, movementPostInput, reverseDocumentInput, reverseInput, transferInput } from '../api/contract.js';
import { today } from '../common/dates.js';
import type { Db } from '../db/executor.js';
import { dropDraft } from '../drafts/drafts.js';
import { documentView } from './journal.js';
import { Poster } from './post.js';

export function postDocument(db: Db, doc: z.output<typeof movementPostInput>): DocumentView {
  const { docNo } = db.tx(() => {
    const posted = Poster.run(db, (p) => p.postDocument(doc));
    dropDraft(db, doc.draftId);
    return posted;
  });
  return documentView(db, docNo);
}

/** Many documents in one transaction (imports, demo data): all or nothing. */
export function postDocuments(db: Db, docs: z.output<typeof movementPostInput>[]): { documents: number; lines: number; docNos: string[] } {
  return db.tx(() =>
    Poster.run(db, (poster) => {
      let lines = 0;
      const docNos = docs.map((doc, i) => {
        const r = poster.postDocument(doc, `documents.${i}.`);
        dropDraft(db, doc.draftId);
        lines += r.ids.length;
        return r.docNo;
      });
      return { documents: docs.length, lines, docNos };
    }),
  );
}

export function postTransfer(db: Db, doc: z.output<typeof transferInput>): DocumentView {
  const { docNo } = db.tx(() => {
    const posted = Poster.run(db, (p) => p.postTransfer(doc));
    dropDraft(db, doc.draftId);
    return posted;
  });
  return documentView(db, docNo);
}

export function reverseMovement(db: Db, req: z.output<typeof reverseInput>): DocumentView {
  const { docNo } = db.tx(() => Poster.run(db, (p) => p.reverse(req)));
  return documentView(db, docNo);
}

/** 冲销整单: one reason, one handler, one transaction for every line of the document. */
export function reverseDocument(db: Db, req: z.output<typeof reverseDocumentInput>): DocumentView {
  const { docNo } = db.tx(() => Poster.run(db, (p) => p.reverseDocument({ ...req, date: req.date ?? today() })));
  return documentView(db, docNo);
}
