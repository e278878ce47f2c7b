// Keeps the document being entered as a draft in the ledger: saved about a second after the keeper stops typing,
// and at once when the screen is left or the window closes; brought back, lines and all, when the form opens again.
import type { FormInstance } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DraftForm } from '../../../src/api/contract.drafts';
import { call, errorBody } from '../../api';
import { fromDraftBody, holdsNothing, toDraftBody } from './draftBody';

const SAVE_AFTER_MS = 1000;

export type DraftState = { status: 'none' } | { status: 'saving' } | { status: 'saved'; at: string } | { status: 'failed'; message: string };

export interface DraftOptions {
  form: FormInstance;
  kind: DraftForm;
  /** A draft to open (from the list, or a 更正重录); otherwise the newest draft of this form, if any. */
  openId?: number | undefined;
  /** Fields that carry over from one document to the next: on their own they are not worth a draft. */
  sticky: readonly string[];
  /** What the list shows for this draft: places and first item, and how many lines. */
  describe(values: Record<string, unknown>): { title: string; lines: number };
  /** After a draft was created or discarded: the list of drafts changed. */
  onListChanged?(): void;
}

export interface DraftControl {
  /** The draft the form is kept in, for the posting to delete in its transaction. */
  id: number | undefined;
  state: DraftState;
  /** Form's onValuesChange. */
  changed(): void;
  /**
   * Just before the document is sent: no save may follow the posting (it would bring the posted lines back as a
   * draft), and a save under way must end first, so that the posting deletes the draft it made. Resolves to the id.
   */
  beforePost(): Promise<number | undefined>;
  /** The document was posted: its draft is gone with it. */
  posted(): void;
  /** 清空: the draft is thrown away. */
  discard(): Promise<void>;
  /** Remembers the field being typed in, so that a draft reopens there. */
  focusedField(id: string | undefined): void;
}

export function useDraft({ form, kind, openId, sticky, describe, onListChanged }: DraftOptions): DraftControl {
  const [id, setId] = useState<number>();
  const [state, setState] = useState<DraftState>({ status: 'none' });
  const idRef = useRef<number>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const dirty = useRef(false);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const focusRef = useRef<string>(undefined);
  const alive = useRef(true);
  const options = useRef({ describe, sticky, onListChanged });
  options.current = { describe, sticky, onListChanged };

  const remember = useCallback((next: number | undefined) => {
    idRef.current = next;
    if (alive.current) setId(next);
  }, []);

  /** One save at a time, in order, so the first save's id is known to the next. */
  const save = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    if (!dirty.current) return chain.current;
    dirty.current = false;
    const values = form.getFieldsValue(true) as Record<string, unknown>;
    chain.current = chain.current.then(async () => {
      const { describe: about, sticky: keep, onListChanged: listChanged } = options.current;
      if (holdsNothing(values, keep) && idRef.current === undefined) return;
      const before = idRef.current;
      if (alive.current) setState({ status: 'saving' });
      try {
        const body = { ...toDraftBody(values), ...(focusRef.current ? { $focus: focusRef.current } : {}) };
        const saved = await call('drafts.save', { id: before, form: kind, ...about(values), body });
        remember(saved.id);
        if (alive.current) setState({ status: 'saved', at: saved.updatedAt });
        if (before === undefined) listChanged?.();
      } catch (e) {
        const error = errorBody(e);
        // Posted or discarded meanwhile (another window): the next change starts a new draft.
        if (error.code === 'draft.notFound') remember(undefined);
        if (alive.current) setState({ status: 'failed', message: error.zh });
      }
    });
    return chain.current;
  }, [form, kind, remember]);

  // Open the draft asked for, or this form's newest.
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const chosen = openId ?? (await call('drafts.list', { form: kind }))[0]?.id;
        if (chosen === undefined || cancelled) return;
        const draft = await call('drafts.get', { id: chosen });
        // The keeper started typing before it came: what they typed wins, the draft stays in the list.
        if (cancelled || dirty.current || draft.form !== kind) return;
        const { $focus, ...values } = draft.body as Record<string, unknown> & { $focus?: string };
        form.setFieldsValue(fromDraftBody(values));
        remember(draft.id);
        setState({ status: 'saved', at: draft.updatedAt });
        if (typeof $focus === 'string') requestAnimationFrame(() => document.getElementById($focus)?.focus());
      } catch {
        // No draft to open (discarded meanwhile): an empty form.
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [form, kind, openId, remember]);

  // Leaving the screen, closing the window, switching away: save now, not in a second.
  useEffect(() => {
    alive.current = true;
    const now = () => void save();
    const hidden = () => document.visibilityState === 'hidden' && now();
    window.addEventListener('pagehide', now);
    window.addEventListener('beforeunload', now);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('pagehide', now);
      window.removeEventListener('beforeunload', now);
      document.removeEventListener('visibilitychange', hidden);
      alive.current = false;
      void save();
    };
  }, [save]);

  const changed = useCallback(() => {
    dirty.current = true;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), SAVE_AFTER_MS);
  }, [save]);

  const beforePost = useCallback(async () => {
    clearTimeout(timer.current);
    dirty.current = false;
    await chain.current;
    return idRef.current;
  }, []);

  const posted = useCallback(() => {
    clearTimeout(timer.current);
    dirty.current = false;
    focusRef.current = undefined;
    remember(undefined);
    setState({ status: 'none' });
    options.current.onListChanged?.();
  }, [remember]);

  const discard = useCallback(async () => {
    clearTimeout(timer.current);
    dirty.current = false;
    focusRef.current = undefined;
    await chain.current;
    const gone = idRef.current;
    remember(undefined);
    setState({ status: 'none' });
    if (gone !== undefined) {
      await call('drafts.discard', { id: gone });
      options.current.onListChanged?.();
    }
  }, [remember]);

  const focusedField = useCallback((field: string | undefined) => {
    focusRef.current = field;
  }, []);

  return { id, state, changed, beforePost, posted, discard, focusedField };
}
