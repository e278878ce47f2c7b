// The preload: puts the bridge on window.api (the same LedgerBridge the web host's bridge script defines) and
// nothing else. It runs sandboxed: only 'electron' may be required at run time, so everything else it uses is
// bundled (see electron-bundle.test.ts) and the contract is imported for its types only.
import { contextBridge, ipcRenderer } from 'electron';
import type { Envelope, LedgerBridge } from '../src/api/contract.js';
import { message } from '../src/i18n/messages.js';
import { CHANNEL, operationsFromArgv } from './ipc.js';

const allowed = new Set(operationsFromArgv(process.argv));

function refused(name: unknown): Envelope<unknown> {
  const text = message('error.unknownOperation', { name: String(name) });
  return { ok: false, error: { code: 'error.unknownOperation', message: `${text.zh} (${text.en})`, zh: text.zh, en: text.en } };
}

const files: NonNullable<LedgerBridge['files']> = {
  open: (options) => ipcRenderer.invoke(CHANNEL.openFile, options),
  save: (options) => ipcRenderer.invoke(CHANNEL.saveFile, options),
};

const api: LedgerBridge = {
  door: 'electron',
  call: async (name, input) => {
    if (typeof name !== 'string' || !allowed.has(name)) return refused(name);
    try {
      return (await ipcRenderer.invoke(CHANNEL.call, name, input)) as Envelope<unknown>;
    } catch (e) {
      // Only when the input cannot be sent at all (a function, a DOM node): still an envelope, never a throw.
      const text = message('error.internal', { detail: e instanceof Error ? e.message : String(e) });
      return { ok: false, error: { code: 'error.internal', message: `${text.zh} (${text.en})`, zh: text.zh, en: text.en } };
    }
  },
  files,
};

contextBridge.exposeInMainWorld('api', api);
