// Operations that take a filesystem path. The doors own paths (the CLI's arguments, a native dialog in Electron),
// so these are not in the renderer's contract at all: the web host's /api/ and Electron's preload know only
// `contract`, and cannot reach them. They run the way the contract's operations do: the input checked by its
// schema, then the handler in the ledger's turn. A page that wants a file gets its bytes in a response instead.
import { z } from 'zod';
import { LedgerError } from '../common/errors.js';
import { writeVerifiedBackup } from '../db/backup.js';
import { inLedgerTurn, parseInput } from './dispatch.js';
import type { Context } from './handlers.js';
import { op, result } from './op.js';

export const doorOperations = {
  /** An online backup into a file the door chose. */
  'system.backup': op(z.object({ out: z.string().trim().min(1), force: z.boolean().default(false) }), result<{ file: string; bytes: number }>()),
} as const;

export type DoorOperations = typeof doorOperations;
export type DoorOperationName = keyof DoorOperations;
export type DoorOperationInput<N extends DoorOperationName> = z.input<DoorOperations[N]['input']>;
type DoorParsedInput<N extends DoorOperationName> = z.output<DoorOperations[N]['input']>;
export type DoorOperationResult<N extends DoorOperationName> = DoorOperations[N]['output'];

const doorHandlers: {
  [N in DoorOperationName]: (ctx: Context, input: DoorParsedInput<N>) => DoorOperationResult<N> | Promise<DoorOperationResult<N>>;
} = {
  'system.backup': ({ db }, { out, force }) => writeVerifiedBackup(db, out, { force }),
};

export const doorOperationNames = Object.keys(doorOperations) as DoorOperationName[];

/** Runs a door-only operation in-process; throws LedgerError on bad input or a refused action. */
export async function invokeDoor<N extends DoorOperationName>(ctx: Context, name: N, input: DoorOperationInput<N>): Promise<DoorOperationResult<N>> {
  if (!Object.hasOwn(doorOperations, name)) throw new LedgerError('error.unknownOperation', { name });
  const data = parseInput(doorOperations[name].input, input);
  const handler = doorHandlers[name] as (ctx: Context, input: unknown) => DoorOperationResult<N> | Promise<DoorOperationResult<N>>;
  return inLedgerTurn(ctx, async () => handler(ctx, data));
}
