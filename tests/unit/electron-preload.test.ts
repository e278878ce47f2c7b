// The preload as Electron runs it: bundled the way scripts/build.mjs bundles it, then evaluated with the sandbox's
// `require`, which knows 'electron' and nothing else.
import path from 'node:path';
import vm from 'node:vm';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { operationNames } from '../../src/api/contract.js';
import { doorOperationNames } from '../../src/api/door-operations.js';
import { CHANNEL, operationsArgument } from '../../electron/ipc.js';

const root = path.resolve(import.meta.dirname, '../..');
let code = '';

beforeAll(async () => {
  const out = await build({
    entryPoints: [path.join(root, 'electron/preload.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    external: ['electron'],
    write: false,
    logLevel: 'silent',
  });
  code = out.outputFiles[0]!.text;
});

interface Loaded {
  required: string[];
  exposed: Map<string, unknown>;
  invoked: unknown[][];
}

function load(argv: string[], reply: (channel: string, ...args: unknown[]) => unknown = () => ({ ok: true, result: 'answered' })): Loaded {
  const loaded: Loaded = { required: [], exposed: new Map(), invoked: [] };
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => loaded.exposed.set(key, value) },
    ipcRenderer: {
      invoke: async (channel: string, ...args: unknown[]) => {
        loaded.invoked.push([channel, ...args]);
        return reply(channel, ...args);
      },
    },
  };
  const module = { exports: {} };
  const sandbox = {
    module,
    exports: module.exports,
    process: { argv },
    require: (id: string) => {
      loaded.required.push(id);
      if (id === 'electron') return electron;
      throw new Error(`a sandboxed preload cannot require ${id}`);
    },
  };
  vm.runInNewContext(code, sandbox, { filename: 'preload.cjs' });
  return loaded;
}

type Api = {
  door: string;
  call: (name: unknown, input?: unknown) => Promise<{ ok: boolean; result?: unknown; error?: { code: string; zh: string; en: string } }>;
  files: { open: (o: unknown) => Promise<unknown>; save: (o: unknown) => Promise<unknown> };
};
const argv = () => ['/opt/electron', '--type=renderer', operationsArgument(operationNames)];

describe('the preload', () => {
  it('requires nothing but electron (everything else is bundled)', () => {
    const { required } = load(argv());
    expect(new Set(required)).toEqual(new Set(['electron']));
    const requires = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(new Set(requires)).toEqual(new Set(['electron']));
  });

  it('exposes exactly the LedgerBridge on window.api', () => {
    const { exposed } = load(argv());
    expect([...exposed.keys()]).toEqual(['api']);
    const api = exposed.get('api') as Api;
    expect(Object.keys(api).sort()).toEqual(['call', 'door', 'files']);
    expect(api.door).toBe('electron');
    expect(Object.keys(api.files).sort()).toEqual(['open', 'save']);
  });

  it('forwards every operation of the contract on ledger:call', async () => {
    const loaded = load(argv());
    const api = loaded.exposed.get('api') as Api;
    for (const name of operationNames) {
      expect(await api.call(name, { a: 1 })).toEqual({ ok: true, result: 'answered' });
    }
    expect(loaded.invoked).toEqual(operationNames.map((n) => [CHANNEL.call, n, { a: 1 }]));
  });

  // The door-only operations (they take a filesystem path) are not the page's to call.
  it.each([...doorOperationNames.map((n): [unknown] => [n]), ['system.exec'], ['__proto__'], ['constructor'], ['toString'], [42], [null], [undefined], [{ name: 'items.list' }]])(
    'refuses %j without sending it',
    async (name) => {
      const loaded = load(argv());
      const api = loaded.exposed.get('api') as Api;
      const res = await api.call(name, {});
      expect(res.ok).toBe(false);
      expect(res.error?.code).toBe('error.unknownOperation');
      expect(res.error?.zh).toContain('未知操作');
      expect(loaded.invoked).toEqual([]);
    },
  );

  it('refuses everything when main passed no allow-list', async () => {
    const loaded = load(['/opt/electron', '--type=renderer']);
    const res = await (loaded.exposed.get('api') as Api).call('items.list', {});
    expect(res.ok).toBe(false);
    expect(loaded.invoked).toEqual([]);
  });

  it('answers an envelope, never throws, when the call cannot be sent', async () => {
    const loaded = load(argv(), () => {
      throw new Error('An object could not be cloned.');
    });
    const res = await (loaded.exposed.get('api') as Api).call('items.list', { f: () => 1 });
    expect(res.ok).toBe(false);
    expect(res.error?.code).toBe('error.internal');
  });

  it('backs files.open and files.save with their channels', async () => {
    const loaded = load(argv(), (channel) => (channel === CHANNEL.openFile ? { name: 'a.xlsx', bytes: new Uint8Array([1]) } : '/home/u/a.xlsx'));
    const api = loaded.exposed.get('api') as Api;
    expect(await api.files.open({ extensions: ['xlsx'] })).toEqual({ name: 'a.xlsx', bytes: new Uint8Array([1]) });
    const bytes = new Uint8Array([1, 2]);
    expect(await api.files.save({ defaultName: 'a.xlsx', bytes })).toBe('/home/u/a.xlsx');
    expect(loaded.invoked).toEqual([
      [CHANNEL.openFile, { extensions: ['xlsx'] }],
      [CHANNEL.saveFile, { defaultName: 'a.xlsx', bytes }],
    ]);
  });
});
