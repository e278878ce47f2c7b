// One submit path for every form: build the input from the form's values, check it with the contract's own zod
// schema, send it, and put any problem — from zod or from the core — on the field it concerns.
import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import type { z } from 'zod';
import { errorBody } from '../api';
import { useI18n } from '../i18n';
import { applyProblems, bodyProblems, clearErrors, type FieldPath, type Problem, zodProblems } from './formErrors';

export interface SubmitState {
  submit(): Promise<void>;
  busy: boolean;
  /** Messages for the banner above the form: everything that went wrong, those with no field first. */
  problems: string[];
  clearProblems(): void;
}

export interface ValidatedSubmitOptions<S extends z.ZodType, R> {
  form: FormInstance;
  schema: S;
  isField: (path: FieldPath) => boolean;
  build: (values: Record<string, unknown>) => unknown;
  send: (input: z.input<S>) => Promise<R>;
  onDone: (result: R) => void;
  /** Asked once the input is valid, before anything is sent: false sends nothing (a confirmation the user declined). */
  confirm?: (input: z.output<S>) => Promise<boolean>;
}

export function useValidatedSubmit<S extends z.ZodType, R>(options: ValidatedSubmitOptions<S, R>): SubmitState {
  const { gloss } = useI18n();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const { form, schema, isField, build, send, onDone, confirm } = options;

  const report = useCallback(
    (list: Problem[]) => {
      const loose = applyProblems(form, list, isField, gloss);
      const seen = new Set<string>();
      const onFields: string[] = [];
      for (const p of list) {
        const key = p.path.join('.');
        if (!p.path.length || !isField(p.path) || seen.has(key)) continue;
        seen.add(key);
        onFields.push(gloss(p.text));
      }
      setProblems([...new Set([...loose, ...onFields])]);
    },
    [form, isField, gloss],
  );

  const submit = useCallback(async () => {
    clearErrors(form);
    setProblems([]);
    const input = build(form.getFieldsValue(true) as Record<string, unknown>);
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      report(zodProblems(parsed.error));
      return;
    }
    if (confirm && !(await confirm(parsed.data as z.output<S>))) return;
    setBusy(true);
    try {
      const result = await send(input as z.input<S>);
      onDone(result);
    } catch (e) {
      report(bodyProblems(errorBody(e)));
    } finally {
      setBusy(false);
    }
  }, [form, build, schema, send, onDone, confirm, report]);

  return { submit, busy, problems, clearProblems: useCallback(() => setProblems([]), []) };
}
