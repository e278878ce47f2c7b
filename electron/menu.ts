// The application menu, in Chinese, built as a plain template so it can be checked without Electron.
import type { MenuItemConstructorOptions } from 'electron';
import { zh } from './text.js';

export interface MenuOptions {
  /** app.isPackaged: developer tools only while developing. */
  packaged: boolean;
  platform: NodeJS.Platform;
  openDataFolder: () => void;
  showAbout: () => void;
}

export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const view: MenuItemConstructorOptions[] = [
    { label: zh('reload'), role: 'reload' },
    ...(options.packaged ? [] : [{ label: zh('devTools'), role: 'toggleDevTools' } as const]),
    { type: 'separator' },
    { label: zh('resetZoom'), role: 'resetZoom' },
    { label: zh('zoomIn'), role: 'zoomIn' },
    { label: zh('zoomOut'), role: 'zoomOut' },
    { type: 'separator' },
    { label: zh('fullScreen'), role: 'togglefullscreen' },
  ];
  return [
    ...(mac ? [{ label: zh('appName'), role: 'appMenu' } as const] : []),
    {
      label: zh('menuFile'),
      submenu: [
        { label: zh('openDataFolder'), click: () => options.openDataFolder() },
        { type: 'separator' },
        { label: zh('quit'), role: 'quit', accelerator: mac ? 'Cmd+Q' : 'Ctrl+Q' },
      ],
    },
    {
      label: zh('menuEdit'),
      submenu: [
        { label: zh('undo'), role: 'undo' },
        { label: zh('redo'), role: 'redo' },
        { type: 'separator' },
        { label: zh('cut'), role: 'cut' },
        { label: zh('copy'), role: 'copy' },
        { label: zh('paste'), role: 'paste' },
        { label: zh('selectAll'), role: 'selectAll' },
      ],
    },
    { label: zh('menuView'), submenu: view },
    {
      label: zh('menuHelp'),
      role: 'help',
      submenu: [{ label: zh('about'), click: () => options.showAbout() }],
    },
  ];
}
