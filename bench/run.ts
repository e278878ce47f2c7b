// `npm run bench`: every benchmark, each printing its ratio or time against its target. Never part of `npm test`.
import { benchExcel } from './excel.bench.js';
import { benchGaps } from './gaps.bench.js';
import { benchHost } from './host.bench.js';
import { benchLedger } from './ledger.bench.js';
import { benchUi } from './ui.bench.js';

console.log(`Relief Ledger benchmarks — ${new Date().toISOString()} — node ${process.version}\n`);
await benchLedger();
await benchGaps();
await benchUi();
await benchExcel();
await benchHost();
