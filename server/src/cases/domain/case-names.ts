// The Chinese and English names of the case machine's states, actions, roles and fields: what the
// machine's refusals and the API's labels say.
import type { CaseAction, CaseRole, CaseState, Field } from './case-machine.ts';
import type { CaseChannel } from './case-tables.ts';

export const STATE_NAMES: Record<CaseState, { zh: string; en: string }> = {
  reported: { zh: '已上报', en: 'reported' },
  filed: { zh: '已立案', en: 'filed' },
  rejected: { zh: '不予立案', en: 'rejected' },
  dispatched: { zh: '已派遣', en: 'dispatched' },
  in_handling: { zh: '处置中', en: 'in handling' },
  returned: { zh: '已退回', en: 'returned' },
  extension_requested: { zh: '延期申请中', en: 'extension requested' },
  escalated: { zh: '已上报上级', en: 'escalated' },
  handled: { zh: '已反馈', en: 'handled' },
  closed: { zh: '已结案', en: 'closed' },
  evaluated: { zh: '已评价', en: 'evaluated' },
  reopened: { zh: '重新办理', en: 'reopened' },
};

export const ACTION_NAMES: Record<CaseAction, { zh: string; en: string }> = {
  file: { zh: '立案', en: 'file' },
  reject: { zh: '不予立案', en: 'reject' },
  resolve_on_spot: { zh: '自行处置', en: 'resolve on the spot' },
  dispatch: { zh: '派遣', en: 'dispatch' },
  accept: { zh: '签收', en: 'accept' },
  return: { zh: '退回', en: 'return' },
  request_extension: { zh: '申请延期', en: 'request an extension' },
  approve_extension: { zh: '批准延期', en: 'approve the extension' },
  deny_extension: { zh: '驳回延期', en: 'deny the extension' },
  escalate: { zh: '上报上级', en: 'escalate' },
  whistle: { zh: '吹哨', en: 'summon departments' },
  feedback: { zh: '处置反馈', en: 'give feedback' },
  verify_pass: { zh: '核查通过', en: 'pass verification' },
  verify_fail: { zh: '核查不通过', en: 'fail verification' },
  evaluate: { zh: '评价', en: 'evaluate' },
  reopen: { zh: '重新办理', en: 'reopen' },
  supervise: { zh: '督办', en: 'supervise' },
};

export const ROLE_NAMES: Record<CaseRole, { zh: string; en: string }> = {
  grid_worker: { zh: '网格员', en: 'grid worker' },
  org_admin: { zh: '镇（街）村（社区）调度员', en: 'town or village dispatcher' },
  department_staff: { zh: '职能部门', en: 'department staff' },
  resident: { zh: '反映人', en: 'reporter' },
  system: { zh: '系统', en: 'system' },
};

export const FIELD_NAMES: Record<Field, { zh: string; en: string }> = {
  note: { zh: '说明', en: 'note' },
  attachments: { zh: '照片或附件', en: 'photos or attachments' },
  categoryCode: { zh: '案件类别', en: 'category' },
  rejectReason: { zh: '不予立案原因', en: 'reason for rejection' },
  duplicateOf: { zh: '重复案件编号', en: 'the case it duplicates' },
  departmentId: { zh: '处置部门', en: 'department' },
  departmentIds: { zh: '吹哨部门', en: 'summoned departments' },
  extension: { zh: '延期时限', en: 'extension' },
  evaluation: { zh: '评价结果', en: 'evaluation' },
  supervision: { zh: '督办级别', en: 'supervision level' },
};

/** The channel a case came by (来源渠道), as the web shows it. */
export const CHANNEL_NAMES: Record<CaseChannel, { zh: string; en: string }> = {
  grid_worker: { zh: '网格员上报', en: 'Grid worker' },
  resident: { zh: '群众反映', en: 'Resident' },
  hotline_12345: { zh: '12345热线', en: '12345 hotline' },
  police_110: { zh: '110警情', en: '110 police' },
  petition: { zh: '信访', en: 'Petition' },
  external: { zh: '其他系统', en: 'Other systems' },
};
