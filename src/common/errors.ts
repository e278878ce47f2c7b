import { message, type MessageKey, type MessageParams } from '../i18n/messages.js';

/** A user-facing failure: Chinese first, with an English gloss; `field` names the input it concerns. */
export class LedgerError extends Error {
  readonly zh: string;
  readonly en: string;
  constructor(
    readonly code: MessageKey,
    readonly params: MessageParams = {},
    readonly field?: string,
  ) {
    const text = message(code, params);
    super(`${text.zh} (${text.en})`);
    this.name = 'LedgerError';
    this.zh = text.zh;
    this.en = text.en;
  }
}

export interface ErrorBody {
  code: string;
  message: string;
  zh: string;
  en: string;
  field?: string;
  issues?: { path: string; zh: string; en: string }[];
}

export function isLedgerError(e: unknown): e is LedgerError {
  return e instanceof LedgerError;
}
