// The residents' pages: no sign-in needed to follow a case; reporting and evaluating need a
// resident account.
import { TranslationOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useEffect } from 'react';
import { Link, Outlet } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../shell/session.tsx';
import '../cases/cases.css';

export default function PublicLayout() {
  const { t, lang, setLang } = useI18n();
  const { me, status, logout } = useSession();
  useEffect(() => {
    document.title = t('public.title');
  }, [t]);
  return (
    <div className="qj-public" data-testid="public-layout">
      <header className="qj-public-header">
        <Space>
          <span className="qj-emblem">强</span>
          <b style={{ fontSize: 17 }}>{t('public.title')}</b>
        </Space>
        <Space wrap>
          <Link to="/public/track" data-testid="public-nav-track">
            {t('public.toTrack')}
          </Link>
          <Link to="/public/report" data-testid="public-nav-report">
            {t('public.toReport')}
          </Link>
          {status === 'signed_in' && me ? (
            <>
              <span data-testid="public-account">
                {t('public.signedInAs', { name: me.account.displayName })}
              </span>
              <Button size="small" ghost onClick={() => void logout()}>
                {t('shell.logout')}
              </Button>
            </>
          ) : null}
          <Button
            size="small"
            ghost
            icon={<TranslationOutlined />}
            onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
            data-testid="lang-switch"
          >
            {t('shell.language')}
          </Button>
        </Space>
      </header>
      <main className="qj-public-body">
        <Outlet />
      </main>
    </div>
  );
}

/** The sign-in link of the public pages: back here once signed in. */
export function SignInLink({ from }: { from: string }) {
  const { t } = useI18n();
  return (
    <Link to="/login" state={{ from, explicit: true }} data-testid="public-sign-in">
      <Button type="primary">{t('public.signIn')}</Button>
    </Link>
  );
}
