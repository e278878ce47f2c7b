import type { z } from 'zod';
import type { DocumentView, movementPostInput, reverseInput, transferInput } from '../api/contract.js';
import type { Db } from '../db/executor.js';
import { documentView } from './journal.js';
import { Poster } from './post.js';

export function postDocument(db: Db, doc: z.output<typeof movementPostInput>): DocumentView {
  const { docNo } = db.tx(() => Poster.run(db, (p) => p.postDocument(doc)));
  return documentView(db, docNo);
}

/** Many documents in one transaction (imports, demo data): all or nothing. */
export function postDocuments(db: Db, docs: z.output<typeof movementPostInput>[]): { documents: number; lines: number; docNos: string[] } {
  return db.tx(() =>
    Poster.run(db, (poster) => {
      let lines = 0;
      const docNos = docs.map((doc, i) => {
        const r = poster.postDocument(doc, `documents.${i}.`);
        lines += r.ids.length;
        return r.docNo;
      });
      return { documents: docs.length, lines, docNos };
    }),
  );
}

export function postTransfer(db: Db, doc: z.output<typeof transferInput>): DocumentView {
  const { docNo } = db.tx(() => Poster.run(db, (p) => p.postTransfer(doc)));
  return documentView(db, docNo);
}

export function reverseMovement(db: Db, req: z.output<typeof reverseInput>): DocumentView {
  const { docNo } = db.tx(() => Poster.run(db, (p) => p.reverse(req)));
  return documentView(db, docNo);
}
