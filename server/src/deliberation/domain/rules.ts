// The rules a village decision is held to, each with a stable code and a message that names the
// rule, the dates or counts involved and what to do. 'refuse': a step recorded live that breaks it is
// answered 422 (or 400 for inconsistent input) and nothing is written; 'breach': what happened is
// recorded as it happened and the matter is shown as not validly made, naming the rule.

export interface Problem {
  status: 400 | 409 | 422;
  code: string;
  severity: 'refuse' | 'breach';
  /** the step the rule concerns (null for the matter as a whole) */
  step: string | null;
  zh: string;
  en: string;
  details: Record<string, unknown>;
}

const p = (
  status: Problem['status'],
  severity: Problem['severity'],
  code: string,
  step: string | null,
  zh: string,
  en: string,
  details: Record<string, unknown> = {},
): Problem => {
  // the text names the rule in words; the code stays in `code` (issue 11: names, never codes)
  const name = RULE_NAMES[code];
  return {
    status,
    severity,
    code,
    step,
    zh: name ? `【${name.zh}】${zh}` : zh,
    en: name ? `[${name.en}] ${en}` : en,
    details,
  };
};

/** A breach stored before the rules had names ("【DELIB_…】…") reads with the rule's name. */
export function namedBreachText(text: string, code: string, lang: 'zh' | 'en'): string {
  const name = RULE_NAMES[code];
  const raw = lang === 'zh' ? `【${code}】` : `[${code}] `;
  if (!text.startsWith(raw)) return text;
  const rest = text.slice(raw.length);
  if (!name) return rest;
  return lang === 'zh' ? `【${name.zh}】${rest}` : `[${name.en}] ${rest}`;
}

/** The rules' names, as a town's supervisor reads them beside a matter. */
export const RULE_NAMES: Record<string, { zh: string; en: string }> = {
  DELIB_BODY: { zh: '会议主体不符', en: 'Wrong body' },
  DELIB_CONSULT_PUBLICITY: { zh: '商议后公示不足', en: 'Plan not on notice long enough' },
  DELIB_COUNTS_INVALID: { zh: '人数不合理', en: 'Counts do not add up' },
  DELIB_DATE_IN_FUTURE: { zh: '日期晚于今天', en: 'Date in the future' },
  DELIB_DATE_ORDER: { zh: '日期先后不符', en: 'Dates out of order' },
  DELIB_IMPLEMENTED_BEFORE_PUBLICITY_END: { zh: '公示期内即实施', en: 'Implemented during the notice' },
  DELIB_MATTER_CLOSED: { zh: '事项已结束', en: 'Matter closed' },
  DELIB_MERGE_NOT_ALLOWED: { zh: '不符合合并条件', en: 'Steps may not be merged' },
  DELIB_NOTICE_PERIOD: { zh: '村民会议未提前通知', en: 'Meeting not announced in time' },
  DELIB_NOTICE_REQUIRED: { zh: '应提前通知', en: 'Notice required' },
  DELIB_PROCEEDED_AFTER_REJECTION: { zh: '未通过仍继续实施', en: 'Went on after rejection' },
  DELIB_PUBLICITY_NOT_ENDED: { zh: '公示期未满', en: 'Notice not over' },
  DELIB_PUBLICITY_REQUIRED: { zh: '应先公示', en: 'Notice required first' },
  DELIB_PUBLICITY_TOO_SHORT: { zh: '公示期不足', en: 'Notice too short' },
  DELIB_QUORUM: { zh: '会议不足法定人数', en: 'No quorum' },
  DELIB_RESOLUTION_NOT_PUBLISHED: { zh: '决议未公开', en: 'Resolution not published' },
  DELIB_RESOLUTION_PUBLISHED_LATE: { zh: '决议逾期公开', en: 'Resolution published late' },
  DELIB_ROSTER_EMPTY: { zh: '名册为空', en: 'Empty roster' },
  DELIB_STEP_MISSING: { zh: '缺少程序步骤', en: 'Step missing' },
  DELIB_STEP_ORDER: { zh: '未按顺序进行', en: 'Steps out of order' },
  DELIB_SUPERVISION_OBJECTION: { zh: '村务监督委员会提出异议', en: 'Supervision committee objected' },
  DELIB_VILLAGER_MEETING_REQUIRED: { zh: '应由村民会议决定', en: 'Villager meeting required' },
  DELIB_VOTES_REQUIRED: { zh: '应登记表决票数', en: 'Votes required' },
};

export interface Named {
  zh: string;
  en: string;
}

export const problems = {
  closed: (status: string) =>
    p(
      409,
      'refuse',
      'DELIB_MATTER_CLOSED',
      null,
      `该事项已${status === 'completed' ? '办结' : status === 'rejected' ? '未获通过而终止' : '撤回'}，不能再登记步骤。如需重新决策，请新建事项。`,
      `This matter is ${status}: no further steps can be recorded. Start a new matter to decide again.`,
      { status },
    ),
  order: (step: string, given: Named, expected: Named | null) =>
    p(
      422,
      'refuse',
      'DELIB_STEP_ORDER',
      step,
      expected
        ? `须严格按程序顺序进行：下一步应为「${expected.zh}」，不能登记「${given.zh}」。请先完成「${expected.zh}」。`
        : `本程序已没有待办步骤，不能登记「${given.zh}」。`,
      expected
        ? `Steps follow the procedure strictly in order: next is "${expected.en}", not "${given.en}". Complete "${expected.en}" first.`
        : `No step is left in this procedure; "${given.en}" cannot be recorded.`,
      { given: step, expected: expected?.en ?? null },
    ),
  missing: (step: string, name: Named, before: Named) =>
    p(
      422,
      'breach',
      'DELIB_STEP_MISSING',
      step,
      `缺少「${name.zh}」：在「${before.zh}」之前未经该程序。`,
      `"${name.en}" is missing: "${before.en}" was held without it.`,
      { missing: step },
    ),
  afterRejection: (step: string, rejected: Named) =>
    p(
      422,
      'breach',
      'DELIB_PROCEEDED_AFTER_REJECTION',
      step,
      `「${rejected.zh}」未获通过，事项应终止，但仍继续进行了后续程序。`,
      `"${rejected.en}" did not pass, so the matter should have ended, yet it went on.`,
    ),
  mergeNotAllowed: (reason: 'setting' | 'not_one_shoulder' | 'template') =>
    p(
      422,
      'refuse',
      'DELIB_MERGE_NOT_ALLOWED',
      'propose',
      reason === 'not_one_shoulder'
        ? '只有村党组织书记兼任村委会主任（“一肩挑”）时，提议和商议可合并为一次“两委”联席会议：本村目前不是“一肩挑”。请分别召开两次会议。'
        : reason === 'template'
          ? '该程序模板不允许合并提议和商议。'
          : '本地设置不允许合并提议和商议，请分别召开两次会议。',
      reason === 'not_one_shoulder'
        ? 'Proposal and consultation may be merged only when the secretary also directs the villagers’ committee (一肩挑); this village is not. Hold two meetings.'
        : reason === 'template'
          ? 'This template does not allow merging proposal and consultation.'
          : 'Local settings do not allow merging proposal and consultation: hold two meetings.',
      { reason },
    ),
  body: (step: string, given: Named, allowed: Named[], stepName: Named) =>
    p(
      422,
      'refuse',
      'DELIB_BODY',
      step,
      `「${stepName.zh}」应由${allowed.map((a) => `「${a.zh}」`).join('或')}进行，不能由「${given.zh}」进行。`,
      `"${stepName.en}" is held by ${allowed.map((a) => `"${a.en}"`).join(' or ')}, not by "${given.en}".`,
      { given: given.en, allowed: allowed.map((a) => a.en) },
    ),
  villagerMeetingRequired: (step: string, reason: 'category' | 'amount', facts: Record<string, unknown>) =>
    p(
      422,
      'refuse',
      'DELIB_VILLAGER_MEETING_REQUIRED',
      step,
      reason === 'category'
        ? `「${String(facts.categoryZh)}」属于必须提交村民会议讨论决定的事项，不能由村民代表会议决议。请召集村民会议。`
        : `涉及金额 ${String(facts.amountYuan)} 元，达到须提交村民会议决定的标准（${String(facts.lineYuan)} 元），不能由村民代表会议决议。请召集村民会议。`,
      reason === 'category'
        ? `"${String(facts.categoryEn)}" must be decided by the villagers' meeting, not the representatives' meeting. Call a villagers' meeting.`
        : `The amount ${String(facts.amountYuan)} yuan reaches the line (${String(facts.lineYuan)} yuan) for the villagers' meeting. Call a villagers' meeting.`,
      { reason, ...facts },
    ),
  noticeMissing: (step: string) =>
    p(
      400,
      'refuse',
      'DELIB_NOTICE_REQUIRED',
      step,
      '村民会议须登记提前通知（公告）的日期（noticeOn）。',
      'A villagers’ meeting needs the date it was announced (noticeOn).',
      { field: 'noticeOn' },
    ),
  notice: (step: string, noticeOn: string, heldOn: string, days: number, required: number) =>
    p(
      422,
      'refuse',
      'DELIB_NOTICE_PERIOD',
      step,
      `召开村民会议应当提前 ${required} 天通知村民：${noticeOn} 通知、${heldOn} 召开，只提前了 ${days} 天。请改期召开。`,
      `A villagers' meeting is announced ${required} days ahead: announced ${noticeOn}, held ${heldOn}, only ${days} days. Reschedule it.`,
      { noticeOn, heldOn, days, required },
    ),
  dateFuture: (step: string, on: string, today: string) =>
    p(
      422,
      'refuse',
      'DELIB_DATE_IN_FUTURE',
      step,
      `日期 ${on} 晚于今天（${today}）：只能登记已经发生的程序。`,
      `The date ${on} is after today (${today}): only what has happened can be recorded.`,
      { on, today },
    ),
  dateOrder: (step: string, on: string, previous: string, previousName: Named) =>
    p(
      422,
      'refuse',
      'DELIB_DATE_ORDER',
      step,
      `日期 ${on} 早于上一步「${previousName.zh}」（${previous}）：各步骤须依次进行，请核对日期。`,
      `The date ${on} is before the previous step "${previousName.en}" (${previous}): check the dates.`,
      { on, previous },
    ),
  consultPublicity: (step: string, consultOn: string, on: string, required: number) =>
    p(
      422,
      'refuse',
      'DELIB_CONSULT_PUBLICITY',
      step,
      `商议形成的方案须公示不少于 ${required} 天后再审议：${consultOn} 商议，${on} 审议未满 ${required} 天。`,
      `The plan is published at least ${required} days after consultation before review: consulted ${consultOn}, reviewed ${on}.`,
      { consultOn, on, required },
    ),
  countsInvalid: (step: string, zh: string, en: string, field: string) =>
    p(400, 'refuse', 'DELIB_COUNTS_INVALID', step, `人数不合理：${zh}`, `The counts do not add up: ${en}`, {
      field,
    }),
  emptyRoster: (step: string, body: Named) =>
    p(
      422,
      'refuse',
      'DELIB_ROSTER_EMPTY',
      step,
      `「${body.zh}」的名册为空，无法计算应到人数：请先登记名册（两委成员、村民代表或村民户数）。`,
      `The roster of "${body.en}" is empty, so no quorum can be computed: record the roster first.`,
      { body: body.en },
    ),
  quorum: (
    step: string,
    body: Named,
    facts: {
      due: number;
      present: number;
      needed: number;
      ratio: string;
      householdsDue?: number | null;
      householdsPresent?: number | null;
      householdsNeeded?: number | null;
    },
  ) =>
    p(
      422,
      'refuse',
      'DELIB_QUORUM',
      step,
      `「${body.zh}」应到 ${facts.due} 人，实到 ${facts.present} 人，未达到${facts.ratio}（至少 ${facts.needed} 人）${
        facts.householdsDue
          ? `；户代表 ${facts.householdsPresent ?? 0}/${facts.householdsDue} 户，也未达到 ${facts.householdsNeeded} 户`
          : ''
      }：会议不足法定人数，决定无效。请重新召集，到会人数达到要求后再登记。`,
      `"${body.en}": ${facts.due} due, ${facts.present} present, short of ${facts.ratio} (at least ${facts.needed})${
        facts.householdsDue
          ? `; households ${facts.householdsPresent ?? 0}/${facts.householdsDue}, short of ${facts.householdsNeeded}`
          : ''
      }: no quorum, the meeting cannot decide. Convene it again with enough present.`,
      facts,
    ),
  votesMissing: (step: string) =>
    p(
      400,
      'refuse',
      'DELIB_VOTES_REQUIRED',
      step,
      '本步须登记表决结果（赞成、反对、弃权）。',
      'This step needs the vote (yes, no, abstain).',
      {
        field: 'votes',
      },
    ),
  publicityMissing: (step: string) =>
    p(
      400,
      'refuse',
      'DELIB_PUBLICITY_REQUIRED',
      step,
      '公开须登记公示的起止日期和公开内容。',
      'A publication needs its start and end dates and its text.',
      { field: 'publicity' },
    ),
  publicityTooShort: (step: string, startsOn: string, endsOn: string, days: number, required: number) =>
    p(
      422,
      'refuse',
      'DELIB_PUBLICITY_TOO_SHORT',
      step,
      `公示期不少于 ${required} 天：${startsOn} 至 ${endsOn} 只有 ${days} 天。请延长公示期。`,
      `Publicity lasts at least ${required} days: ${startsOn} to ${endsOn} is ${days} days. Extend it.`,
      { startsOn, endsOn, days, required },
    ),
  publicityNotEnded: (step: string, endsOn: string, on: string) =>
    p(
      422,
      'refuse',
      'DELIB_PUBLICITY_NOT_ENDED',
      step,
      `决议公示至 ${endsOn} 结束，${on} 尚未期满：请于公示期满后再公开实施结果。`,
      `The resolution is on public notice until ${endsOn}; on ${on} it has not ended. Publish the results after it ends.`,
      { endsOn, on },
    ),
  publishedLate: (step: string, resolvedOn: string, on: string, within: number) =>
    p(
      422,
      'breach',
      'DELIB_RESOLUTION_PUBLISHED_LATE',
      step,
      `决议应在 ${within} 天内公开：${resolvedOn} 决议，${on} 才公开。`,
      `The resolution is published within ${within} days: resolved ${resolvedOn}, published only ${on}.`,
      { resolvedOn, on, within },
    ),
  notPublished: (resolvedOn: string, dueOn: string, today: string) =>
    p(
      422,
      'breach',
      'DELIB_RESOLUTION_NOT_PUBLISHED',
      'publish_resolution',
      `${resolvedOn} 形成的决议应于 ${dueOn} 前公开，至今（${today}）未公开。请立即在村务公开栏公开。`,
      `The resolution of ${resolvedOn} was due to be published by ${dueOn}; by ${today} it is not. Publish it now.`,
      { resolvedOn, dueOn, today },
    ),
  implementedEarly: (step: string, implementedOn: string, endsOn: string) =>
    p(
      422,
      'breach',
      'DELIB_IMPLEMENTED_BEFORE_PUBLICITY_END',
      step,
      `决议公示至 ${endsOn} 结束，但 ${implementedOn} 已开始实施：公示期满前不得实施。`,
      `The resolution was on notice until ${endsOn}, yet implementation began ${implementedOn}: nothing is implemented before the notice ends.`,
      { implementedOn, endsOn },
    ),
  supervisionObjection: (step: string, on: string) =>
    p(
      422,
      'breach',
      'DELIB_SUPERVISION_OBJECTION',
      step,
      `村务监督委员会 ${on} 监督认为该事项的决策或实施存在问题（见会议记录）。`,
      `The supervision committee found on ${on} that the decision or its implementation had problems (see the minutes).`,
      { on },
    ),
};
