// Preloaded into a CLI process (node -r) by the crash-point tests: counts the file-system steps that change which
// file has which name (rename, link, copy, remove) and kills the process with SIGKILL right after step
// RELIEF_CRASH_AFTER — as a power cut or kill -9 at exactly that moment would. With RELIEF_CRASH_AFTER=0 it only
// counts, and prints the total on exit, so a test can then stop the process after each step in turn.
'use strict';
const fs = require('node:fs');

const after = Number(process.env.RELIEF_CRASH_AFTER ?? '0');
let steps = 0;
for (const name of ['renameSync', 'linkSync', 'copyFileSync', 'rmSync', 'unlinkSync']) {
  const original = fs[name];
  fs[name] = function counted(...args) {
    const result = original.apply(this, args);
    steps++;
    if (steps === after) process.kill(process.pid, 'SIGKILL');
    return result;
  };
}
process.on('exit', () => {
  if (after === 0) process.stderr.write(`crash-points: ${steps}\n`);
});
