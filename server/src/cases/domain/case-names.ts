// The Chinese and English names of the case machine's states, actions, roles and fields: what the
// machine's refusals and the API's labels say. The names the web shows too (states, actions, channels,
// lights, supervision …) are the contract's (contract/case-names.ts), checked here to name exactly the
// server's codes; roles and fields (the machine's refusals) are the server's own.
import * as contract from '../../../../contract/case-names.ts';
import type { Exactly } from '../../../../contract/zh-en.ts';
import type { CaseAction, CaseRole, CaseState, Field, SummonsState } from './case-machine.ts';
import type { Evaluation, RejectReason } from './case-rules.ts';
import type { CaseChannel } from './case-tables.ts';
import type { Light, LimitUnit, SupervisionLevel } from './sla.ts';

export const STATE_NAMES: Exactly<CaseState, typeof contract.STATE_NAMES> = contract.STATE_NAMES;
export const ACTION_NAMES: Exactly<CaseAction, typeof contract.ACTION_NAMES> = contract.ACTION_NAMES;
export const REPORT_STEP_NAME = contract.REPORT_STEP_NAME;
export const CHANNEL_NAMES: Exactly<CaseChannel, typeof contract.CHANNEL_NAMES> = contract.CHANNEL_NAMES;
export const LIGHT_NAMES: Exactly<Light, typeof contract.LIGHT_NAMES> = contract.LIGHT_NAMES;
export const SUPERVISION_NAMES: Exactly<SupervisionLevel, typeof contract.SUPERVISION_NAMES> =
  contract.SUPERVISION_NAMES;
export const EVALUATION_NAMES: Exactly<Evaluation, typeof contract.EVALUATION_NAMES> =
  contract.EVALUATION_NAMES;
export const REJECT_REASON_NAMES: Exactly<RejectReason, typeof contract.REJECT_REASON_NAMES> =
  contract.REJECT_REASON_NAMES;
export const SUMMONS_STATE_NAMES: Exactly<SummonsState, typeof contract.SUMMONS_STATE_NAMES> =
  contract.SUMMONS_STATE_NAMES;
export const LIMIT_UNIT_NAMES: Exactly<LimitUnit, typeof contract.LIMIT_UNIT_NAMES> =
  contract.LIMIT_UNIT_NAMES;

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
