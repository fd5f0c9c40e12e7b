import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  EnvironmentOutlined,
  FormOutlined,
  HomeOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Permission } from '../api/types.ts';
import type { MessageKey } from '../i18n/messages.ts';

export interface MenuEntry {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  permission: Permission;
}

/** The side menu: an entry shows only when the account holds its permission (docs/api-foundation.md). */
export const MENU: MenuEntry[] = [
  { path: '/', label: 'menu.home', icon: <HomeOutlined />, permission: 'org:read' },
  { path: '/orgs', label: 'menu.orgs', icon: <ApartmentOutlined />, permission: 'org:read' },
  { path: '/map', label: 'menu.map', icon: <EnvironmentOutlined />, permission: 'grid:read' },
  { path: '/cases', label: 'menu.cases', icon: <AlertOutlined />, permission: 'case:read' },
  { path: '/cases/new', label: 'menu.caseNew', icon: <FormOutlined />, permission: 'case:report' },
  { path: '/cases/stats', label: 'menu.caseStats', icon: <BarChartOutlined />, permission: 'case:read' },
  { path: '/admin/accounts', label: 'menu.accounts', icon: <TeamOutlined />, permission: 'account:manage' },
  {
    path: '/admin/security',
    label: 'menu.security',
    icon: <SafetyCertificateOutlined />,
    permission: 'security:manage',
  },
  { path: '/admin/audit', label: 'menu.audit', icon: <AuditOutlined />, permission: 'audit:read' },
];

export function menuFor(permissions: readonly Permission[]): MenuEntry[] {
  return MENU.filter((entry) => permissions.includes(entry.permission));
}
