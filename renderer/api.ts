// Typed calls onto window.api: unwraps the envelope and throws ApiError (with the core's error body) on refusal.
import type { Envelope, OperationInput, OperationName, OperationResult } from '../src/api/contract';
import { uiMessage } from './i18n/messages';

/** The error body every door answers: Chinese first, English gloss, the field it concerns, per-field issues. */
export type ErrorBody = Extract<Envelope<unknown>, { ok: false }>['error'];

export class ApiError extends Error {
  constructor(
    readonly body: ErrorBody,
    readonly operation: string,
  ) {
    super(`${body.zh} (${body.en})`);
    this.name = 'ApiError';
  }
}

export function bridgeAvailable(): boolean {
  return typeof window !== 'undefined' && typeof window.api?.call === 'function';
}

export async function call<N extends OperationName>(name: N, input: OperationInput<N>): Promise<OperationResult<N>> {
  if (!bridgeAvailable()) {
    throw new ApiError({ code: 'renderer.noBridge', message: 'window.api missing', ...uiMessage('app.noBridge') }, name);
  }
  let envelope: Envelope<unknown>;
  try {
    envelope = await window.api.call(name, input);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new ApiError({ code: 'renderer.transport', message: detail, ...uiMessage('app.transportFailed', { detail }) }, name);
  }
  if (envelope.ok) return envelope.result as OperationResult<N>;
  throw new ApiError(envelope.error, name);
}

/** The error body of anything thrown by `call` (or anything else), for showing to a person. */
export function errorBody(e: unknown): ErrorBody {
  if (e instanceof ApiError) return e.body;
  const detail = e instanceof Error ? e.message : String(e);
  return { code: 'renderer.unexpected', message: detail, ...uiMessage('app.unexpected', { detail }) };
}
