#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/cli.mjs', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write('错误：程序尚未构建，请先运行 npm install 或 npm run build (not built yet: run npm install or npm run build)\n');
  process.exit(1);
}
await import(cli.href);
