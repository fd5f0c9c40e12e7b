// UI strings of 三员分立's request and approval flow (accounts page, security page), zh and en.
import { useCallback } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

export const zh = {
  'rr.title': '授权申请',
  'rr.pendingTitle': '待审批的授权申请',
  'rr.kind.create': '新建账号',
  'rr.kind.change': '变更角色或范围',
  'rr.state.pending': '待审批',
  'rr.state.approved': '已批准',
  'rr.state.rejected': '已驳回',
  'rr.account': '账号',
  'rr.kind': '类型',
  'rr.from': '原角色 / 范围',
  'rr.to': '申请角色 / 范围',
  'rr.reason': '理由',
  'rr.requestedBy': '申请人',
  'rr.requestedAt': '申请时间',
  'rr.decision': '审批',
  'rr.approve': '批准',
  'rr.reject': '驳回',
  'rr.approveConfirm': '确定批准 {name} 的授权申请？批准后立即生效，该账号须重新登录。',
  'rr.rejectTitle': '驳回 {name} 的授权申请',
  'rr.rejectReason': '驳回理由',
  'rr.approved': '已批准',
  'rr.rejected': '已驳回',
  'rr.none': '没有待审批的申请',
  'rr.change': '调整授权',
  'rr.changeTitle': '调整 {name} 的角色或管辖范围',
  'rr.changeHelp': '授予新角色或扩大管辖范围须经安全管理员审批；缩小管辖范围（同一角色、下级组织）立即生效。',
  'rr.submitted': '已提交安全管理员审批',
  'rr.applied': '已生效，该账号须重新登录',
  'rr.pendingApproval': '待审批',
  'rr.notApproved': '未获批准',
  'rr.createdPending': '账号 {name} 已创建，待安全管理员批准后方可登录',
  'rr.reset': '重置密码',
  'rr.resetConfirm': '确定重置 {name} 的密码？该账号将立即退出登录，下次登录须修改密码。',
  'rr.resetDone': '{name} 的临时密码',
  'rr.resetHint': '临时密码只显示这一次，请当面或通过安全渠道交给本人。',
  'rr.decidedBy': '审批人',
  'rr.filter.all': '全部',
};

export type RoleRequestMessageKey = keyof typeof zh;

export const en: Record<RoleRequestMessageKey, string> = {
  'rr.title': 'Role requests',
  'rr.pendingTitle': 'Role requests to decide',
  'rr.kind.create': 'New account',
  'rr.kind.change': 'Role or scope change',
  'rr.state.pending': 'Pending',
  'rr.state.approved': 'Approved',
  'rr.state.rejected': 'Rejected',
  'rr.account': 'Account',
  'rr.kind': 'Kind',
  'rr.from': 'From role / scope',
  'rr.to': 'Requested role / scope',
  'rr.reason': 'Reason',
  'rr.requestedBy': 'Asked by',
  'rr.requestedAt': 'Asked at',
  'rr.decision': 'Decision',
  'rr.approve': 'Approve',
  'rr.reject': 'Reject',
  'rr.approveConfirm': "Approve {name}'s request? It applies at once; the account signs in again.",
  'rr.rejectTitle': "Reject {name}'s request",
  'rr.rejectReason': 'Reason for the rejection',
  'rr.approved': 'Approved',
  'rr.rejected': 'Rejected',
  'rr.none': 'No request waits for a decision',
  'rr.change': 'Change grant',
  'rr.changeTitle': "Change {name}'s role or scope",
  'rr.changeHelp':
    'A new role or a wider scope needs the security administrator’s approval; a narrower scope (same role, an org below) applies at once.',
  'rr.submitted': 'Sent to the security administrator',
  'rr.applied': 'Applied; the account signs in again',
  'rr.pendingApproval': 'Pending approval',
  'rr.notApproved': 'Not approved',
  'rr.createdPending': 'Account {name} created; it can sign in once the security administrator approves',
  'rr.reset': 'Reset password',
  'rr.resetConfirm':
    "Reset {name}'s password? The account is signed out and must change it at the next sign-in.",
  'rr.resetDone': 'Temporary password of {name}',
  'rr.resetHint': 'Shown only this once: hand it over in person or through a secure channel.',
  'rr.decidedBy': 'Decided by',
  'rr.filter.all': 'All',
};

export function useRoleRequestText() {
  const { lang } = useI18n();
  const t = useCallback(
    (key: RoleRequestMessageKey, params?: Record<string, string | number>) => {
      let text: string = (lang === 'en' ? en : zh)[key] ?? key;
      if (params) for (const [k, v] of Object.entries(params)) text = text.replaceAll(`{${k}}`, String(v));
      return text;
    },
    [lang],
  );
  return { t, lang };
}
