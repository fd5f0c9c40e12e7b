// UI strings of the phone shell (bottom tab bar, menu drawer, 我的 page), zh and en.
import { useCallback } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

export const zh = {
  'tab.report': '上报',
  'tab.tasks': '任务',
  'tab.myReports': '我的反映',
  'tab.patrol': '巡查',
  'tab.records': '档案',
  'tab.orgs': '组织',
  'tab.me': '我的',
  'me.title': '我的',
  'me.all': '全部功能',
  'me.account': '账号',
  'me.role': '角色',
  'me.scope': '管辖范围',
  'me.language': '界面语言',
  'me.languageValue': '中文（切换为 English）',
  'me.password': '修改密码',
  'me.logout': '退出登录',
  'shell.openMenu': '打开菜单',
  'shell.menu': '功能菜单',
};
export type ShellMessageKey = keyof typeof zh;

export const en: Record<ShellMessageKey, string> = {
  'tab.report': 'Report',
  'tab.tasks': 'Tasks',
  'tab.myReports': 'My reports',
  'tab.patrol': 'Patrol',
  'tab.records': 'Records',
  'tab.orgs': 'Orgs',
  'tab.me': 'Me',
  'me.title': 'Me',
  'me.all': 'All functions',
  'me.account': 'Account',
  'me.role': 'Role',
  'me.scope': 'Scope',
  'me.language': 'Language',
  'me.languageValue': 'English (switch to 中文)',
  'me.password': 'Change password',
  'me.logout': 'Sign out',
  'shell.openMenu': 'Open the menu',
  'shell.menu': 'Menu',
};

export function useShellText() {
  const { lang } = useI18n();
  return useCallback((key: ShellMessageKey) => (lang === 'en' ? en : zh)[key] ?? key, [lang]);
}
