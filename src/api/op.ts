import type { z } from 'zod';

/** One entry of the contract: the input's schema, and the result's type (a type only, carried by a phantom value). */
export const op = <I extends z.ZodType, O>(input: I, output: O) => ({ input, output });
export const result = <T>() => undefined as unknown as T;
