// Names of the case vocabulary in both languages: the contract's tables (contract/case-names.ts, which
// the server reads too), checked here to name exactly the codes of the API's types; colours and short
// role labels are the web's own.
import * as contract from '../../../contract/case-names.ts';
import type { Exactly } from '../../../contract/zh-en.ts';
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

export const STATE_NAMES: Exactly<CaseState, typeof contract.STATE_NAMES> = contract.STATE_NAMES;
export const ACTION_NAMES: Record<CaseAction | 'report', { zh: string; en: string }> &
  Record<string, { zh: string; en: string }> = {
  ...(contract.ACTION_NAMES satisfies Exactly<CaseAction, typeof contract.ACTION_NAMES>),
  report: contract.REPORT_STEP_NAME,
};
export const CHANNEL_NAMES: Exactly<CaseChannel, typeof contract.CHANNEL_NAMES> = contract.CHANNEL_NAMES;
export const LIGHT_NAMES: Exactly<Light, typeof contract.LIGHT_NAMES> = contract.LIGHT_NAMES;
export const SUPERVISION_NAMES: Exactly<SupervisionLevel, typeof contract.SUPERVISION_NAMES> =
  contract.SUPERVISION_NAMES;
export const EVALUATION_NAMES: Exactly<Evaluation, typeof contract.EVALUATION_NAMES> =
  contract.EVALUATION_NAMES;
export const REJECT_REASON_NAMES: Exactly<RejectReason, typeof contract.REJECT_REASON_NAMES> =
  contract.REJECT_REASON_NAMES;
export const LIMIT_UNIT_NAMES: Exactly<LimitUnit, typeof contract.LIMIT_UNIT_NAMES> =
  contract.LIMIT_UNIT_NAMES;
export const SUMMONS_STATE_NAMES: Exactly<SummonsState, typeof contract.SUMMONS_STATE_NAMES> =
  contract.SUMMONS_STATE_NAMES;

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

export const LIGHT_COLORS: Record<Light, string> = { green: '#2f9e44', yellow: '#f2b705', red: '#d9363e' };

export const CASE_ROLE_NAMES: Record<string, { zh: string; en: string }> = {
  grid_worker: { zh: '网格员', en: 'grid worker' },
  org_admin: { zh: '调度员', en: 'dispatcher' },
  department_staff: { zh: '职能部门', en: 'department' },
  resident: { zh: '反映人', en: 'reporter' },
  system: { zh: '系统', en: 'system' },
};
