// The drill-down from a score to its records: for one indicator of one village's assessment, the
// records its figure was counted from, read now within the reader's scope over the assessed span.
// A 'ledger' year (before the platform) and a declared source have no records here and say so.
import { villageCaseRecords } from '../../cases/case-village.repository.ts';
import {
  ECONOMY_SETTINGS_DEFAULTS,
  ECONOMY_SETTINGS_KEY,
} from '../../collective-economy/domain/economy-rules.ts';
import { matterPage } from '../../deliberation/deliberation-read.service.ts';
import { MEETING_KIND_NAMES } from '../../meetings/domain/meeting-rules.ts';
import { readMeetingSettings } from '../../meetings/meeting-common.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { verifyAssessment } from '../../platform/access/scope.ts';
import type { Db } from '../../platform/db/handle.ts';
import { readSetting } from '../../platform/settings/settings.ts';
import { shanghaiToday } from '../../recruitment/domain/dates.ts';
import { itemPage } from '../../village-publication/publication.service.ts';
import { indicatorsOf, roundById } from '../assessment.repository.ts';
import { assessmentErrors } from '../assessment-errors.ts';
import { visibleStates } from '../assessment-read.service.ts';
import { indicatorDef } from '../domain/grading.ts';
import { addTallies, orgLifeOfBranch } from '../domain/org-life-figures.ts';
import { periodOfYear } from '../grading.service.ts';
import { orgLifeInputs } from './figures.repository.ts';
import { declaredNote, monthOfDate, SOURCES } from './indicator-sources.ts';
import {
  candidateRecords,
  duesMonths,
  goalRecords,
  incomeRecords,
  meetingRecords,
  trainingRecords,
} from './records.repository.ts';

export type RecordsKind =
  | 'meetings'
  | 'candidates'
  | 'dues_months'
  | 'training_sessions'
  | 'cases'
  | 'incomes'
  | 'goals'
  | 'publications'
  | 'decisions'
  | 'manual'
  | 'none';

export async function indicatorRecords(
  db: Db,
  actor: Actor,
  assessmentId: number,
  indicator: string,
  page: number,
  pageSize: number,
) {
  const a = await verifyAssessment(db, actor, assessmentId);
  const round = await roundById(db, a.round_id);
  if (!round || !(await visibleStates(db, actor)).includes(round.state))
    throw assessmentErrors.noRound(a.year);
  const row = (await indicatorsOf(db, a.id)).find((r) => r.indicator === indicator);
  if (!row) throw assessmentErrors.indicatorNotInSet(indicator);
  const def = indicatorDef(round.settings, indicator);
  const span = periodOfYear(a.year, shanghaiToday(round.computed_at));
  const base = {
    indicator,
    name: def.name,
    figure: { value: row.value, numerator: row.numerator, denominator: row.denominator, note: row.note },
    span,
  };
  const none = (why: string) => ({
    ...base,
    kind: 'none' as RecordsKind,
    reason: why,
    total: 0,
    items: [] as unknown[],
  });
  if (round.basis === 'ledger')
    return none(`${a.year} 年度考核在平台启用前完成，数据取自线下考核台账，平台中没有逐条记录`);
  if (def.source === 'manual')
    return {
      ...base,
      kind: 'manual' as RecordsKind,
      reason: '',
      total: row.entered_at ? 1 : 0,
      items: row.entered_at
        ? [{ score: row.score, evidence: row.evidence, note: row.note, enteredAt: row.entered_at }]
        : [],
    };
  const source = SOURCES[def.source];
  if (source.status === 'declared') return none(declaredNote(source.origin));
  const out = <T>(
    kind: RecordsKind,
    items: T[],
    total = items.length,
    extra: Record<string, unknown> = {},
  ) => ({
    ...base,
    kind,
    reason: '',
    total,
    items,
    ...extra,
  });
  switch (def.source) {
    case 'org_life': {
      const [list, settings, inputs] = await Promise.all([
        meetingRecords(db, actor, a.org_path, span, page, pageSize),
        readMeetingSettings(db),
        orgLifeInputs(db, actor, a.org_path, span.from, span.to),
      ]);
      const tally = addTallies(
        inputs.branches.map((b) => orgLifeOfBranch(inputs.meetingsOf(b.id), b, settings, span.from, span.to)),
      );
      return out(
        'meetings',
        list.items.map((m) => ({ ...m, kindName: MEETING_KIND_NAMES[m.kind] })),
        list.total,
        { byKind: tally.kinds.map((k) => ({ ...k, name: MEETING_KIND_NAMES[k.kind] })) },
      );
    }
    case 'recruitment':
      return out('candidates', await candidateRecords(db, actor, a.org_path, span));
    case 'dues':
      return out(
        'dues_months',
        await duesMonths(db, actor, a.org_path, monthOfDate(span.from), monthOfDate(span.to)),
      );
    case 'training':
      return out('training_sessions', await trainingRecords(db, actor, a.org_path, span));
    case 'case_response':
    case 'case_on_time':
    case 'case_satisfaction': {
      const filter =
        def.source === 'case_response'
          ? 'received'
          : def.source === 'case_on_time'
            ? 'due_to_close'
            : 'evaluated';
      const to = new Date(`${span.to}T00:00:00+08:00`);
      to.setUTCDate(to.getUTCDate() + 1);
      const list = await villageCaseRecords(
        db,
        actor,
        a.org_id,
        { from: new Date(`${span.from}T00:00:00+08:00`), to, now: round.computed_at },
        filter,
        page,
        pageSize,
      );
      return out('cases', list.items, list.total);
    }
    case 'income_growth':
    case 'income_level': {
      const s = await readSetting(db, ECONOMY_SETTINGS_KEY, ECONOMY_SETTINGS_DEFAULTS);
      const names = new Map(s.sources.map((x) => [x.code, x]));
      const rows = await incomeRecords(db, actor, a.org_id, [a.year - 1, a.year]);
      return out(
        'incomes',
        rows.map((r) => ({
          ...r,
          name: names.get(r.source)?.name ?? { zh: r.source, en: r.source },
          operating: names.get(r.source)?.operating ?? false,
        })),
      );
    }
    case 'contest_promise':
      return out('goals', await goalRecords(db, actor, a.org_id, a.year - 1));
    case 'village_publication': {
      const list = await itemPage(db, actor, { orgId: a.org_id, year: a.year, page, pageSize }, span.to);
      return out('publications', list.items, list.total);
    }
    case 'decision_validity': {
      const list = await matterPage(db, actor, { orgId: a.org_id, year: a.year, page, pageSize }, span.to);
      return out('decisions', list.items, list.total);
    }
    default:
      return none('');
  }
}
