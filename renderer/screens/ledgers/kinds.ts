// What the screen knows about each ledger kind beyond the contract's list: its name, whether rows may take a
// default location, and where its data is shown after an import. A kind added to `ledgerKinds` later works
// without an entry here (its key is its name, no location, no "show" link).
import { type LedgerKind, ledgerKinds } from '../../../src/api/contract.ledgers';
import { message, type MessageKey } from '../../../src/i18n/messages';
import { formatInt } from '../../components/format';
import type { I18n, UiKey } from '../../i18n';
import { ledgersUi } from '../../i18n/sections/ledgers';

export { ledgerKinds, type LedgerKind };

export function isLedgerKind(s: string | undefined | null): s is LedgerKind {
  return !!s && (ledgerKinds as readonly string[]).includes(s);
}

export function kindName(i18n: Pick<I18n, 't' | 'lang'>, kind: string): string {
  const key = `ledgers.kind.${kind}`;
  if (key in ledgersUi) return i18n.t(key as UiKey);
  // A kind newer than this screen: the core's own name for it, else its key.
  try {
    const named = message(key as MessageKey);
    return named[i18n.lang] || kind;
  } catch {
    return kind;
  }
}

/** Kinds whose rows carry a location (a column, a sheet named after it, or the default chosen here). */
const WITH_LOCATION: readonly string[] = ['stock', 'movements'];

export function kindTakesLocation(kind: string): boolean {
  return WITH_LOCATION.includes(kind);
}

/** Where the imported rows are seen. */
const SHOWN_AT: Record<string, string[]> = {
  areas: ['settings', 'areas'],
  locations: ['settings', 'locations'],
  items: ['settings', 'items'],
  stock: ['stock'],
  movements: ['movements', 'journal'],
  equipment: ['equipment'],
  shelters: ['shelters'],
  norms: ['gaps', 'norms'],
  tests: ['equipment'],
};

export function kindScreen(kind: string): string[] | undefined {
  return SHOWN_AT[kind];
}

/** The names of what an import created, e.g. { items: 3 } → "物资 3 种". */
export function createdText(i18n: Pick<I18n, 't'>, created: Record<string, number>): string {
  const parts = Object.entries(created)
    .filter(([, n]) => n > 0)
    .map(([key, n]) => {
      const k = `ledgers.created.${key}`;
      const shown = formatInt(n);
      return k in ledgersUi ? i18n.t(k as UiKey, { n: shown }) : i18n.t('ledgers.created.other', { key, n: shown });
    });
  return parts.join(i18n.t('fmt.listSep'));
}

const shanghai = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

/** An instant as the users read it (Asia/Shanghai), e.g. the time a file was imported before. */
export function shanghaiTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : shanghai.format(d);
}
