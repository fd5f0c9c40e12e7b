// The frame of the case pages: the app's shell on a desk, a compact one on a phone (the grid
// worker's PWA feel), where the full header and side menu do not fit.
import { MenuOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { lazy, Suspense, useSyncExternalStore } from 'react';
import { Link, Outlet, useNavigate } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';
import { menuFor } from '../shell/menu.tsx';
import { PageSpin } from '../shell/page-spin.tsx';
import { useSession } from '../shell/session.tsx';
import './cases.css';

const AppLayout = lazy(() => import('../shell/app-layout.tsx'));
const PHONE = '(max-width: 640px)';

function usePhone(): boolean {
  return useSyncExternalStore(
    (notify) => {
      const query = window.matchMedia(PHONE);
      query.addEventListener('change', notify);
      return () => query.removeEventListener('change', notify);
    },
    () => window.matchMedia(PHONE).matches,
  );
}

function PhoneShell() {
  const { me, logout } = useSession();
  const { t, lang, setLang } = useI18n();
  const navigate = useNavigate();
  if (!me) return null;
  const entries = menuFor(me.permissions);
  return (
    <div className="qj-phone">
      <header className="qj-phone-header">
        <Link to="/cases" className="qj-phone-brand">
          <span className="qj-emblem">强</span>
          <span>{t('app.short')}</span>
        </Link>
        <span className="qj-phone-account" data-testid="current-account">
          {me.account.displayName}
        </span>
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              ...entries.map((e) => ({ key: e.path, icon: e.icon, label: t(e.label) })),
              { type: 'divider' as const },
              { key: 'lang', label: t('shell.language') },
              { key: 'logout', label: t('shell.logout'), danger: true },
            ],
            onClick: ({ key }) => {
              if (key === 'lang') setLang(lang === 'zh' ? 'en' : 'zh');
              else if (key === 'logout') void logout();
              else navigate(key);
            },
          }}
        >
          <Button type="text" icon={<MenuOutlined />} className="qj-phone-menu" data-testid="phone-menu" />
        </Dropdown>
      </header>
      <main className="qj-phone-body">
        <Suspense fallback={<PageSpin />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}

export default function CasesShell() {
  return usePhone() ? <PhoneShell /> : <AppLayout />;
}
