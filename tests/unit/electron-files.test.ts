import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  dialogFilters,
  FileRequestError,
  MAX_FILE_BYTES,
  parseOpenRequest,
  parseSaveRequest,
  readChosenFile,
  safeFileName,
  withDefaultExtension,
  writeChosenFile,
} from '../../electron/files.js';
import { OPERATIONS_SWITCH, operationsArgument, operationsFromArgv } from '../../electron/ipc.js';
import { menuTemplate } from '../../electron/menu.js';
import { operationNames } from '../../src/api/contract.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-files-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('file requests from the renderer', () => {
  it('accepts an open request and normalises extensions', () => {
    expect(parseOpenRequest({ title: '导入', extensions: ['.XLSX', 'xlsx', 'csv'] })).toEqual({ title: '导入', extensions: ['xlsx', 'csv'] });
    expect(parseOpenRequest({ extensions: ['*.db'] })).toEqual({ extensions: ['db'] });
  });

  it.each([null, 'xlsx', [], {}, { extensions: [] }, { extensions: ['../x'] }, { extensions: ['a b'] }, { extensions: [1] }, { extensions: ['xlsx'], title: 5 }])(
    'refuses the open request %j',
    (raw) => {
      expect(() => parseOpenRequest(raw)).toThrow(FileRequestError);
    },
  );

  it('accepts a save request, keeping only a file name', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    expect(parseSaveRequest({ defaultName: '库存台账.xlsx', bytes })).toEqual({ defaultName: '库存台账.xlsx', bytes });
    expect(parseSaveRequest({ defaultName: '../../etc/passwd', bytes }).defaultName).toBe('passwd');
    expect(parseSaveRequest({ defaultName: 'C:\\Windows\\a:b?.xlsx', bytes }).defaultName).toBe('a_b_.xlsx');
    expect(parseSaveRequest({ defaultName: 'x.xlsx', bytes: Buffer.from('ab') }).bytes.byteLength).toBe(2);
  });

  it.each([
    null,
    { defaultName: 'a.xlsx' },
    { defaultName: 'a.xlsx', bytes: [1, 2] },
    { defaultName: 'a.xlsx', bytes: 'abc' },
    { defaultName: '', bytes: new Uint8Array() },
    { defaultName: '..', bytes: new Uint8Array() },
    { defaultName: 5, bytes: new Uint8Array() },
  ])('refuses the save request %j', (raw) => {
    expect(() => parseSaveRequest(raw)).toThrow(FileRequestError);
  });

  it('refuses to save more than the limit', () => {
    const big = { byteLength: MAX_FILE_BYTES + 1 };
    Object.setPrototypeOf(big, Uint8Array.prototype);
    expect(() => parseSaveRequest({ defaultName: 'a.xlsx', bytes: big })).toThrow(/过大/);
  });

  it('makes safe names and filters', () => {
    expect(safeFileName('a/b\\c<d>.xlsx')).toBe('c_d_.xlsx');
    expect(safeFileName('...hidden')).toBe('hidden');
    expect(dialogFilters(['xlsx'])).toEqual([{ name: expect.stringContaining('*.xlsx'), extensions: ['xlsx'] }]);
    expect(withDefaultExtension('/d/台账', '台账.xlsx')).toBe('/d/台账.xlsx');
    expect(withDefaultExtension('/d/台账.xls', '台账.xlsx')).toBe('/d/台账.xls');
    expect(withDefaultExtension('/d/a', 'a')).toBe('/d/a');
  });

  it('writes the chosen file whole and reads it back as bytes', async () => {
    const file = path.join(dir, '出库单.xlsx');
    const bytes = new Uint8Array([80, 75, 3, 4, 0, 255]);
    expect(await writeChosenFile(file, bytes)).toBe(file);
    expect(fs.readdirSync(dir)).toEqual(['出库单.xlsx']);
    const back = await readChosenFile(file);
    expect(back.name).toBe('出库单.xlsx');
    expect(back.bytes).toBeInstanceOf(Uint8Array);
    expect([...back.bytes]).toEqual([...bytes]);
    // Its own buffer, exactly the file: IPC would otherwise clone a whole shared pool.
    expect(back.bytes.buffer.byteLength).toBe(bytes.length);
    await writeChosenFile(file, new Uint8Array([9]));
    expect([...fs.readFileSync(file)]).toEqual([9]);
  });

  it('says in Chinese and English what went wrong', async () => {
    await expect(readChosenFile(path.join(dir, 'missing.xlsx'))).rejects.toThrow(/无法读写文件 missing.xlsx.*\(Cannot read or write/);
    await expect(writeChosenFile(path.join(dir, 'no-such-dir', 'a.xlsx'), new Uint8Array())).rejects.toThrow(FileRequestError);
  });
});

describe('the operations switch main hands the preload', () => {
  it('round-trips every operation of the contract', () => {
    const arg = operationsArgument(operationNames);
    expect(arg.startsWith(OPERATIONS_SWITCH)).toBe(true);
    expect(operationsFromArgv(['/path/electron', '--type=renderer', arg])).toEqual(operationNames);
  });

  it('is empty, so everything is refused, when the switch is missing', () => {
    expect(operationsFromArgv(['/path/electron', '--type=renderer'])).toEqual([]);
  });

  it('drops anything that is not an operation name', () => {
    expect(operationsFromArgv([`${OPERATIONS_SWITCH}items.list,,a b,x;y,__proto__.x,.x,stock.query,ledgers.import-xlsx`])).toEqual(['items.list', 'stock.query', 'ledgers.import-xlsx']);
    expect(() => operationsArgument(['a,b'])).toThrow();
  });
});

describe('the application menu', () => {
  const labels = (packaged: boolean, platform: NodeJS.Platform = 'win32') =>
    JSON.stringify(menuTemplate({ packaged, platform, openDataFolder: () => undefined, showAbout: () => undefined }));

  it('is in Chinese: 文件, 编辑, 视图, 帮助', () => {
    const top = menuTemplate({ packaged: true, platform: 'win32', openDataFolder: () => undefined, showAbout: () => undefined }).map((m) => m.label);
    expect(top).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(labels(true)).toContain('退出');
    expect(labels(true)).toContain('重新载入');
  });

  it('offers developer tools only when not packaged', () => {
    expect(labels(false)).toContain('开发者工具');
    expect(labels(true)).not.toContain('开发者工具');
    expect(labels(true)).not.toContain('toggleDevTools');
  });

  it('has the application menu first on macOS', () => {
    const top = menuTemplate({ packaged: true, platform: 'darwin', openDataFolder: () => undefined, showAbout: () => undefined });
    expect(top[0]?.role).toBe('appMenu');
  });
});
