// What every document form shares: the Excel keyboard (entryKeys), saving only on purpose behind a confirmation
// (ConfirmPost), the draft kept in the ledger as the keeper types (useDraft), and a fresh form after posting that
// keeps the place, date and handler for the next document.
import type { FormInstance } from 'antd';
import { type FocusEvent, type KeyboardEvent, type ReactNode, useCallback, useEffect } from 'react';
import type { z } from 'zod';
import type { DocumentView } from '../../../src/api/contract';
import type { DraftForm } from '../../../src/api/contract.drafts';
import type { FieldPath } from '../../components/formErrors';
import { useValidatedSubmit } from '../../components/useValidatedSubmit';
import { rememberHandler } from './buildInput';
import { type PostSummary, useConfirmPost } from './ConfirmPost';
import { isBlankLine } from './draftBody';
import { handleEntryKeys } from './entryKeys';
import { type DraftControl, useDraft } from './useDraft';

export interface DocumentEntryOptions<S extends z.ZodType> {
  form: FormInstance;
  kind: DraftForm;
  schema: S;
  isField: (path: FieldPath) => boolean;
  build: (values: Record<string, unknown>) => unknown;
  send: (input: z.input<S>) => Promise<DocumentView>;
  summarize: (input: z.output<S>) => PostSummary;
  /** Kept from one document to the next (place, date, handler …); on their own they make no draft. */
  sticky: readonly string[];
  describe: (values: Record<string, unknown>) => { title: string; lines: number };
  openDraft?: number | undefined;
  onPosted: (doc: DocumentView) => void;
  onDraftsChanged?: () => void;
  /** The draft the form is kept in, whenever it changes (none: undefined). */
  onDraftOpen?: (id: number | undefined) => void;
}

export interface DocumentEntry {
  /** The save button and Ctrl+Enter: check, confirm, post. */
  save(): void;
  busy: boolean;
  problems: string[];
  clearProblems(): void;
  draft: DraftControl;
  /** 清空 (after the keeper said yes): the form emptied and its draft thrown away. */
  clear(): Promise<void>;
  /** Spread on the element around the form. */
  around: { onKeyDownCapture(e: KeyboardEvent<HTMLElement>): void; onFocusCapture(e: FocusEvent<HTMLElement>): void };
  onValuesChange(): void;
  /** The confirmation, when it is open. */
  modal: ReactNode;
}

export function useDocumentEntry<S extends z.ZodType>(o: DocumentEntryOptions<S>): DocumentEntry {
  const { form, sticky, onPosted } = o;
  const draft = useDraft({ form, kind: o.kind, openId: o.openDraft, sticky, describe: o.describe, onListChanged: o.onDraftsChanged });
  const { confirm, modal } = useConfirmPost();
  const { onDraftOpen } = o;
  useEffect(() => onDraftOpen?.(draft.id), [onDraftOpen, draft.id]);

  const done = useCallback(
    (doc: DocumentView) => {
      const keep = form.getFieldsValue(sticky as string[]) as Record<string, unknown>;
      rememberHandler(typeof keep.handler === 'string' ? keep.handler : undefined);
      form.resetFields();
      form.setFieldsValue({ ...keep, lines: [{}] });
      draft.posted();
      onPosted(doc);
    },
    [form, sticky, draft, onPosted],
  );

  const { send, summarize } = o;
  const { submit, busy, problems, clearProblems } = useValidatedSubmit({
    form,
    schema: o.schema,
    isField: o.isField,
    build: o.build,
    confirm: (input) => confirm(summarize(input)),
    send: async (input) => {
      const draftId = await draft.beforePost();
      try {
        return await send({ ...(input as object), draftId } as z.input<S>);
      } catch (e) {
        // Refused: what was typed stays the draft.
        draft.changed();
        throw e;
      }
    },
    onDone: done,
  });

  const save = useCallback(() => {
    if (busy) return;
    // Lines left empty (an Enter past the last line makes one) are dropped, not reported as missing items.
    const lines = (form.getFieldValue('lines') as unknown[] | undefined) ?? [];
    const kept = lines.filter((l) => !isBlankLine(l));
    if (kept.length !== lines.length) form.setFieldValue('lines', kept.length ? kept : [{}]);
    void submit();
  }, [busy, form, submit]);

  const addLine = useCallback(() => {
    form.setFieldValue('lines', [...((form.getFieldValue('lines') as unknown[] | undefined) ?? []), {}]);
  }, [form]);

  const clear = useCallback(async () => {
    await draft.discard();
    form.resetFields();
    clearProblems();
  }, [draft, form, clearProblems]);

  return {
    save,
    busy,
    problems,
    clearProblems,
    draft,
    clear,
    around: {
      onKeyDownCapture: (e) => handleEntryKeys(e, { onSave: save, addLine }),
      onFocusCapture: (e) => draft.focusedField((e.target as HTMLElement).id || undefined),
    },
    onValuesChange: draft.changed,
    modal,
  };
}
