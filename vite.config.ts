// The renderer's build: React + antd, served from dist/renderer by the web host and loaded from disk by Electron
// (hence the relative base). The contract (src/api/contract.ts) is bundled for its zod schemas.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: path.join(root, 'renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: path.join(root, 'dist/renderer'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined;
          if (/node_modules\/(react|react-dom|scheduler)\//.test(id)) return 'react';
          if (/node_modules\/(@ant-design\/icons|@ant-design\/icons-svg)\//.test(id)) return 'icons';
          if (/node_modules\/(antd|@ant-design|@rc-component|rc-[^/]+|@babel\/runtime|classnames|dayjs|@emotion)\//.test(id)) return 'antd';
          if (/node_modules\/zod\//.test(id)) return 'zod';
          return 'vendor';
        },
      },
    },
  },
  server: { port: 5173, strictPort: false },
});
