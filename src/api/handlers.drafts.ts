import { discardDraft, getDraft, listDrafts, saveDraft } from '../drafts/drafts.js';
import type { OperationResult, ParsedInput } from './contract.js';
import type { draftOperations } from './contract.drafts.js';
import type { Context } from './handlers.js';

type Names = keyof typeof draftOperations;

export const draftHandlers: {
  [N in Names]: (ctx: Context, input: ParsedInput<N>) => OperationResult<N> | Promise<OperationResult<N>>;
} = {
  'drafts.list': ({ db }, f) => listDrafts(db, f),
  'drafts.get': ({ db }, { id }) => getDraft(db, id),
  'drafts.save': ({ db }, input) => saveDraft(db, input),
  'drafts.discard': ({ db }, { id }) => discardDraft(db, id),
};
