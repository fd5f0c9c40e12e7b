import {
  DownOutlined,
  KeyOutlined,
  LogoutOutlined,
  TranslationOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, Dropdown, Layout, Menu, Space, Tag } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';
import { ROLE_NAMES } from '../i18n/messages.ts';
import { NotificationBell } from '../notifications/notification-bell.tsx';
import { ChangePasswordDialog } from './change-password-dialog.tsx';
import { menuFor } from './menu.tsx';
import { PageSpin } from './page-spin.tsx';
import { useSession } from './session.tsx';
import './app-layout.css';

function selectedKey(pathname: string, paths: string[]): string {
  const match = paths
    .filter((p) => p !== '/' && pathname.startsWith(p))
    .sort((a, b) => b.length - a.length)[0];
  return match ?? (pathname === '/' ? '/' : '');
}

export default function AppLayout() {
  const { me, logout } = useSession();
  const { t, lang, setLang, name } = useI18n();
  const location = useLocation();
  const [passwordOpen, setPasswordOpen] = useState(false);

  useEffect(() => {
    document.title = t('app.name');
  }, [t]);

  if (!me) return null;
  const entries = menuFor(me.permissions);
  const forced = me.account.mustChangePassword;

  return (
    <Layout className="qj-shell">
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
            <Tag color="gold" data-testid="account-role" variant="filled">
              {name(ROLE_NAMES, me.account.role)}
            </Tag>
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
          <Dropdown
            menu={{
              items: [
                { key: 'password', icon: <KeyOutlined />, label: t('shell.changePassword') },
                { type: 'divider' },
                { key: 'logout', icon: <LogoutOutlined />, label: t('shell.logout'), danger: true },
              ],
              onClick: ({ key }) => {
                if (key === 'password') setPasswordOpen(true);
                if (key === 'logout') void logout();
              },
            }}
          >
            <Button type="text" className="qj-header-button" data-testid="account-menu">
              {me.account.username} <DownOutlined />
            </Button>
          </Dropdown>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={208} breakpoint="lg" collapsedWidth={0} className="qj-sider">
          <Menu
            mode="inline"
            data-testid="side-menu"
            selectedKeys={[
              selectedKey(
                location.pathname,
                entries.map((e) => e.path),
              ),
            ]}
            items={entries.map((entry) => ({
              key: entry.path,
              icon: entry.icon,
              label: (
                <Link to={entry.path} data-testid={`menu-${entry.path}`}>
                  {t(entry.label)}
                </Link>
              ),
            }))}
          />
        </Layout.Sider>
        <Layout.Content className="qj-content">
          <Suspense fallback={<PageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      <ChangePasswordDialog
        open={forced || passwordOpen}
        forced={forced}
        onClose={() => setPasswordOpen(false)}
      />
    </Layout>
  );
}
