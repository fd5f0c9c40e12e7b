// Reading village decisions: the list (a secretary's matters in progress with next step and deadline,
// a town's matters not validly made and why), one matter with its steps and who attended, the
// roster a step is held against, and the figures per town or village with drill-down.
import type { Actor } from '../platform/access/actor.ts';
import { verifyOrg } from '../platform/access/scope.ts';
import type { Db } from '../platform/db/handle.ts';
import { badRequest } from '../platform/errors/errors.ts';
import { shanghaiToday } from '../recruitment/domain/dates.ts';
import { isOneShoulder, namesOf, rosterOf } from '../village-cadres/roster.repository.ts';
import * as repo from './deliberation.repository.ts';
import * as read from './deliberation-read.repository.ts';
import { factsOf, readDeliberationSettings } from './deliberation-state.ts';
import type { StoredBreach } from './deliberation-tables.ts';
import { nextStep, villagerMeetingRoute } from './domain/deliberation-machine.ts';
import type { DeliberationSettings } from './domain/deliberation-settings.ts';
import { namedBreachText } from './domain/rules.ts';
import { BODY_KINDS, BODY_NAMES, type BodyKind, categoryName, type TemplateKey } from './domain/templates.ts';

export interface MatterQuery {
  orgId?: number;
  status?: string;
  validity?: string;
  template?: string;
  category?: string;
  year?: number;
  q?: string;
  overdue?: boolean;
  sort?: 'proposed' | 'due';
  page?: number;
  pageSize?: number;
}

function stepNames(s: DeliberationSettings, template: string, key: string | null) {
  if (!key) return null;
  const t = s.templates[template as TemplateKey];
  const def = t?.steps.find((x) => x.key === key);
  return { key, nameZh: def?.nameZh ?? key, nameEn: def?.nameEn ?? key };
}

const breachOut = (b: StoredBreach[]) =>
  b.map((x) => ({
    code: x.code,
    step: x.step,
    messageZh: namedBreachText(x.message_zh, x.code, 'zh'),
    messageEn: namedBreachText(x.message_en, x.code, 'en'),
  }));

export async function basePathOf(db: Db, actor: Actor, orgId: number | undefined) {
  return orgId ? await verifyOrg(db, actor, orgId) : await verifyOrg(db, actor, actor.scopeOrgId);
}

function summary(r: read.MatterListRow, s: DeliberationSettings, today: string) {
  const t = s.templates[r.template as TemplateKey];
  const next = stepNames(s, r.template, r.next_step);
  return {
    id: Number(r.id),
    org: { id: Number(r.org_id), code: r.org_code, name: r.org_name },
    title: r.title,
    template: r.template,
    templateName: t?.nameZh ?? r.template,
    category: r.category,
    categoryName: categoryName(r.category).zh,
    amountFen: r.amount_fen === null ? null : Number(r.amount_fen),
    retrospective: r.retrospective,
    status: r.status,
    validity: r.validity,
    breaches: breachOut(r.breaches),
    nextStep: next && r.status === 'open' ? { ...next, dueOn: r.next_due_on } : null,
    overdue: r.status === 'open' && r.next_due_on !== null && r.next_due_on < today,
    proposedOn: r.proposed_on,
    resolvedOn: r.resolved_on,
    completedOn: r.completed_on,
    version: Number(r.version),
  };
}

export async function matterPage(db: Db, actor: Actor, q: MatterQuery, today = shanghaiToday()) {
  const base = await basePathOf(db, actor, q.orgId);
  const s = await readDeliberationSettings(db);
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const { items, total } = await read.listMatters(
    db,
    actor,
    {
      basePath: base.path,
      countyCode: base.county_code,
      status: q.status,
      validity: q.validity,
      template: q.template,
      category: q.category,
      year: q.year,
      q: q.q,
      overdueOn: q.overdue ? today : undefined,
      sort: q.sort,
    },
    page,
    pageSize,
  );
  return { items: items.map((r) => summary(r, s, today)), total, page, pageSize };
}

export async function matterDetail(db: Db, actor: Actor, id: number, today = shanghaiToday()) {
  const m = await repo.findDeliberation(db, actor, id);
  const s = await readDeliberationSettings(db);
  const rows = await repo.loadSteps(db, m.id);
  const facts = await factsOf(db, m, rows, s, today);
  const t = facts.template;
  const ids = { members: [] as number[], cadres: [] as number[], representatives: [] as number[] };
  for (const r of rows) {
    ids.members.push(...(r.attendees.members ?? []));
    ids.cadres.push(...(r.attendees.cadres ?? []));
    ids.representatives.push(...(r.attendees.representatives ?? []));
  }
  const names = await namesOf(db, ids);
  const attachmentIds = rows.flatMap((r) => r.attachments);
  const files = await repo.attachmentsMeta(db, Number(m.org_id), attachmentIds);
  const grid = m.grid_id === null ? null : await repo.gridOfVillage(db, Number(m.org_id), Number(m.grid_id));
  const next = nextStep(facts, s);
  const doneKeys = new Set(rows.flatMap((r) => [r.step, ...(r.merged_with ? [r.merged_with] : [])]));
  const route = villagerMeetingRoute(facts, s);
  return {
    ...summary({ ...m, org_id: m.org_id } as unknown as read.MatterListRow, s, today),
    description: m.description,
    grid: grid ? { id: Number(grid.id), name: grid.name } : null,
    oneShoulder: facts.oneShoulder,
    villagerMeetingRequired: route ? { reason: route.reason } : null,
    templateSteps: t.steps.map((d) => ({
      key: d.key,
      nameZh: d.nameZh,
      nameEn: d.nameEn,
      state: doneKeys.has(d.key) ? 'done' : next?.step.key === d.key ? 'next' : 'pending',
    })),
    steps: rows.map((r) => {
      const def = t.steps.find((d) => d.key === r.step);
      const who = [
        ...(r.attendees.members ?? []).map((i) => ({
          kind: 'member',
          id: i,
          name: names.members.get(i) ?? '',
        })),
        ...(r.attendees.cadres ?? []).map((i) => ({ kind: 'cadre', id: i, name: names.cadres.get(i) ?? '' })),
        ...(r.attendees.representatives ?? []).map((i) => ({
          kind: 'representative',
          id: i,
          name: names.representatives.get(i) ?? '',
        })),
      ];
      return {
        seq: Number(r.seq),
        step: r.step,
        nameZh: def?.nameZh ?? r.step,
        nameEn: def?.nameEn ?? r.step,
        mergedWith: r.merged_with,
        body: r.body,
        bodyNameZh: BODY_NAMES[r.body as BodyKind]?.zh ?? r.body,
        bodyNameEn: BODY_NAMES[r.body as BodyKind]?.en ?? r.body,
        heldOn: r.held_on,
        noticeOn: r.notice_on,
        place: r.place,
        dueCount: r.due_count === null ? null : Number(r.due_count),
        presentCount: r.present_count === null ? null : Number(r.present_count),
        householdsDue: r.households_due === null ? null : Number(r.households_due),
        householdsPresent: r.households_present === null ? null : Number(r.households_present),
        attendees: who,
        votes:
          r.yes_count === null
            ? null
            : {
                yes: Number(r.yes_count),
                no: Number(r.no_count ?? 0),
                abstain: Number(r.abstain_count ?? 0),
              },
        quorumMet: r.quorum_met,
        passed: r.passed,
        minutes: r.minutes,
        content: r.content,
        publicity:
          r.publicity_starts_on && r.publicity_ends_on
            ? { startsOn: r.publicity_starts_on, endsOn: r.publicity_ends_on }
            : null,
        implementedOn: r.implemented_on,
        attachments: r.attachments
          .map((a) => files.get(a))
          .filter((f): f is NonNullable<typeof f> => Boolean(f)),
        recordedAt: new Date(r.recorded_at).toISOString(),
      };
    }),
    next: next
      ? {
          key: next.step.key,
          nameZh: next.step.nameZh,
          nameEn: next.step.nameEn,
          kind: next.step.kind,
          bodies: next.bodies.map((b) => ({ key: b, nameZh: BODY_NAMES[b].zh, nameEn: BODY_NAMES[b].en })),
          canMerge: next.canMerge,
          dueOn: next.dueOn,
          earliestOn: next.earliestOn,
          publicityDays:
            next.step.key === 'publish_resolution'
              ? s.resolutionPublicityDays
              : next.step.key === 'publish_result'
                ? s.resultPublicityDays
                : null,
          noticeDays: next.bodies.includes('villager_meeting') ? s.villagerMeetingNoticeDays : null,
        }
      : null,
  };
}

/** Who is due at a body of the matter's village on a day (the form's attendee list). */
export async function rosterForStep(db: Db, actor: Actor, id: number, body: string, on: string) {
  const m = await repo.findDeliberation(db, actor, id);
  if (!(BODY_KINDS as readonly string[]).includes(body))
    throw badRequest(
      'DELIB_BODY_UNKNOWN',
      `body：没有「${body}」这种会议。`,
      `body: no such body "${body}".`,
      { field: 'body' },
    );
  const roster = await rosterOf(
    db,
    { id: Number(m.org_id), path: m.org_path },
    body as BodyKind,
    on,
    m.grid_id === null ? null : Number(m.grid_id),
  );
  return {
    body,
    on,
    oneShoulder: await isOneShoulder(db, Number(m.org_id), on),
    people: roster.kind === 'named' ? roster.people : [],
    adults: roster.kind === 'counted' ? roster.adults : null,
    households: roster.kind === 'counted' ? roster.households : null,
  };
}

const rate = (num: number, den: number) => (den === 0 ? null : Math.round((num * 1000) / den) / 10);

/** Validity per child org of the base in a year, with the rules broken most. */
export async function deliberationFigures(
  db: Db,
  actor: Actor,
  q: { orgId?: number; year?: number },
  today = shanghaiToday(),
) {
  const base = await basePathOf(db, actor, q.orgId);
  const year = q.year ?? Number(today.slice(0, 4));
  const [children, counts, breaches] = await Promise.all([
    read.childOrgs(db, actor, base.id),
    read.figuresByChild(db, actor, base, year),
    read.breachCounts(db, actor, base, year),
  ]);
  const byId = new Map(counts.map((c) => [c.childId, c]));
  const zero = {
    total: 0,
    open: 0,
    completed: 0,
    rejected: 0,
    withdrawn: 0,
    valid: 0,
    invalid: 0,
    pending: 0,
  };
  const rows = children.map((c) => {
    const f = byId.get(Number(c.id)) ?? { childId: Number(c.id), ...zero };
    return {
      org: { id: Number(c.id), code: c.code, name: c.name, level: c.level },
      ...f,
      validityRate: rate(f.valid, f.valid + f.invalid),
    };
  });
  const totals = rows.reduce(
    (a, r) => ({
      total: a.total + r.total,
      open: a.open + r.open,
      completed: a.completed + r.completed,
      rejected: a.rejected + r.rejected,
      withdrawn: a.withdrawn + r.withdrawn,
      valid: a.valid + r.valid,
      invalid: a.invalid + r.invalid,
      pending: a.pending + r.pending,
    }),
    zero,
  );
  return {
    base: { id: base.id, code: base.code, name: base.name, level: base.level },
    year,
    rows: rows.map(({ childId: _c, ...r }) => r),
    totals: { ...totals, validityRate: rate(totals.valid, totals.valid + totals.invalid) },
    breaches,
  };
}
