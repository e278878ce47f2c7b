// Messages of the catalogue section for the web host: its sign-in by one-time address, and the limits on what it
// accepts.
export const hostMessages = {
  'host.noSession': {
    zh: '未登录或会话已结束：请打开本程序启动时显示的地址',
    en: 'Not signed in, or the session has ended: open the address the program printed when it started',
  },
  'host.badOrigin': {
    zh: '拒绝来自其他网页的请求（来源 {origin}）',
    en: 'Refused a request from another web page (origin {origin})',
  },
  'host.notJson': { zh: '请求须为 JSON 格式（application/json）', en: 'The request must be JSON (application/json)' },
  'host.bodyTooLarge': {
    zh: '请求过大（{size} MB）：网页版每次最多接收 {max} MB，约合 {file} MB 的文件；更大的文件请用命令行 relief-ledger import 导入',
    en: 'The request is too large ({size} MB): the web host takes at most {max} MB at a time, about a {file} MB file; import larger files with the command line (relief-ledger import)',
  },
  'host.busy': {
    zh: '正在接收其他大文件（同时最多 {inFlight} 个，另有 {waiting} 个在排队），请稍后再试',
    en: 'Busy receiving other large files ({inFlight} at a time, {waiting} waiting); try again in a moment',
  },
  'host.bootstrap.title': { zh: '应急物资台账', en: 'Relief Ledger' },
  'host.bootstrap.open': {
    zh: '请打开本程序启动时显示的地址。',
    en: 'Open the address the program printed when it started.',
  },
  'host.bootstrap.where': {
    zh: '地址显示在启动网页版的命令行窗口中（npm start 或 relief-ledger serve），形如 http://127.0.0.1:端口/start?key=…',
    en: 'It is shown in the command window that started the web host (npm start or relief-ledger serve), as http://127.0.0.1:port/start?key=…',
  },
  'host.bootstrap.once': {
    zh: '每个地址只能使用一次。要在另一个浏览器中打开，请重新启动网页版，使用新显示的地址。',
    en: 'Each address works once. To open the ledger in another browser, restart the web host and use the new address it prints.',
  },
  'host.bootstrap.spent': {
    zh: '这个地址已经用过或无效。',
    en: 'This address has been used already, or is not valid.',
  },
} as const satisfies Record<string, { zh: string; en: string }>;
