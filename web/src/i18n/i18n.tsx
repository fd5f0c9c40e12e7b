import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { en, type MessageKey, zh } from './messages.ts';

export type Lang = 'zh' | 'en';

const STORAGE_KEY = 'qj.lang';

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  /** Picks the zh or en side of a name table, falling back to the raw value. */
  name: (table: Record<string, { zh: string; en: string }>, value: string | null | undefined) => string;
}

const I18nContext = createContext<I18n | null>(null);

let currentLang: Lang = initialLang();
dayjs.locale(currentLang === 'zh' ? 'zh-cn' : 'en');

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(currentLang);
  const setLang = useCallback((next: Lang) => {
    currentLang = next;
    dayjs.locale(next === 'zh' ? 'zh-cn' : 'en');
    document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const dict = lang === 'en' ? en : zh;
    return {
      lang,
      setLang,
      t: (key, params) => {
        let text: string = dict[key] ?? zh[key] ?? key;
        if (params) for (const [k, v] of Object.entries(params)) text = text.replaceAll(`{${k}}`, String(v));
        return text;
      },
      name: (table, value) => (value ? (table[value]?.[lang] ?? value) : ''),
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
