import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  ClusterOutlined,
  CompassOutlined,
  EnvironmentOutlined,
  FlagOutlined,
  FormOutlined,
  HomeOutlined,
  IdcardOutlined,
  MoneyCollectOutlined,
  PercentageOutlined,
  ProfileOutlined,
  RadarChartOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  SwapOutlined,
  TeamOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Permission, Role } from '../api/types.ts';
import { ASSESSMENT_MENU } from '../assessment/assessment-menu.tsx';
import { VILLAGE_MENU } from '../deliberation/village-menu.tsx';
import type { MessageKey } from '../i18n/messages.ts';

export interface MenuEntry {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  permission: Permission;
  /** Only for accounts scoped at these org levels (我的支部 is a branch's page, not the city's). */
  levels?: readonly string[];
  /** Only for these roles (the org checks are the organization departments' and secretaries' work). */
  roles?: readonly Role[];
}

/** The side menu: an entry shows only when the account holds its permission (docs/api-foundation.md). */
const MENU: MenuEntry[] = [
  { path: '/', label: 'menu.home', icon: <HomeOutlined />, permission: 'org:read' },
  {
    path: '/my-branch',
    label: 'menu.myBranch',
    icon: <ProfileOutlined />,
    permission: 'member:read',
    levels: ['village', 'grid', 'unit'],
  },
  { path: '/my-records', label: 'menu.myRecords', icon: <IdcardOutlined />, permission: 'member:self' },
  { path: '/orgs', label: 'menu.orgs', icon: <ApartmentOutlined />, permission: 'org:read' },
  { path: '/map', label: 'menu.map', icon: <EnvironmentOutlined />, permission: 'grid:read' },
  { path: '/cases', label: 'menu.cases', icon: <AlertOutlined />, permission: 'case:read' },
  { path: '/cases/new', label: 'menu.caseNew', icon: <FormOutlined />, permission: 'case:report' },
  { path: '/cases/stats', label: 'menu.caseStats', icon: <BarChartOutlined />, permission: 'case:read' },
  { path: '/patrols', label: 'menu.patrol', icon: <CompassOutlined />, permission: 'patrol:checkin' },
  {
    path: '/patrols/coverage',
    label: 'menu.patrolCoverage',
    icon: <RadarChartOutlined />,
    permission: 'patrol:read',
  },
  {
    path: '/recruitment',
    label: 'menu.recruitment',
    icon: <FlagOutlined />,
    permission: 'recruitment:manage',
  },
  { path: '/meetings', label: 'menu.meetings', icon: <CalendarOutlined />, permission: 'meeting:read' },
  { path: '/checklists', label: 'menu.checklists', icon: <CarryOutOutlined />, permission: 'meeting:read' },
  { path: '/dues', label: 'menu.dues', icon: <MoneyCollectOutlined />, permission: 'dues:manage' },
  { path: '/dues/rates', label: 'menu.duesRates', icon: <PercentageOutlined />, permission: 'dues:manage' },
  { path: '/training', label: 'menu.training', icon: <BookOutlined />, permission: 'training:manage' },
  { path: '/transfers', label: 'menu.transfers', icon: <SwapOutlined />, permission: 'transfer:manage' },
  {
    path: '/mobile-members',
    label: 'menu.mobileMembers',
    icon: <UserSwitchOutlined />,
    permission: 'transfer:manage',
  },
  {
    path: '/community-reports',
    label: 'menu.communityReports',
    icon: <ShopOutlined />,
    permission: 'transfer:manage',
  },
  {
    path: '/org-checks',
    label: 'menu.orgChecks',
    icon: <ClusterOutlined />,
    permission: 'org:read',
    roles: ['org_admin', 'secretary'],
  },
  ...VILLAGE_MENU,
  ...ASSESSMENT_MENU,
  { path: '/admin/accounts', label: 'menu.accounts', icon: <TeamOutlined />, permission: 'account:manage' },
  {
    path: '/admin/security',
    label: 'menu.security',
    icon: <SafetyCertificateOutlined />,
    permission: 'security:manage',
  },
  { path: '/admin/audit', label: 'menu.audit', icon: <AuditOutlined />, permission: 'audit:read' },
];

export function menuFor(permissions: readonly Permission[], scopeLevel?: string, role?: Role): MenuEntry[] {
  return MENU.filter(
    (entry) =>
      permissions.includes(entry.permission) &&
      (!entry.levels || scopeLevel === undefined || entry.levels.includes(scopeLevel)) &&
      (!entry.roles || role === undefined || entry.roles.includes(role)),
  );
}
