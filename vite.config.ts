// The renderer's build: React + antd, served from dist/renderer by the web host and loaded from disk by Electron
// (hence the relative base). The contract (src/api/contract.ts) is bundled for its zod schemas.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { dropUnusedAntdCss } from './scripts/unused-antd-css';

const root = path.dirname(fileURLToPath(import.meta.url));
const rendererRoot = path.join(root, 'renderer');

/** scripts/build.mjs passes the repository as `root` inline; the renderer's root is its own folder, always. */
const rendererRootPlugin = (): Plugin => ({
  name: 'relief-ledger:renderer-root',
  config: () => ({ root: rendererRoot }),
});

export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [rendererRootPlugin(), react()],
  css: { postcss: { plugins: [dropUnusedAntdCss] } },
  build: {
    outDir: path.join(root, 'dist/renderer'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: process.env.RENDERER_SOURCEMAP === '1',
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      onwarn(warning, warn) {
        // zod ships comments Rollup cannot place; harmless, and noise in every build.
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules/zod/')) return;
        warn(warning);
      },
      output: {
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined;
          if (/node_modules\/(react|react-dom|scheduler)\//.test(id)) return 'react';
          // antd is left to Rollup: the overview's components come with the page, the rest with their screens.
          if (/node_modules\/(antd|@ant-design|@rc-component|rc-[^/]+|@babel\/runtime|classnames|dayjs|@emotion)\//.test(id)) return undefined;
          if (/node_modules\/zod\//.test(id)) return 'zod';
          return 'vendor';
        },
      },
    },
  },
  server: { port: 5173, strictPort: false },
});
