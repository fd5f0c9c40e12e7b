// 小微权力清单 rules, pure: which list items a record's words match (the negative list wins; a record
// that names no positive power and matches none is unmatched: both are flagged to the town), and
// whether a step may be recorded (the procedure's steps strictly in order, dated, with evidence).
import { isDate } from '../../recruitment/domain/dates.ts';
import type { ProcedureStep } from '../power-list-tables.ts';

export interface ListItem {
  id: number;
  kind: 'positive' | 'negative';
  code: string;
  name: string;
  keywords: readonly string[];
  active: boolean;
}

export interface Match {
  /** the positive item the record follows (chosen, or the one its words name) */
  item: ListItem | null;
  flag: 'unmatched' | 'negative' | null;
  /** the negative item and the words that matched it */
  negative: { item: ListItem; words: string[] } | null;
}

const hits = (text: string, item: ListItem) => item.keywords.filter((k) => k && text.includes(k));

/** Matches a record's title and description against the county's list. */
export function matchPower(text: string, items: readonly ListItem[], chosen: ListItem | null): Match {
  const active = items.filter((i) => i.active);
  let negative: Match['negative'] = null;
  for (const n of active.filter((i) => i.kind === 'negative')) {
    const words = hits(text, n);
    if (words.length) {
      negative = { item: n, words };
      break;
    }
  }
  if (chosen?.kind === 'negative') negative = { item: chosen, words: [] };
  let item = chosen?.kind === 'positive' ? chosen : null;
  if (!item) {
    const ranked = active
      .filter((i) => i.kind === 'positive')
      .map((i) => ({ i, n: hits(text, i).length }))
      .filter((x) => x.n > 0)
      .sort((a, b) => b.n - a.n);
    if (ranked.length === 1 || (ranked[0] && ranked[1] && ranked[0].n > ranked[1].n))
      item = ranked[0]?.i ?? null;
  }
  return { item, negative, flag: negative ? 'negative' : item ? null : 'unmatched' };
}

export interface StepProblem {
  status: 400 | 409 | 422;
  code: string;
  zh: string;
  en: string;
  details: Record<string, unknown>;
}

const POWER_RULE_NAMES: Record<string, { zh: string; en: string }> = {
  POWER_STEP_ACTOR: { zh: '办理人不符', en: 'Wrong actor' },
  POWER_STEP_DATE: { zh: '日期不符', en: 'Wrong date' },
  POWER_STEP_EVIDENCE: { zh: '缺少留存材料', en: 'Evidence missing' },
  POWER_STEP_ORDER: { zh: '未按流程顺序', en: 'Steps out of order' },
  POWER_USE_CLOSED: { zh: '已办结', en: 'Closed' },
  POWER_USE_NO_PROCEDURE: { zh: '无清单流程', en: 'No procedure' },
};

const problem = (
  status: StepProblem['status'],
  code: string,
  zh: string,
  en: string,
  details: Record<string, unknown> = {},
): StepProblem => ({
  status,
  code,
  // the text names the rule in words; the code stays in `code` (issue 11: names, never codes)
  zh: `【${POWER_RULE_NAMES[code]?.zh ?? '小微权力办理'}】${zh}`,
  en: `[${POWER_RULE_NAMES[code]?.en ?? 'Power use'}] ${en}`,
  details,
});

/** Whether step `index` (1-based) may be recorded on `on` after `done` steps, the last on `lastOn`. */
export function checkPowerStep(
  procedure: readonly ProcedureStep[],
  state: { status: string; done: number; lastOn: string | null },
  input: { index: number; on: string; actorName: string; evidence: string },
  today: string,
): StepProblem | null {
  if (state.status !== 'open')
    return problem(
      409,
      'POWER_USE_CLOSED',
      '该权力运行记录已结束，不能再登记步骤。',
      'This record is closed: no further steps.',
      { status: state.status },
    );
  if (procedure.length === 0)
    return problem(
      422,
      'POWER_USE_NO_PROCEDURE',
      '该记录未匹配清单中的权力事项，没有可遵循的流程：请由镇（街）核查处理。',
      'This record matches no listed power and has no procedure: the town reviews it.',
    );
  const expected = state.done + 1;
  if (input.index !== expected) {
    const next = procedure[expected - 1];
    return problem(
      422,
      'POWER_STEP_ORDER',
      next
        ? `须按清单流程逐步办理：下一步应为第 ${expected} 步「${next.name}」（${next.actor}），不能登记第 ${input.index} 步。`
        : '流程已全部完成。',
      next
        ? `Follow the procedure in order: next is step ${expected} "${next.name}", not step ${input.index}.`
        : 'The procedure is complete.',
      { expected, given: input.index },
    );
  }
  if (!isDate(input.on))
    return problem(
      400,
      'POWER_STEP_DATE',
      `doneOn：${input.on} 不是有效日期。`,
      `doneOn: ${input.on} is not a date.`,
      { field: 'doneOn' },
    );
  if (input.on > today)
    return problem(
      422,
      'POWER_STEP_DATE',
      `日期 ${input.on} 晚于今天（${today}）。`,
      `${input.on} is after today (${today}).`,
      { field: 'doneOn' },
    );
  if (state.lastOn && input.on < state.lastOn)
    return problem(
      422,
      'POWER_STEP_DATE',
      `日期 ${input.on} 早于上一步（${state.lastOn}）。`,
      `${input.on} is before the previous step (${state.lastOn}).`,
      { field: 'doneOn' },
    );
  const step = procedure[input.index - 1] as ProcedureStep;
  if (step.evidence && !input.evidence.trim())
    return problem(
      400,
      'POWER_STEP_EVIDENCE',
      `evidence：「${step.name}」须留存「${step.evidence}」，请填写或上传。`,
      `evidence: "${step.name}" keeps "${step.evidence}".`,
      {
        field: 'evidence',
      },
    );
  if (!input.actorName.trim())
    return problem(400, 'POWER_STEP_ACTOR', 'actorName：请填写办理人。', 'actorName: who acted.', {
      field: 'actorName',
    });
  return null;
}
