// Puts problems where they belong: zod issues from the contract's schemas (checked before sending) and the core's
// refusals (`field` like 'lines.0.quantity', or `issues[].path`) become antd field errors; what matches no field
// on the form is returned for a banner.
import type { FormInstance } from 'antd';
import type { z } from 'zod';
import type { ErrorBody } from '../api';
import { uiMessage } from '../i18n/messages';

export type FieldPath = (string | number)[];
export interface Problem {
  path: FieldPath;
  text: { zh: string; en: string };
}

/** The contract's messages read "中文 (English)". */
export function splitGloss(message: string): { zh: string; en: string } {
  const m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(message);
  return m ? { zh: m[1]!, en: m[2]! } : { zh: message, en: message };
}

export function pathOf(field: string): FieldPath {
  return field
    .split('.')
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

type ZodIssue = z.core.$ZodIssue;

function zodIssueText(issue: ZodIssue): { zh: string; en: string } {
  const own = /[\u4e00-\u9fff]/.test(issue.message);
  if (own) return splitGloss(issue.message);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return uiMessage('validation.integer');
      return /received (undefined|null)/.test(issue.message) ? uiMessage('validation.required') : uiMessage('validation.invalid');
    case 'invalid_value':
      return uiMessage('validation.choose');
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return uiMessage('validation.required');
      if (issue.origin === 'array') return uiMessage('validation.minLength', { n: Number(issue.minimum) });
      return uiMessage('validation.min', { n: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return uiMessage('validation.maxLength', { n: Number(issue.maximum) });
      return uiMessage('validation.max', { n: Number(issue.maximum) });
    default:
      return uiMessage('validation.invalid');
  }
}

export function zodProblems(error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({ path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'), text: zodIssueText(issue) }));
}

export function bodyProblems(body: ErrorBody): Problem[] {
  if (body.issues?.length) return body.issues.map((i) => ({ path: pathOf(i.path), text: { zh: i.zh, en: i.en } }));
  return [{ path: body.field ? pathOf(body.field) : [], text: { zh: body.zh, en: body.en } }];
}

/**
 * Sets the errors on the form's fields (clearing earlier ones) and returns the texts that match no field.
 * `isField` says whether a path is a field shown on this form.
 */
export function applyProblems(
  form: FormInstance,
  problems: Problem[],
  isField: (path: FieldPath) => boolean,
  gloss: (text: { zh: string; en: string }) => string,
): string[] {
  const byField = new Map<string, { name: FieldPath; errors: string[] }>();
  const loose: string[] = [];
  for (const p of problems) {
    if (p.path.length && isField(p.path)) {
      const key = p.path.join('.');
      // One message per field: the first is the one to fix first (an empty code is "required", not also "no spaces").
      if (!byField.has(key)) byField.set(key, { name: p.path, errors: [gloss(p.text)] });
    } else {
      loose.push(gloss(p.text));
    }
  }
  form.setFields([...byField.values()]);
  return [...new Set(loose)];
}

/** Clears every field error on the form. */
export function clearErrors(form: FormInstance): void {
  const fields = form.getFieldsError().filter((f) => f.errors.length > 0);
  form.setFields(fields.map((f) => ({ name: f.name, errors: [] })));
}

/** A predicate over a fixed set of top-level names, plus line columns under `lines.N.`. */
export function fieldSet(names: readonly string[], lineColumns: readonly string[] = []): (path: FieldPath) => boolean {
  const top = new Set(names);
  const cols = new Set(lineColumns);
  return (path) => {
    if (path.length === 1) return top.has(String(path[0]));
    return path.length === 3 && path[0] === 'lines' && typeof path[1] === 'number' && cols.has(String(path[2]));
  };
}
