// The one object the renderer talks to: Electron's preload and the web host's bridge script both define it.
import type { LedgerBridge } from '../src/api/contract';

declare global {
  interface Window {
    api: LedgerBridge;
  }
}

export {};
