// The Electron door's own words (menu, dialogs): Chinese first, English beside it, in one place.
export const text = {
  appName: { zh: '应急物资台账', en: 'Relief Ledger' },
  menuFile: { zh: '文件', en: 'File' },
  menuEdit: { zh: '编辑', en: 'Edit' },
  menuView: { zh: '视图', en: 'View' },
  menuHelp: { zh: '帮助', en: 'Help' },
  quit: { zh: '退出', en: 'Quit' },
  undo: { zh: '撤销', en: 'Undo' },
  redo: { zh: '重做', en: 'Redo' },
  cut: { zh: '剪切', en: 'Cut' },
  copy: { zh: '复制', en: 'Copy' },
  paste: { zh: '粘贴', en: 'Paste' },
  selectAll: { zh: '全选', en: 'Select all' },
  reload: { zh: '重新载入', en: 'Reload' },
  devTools: { zh: '开发者工具', en: 'Developer tools' },
  resetZoom: { zh: '实际大小', en: 'Actual size' },
  zoomIn: { zh: '放大', en: 'Zoom in' },
  zoomOut: { zh: '缩小', en: 'Zoom out' },
  fullScreen: { zh: '全屏', en: 'Full screen' },
  openDataFolder: { zh: '打开数据文件夹', en: 'Open data folder' },
  about: { zh: '关于应急物资台账', en: 'About Relief Ledger' },
  aboutDetail: { zh: '版本 {version}\n数据库：{file}', en: 'Version {version}\nDatabase: {file}' },
  dbOpenFailed: { zh: '无法打开数据库', en: 'Cannot open the database' },
  supportedFiles: { zh: '支持的文件', en: 'Supported files' },
  fileTooLarge: { zh: '文件 {name} 过大（超过 {limit} MB）', en: 'File {name} is too large (over {limit} MB)' },
  fileBusy: { zh: '文件 {name} 正被其他程序占用，请关闭后重试', en: 'File {name} is in use by another program; close it and try again' },
  fileFailed: { zh: '无法读写文件 {name}：{detail}', en: 'Cannot read or write {name}: {detail}' },
  badFileRequest: { zh: '文件请求无效：{detail}', en: 'Invalid file request: {detail}' },
} as const;

export type TextKey = keyof typeof text;

/** "中文 (English)" with {params} filled in, the way the core's messages read. */
export function t(key: TextKey, params: Record<string, string | number> = {}): string {
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
  const entry = text[key];
  return `${fill(entry.zh)} (${fill(entry.en)})`;
}

/** The Chinese alone, for menu labels where a gloss would crowd the bar. */
export function zh(key: TextKey, params: Record<string, string | number> = {}): string {
  return text[key].zh.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
