// UI strings of following a case with its number and tracking code (public page, receipt), zh and en.
import { useCallback } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

export const zh = {
  'track.code': '查询码',
  'track.codePlaceholder': '受理回执或短信中的 8 位查询码',
  'track.hint': '凭案件编号和查询码查看办理进度。两者都在受理回执和短信中。',
  'track.notFound': '没有编号和查询码都相符的案件，请核对后再试。',
  'track.receipt': '查询码 {code}：凭案件编号和查询码可在“进度查询”查看办理情况。',
  'track.open': '查看进度',
};

export type TrackingMessageKey = keyof typeof zh;

export const en: Record<TrackingMessageKey, string> = {
  'track.code': 'Tracking code',
  'track.codePlaceholder': 'The 8-character code on your receipt or in the SMS',
  'track.hint': 'Follow a case with its number and tracking code; both are on the receipt and in the SMS.',
  'track.notFound': 'No case matches this number and tracking code: check both.',
  'track.receipt': 'Tracking code {code}: with the case number it shows the progress under “Follow a case”.',
  'track.open': 'Follow',
};

export function useTrackingText() {
  const { lang } = useI18n();
  return useCallback(
    (key: TrackingMessageKey, params?: Record<string, string | number>) => {
      let text: string = (lang === 'en' ? en : zh)[key] ?? key;
      if (params) for (const [k, v] of Object.entries(params)) text = text.replaceAll(`{${k}}`, String(v));
      return text;
    },
    [lang],
  );
}

/** The page that shows a case to whoever holds its number and code. */
export function trackingPath(caseNo: string, code: string | null | undefined): string {
  const path = `/public/track/${encodeURIComponent(caseNo)}`;
  return code ? `${path}?code=${encodeURIComponent(code)}` : path;
}
