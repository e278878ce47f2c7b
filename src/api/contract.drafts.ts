// The contract's operations for drafts (草稿): a document being entered, kept in the ledger as the keeper types.
// Only zod and types here, so the renderer may import it.
import { z } from 'zod';
import { op, result, whenObject } from './op.js';

/** The forms that keep drafts. */
export const draftForms = ['receipt', 'issue', 'loss', 'transfer'] as const;
export type DraftForm = (typeof draftForms)[number];

/** A document of a few hundred lines is far below this; a runaway body is refused rather than stored. */
export const DRAFT_BODY_MAX_BYTES = 256_000;

const id = z.number().int().positive();

export const draftSaveInput = z
  .object({
    /** Left out: a new draft. Given: that draft is replaced (refused if it is gone: posted or discarded meanwhile). */
    id: id.optional(),
    form: z.enum(draftForms),
    /** What the list shows: the place and the first item, as the keeper typed them. */
    title: z.string().trim().max(200).default(''),
    lines: z.number().int().min(0).max(100_000).default(0),
    /** The form's values, exactly as the form reads them back. */
    body: z.record(z.string(), z.unknown()),
  })
  .superRefine((v, ctx) => {
    const bytes = new TextEncoder().encode(JSON.stringify(v.body)).length;
    if (bytes > DRAFT_BODY_MAX_BYTES) {
      ctx.addIssue({
        code: 'custom',
        path: ['body'],
        message: `草稿内容过大：${bytes} 字节，最多 ${DRAFT_BODY_MAX_BYTES} 字节 (the draft is too large: ${bytes} bytes, at most ${DRAFT_BODY_MAX_BYTES})`,
      });
    }
  }, whenObject);
export type DraftSaveInput = z.input<typeof draftSaveInput>;

export interface DraftSummary {
  id: number;
  form: DraftForm;
  title: string;
  lines: number;
  createdAt: string;
  updatedAt: string;
}
export interface Draft extends DraftSummary {
  body: Record<string, unknown>;
}

export const draftOperations = {
  /** Newest first. */
  'drafts.list': op(z.object({ form: z.enum(draftForms).optional() }).default({}), result<DraftSummary[]>()),
  'drafts.get': op(z.object({ id }), result<Draft>()),
  'drafts.save': op(draftSaveInput, result<DraftSummary>()),
  /** Gone already (posted, or discarded in another window) is not an error: `discarded` says whether it was there. */
  'drafts.discard': op(z.object({ id }), result<{ discarded: boolean }>()),
} as const;
