// Demo village decisions (issue 14 item 7): a year of matters in every village and community with
// members, planned by deliberation-demo-plan.ts against the village's real rosters, judged by the
// engine as the service would (validity, breaches, next step and deadline), and written in bulk with
// their steps and the 村务公开 items of their resolutions and results.
import { type Kysely, sql, type Transaction } from 'kysely';
import { evaluationState } from '../../deliberation/deliberation-state.ts';
import type { MatterFacts } from '../../deliberation/domain/deliberation-machine.ts';
import { DELIBERATION_DEFAULTS as S } from '../../deliberation/domain/deliberation-settings.ts';
import { passes, quorum } from '../../deliberation/domain/quorum.ts';
import { bulkInsert } from '../../platform/db/bulk-insert.ts';
import type { DB } from '../../platform/db/schema.ts';
import { addDays } from '../../recruitment/domain/dates.ts';
import { createRng } from '../random.ts';
import { type DemoKind, type DemoRosters, planMatter } from './deliberation-demo-plan.ts';

type Tx = Transaction<DB> | Kysely<DB>;

const KINDS: [DemoKind, number][] = [
  ['valid', 835],
  ['late_publication', 30],
  ['unpublished', 15],
  ['implemented_early', 15],
  ['retro_missing_review', 20],
  ['retro_no_quorum', 20],
  ['retro_wrong_body', 10],
  ['rejected', 25],
  ['withdrawn', 10],
  ['supervision_objection', 20],
];

/** The rosters of every village on `today`, in a few bulk reads. */
export async function loadDemoRosters(
  tx: Tx,
): Promise<Map<number, DemoRosters & { code: string; countyCode: string; kind: string }>> {
  const villages = await sql<{
    id: number;
    code: string;
    county_code: string;
    short_name: string;
    kind: string;
  }>`
    select v.id, v.code, v.county_code, v.short_name, coalesce(d.kind, 'village') as kind
    from org v left join division d on d.code = v.division_code
    where v.level = 'village' and v.category = 'territorial' order by v.code`.execute(tx);
  const posts = await sql<{
    org_id: number;
    cadre_id: number;
    name: string;
    post: string;
    committee: string;
  }>`
    select p.org_id, p.cadre_id, c.name, p.post, p.committee
    from cadre_post p join village_cadre c on c.id = p.cadre_id where p.ended_on is null order by p.cadre_id`.execute(
    tx,
  );
  const members = await sql<{ village_id: string; id: number }>`
    select split_part(o.path, '/', 5) as village_id, m.id
    from member m join org o on o.id = m.org_id
    where m.status = 'full' and o.level in ('village', 'grid') and o.category = 'territorial' order by m.id`.execute(
    tx,
  );
  const reps = await sql<{ org_id: number; grid_id: number; id: number; group_role: string }>`
    select org_id, grid_id, id, group_role from village_representative where ended_on is null order by id`.execute(
    tx,
  );
  const registers = await sql<{ org_id: number; grid_id: number | null; adults: number; households: number }>`
    select org_id, grid_id, adults, households from village_register`.execute(tx);
  const grids = await sql<{
    id: number;
    name: string;
    village_org_id: number;
  }>`select id, name, village_org_id from grid order by code`.execute(tx);
  const out = new Map<number, DemoRosters & { code: string; countyCode: string; kind: string }>();
  for (const v of villages.rows)
    out.set(Number(v.id), {
      code: v.code,
      countyCode: v.county_code,
      kind: v.kind,
      villageName: v.short_name,
      party: [],
      villagers: [],
      supervision: [],
      secretaryName: '',
      oneShoulder: false,
      members: [],
      representatives: [],
      adults: 0,
      households: 0,
      groups: [],
    });
  const secretaries = new Map<number, number>();
  for (const p of posts.rows) {
    const r = out.get(Number(p.org_id));
    if (!r) continue;
    const list =
      p.committee === 'party' ? r.party : p.committee === 'villagers' ? r.villagers : r.supervision;
    if (!list.includes(Number(p.cadre_id))) list.push(Number(p.cadre_id));
    if (p.post === 'party_secretary') {
      r.secretaryName = p.name;
      secretaries.set(Number(p.org_id), Number(p.cadre_id));
    }
  }
  for (const p of posts.rows)
    if (p.post === 'director' && secretaries.get(Number(p.org_id)) === Number(p.cadre_id)) {
      const r = out.get(Number(p.org_id));
      if (r) r.oneShoulder = true;
    }
  for (const m of members.rows) out.get(Number(m.village_id))?.members.push(Number(m.id));
  const groupOf = new Map<number, DemoRosters['groups'][number]>();
  for (const g of grids.rows) {
    const group = { gridId: Number(g.id), name: g.name, leaders: [], council: [], adults: 0, households: 0 };
    groupOf.set(Number(g.id), group);
    out.get(Number(g.village_org_id))?.groups.push(group);
  }
  for (const x of reps.rows) {
    out.get(Number(x.org_id))?.representatives.push(Number(x.id));
    const g = groupOf.get(Number(x.grid_id));
    if (!g) continue;
    g.council.push(Number(x.id));
    if (x.group_role !== 'representative') g.leaders.push(Number(x.id));
  }
  for (const x of registers.rows) {
    if (x.grid_id === null) {
      const r = out.get(Number(x.org_id));
      if (r) Object.assign(r, { adults: Number(x.adults), households: Number(x.households) });
    } else {
      const g = groupOf.get(Number(x.grid_id));
      if (g) Object.assign(g, { adults: Number(x.adults), households: Number(x.households) });
    }
  }
  return out;
}

export async function seedDeliberations(tx: Tx, options: { seed: number; today: string }) {
  const { seed, today } = options;
  const rosters = await loadDemoRosters(tx);
  const year = Number(today.slice(0, 4));
  const matters: Record<string, unknown>[] = [];
  const steps: Record<string, unknown>[][] = [];
  const items: Record<string, unknown>[][] = [];
  for (const [villageId, r] of rosters) {
    if (r.members.length < 3 || r.party.length === 0 || r.representatives.length < 3) continue;
    const rng = createRng(seed, `deliberation:${r.code}`);
    const count = r.kind === 'community' ? rng.int(3, 7) : rng.int(5, 13);
    const groups = r.groups.filter((g) => g.leaders.length > 0 && g.council.length >= 3 && g.adults > 0);
    for (let k = 0; k < count; k++) {
      const proposedOn = addDays(today, -rng.int(0, 364));
      const group =
        r.kind !== 'community' && groups.length > 0 && rng.chance(0.15) && r.supervision.length > 0;
      const template = S.templates[group ? 'villager_group' : 'four_two'];
      let kind = rng.weighted(
        KINDS.map((x) => x[0]),
        KINDS.map((x) => x[1]),
      );
      if (kind === 'supervision_objection' && !group) kind = 'valid';
      if (kind.startsWith('retro_') && group) kind = 'valid';
      const plan = planMatter(rng, { ...r, groups }, template, kind, proposedOn, S, year);
      let planned = plan.steps.filter((x) => x.record.heldOn <= today);
      if (plan.withdrawn) planned = planned.slice(0, Math.min(planned.length, rng.int(1, 2)));
      const facts: MatterFacts = {
        template,
        category: plan.category,
        amountFen: plan.amountFen,
        status: plan.withdrawn ? 'withdrawn' : 'open',
        oneShoulder: r.oneShoulder,
        steps: planned.map((x) => x.record),
      };
      const state = evaluationState(facts, S, today);
      matters.push({
        org_id: villageId,
        county_code: r.countyCode,
        grid_id: plan.gridId,
        template: plan.template,
        title: plan.title,
        category: plan.category,
        amount_fen: plan.amountFen,
        description: plan.description,
        retrospective: plan.retrospective,
        status: state.status,
        validity: state.validity,
        breaches: state.breaches,
        next_step: state.next_step,
        next_due_on: state.next_due_on,
        proposed_on: planned[0]?.record.heldOn ?? proposedOn,
        resolved_on: state.resolved_on,
        completed_on: state.completed_on,
      });
      steps.push(
        planned.map((x) => {
          const rule = x.record.body === 'notice_board' ? null : S.bodies[x.record.body];
          const c = x.record.counts;
          const v = x.record.votes;
          return {
            county_code: r.countyCode,
            seq: template.steps.findIndex((d) => d.key === x.record.step) + 1,
            step: x.record.step,
            merged_with: x.record.mergedWith ?? null,
            body: x.record.body,
            held_on: x.record.heldOn,
            notice_on: x.record.noticeOn ?? null,
            place: x.place,
            due_count: c?.due ?? null,
            present_count: c?.present ?? null,
            households_due: c?.householdsDue ?? null,
            households_present: c?.householdsPresent ?? null,
            attendees: x.attendees,
            yes_count: v?.yes ?? null,
            no_count: v?.no ?? null,
            abstain_count: v?.abstain ?? null,
            quorum_met: rule && c ? quorum(rule, c, S.quorumBasis).met : null,
            passed: rule && c && v && quorum(rule, c, S.quorumBasis).met ? passes(rule, c, v) : null,
            minutes: x.minutes,
            content: x.content,
            publicity_starts_on: x.record.publicity?.startsOn ?? null,
            publicity_ends_on: x.record.publicity?.endsOn ?? null,
            implemented_on: x.record.implementedOn ?? null,
          };
        }),
      );
      // the 村务公开 items of the resolution and the results (as syncPublications keeps them)
      const resolve = planned.find((x) => x.record.step === 'resolve');
      const matterItems: Record<string, unknown>[] = [];
      const resolvePassed =
        resolve?.record.counts &&
        resolve.record.votes &&
        resolve.record.body !== 'notice_board' &&
        passes(S.bodies[resolve.record.body], resolve.record.counts, resolve.record.votes);
      if (resolve && resolvePassed && !plan.withdrawn) {
        const pub = planned.find((x) => x.record.step === 'publish_resolution');
        matterItems.push(
          item(
            villageId,
            r.countyCode,
            'resolution',
            `决议公开：${plan.title}`,
            addDays(resolve.record.heldOn, S.publishResolutionWithinDays),
            pub,
          ),
        );
        if (pub?.record.publicity) {
          const res = planned.find((x) => x.record.step === 'publish_result');
          matterItems.push(
            item(
              villageId,
              r.countyCode,
              'result',
              `实施结果公开：${plan.title}`,
              addDays(pub.record.publicity.endsOn, S.stepWithinDays.publish_result ?? 180),
              res,
            ),
          );
        }
      }
      items.push(matterItems);
    }
  }
  const ids = await bulkInsert(
    tx,
    'deliberation',
    [
      { name: 'org_id', type: 'int8' },
      { name: 'county_code', type: 'text' },
      { name: 'grid_id', type: 'int8' },
      { name: 'template', type: 'text' },
      { name: 'title', type: 'text' },
      { name: 'category', type: 'text' },
      { name: 'amount_fen', type: 'int8' },
      { name: 'description', type: 'text' },
      { name: 'retrospective', type: 'bool' },
      { name: 'status', type: 'text' },
      { name: 'validity', type: 'text' },
      { name: 'breaches', type: 'jsonb' },
      { name: 'next_step', type: 'text' },
      { name: 'next_due_on', type: 'date' },
      { name: 'proposed_on', type: 'date' },
      { name: 'resolved_on', type: 'date' },
      { name: 'completed_on', type: 'date' },
    ],
    matters,
    { returning: ['id'] },
  );
  const stepRows: Record<string, unknown>[] = steps.flatMap((list, i) =>
    list.map((s) => ({ ...s, deliberation_id: Number(ids[i]?.id) })),
  );
  await bulkInsert(
    tx,
    'deliberation_step',
    [
      { name: 'deliberation_id', type: 'int8' },
      { name: 'county_code', type: 'text' },
      { name: 'seq', type: 'int4' },
      { name: 'step', type: 'text' },
      { name: 'merged_with', type: 'text' },
      { name: 'body', type: 'text' },
      { name: 'held_on', type: 'date' },
      { name: 'notice_on', type: 'date' },
      { name: 'place', type: 'text' },
      { name: 'due_count', type: 'int4' },
      { name: 'present_count', type: 'int4' },
      { name: 'households_due', type: 'int4' },
      { name: 'households_present', type: 'int4' },
      { name: 'attendees', type: 'jsonb' },
      { name: 'yes_count', type: 'int4' },
      { name: 'no_count', type: 'int4' },
      { name: 'abstain_count', type: 'int4' },
      { name: 'quorum_met', type: 'bool' },
      { name: 'passed', type: 'bool' },
      { name: 'minutes', type: 'text' },
      { name: 'content', type: 'text' },
      { name: 'publicity_starts_on', type: 'date' },
      { name: 'publicity_ends_on', type: 'date' },
      { name: 'implemented_on', type: 'date' },
    ],
    stepRows,
  );
  const itemRows: Record<string, unknown>[] = items.flatMap((list, i) =>
    list.map((x) => ({ ...x, deliberation_id: Number(ids[i]?.id), period: `D${Number(ids[i]?.id)}` })),
  );
  await bulkInsert(
    tx,
    'publication_item',
    [
      { name: 'org_id', type: 'int8' },
      { name: 'county_code', type: 'text' },
      { name: 'kind', type: 'text' },
      { name: 'period', type: 'text' },
      { name: 'title', type: 'text' },
      { name: 'due_on', type: 'date' },
      { name: 'published_on', type: 'date' },
      { name: 'published_at', type: 'timestamptz' },
      { name: 'content', type: 'text' },
      { name: 'place', type: 'text' },
      { name: 'deliberation_id', type: 'int8' },
    ],
    itemRows,
  );
  return { matters: matters.length, steps: stepRows.length, items: itemRows.length };
}

function item(
  orgId: number,
  countyCode: string,
  kind: 'resolution' | 'result',
  title: string,
  dueOn: string,
  published: { record: { heldOn: string }; content: string; place: string } | undefined,
) {
  return {
    org_id: orgId,
    county_code: countyCode,
    kind,
    title,
    due_on: dueOn,
    published_on: published?.record.heldOn ?? null,
    published_at: published ? `${published.record.heldOn}T10:00:00+08:00` : null,
    content: published?.content ?? '',
    place: published?.place ?? '',
  };
}
