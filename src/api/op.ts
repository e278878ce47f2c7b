import type { z } from 'zod';

/** One entry of the contract: the input's schema, and the result's type (a type only, carried by a phantom value). */
export const op = <I extends z.ZodType, O>(input: I, output: O) => ({ input, output });
export const result = <T>() => undefined as unknown as T;

/**
 * Cross-field rules run even while other fields are still wrong, so a form shows every problem at once rather
 * than a second round after the first is fixed.
 */
export const whenObject = { when: (p: { value: unknown }) => typeof p.value === 'object' && p.value !== null };
