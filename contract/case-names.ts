// The case vocabulary's names in Chinese and English: one table each, read by the server (its
// messages, timelines and exports) and by the web (its labels), so the two cannot drift. The codes
// are the server's (cases/domain); each side checks at compile time that a table names exactly its
// codes (`Exactly` in zh-en.ts).

export const STATE_NAMES = {
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

export const ACTION_NAMES = {
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

/** The first step of every timeline: the report itself (not an action of the machine). */
export const REPORT_STEP_NAME = { zh: '上报', en: 'report' };

/** 来源渠道: where a case came from. */
export const CHANNEL_NAMES = {
  grid_worker: { zh: '网格员上报', en: 'Grid worker' },
  resident: { zh: '群众反映', en: 'Resident' },
  hotline_12345: { zh: '12345热线', en: '12345 hotline' },
  police_110: { zh: '110警情', en: '110 police' },
  petition: { zh: '信访', en: 'Petition' },
  external: { zh: '其他系统', en: 'Other systems' },
};

export const LIGHT_NAMES = {
  green: { zh: '绿灯', en: 'green' },
  yellow: { zh: '黄灯', en: 'yellow' },
  red: { zh: '红灯', en: 'red' },
};

/** 督办: ordinary → yellow card → red card (RULES.md). */
export const SUPERVISION_NAMES = {
  none: { zh: '无', en: 'none' },
  ordinary: { zh: '一般督办', en: 'ordinary supervision' },
  yellow: { zh: '黄牌督办', en: 'yellow card' },
  red: { zh: '红牌督办', en: 'red card' },
};

export const EVALUATION_NAMES = {
  satisfied: { zh: '满意', en: 'satisfied' },
  basically_satisfied: { zh: '基本满意', en: 'basically satisfied' },
  dissatisfied: { zh: '不满意', en: 'dissatisfied' },
};

export const REJECT_REASON_NAMES = {
  invalid: { zh: '无效信息', en: 'invalid' },
  duplicate: { zh: '重复案件', en: 'duplicate' },
  not_our_responsibility: { zh: '非本单位职责', en: 'not our responsibility' },
};

export const LIMIT_UNIT_NAMES = {
  working_hour: { zh: '工作时', en: 'working hours' },
  urgent_hour: { zh: '紧急工作时', en: 'urgent hours' },
  workday: { zh: '工作日', en: 'workdays' },
};

export const SUMMONS_STATE_NAMES = {
  summoned: { zh: '待报到', en: 'summoned' },
  reported: { zh: '已报到', en: 'reported' },
  done: { zh: '已完成', en: 'done' },
};
