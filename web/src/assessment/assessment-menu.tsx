// The menu entries of issue 15 (merged into shell/menu.tsx): the organization departments and the
// village secretaries (assessment:read) see them; a secretary's grading entry opens their own years.
import {
  FallOutlined,
  FundOutlined,
  SettingOutlined,
  TrophyOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import type { MenuEntry } from '../shell/menu.tsx';

export const ASSESSMENT_MENU: MenuEntry[] = [
  { path: '/assessment', label: 'menu.assessment', icon: <FundOutlined />, permission: 'assessment:read' },
  { path: '/contests', label: 'menu.contests', icon: <TrophyOutlined />, permission: 'assessment:read' },
  { path: '/weak-orgs', label: 'menu.weakOrgs', icon: <FallOutlined />, permission: 'assessment:read' },
  {
    path: '/collective-economy',
    label: 'menu.collectiveEconomy',
    icon: <WalletOutlined />,
    permission: 'assessment:read',
  },
  {
    path: '/assessment/settings',
    label: 'menu.assessmentSettings',
    icon: <SettingOutlined />,
    permission: 'assessment:manage',
  },
];
