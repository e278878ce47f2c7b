// Automatic verified backups, for the page's backup tab and banner. No operation takes a path: a backup is named by
// its file name from the list (and which of the two folders holds it); the folders themselves are the doors' business
// (the CLI's `backups --second-folder`, the setting). Only zod and types here, so the renderer may import it.
import { z } from 'zod';
import { op, result } from './op.js';

export const backupReasons = ['interval', 'import', 'restore', 'stocktake', 'exit', 'manual'] as const;
export type BackupReason = (typeof backupReasons)[number];
export const backupFolderKinds = ['primary', 'second'] as const;
export type BackupFolderKind = (typeof backupFolderKinds)[number];

export interface BackupEntry {
  /** The file name: a backup's id (never a path). */
  file: string;
  folder: BackupFolderKind;
  /** ISO time with the Beijing offset. */
  time: string;
  bytes: number;
  /** Whole and a backup of a ledger (it was verified before it got its name). */
  verified: boolean;
  reason: BackupReason;
}

export interface BackupFailure {
  folder: BackupFolderKind;
  time: string;
  zh: string;
  en: string;
}

export interface BackupStatus {
  lastSuccess: { file: string; time: string } | null;
  /** The latest failure of each folder since its last success. */
  failures: BackupFailure[];
  failing: boolean;
  /** Null while the ledger can be written; else why not (read-only file or folder, damaged, journal lost). */
  writeBlocked: { reason: string; zh: string; en: string } | null;
  newestVerified: string | null;
  intervalMinutes: number;
  /** Where backups go (shown to the user; never sent back). */
  folder: string;
  secondFolder: string | null;
}

export interface BackupList {
  backups: BackupEntry[];
  folder: string;
  secondFolder: string | null;
}

const backupFileName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^/\\]+\.db$/, '请从备份列表中选择 (choose a backup from the list)');

export const backupOperations = {
  'backups.list': op(z.object({}).default({}), result<BackupList>()),
  'backups.status': op(z.object({}).default({}), result<BackupStatus>()),
  /** A verified backup now, into the backup folder (and the second folder). */
  'backups.now': op(z.object({}).default({}), result<BackupEntry>()),
  /** Restores a listed backup in place of the open ledger; the replaced file is kept beside it. */
  'backups.restore': op(
    z.object({ file: backupFileName, folder: z.enum(backupFolderKinds).default('primary') }),
    result<{ restored: string; keptAs: string | null }>(),
  ),
} as const;
