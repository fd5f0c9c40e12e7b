// Names of the case vocabulary in both languages, mirroring server/src/cases/domain (case-machine.ts, sla.ts).
import type {
  CaseAction,
  CaseChannel,
  CaseState,
  Evaluation,
  Light,
  LimitUnit,
  RejectReason,
  SummonsState,
  SupervisionLevel,
} from '../api/types.ts';

type Names<K extends string> = Record<K, { zh: string; en: string }>;

export const STATE_NAMES: Names<CaseState> = {
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
export const CASE_STATES = Object.keys(STATE_NAMES) as CaseState[];
export const OPEN_STATES: CaseState[] = CASE_STATES.filter(
  (s) => s !== 'rejected' && s !== 'closed' && s !== 'evaluated',
);

export const STATE_COLORS: Record<CaseState, string> = {
  reported: 'blue',
  filed: 'geekblue',
  rejected: 'default',
  dispatched: 'purple',
  in_handling: 'orange',
  returned: 'magenta',
  extension_requested: 'gold',
  escalated: 'volcano',
  handled: 'cyan',
  closed: 'green',
  evaluated: 'success',
  reopened: 'red',
};

export const ACTION_NAMES: Names<CaseAction> & Record<string, { zh: string; en: string }> = {
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
  report: { zh: '上报', en: 'report' },
};

export const CHANNEL_NAMES: Names<CaseChannel> = {
  grid_worker: { zh: '网格员上报', en: 'Grid worker' },
  resident: { zh: '群众反映', en: 'Resident' },
  hotline_12345: { zh: '12345热线', en: '12345 hotline' },
  police_110: { zh: '110警情', en: '110 police' },
  petition: { zh: '信访', en: 'Petition' },
  external: { zh: '其他系统', en: 'Other systems' },
};

export const LIGHT_NAMES: Names<Light> = {
  green: { zh: '绿灯', en: 'green' },
  yellow: { zh: '黄灯', en: 'yellow' },
  red: { zh: '红灯', en: 'red' },
};
export const LIGHT_COLORS: Record<Light, string> = { green: '#2f9e44', yellow: '#f2b705', red: '#d9363e' };

export const SUPERVISION_NAMES: Names<SupervisionLevel> = {
  none: { zh: '无', en: 'none' },
  ordinary: { zh: '督办', en: 'supervised' },
  yellow: { zh: '黄牌', en: 'yellow card' },
  red: { zh: '红牌', en: 'red card' },
};

export const EVALUATION_NAMES: Names<Evaluation> = {
  satisfied: { zh: '满意', en: 'satisfied' },
  basically_satisfied: { zh: '基本满意', en: 'basically satisfied' },
  dissatisfied: { zh: '不满意', en: 'dissatisfied' },
};

export const REJECT_REASON_NAMES: Names<RejectReason> = {
  invalid: { zh: '无效信息', en: 'invalid' },
  duplicate: { zh: '重复案件', en: 'duplicate' },
  not_our_responsibility: { zh: '非本单位职责', en: 'not our responsibility' },
};

export const LIMIT_UNIT_NAMES: Names<LimitUnit> = {
  working_hour: { zh: '工作时', en: 'working hours' },
  urgent_hour: { zh: '紧急工作时', en: 'urgent hours' },
  workday: { zh: '工作日', en: 'workdays' },
};

export const SUMMONS_STATE_NAMES: Names<SummonsState> = {
  summoned: { zh: '待报到', en: 'summoned' },
  reported: { zh: '已报到', en: 'reported' },
  done: { zh: '已完成', en: 'done' },
};

export const CASE_ROLE_NAMES: Record<string, { zh: string; en: string }> = {
  grid_worker: { zh: '网格员', en: 'grid worker' },
  org_admin: { zh: '调度员', en: 'dispatcher' },
  department_staff: { zh: '职能部门', en: 'department' },
  resident: { zh: '反映人', en: 'reporter' },
  system: { zh: '系统', en: 'system' },
};
