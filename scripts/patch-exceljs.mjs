// exceljs 4.4 decodes each chunk of an xlsx part on its own, so a Chinese character split across two chunks
// becomes "��" (exceljs issues #2063, #2084; fixes proposed in #1665, #1821, #2894, none released). Until a release
// carries the fix, npm install applies the smallest one here: one streaming UTF-8 decoder per parsed part.
// Idempotent; fails loudly if exceljs changed shape, so an upgrade is noticed.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const file = path.join(path.dirname(require.resolve('exceljs/package.json')), 'lib', 'utils', 'parse-sax.js');
const source = fs.readFileSync(file, 'utf8');
const MARK = '// relief-ledger: streaming UTF-8 decoder';
if (!source.includes(MARK)) {
  const before = '  for await (const chunk of iterable) {\n    saxesParser.write(bufferToString(chunk));';
  const after = `  ${MARK}\n  const decoder = new TextDecoder('utf-8');\n  for await (const chunk of iterable) {\n    saxesParser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, {stream: true}));`;
  if (!source.includes(before)) {
    console.error(`patch-exceljs: ${file} is not the version this patch knows; check exceljs issue #2084 and update scripts/patch-exceljs.mjs`);
    process.exit(1);
  }
  fs.writeFileSync(file, source.replace(before, after));
}
