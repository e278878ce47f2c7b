// The web host in Chromium as someone other than the person who started it: another browser (no cookie) gets the
// bootstrap page, the printed address works once, and a page served from another port of 127.0.0.1 (the same
// site, so Chromium sends it the session cookie) cannot make the host act.
import http from 'node:http';
import { api, expect, screenshot, test } from './fixtures.js';

test('another browser gets only the bootstrap page, and the printed address works once', async ({ page, ledger, browser }) => {
  // The fixture's page has opened the printed address: it is in the app, on the app's own address.
  await expect(page.getByTestId('app-title')).toContainText('应急物资台账');
  expect(page.url()).not.toContain('key=');

  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 1366, height: 768 },
  ]) {
    const other = await browser.newContext({ viewport, locale: 'zh-CN' });
    const stranger = await other.newPage();
    const res = await stranger.goto(ledger.url);
    expect(res?.status()).toBe(401);
    await expect(stranger.getByTestId('bootstrap')).toContainText('请打开本程序启动时显示的地址');
    await expect(stranger.getByTestId('bootstrap')).toContainText('Open the address the program printed');
    expect(await stranger.evaluate(() => typeof (window as { api?: unknown }).api)).toBe('undefined');
    await screenshot(stranger, `host-bootstrap-${viewport.width}x${viewport.height}`);

    // The printed address again, in this other browser: already spent.
    await stranger.goto(ledger.openUrl);
    await expect(stranger.getByTestId('bootstrap')).toContainText('这个地址已经用过或无效');
    expect(await other.cookies()).toEqual([]);
    if (viewport.width === 1366) await screenshot(stranger, 'host-bootstrap-spent-1366x768');
    await other.close();
  }

  // The session survives a reload in the browser that has it.
  await page.reload();
  await expect(page.getByTestId('app-title')).toContainText('应急物资台账');
  const cookies = await page.context().cookies();
  expect(cookies).toHaveLength(1);
  expect(cookies[0]).toMatchObject({ httpOnly: true, sameSite: 'Strict', domain: '127.0.0.1' });
});

test('a page on another port of 127.0.0.1 cannot issue stock through the host, though the browser sends it the cookie', async ({ page, ledger }) => {
  const target = `${ledger.url}api/movements.post`;
  const issue = JSON.stringify({ type: 'issue', date: '2026-11-28', locationCode: 'WH01', handler: '他人', basisDoc: 'X', lines: [{ itemCode: 'WZ001', quantity: 400 }] });
  // The other local user's page: a form post and a fetch, the two ways a page can send a POST without CORS.
  const attacker = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><body>
      <form id="f" method="POST" action="${target}" enctype="text/plain" target="sink"><input name='${issue.slice(0, -1)},"x":"' value='"}'></form>
      <iframe name="sink"></iframe>
      <script>
        window.fetched = fetch(${JSON.stringify(target)}, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' }, body: ${JSON.stringify(issue)} })
          .then((r) => r.type, (e) => 'failed: ' + e.message);
        document.getElementById('f').submit();
      </script></body>`);
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', () => resolve()));
  const before = await api<{ total: number }>(page, 'movements.list', { limit: 1 });
  const sent: { origin: string | undefined; cookie: boolean }[] = [];
  const answered: number[] = [];
  page.context().on('request', (r) => {
    if (r.url() === target) void r.allHeaders().then((h) => sent.push({ origin: h.origin, cookie: /relief_ledger_\d+=/.test(h.cookie ?? '') }));
  });
  page.context().on('response', (r) => {
    if (r.url() === target) answered.push(r.status());
  });
  try {
    const evil = await page.context().newPage();
    await evil.goto(`http://127.0.0.1:${(attacker.address() as { port: number }).port}/`);
    // The page learns nothing either way: the answer is opaque to it, or blocked by the host's
    // Cross-Origin-Resource-Policy.
    expect(await evil.evaluate(() => (window as unknown as { fetched: Promise<string> }).fetched)).toMatch(/^(opaque|failed: .*)$/);
    await expect.poll(() => sent.length).toBe(2);
    const origin = `http://127.0.0.1:${(attacker.address() as { port: number }).port}`;
    // Same site: Chromium sends the SameSite=Strict cookie along (Playwright sees the headers of the one whose
    // answer is not blocked); the host refuses for the Origin.
    expect(sent).toContainEqual({ origin, cookie: true });
    await expect.poll(() => answered.length).toBeGreaterThanOrEqual(1);
    expect(answered.every((status) => status === 403)).toBe(true);
    await evil.close();
  } finally {
    attacker.close();
  }
  const after = await api<{ total: number }>(page, 'movements.list', { limit: 1 });
  expect(after.total).toBe(before.total);
});
