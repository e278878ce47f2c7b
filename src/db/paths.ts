import os from 'node:os';
import path from 'node:path';

export const APP_ID = 'relief-ledger';

/** The per-user data folder; the desktop app sets Electron's userData to the same place. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_ID);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_ID);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_ID);
}

/** `--db`, else RELIEF_LEDGER_DB, else the desktop app's own database file. */
export function resolveDatabasePath(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(explicit ?? env.RELIEF_LEDGER_DB ?? path.join(defaultDataDir(env), 'ledger.db'));
}
