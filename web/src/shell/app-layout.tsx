// The one frame of every signed-in page. On a desk: the red header and the side menu. On a phone: a
// compact header with the page's name, a drawer with the whole menu, and — for the grid worker, the
// resident and the member — a bottom tab bar with the day's work. The page element keeps its place in
// the tree whichever frame is around it, so turning or resizing the phone never remounts the page.
import {
  DownOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuOutlined,
  TranslationOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, Drawer, Dropdown, Layout, Menu, Space, Tag } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';
import { ROLE_NAMES } from '../i18n/messages.ts';
import { NotificationBell } from '../notifications/notification-bell.tsx';
import { ChangePasswordDialog } from './change-password-dialog.tsx';
import { type MenuEntry, menuFor } from './menu.tsx';
import { PageSpin } from './page-spin.tsx';
import { useSession } from './session.tsx';
import { useShellText } from './shell-messages.ts';
import { TabBar, tabsFor } from './tab-bar.tsx';
import { usePhone } from './use-phone.ts';
import './app-layout.css';

function selectedKey(pathname: string, paths: string[]): string {
  const match = paths
    .filter((p) => p !== '/' && (pathname === p || pathname.startsWith(`${p}/`)))
    .sort((a, b) => b.length - a.length)[0];
  return match ?? (pathname === '/' ? '/' : '');
}

function MenuLinks({ entries, onPick }: { entries: MenuEntry[]; onPick?: () => void }) {
  const { t } = useI18n();
  const location = useLocation();
  return (
    <Menu
      mode="inline"
      data-testid="side-menu"
      selectedKeys={[
        selectedKey(
          location.pathname,
          entries.map((e) => e.path),
        ),
      ]}
      onClick={onPick}
      items={entries.map((entry) => ({
        key: entry.path,
        icon: entry.icon,
        label: (
          <Link to={entry.path} data-testid={`menu-${entry.path}`} data-menu-path={entry.path}>
            {t(entry.label)}
          </Link>
        ),
      }))}
    />
  );
}

export default function AppLayout() {
  const { me, logout } = useSession();
  const { t, lang, setLang, name } = useI18n();
  const st = useShellText();
  const location = useLocation();
  const phone = usePhone();
  const [passwordOpen, setPasswordOpen] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);

  useEffect(() => {
    document.title = t('app.name');
  }, [t]);

  if (!me) return null;
  const entries = menuFor(me.permissions, me.scope.level, me.account.role);
  const tabs = tabsFor(me.account.role, me.permissions);
  const forced = me.account.mustChangePassword;
  const here = entries.find(
    (e) =>
      e.path ===
      selectedKey(
        location.pathname,
        entries.map((x) => x.path),
      ),
  );
  const pageName = location.pathname === '/me' ? st('me.title') : here ? t(here.label) : t('app.short');
  const roleTag = (
    <Tag color="gold" data-testid="account-role" variant="filled">
      {name(ROLE_NAMES, me.account.role)}
    </Tag>
  );
  const accountItems = [
    { key: 'password', icon: <KeyOutlined />, label: t('shell.changePassword') },
    { type: 'divider' as const },
    { key: 'logout', icon: <LogoutOutlined />, label: t('shell.logout'), danger: true },
  ];
  const onAccount = ({ key }: { key: string }) => {
    if (key === 'password') setPasswordOpen(true);
    if (key === 'logout') void logout();
  };

  return (
    <Layout className={phone ? 'qj-shell qj-shell-phone' : 'qj-shell'}>
      {phone ? (
        <Layout.Header className="qj-header qj-header-phone">
          <Link to="/" className="qj-brand">
            <span className="qj-emblem">强</span>
          </Link>
          <div className="qj-phone-title">
            <b data-testid="page-name">{pageName}</b>
            <span data-testid="current-account">
              <span data-testid="account-name">{me.account.displayName}</span>
            </span>
          </div>
          <NotificationBell />
          <Button
            type="text"
            className="qj-header-button"
            icon={<MenuOutlined />}
            aria-label={st('shell.openMenu')}
            onClick={() => setDrawerOpen(true)}
            data-testid="phone-menu"
          />
        </Layout.Header>
      ) : (
        <Layout.Header className="qj-header">
          <Link to="/" className="qj-brand">
            <span className="qj-emblem">强</span>
            <span className="qj-brand-name" data-testid="app-name">
              {t('app.name')}
            </span>
          </Link>
          <Space size={16} className="qj-header-right">
            <span className="qj-account" data-testid="current-account">
              <UserOutlined />
              <span data-testid="account-name">{me.account.displayName}</span>
              {roleTag}
              <span className="qj-scope" data-testid="account-scope">
                {me.scope.name}
              </span>
            </span>
            <NotificationBell />
            <Button
              type="text"
              className="qj-header-button"
              icon={<TranslationOutlined />}
              onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
              data-testid="lang-switch"
            >
              {t('shell.language')}
            </Button>
            <Dropdown menu={{ items: accountItems, onClick: onAccount }}>
              <Button type="text" className="qj-header-button" data-testid="account-menu">
                {st('me.account')} <DownOutlined />
              </Button>
            </Dropdown>
          </Space>
        </Layout.Header>
      )}
      <Layout>
        {phone ? null : (
          <Layout.Sider width={208} className="qj-sider">
            <MenuLinks entries={entries} />
          </Layout.Sider>
        )}
        <Layout.Content className="qj-content" data-testid="main">
          <Suspense fallback={<PageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      {phone && tabs.length > 0 ? <TabBar tabs={tabs} /> : null}
      {phone ? (
        <Drawer
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          placement="right"
          size="default"
          title={st('shell.menu')}
          forceRender
          className="qj-menu-drawer"
          data-testid="menu-drawer"
        >
          <div className="qj-drawer-account">
            <b>{me.account.displayName}</b> {roleTag}
            <div className="qj-drawer-scope">{me.scope.name}</div>
          </div>
          <MenuLinks entries={entries} onPick={() => setDrawerOpen(false)} />
          <div className="qj-drawer-actions">
            <Button block icon={<UserOutlined />} onClick={() => setDrawerOpen(false)}>
              <Link to="/me" data-menu-path="/me">
                {st('me.title')}
              </Link>
            </Button>
            <Button block icon={<TranslationOutlined />} onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
              {t('shell.language')}
            </Button>
            <Button block danger icon={<LogoutOutlined />} onClick={() => void logout()}>
              {t('shell.logout')}
            </Button>
          </div>
        </Drawer>
      ) : null}
      <ChangePasswordDialog
        open={forced || passwordOpen}
        forced={forced}
        onClose={() => setPasswordOpen(false)}
      />
    </Layout>
  );
}
