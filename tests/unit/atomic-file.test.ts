// Files written in place: the target holds the old bytes or the new, never a part; an existing file is refused.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { streamFileAtomic, writeFileAtomic } from '../../src/common/atomic-file.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atomic-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('atomic files', () => {
  it('writes, refuses an existing file without force, replaces it with force, and leaves no temporary file', () => {
    const file = path.join(dir, 'sub', 'a.xlsx');
    expect(writeFileAtomic(file, 'one')).toBe(file);
    expect(() => writeFileAtomic(file, 'two')).toThrow(/已存在/);
    expect(fs.readFileSync(file, 'utf8')).toBe('one');
    writeFileAtomic(file, 'two', { force: true });
    expect(fs.readFileSync(file, 'utf8')).toBe('two');
    expect(fs.readdirSync(path.dirname(file))).toEqual(['a.xlsx']);
  });

  it('a producer that fails half-way leaves the old file intact and no temporary file', async () => {
    const file = path.join(dir, 'b.xlsx');
    fs.writeFileSync(file, 'old');
    await expect(
      streamFileAtomic(
        file,
        async (sink) => {
          sink.write('half of the new');
          throw new Error('disk full');
        },
        { force: true },
      ),
    ).rejects.toThrow('disk full');
    expect(fs.readFileSync(file, 'utf8')).toBe('old');
    expect(fs.readdirSync(dir)).toEqual(['b.xlsx']);
    await streamFileAtomic(file, async (sink) => {
      sink.end('new');
    }, { force: true });
    expect(fs.readFileSync(file, 'utf8')).toBe('new');
  });
});
