// A small hook for the village pages' strings (zh first, en available): each page keeps its own
// dictionary in its *-messages.ts and asks for t(key, params).
import { useCallback } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

export function useDictionary<K extends string>(zh: Record<K, string>, en: Record<K, string>) {
  const { lang } = useI18n();
  const t = useCallback(
    (key: K, params?: Record<string, string | number>) => {
      let text: string = (lang === 'en' ? en : zh)[key] ?? key;
      if (params) for (const [k, v] of Object.entries(params)) text = text.replaceAll(`{${k}}`, String(v));
      return text;
    },
    [lang, zh, en],
  );
  return { t, lang };
}

/** Yuan from fen with thousands separators (金额以元显示). */
export const yuan = (fen: number | null | undefined) =>
  fen === null || fen === undefined
    ? '—'
    : `${(fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`;

/** A rate in per cent, or a dash. */
export const percent = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v}%`);

/** Today in Asia/Shanghai as YYYY-MM-DD. */
export function todayShanghai(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}
