// The one page the web host gives without a session: where to find the address that opens the ledger. It holds
// no data, no script and no credential.
import { message, type MessageKey } from '../i18n/messages.js';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function paragraph(key: MessageKey, className = ''): string {
  const { zh, en } = message(key);
  return `<p class="${className}">${escape(zh)}<br><span lang="en">${escape(en)}</span></p>`;
}

/** `spent`: the visitor brought a one-time address that was used already (or never valid). */
export function bootstrapPage(spent: boolean): string {
  const title = message('host.bootstrap.title');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escape(title.zh)} ${escape(title.en)}</title>
<link rel="icon" href="data:,">
<style>
  body { margin: 0; min-height: 100vh; display: flex; align-items: center; justify-content: center; background: #f0f2f5;
    font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; color: #1f1f1f; }
  main { width: 520px; max-width: calc(100vw - 48px); background: #fff; border-radius: 8px; padding: 32px 40px;
    box-shadow: 0 1px 2px rgba(0,0,0,.06), 0 4px 16px rgba(0,0,0,.06); }
  h1 { margin: 0 0 20px; font-size: 22px; font-weight: 600; }
  h1 span { display: block; margin-top: 4px; font-size: 14px; font-weight: 400; color: #8c8c8c; }
  p { margin: 0 0 16px; font-size: 15px; line-height: 1.6; }
  p span { font-size: 13px; color: #595959; }
  p.lead { font-size: 17px; font-weight: 600; }
  p.lead span { font-size: 14px; font-weight: 400; }
  p.warn { padding: 8px 12px; border-radius: 6px; background: #fff2e8; border: 1px solid #ffbb96; }
  p.note { margin-bottom: 0; color: #595959; }
</style>
</head>
<body>
<main data-testid="bootstrap">
<h1>${escape(title.zh)}<span lang="en">${escape(title.en)}</span></h1>
${spent ? paragraph('host.bootstrap.spent', 'warn') : ''}
${paragraph('host.bootstrap.open', 'lead')}
${paragraph('host.bootstrap.where')}
${paragraph('host.bootstrap.once', 'note')}
</main>
</body>
</html>
`;
}
