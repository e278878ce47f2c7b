// Which backups to keep: the newest of each of the last 24 hours, 30 days and 12 months that have one (as restic's
// --keep-hourly/daily/monthly count them: periods with a backup, newest first); besides, every backup of the last
// hour (one a person may be about to restore), every backup made by hand or just before an import, restore or
// stocktake posting during the last day (the state to go back to if that went wrong), and always the newest verified
// one. Files that are not verified are never deleted here: a person should look at them.
import type { BackupFile } from './folder.js';

export const RETENTION = { hourly: 24, daily: 30, monthly: 12, allWithinHours: 1, onPurposeHours: 24 } as const;

const BEIJING_MS = 8 * 3_600_000;

function periodKey(time: Date, period: 'hour' | 'day' | 'month'): string {
  const iso = new Date(time.getTime() + BEIJING_MS).toISOString();
  return period === 'hour' ? iso.slice(0, 13) : period === 'day' ? iso.slice(0, 10) : iso.slice(0, 7);
}

/** The backups retention removes (never the newest verified one, never an unverified one). */
export function backupsToRemove(backups: readonly BackupFile[], now: Date): BackupFile[] {
  const verified = backups.filter((b) => b.verified).sort((a, b) => b.time.getTime() - a.time.getTime());
  const keep = new Set<BackupFile>(verified.slice(0, 1));
  for (const [period, count] of [
    ['hour', RETENTION.hourly],
    ['day', RETENTION.daily],
    ['month', RETENTION.monthly],
  ] as const) {
    const seen = new Set<string>();
    for (const b of verified) {
      const key = periodKey(b.time, period);
      if (seen.has(key)) continue;
      if (seen.size >= count) break;
      seen.add(key);
      keep.add(b);
    }
  }
  const age = (b: BackupFile) => (now.getTime() - b.time.getTime()) / 3_600_000;
  const onPurpose = (b: BackupFile) => b.reason !== 'interval' && b.reason !== 'exit';
  for (const b of verified) if (age(b) <= RETENTION.allWithinHours || (onPurpose(b) && age(b) <= RETENTION.onPurposeHours)) keep.add(b);
  return verified.filter((b) => !keep.has(b));
}
