// The active language (Chinese first; English by choice, kept in localStorage) and the helpers screens use.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { labels } from '../../src/i18n/messages';
import { type Lang, translate, type UiKey, type UiParams } from './messages';

export type { Lang, UiKey } from './messages';
export type LabelGroup = keyof typeof labels;
export type LabelKey<G extends LabelGroup> = keyof (typeof labels)[G];

const STORAGE_KEY = 'relief-ledger.lang';

function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  /** A screen string in the active language. */
  t(key: UiKey, params?: UiParams): string;
  /** A name from the core's labels (movement types, area levels, …) in the active language. */
  label<G extends LabelGroup>(group: G, key: LabelKey<G>): string;
  /** A message that comes as {zh, en}: Chinese, with the English gloss when English is chosen. */
  gloss(text: { zh: string; en: string }): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);
  const setLang = useCallback((next: Lang) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this session only
    }
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, params) => translate(lang, key, params),
      label: (group, key) => {
        const entry = (labels[group] as Record<string, { zh: string; en: string }>)[key as string];
        return entry ? entry[lang] : String(key);
      },
      gloss: (text) => (lang === 'en' && text.en && text.en !== text.zh ? `${text.zh} (${text.en})` : text.zh),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
