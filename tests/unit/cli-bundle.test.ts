// The CLI and web host start from one bundled script, parsed at every start: what it need not carry, it must not.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('the CLI bundle', () => {
  it('carries zod’s English messages only, not its sixty other locales', () => {
    // npm test builds before it tests; run `npm run build` first when running this file alone.
    const bundle = fs.readFileSync(path.resolve('dist/cli.mjs'), 'utf8');
    expect(bundle).toContain('node_modules/zod/v4/locales/en.js');
    for (const other of ['de', 'zh-CN', 'ja', 'ar']) expect(bundle).not.toContain(`node_modules/zod/v4/locales/${other}.js`);
  });
});
