// Builds every door: the CLI and web host (Node), Electron's main and preload, and the renderer (Vite).
// Runs after `npm install` (prepare) so that `npx relief-ledger` works straight from a checkout.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

// `npx relief-ledger` links this checkout into npm's cache and runs `prepare` again; install already built it.
if (process.env.npm_command === 'exec' && process.env.npm_lifecycle_event === 'prepare') process.exit(0);

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const only = process.argv[2];
// Pure-JS dependencies are bundled (start-up is faster without resolving hundreds of files); native and heavy ones,
// loaded lazily, stay outside (SheetJS is loaded by the first legacy workbook read on the calling thread).
const external = ['better-sqlite3', 'exceljs', 'electron', '@e965/xlsx'];
// zod re-exports its 60-odd message locales as a namespace, which a bundler must keep whole: a fifth of the CLI's
// script, parsed at every start. The app sets no zod locale, so only English (zod's default) is kept.
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: path.join(path.dirname(args.importer), '../locales/index.js'), namespace: 'zod-locales' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({ contents: "export { default as en } from './en.js';", resolveDir: path.dirname(args.path), loader: 'js' }));
  },
};
const node = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, external, logLevel: 'warning', plugins: [zodEnglishOnly] };

// The reading worker (src/ledgers/read/worker.ts) is its own bundle beside each door's, with everything in it (SheetJS
// too), so that a thread can load it from disk alone; the doors find it by the name defined here.
const readWorker = 'src/ledgers/read/worker.ts';
const workerName = (ext) => ({ __RELIEF_READ_WORKER__: JSON.stringify(`read-worker${ext}`) });
if (!only || only === 'node') {
  // Bundled CommonJS dependencies call require(); an ES module has none of its own.
  const banner = { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" };
  const esm = { ...node, format: 'esm', banner, outdir: 'dist', outExtension: { '.js': '.mjs' }, absWorkingDir: root };
  await build({ ...esm, entryPoints: { cli: 'src/cli/bin.ts' }, define: workerName('.mjs') });
  await build({ ...esm, entryPoints: { 'read-worker': readWorker }, external: ['better-sqlite3', 'exceljs', 'electron'] });
}
if ((!only || only === 'electron') && fs.existsSync(path.join(root, 'electron/main.ts'))) {
  const cjs = { ...node, format: 'cjs', outdir: 'dist/electron', outExtension: { '.js': '.cjs' }, absWorkingDir: root };
  // The reader's way to its worker from sources (import.meta.url, tsx) is dead code once the worker's name is defined.
  const deadImportMeta = { 'empty-import-meta': 'silent' };
  await build({ ...cjs, entryPoints: { main: 'electron/main.ts', preload: 'electron/preload.ts' }, external: ['electron'], define: workerName('.cjs'), logOverride: deadImportMeta });
  await build({ ...cjs, entryPoints: { 'read-worker': readWorker }, external: ['electron'] });
}
if ((!only || only === 'renderer') && fs.existsSync(path.join(root, 'vite.config.ts'))) {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ root, configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}
