import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode } from 'react';
import { BrowserRouter } from 'react-router';
import { queryClient } from '../api/query.ts';
import { I18nProvider, useI18n } from '../i18n/i18n.tsx';
import { AppRoutes } from './routes.tsx';
import { SessionProvider } from './session.tsx';

const PARTY_RED = '#c8161d';

function Themed() {
  const { lang } = useI18n();
  return (
    <ConfigProvider
      locale={lang === 'en' ? enUS : zhCN}
      theme={{
        algorithm: theme.defaultAlgorithm,
        token: {
          colorPrimary: PARTY_RED,
          colorLink: PARTY_RED,
          borderRadius: 4,
          fontFamily:
            "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Helvetica Neue', Arial, sans-serif",
        },
        components: {
          Layout: { headerBg: PARTY_RED, siderBg: '#fff', bodyBg: '#f3f4f6' },
        },
      }}
    >
      {/* toasts below the header (56–64 px), never over it */}
      <AntApp message={{ top: 68 }} notification={{ top: 68 }}>
        <BrowserRouter>
          <SessionProvider>
            <AppRoutes />
          </SessionProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

export function Root() {
  return (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <I18nProvider>
          <Themed />
        </I18nProvider>
      </QueryClientProvider>
    </StrictMode>
  );
}
