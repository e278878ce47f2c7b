// The renderer's build leaves out antd's styles for components it never draws (scripts/unused-antd-css.ts): a
// component put to use must not come out unstyled.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UNUSED_ANTD } from '../../scripts/unused-antd-css';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** antd's component names as its class names spell them (`DatePicker` → `date-picker`, a few by hand). */
const CLASS_OF: Record<string, string> = { FloatButton: 'float-btn', QRCode: 'qrcode', TreeSelect: 'tree-select' };
const classOf = (name: string) => CLASS_OF[name] ?? name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();

describe('antd styles left out of the build', () => {
  it('belong to no component the renderer imports', () => {
    const used = new Set<string>();
    for (const file of sources(path.resolve('renderer'))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/import\s+(?:type\s+)?\{([^}]+)\}\s+from\s+'antd'/g))
        for (const name of m[1]!.split(',')) used.add(classOf(name.replace(/\btype\b|\bas\b.*$/g, '').trim()));
      for (const m of text.matchAll(/from\s+'antd\/es\/([\w-]+)/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(20);
    expect(UNUSED_ANTD.filter((c) => used.has(c))).toEqual([]);
  });

  it('are gone from the built stylesheet, and the components in use keep theirs', () => {
    const assets = path.resolve('dist/renderer/assets');
    // npm test builds before it tests; run `npm run build` first when running this file alone.
    const css = fs.readdirSync(assets).filter((f) => /^index-.*\.css$/.test(f)).map((f) => fs.readFileSync(path.join(assets, f), 'utf8')).join('\n');
    for (const gone of ['.ant-tour', '.ant-transfer', '.ant-badge', '.ant-float-btn']) expect(css).not.toContain(gone);
    for (const kept of ['.ant-btn', '.ant-table', '.ant-upload-list', '.ant-picker', '.ant-menu', '.ant-select-dropdown', '.ant-tree']) expect(css).toContain(kept);
  });
});
