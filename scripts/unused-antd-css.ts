// antd's prebuilt stylesheet (zero-runtime mode) styles every antd component: 1 MB that the page parses and matches
// on every start. Rules that can only apply inside a component this app never draws are dropped at build: a selector
// naming such a component's class cannot match anything here. tests/unit/antd-css.test.ts fails when the renderer
// starts using one of them, so that it is taken off this list first.

/** Class names (after `ant-`) of antd components the renderer does not use, nor any component it uses. */
export const UNUSED_ANTD = [
  'tour', 'splitter', 'color-picker', 'mentions', 'cascader', 'transfer', 'carousel', 'timeline', 'image', 'float-btn',
  'slider', 'qrcode', 'watermark', 'anchor', 'affix', 'breadcrumb', 'rate', 'avatar', 'list', 'collapse', 'tree-select',
  'select-tree', 'masonry', 'badge', 'divider', 'notification',
];

const names = UNUSED_ANTD.join('|');
const unusedClass = new RegExp(`\\.ant-(?:${names})(?![\\w-])|\\.ant-(?:${names})-`);

/** A PostCSS plugin (Vite's `css.postcss.plugins`). */
export const dropUnusedAntdCss = {
  postcssPlugin: 'relief-ledger:unused-antd-css',
  Rule(rule: { selector: string; selectors: string[]; remove(): void }) {
    const kept = rule.selectors.filter((s) => !unusedClass.test(s));
    if (kept.length === 0) rule.remove();
    else if (kept.length < rule.selectors.length) rule.selector = kept.join(',');
  },
};
