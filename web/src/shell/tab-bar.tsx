// The phone's bottom tab bar of the roles that work in the field or for themselves: the grid worker
// (上报 · 任务 · 巡查 · 我的), the resident (上报 · 我的反映 · 我的) and the member (档案 · 组织 · 我的).
// Large targets (56 px), the current tab in party red; each tab is a page of the account's menu.
import {
  AlertOutlined,
  ApartmentOutlined,
  CompassOutlined,
  FormOutlined,
  IdcardOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import type { Permission, Role } from '../api/types.ts';
import { type ShellMessageKey, useShellText } from './shell-messages.ts';

interface Tab {
  path: string;
  label: ShellMessageKey;
  icon: ReactNode;
  permission: Permission | null;
}

const TABS: Partial<Record<Role, Tab[]>> = {
  grid_worker: [
    { path: '/cases/new', label: 'tab.report', icon: <FormOutlined />, permission: 'case:report' },
    { path: '/cases', label: 'tab.tasks', icon: <AlertOutlined />, permission: 'case:read' },
    { path: '/patrols', label: 'tab.patrol', icon: <CompassOutlined />, permission: 'patrol:checkin' },
    { path: '/me', label: 'tab.me', icon: <UserOutlined />, permission: null },
  ],
  resident: [
    { path: '/cases/new', label: 'tab.report', icon: <FormOutlined />, permission: 'case:report' },
    { path: '/cases', label: 'tab.myReports', icon: <AlertOutlined />, permission: 'case:read' },
    { path: '/me', label: 'tab.me', icon: <UserOutlined />, permission: null },
  ],
  member: [
    { path: '/my-records', label: 'tab.records', icon: <IdcardOutlined />, permission: 'member:self' },
    { path: '/orgs', label: 'tab.orgs', icon: <ApartmentOutlined />, permission: 'org:read' },
    { path: '/me', label: 'tab.me', icon: <UserOutlined />, permission: null },
  ],
};

/** The tabs of a role on a phone (none: the role uses the menu drawer). */
export function tabsFor(role: Role, permissions: readonly Permission[]): Tab[] {
  return (TABS[role] ?? []).filter((t) => t.permission === null || permissions.includes(t.permission));
}

function current(pathname: string, tabs: Tab[]): string | null {
  const match = tabs
    .filter((t) => pathname === t.path || pathname.startsWith(`${t.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0];
  return match?.path ?? null;
}

export function TabBar({ tabs }: { tabs: Tab[] }) {
  const t = useShellText();
  const { pathname } = useLocation();
  // /cases/new is its own tab, not the case list's
  const active =
    pathname === '/cases/new'
      ? '/cases/new'
      : current(
          pathname,
          tabs.filter((x) => x.path !== '/cases/new'),
        );
  return (
    <nav className="qj-tabbar" data-testid="tab-bar">
      {tabs.map((tab) => (
        <Link
          key={tab.path}
          to={tab.path}
          className={tab.path === active ? 'qj-tab qj-tab-active' : 'qj-tab'}
          data-menu-path={tab.path}
          data-testid={`tab-${tab.path}`}
        >
          <span className="qj-tab-icon">{tab.icon}</span>
          <span className="qj-tab-label">{t(tab.label)}</span>
        </Link>
      ))}
    </nav>
  );
}
