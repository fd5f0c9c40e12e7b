// The menu entries of issue 14 (merged into shell/menu.tsx).
import {
  AuditOutlined,
  BankOutlined,
  FundProjectionScreenOutlined,
  NotificationOutlined,
  SolutionOutlined,
} from '@ant-design/icons';
import type { MenuEntry } from '../shell/menu.tsx';

export const VILLAGE_MENU: MenuEntry[] = [
  {
    path: '/village-governance',
    label: 'menu.villageGovernance',
    icon: <FundProjectionScreenOutlined />,
    permission: 'village:supervise',
  },
  { path: '/deliberations', label: 'menu.deliberations', icon: <BankOutlined />, permission: 'village:read' },
  {
    path: '/village-affairs',
    label: 'menu.villageAffairs',
    icon: <NotificationOutlined />,
    permission: 'village:read',
  },
  { path: '/power-list', label: 'menu.powerList', icon: <AuditOutlined />, permission: 'village:read' },
  {
    path: '/village-cadres',
    label: 'menu.villageCadres',
    icon: <SolutionOutlined />,
    permission: 'village:read',
  },
];
