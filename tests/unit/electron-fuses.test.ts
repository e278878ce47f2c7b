// electron-builder.yml read the way `npm run dist` reads it: electron-builder's own loader and schema, then the fuse
// settings it will write into the packaged binary (through @electron/fuses). A misspelt option fails the schema; a
// fuse left on fails the values.
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(path.join(root, 'package.json'));

interface FuseOptions {
  [option: string]: boolean | undefined;
}
const config = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<{ electronFuses?: FuseOptions } & Record<string, unknown>>;
  validateConfiguration(config: unknown, logger: { add(): void; isEnabled: boolean }): Promise<void>;
};
const { PlatformPackager } = require('app-builder-lib') as {
  PlatformPackager: { prototype: { generateFuseConfig(fuses: FuseOptions): Promise<Record<string, unknown>> } };
};
const { FuseV1Options } = require('@electron/fuses') as { FuseV1Options: Record<string, number> };

describe('electron-builder.yml', () => {
  it('passes electron-builder’s schema', async () => {
    const loaded = await config.getConfig(root, null, null);
    await expect(config.validateConfiguration(loaded, { add: () => undefined, isEnabled: false })).resolves.toBeUndefined();
  });

  it('flips the fuses: no run-as-node, no NODE_OPTIONS, no --inspect, asar integrity, the app only from its asar', async () => {
    const { electronFuses } = await config.getConfig(root, null, null);
    expect(electronFuses).toBeDefined();
    const fuses = await PlatformPackager.prototype.generateFuseConfig.call(null, electronFuses!);
    expect({
      RunAsNode: fuses[FuseV1Options.RunAsNode!],
      EnableNodeOptionsEnvironmentVariable: fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable!],
      EnableNodeCliInspectArguments: fuses[FuseV1Options.EnableNodeCliInspectArguments!],
      EnableEmbeddedAsarIntegrityValidation: fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation!],
      OnlyLoadAppFromAsar: fuses[FuseV1Options.OnlyLoadAppFromAsar!],
      GrantFileProtocolExtraPrivileges: fuses[FuseV1Options.GrantFileProtocolExtraPrivileges!],
    }).toEqual({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      GrantFileProtocolExtraPrivileges: false,
    });
  });
});
