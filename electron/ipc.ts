// What main and preload agree on: the IPC channels, and how main hands the preload its allow-list of operations.
// No imports, so the sandboxed preload bundles it without pulling in any package.

export const CHANNEL = {
  call: 'ledger:call',
  openFile: 'ledger:open-file',
  saveFile: 'ledger:save-file',
} as const;

/**
 * The preload runs sandboxed and may require nothing but 'electron', so it cannot import the contract (zod) for the
 * operation names. Main, which has the contract, passes them as a switch in `webPreferences.additionalArguments`.
 */
export const OPERATIONS_SWITCH = '--ledger-operations=';
const NAME = /^[A-Za-z][A-Za-z0-9_.:-]*$/;

export function operationsArgument(names: readonly string[]): string {
  const bad = names.find((n) => !NAME.test(n));
  if (bad !== undefined) throw new Error(`not an operation name: ${bad}`);
  return OPERATIONS_SWITCH + names.join(',');
}

/** The allow-list from the renderer's argv; empty (so every call is refused) when the switch is missing. */
export function operationsFromArgv(argv: readonly string[]): string[] {
  const arg = [...argv].reverse().find((a) => a.startsWith(OPERATIONS_SWITCH));
  if (arg === undefined) return [];
  return arg
    .slice(OPERATIONS_SWITCH.length)
    .split(',')
    .filter((n) => NAME.test(n));
}
