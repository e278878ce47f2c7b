// The renderer's build: React + antd, served from dist/renderer by the web host and loaded from disk by Electron
// (hence the relative base). The contract (src/api/contract.ts) is bundled for its zod schemas.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));
const rendererRoot = path.join(root, 'renderer');

/** scripts/build.mjs passes the repository as `root` inline; the renderer's root is its own folder, always. */
const rendererRootPlugin = (): Plugin => ({
  name: 'relief-ledger:renderer-root',
  config: () => ({ root: rendererRoot }),
});

/**
 * antd's prebuilt stylesheet (zero-runtime mode) styles every antd component: 1 MB that the page parses and matches
 * on every start. Rules that can only apply inside a component this app never draws are dropped at build; a selector
 * naming such a component's class cannot match anything here. Add a component back here before first using it.
 */
const UNUSED_ANTD = ['tour', 'splitter', 'color-picker', 'mentions', 'cascader', 'transfer', 'carousel', 'timeline', 'image', 'float-btn', 'slider', 'qrcode', 'watermark', 'anchor', 'affix', 'breadcrumb', 'rate', 'avatar', 'list', 'collapse', 'tree-select', 'select-tree', 'masonry', 'badge', 'divider', 'notification'];
const unusedAntd = new RegExp(`\\.ant-(?:${UNUSED_ANTD.join('|')})(?![\\w-])|\\.ant-(?:${UNUSED_ANTD.join('|')})-`);
const dropUnusedAntdCss = {
  postcssPlugin: 'relief-ledger:unused-antd-css',
  Rule(rule: { selector: string; selectors: string[]; remove(): void }) {
    const kept = rule.selectors.filter((s) => !unusedAntd.test(s));
    if (kept.length === 0) rule.remove();
    else if (kept.length < rule.selectors.length) rule.selector = kept.join(',');
  },
};

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
