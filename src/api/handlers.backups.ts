// The backup operations: the door's open ledger (its session) does the work; a bare context (a test's, with no
// door) is told that these need one.
import { LedgerError } from '../common/errors.js';
import type { backupOperations } from './contract.backups.js';
import type { OperationResult, ParsedInput } from './contract.js';
import type { Context } from './handlers.js';

type Names = keyof typeof backupOperations;
type BackupHandlers = { [N in Names]: (ctx: Context, input: ParsedInput<N>) => OperationResult<N> | Promise<OperationResult<N>> };

function session(ctx: Context): NonNullable<Context['ledger']> {
  if (!ctx.ledger) throw new LedgerError('backup.noDoor');
  return ctx.ledger;
}

export const backupHandlers: BackupHandlers = {
  'backups.list': (ctx) => {
    const s = session(ctx);
    const { primary, second } = s.folders();
    return { backups: s.list(), folder: primary, secondFolder: second };
  },
  'backups.status': (ctx) => session(ctx).status(),
  'backups.now': (ctx) => session(ctx).backup('manual'),
  'backups.restore': (ctx, { file, folder }) => session(ctx).restore(file, folder),
};
