// Each test gets the real app on a fresh temp database holding the demo district: the web host in Chromium by
// default, or the Electron app with E2E_DOOR=electron where its binary exists. Specs only use `page`.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, type Page, _electron as electron } from '@playwright/test';
import { serveWebHost, stopWebHost } from '../web-host-process.js';

export interface Ledger {
  /** The one-time address the host printed: the first visit spends it and gets the session cookie. */
  openUrl: string;
  /** The host's own address, which without the session gives only the bootstrap page. */
  url: string;
  dbFile: string;
}

export const SCREENS_DIR = path.resolve('artifacts/screens');

export const test = base.extend<{ ledger: Ledger; demo: boolean }>({
  /** The demo district (default), or an empty ledger as a new bureau starts with: `test.use({ demo: false })`. */
  demo: [true, { option: true }],
  ledger: async ({ demo }, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relief-e2e-'));
    const dbFile = path.join(dir, 'ledger.db');
    if (!demo) execFileSync(process.execPath, ['bin/relief-ledger.mjs', 'init', '--db', dbFile], { stdio: 'ignore' });
    const { openUrl, url, child } = await serveWebHost(dbFile, { RELIEF_LEDGER_TODAY: '2026-11-28' }, 30_000, demo);
    await use({ openUrl, url, dbFile });
    await stopWebHost(child);
    fs.rmSync(dir, { recursive: true, force: true });
  },
  page: async ({ page, ledger }, use) => {
    if (process.env.E2E_DOOR === 'electron') {
      const app = await electron.launch({ args: ['.'], env: { ...process.env, RELIEF_LEDGER_DB: ledger.dbFile } as Record<string, string> });
      const win = await app.firstWindow();
      await win.setViewportSize({ width: 1366, height: 768 });
      await use(win);
      await app.close();
      return;
    }
    // Opening the printed address lands on the app itself, without the secret in the address bar.
    await page.goto(ledger.openUrl);
    await page.waitForURL(ledger.url);
    await use(page);
  },
});

export const expect = test.expect;

/** Calls the contract the way the screens do, through the page's bridge. */
export async function api<T>(page: Page, name: string, input: unknown): Promise<T> {
  const envelope = await page.evaluate(([n, i]) => window.api.call(n as never, i), [name, input] as const);
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error.zh} (${JSON.stringify(envelope.error)})`);
  return envelope.result as T;
}

/** The overview's two tables come just after its numbers: a picture of the whole screen waits for them. */
export async function overviewTablesDrawn(page: Page): Promise<void> {
  await expect(page.getByTestId('overview-per-street').getByRole('row').nth(1)).toBeVisible();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENS_DIR, `${name}.png`) });
}

/** True when the page draws Chinese with a real font rather than "tofu" boxes. */
export async function rendersChinese(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const draw = (text: string) => {
      const canvas = document.createElement('canvas');
      canvas.width = 64;
      canvas.height = 32;
      const ctx = canvas.getContext('2d')!;
      ctx.font = `24px ${getComputedStyle(document.body).fontFamily}`;
      ctx.fillText(text, 0, 24);
      return canvas.toDataURL();
    };
    // Two different hanzi must not draw the same (as two missing-glyph boxes would), nor like an unassigned code point.
    const a = draw('应');
    return a !== draw('急') && a !== draw('\u{10FFFD}');
  });
}
