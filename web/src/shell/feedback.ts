import { App } from 'antd';
import { useMemo } from 'react';
import { ApiError } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** Error text in the user's language: the server's message for an ApiError, else a generic one. */
export function errorText(error: unknown, lang: 'zh' | 'en'): string {
  if (error instanceof ApiError) return error.localized(lang);
  return lang === 'en' ? 'Something went wrong; please try again.' : '操作失败，请稍后重试。';
}

export function useFeedback() {
  const { message } = App.useApp();
  const { lang } = useI18n();
  return useMemo(
    () => ({
      error(error: unknown) {
        // a 401 sends the user to the sign-in page, which explains it
        if (error instanceof ApiError && error.status === 401) return;
        void message.error(errorText(error, lang), 5);
      },
      success(text: string) {
        void message.success(text);
      },
      loading(text: string) {
        return message.loading(text, 0);
      },
    }),
    [message, lang],
  );
}
