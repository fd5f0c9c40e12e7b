// Demo 擂台赛: last year one contest per county, finished, with its entries, five judges' scores,
// audience votes and results (computed by the same rules as the service), and the goals followed up
// this year by the towns; this year one county contest still taking entries. Deterministic.
import type { Kysely, Transaction } from 'kysely';
import {
  CONTEST_SETTINGS_DEFAULTS,
  contestResults,
  type GoalFollowup,
} from '../../contests/domain/contest-scoring.ts';
import type { DB } from '../../platform/db/schema.ts';
import { createRng } from '../random.ts';
import type { DemoVillage } from './economy-demo.ts';

type Tx = Transaction<DB> | Kysely<DB>;

const TOPICS = [
  ['盘活闲置土地发展富民工坊', '村集体经营性收入增长 20%', '新增村民就业岗位 30 个'],
  ['侨资侨力助力美丽侨村建设', '修缮侨房 5 栋并活化利用', '引进侨资项目 1 个'],
  ['“党建+网格”提升基层治理', '群众满意率达到 95% 以上', '矛盾纠纷就地化解率 98%'],
  ['抓党建促乡村振兴示范村创建', '建成人居环境示范片区 1 个', '发展党员 2 名、后备干部 3 名'],
  ['强村公司联营带动村集体增收', '村集体经营性收入突破 100 万元', '分红惠及全体村民'],
  ['撂荒地复耕与特色农业', '复耕撂荒地 200 亩', '培育特色农产品品牌 1 个'],
  ['“一社区一品牌”服务群众', '建成“一老一小”服务阵地', '志愿服务时长增长 30%'],
];
const JUDGES = ['评委一', '评委二', '评委三', '评委四', '评委五'];

export async function seedContests(
  tx: Tx,
  options: { seed: number; today: string; villages: DemoVillage[]; quality: ReadonlyMap<number, number> },
) {
  const rng = createRng(options.seed, 'contests');
  const year = Number(options.today.slice(0, 4));
  const last = year - 1;
  const counties = [...new Set(options.villages.map((v) => v.countyCode))].sort();
  const countyOrgs = await tx
    .selectFrom('org')
    .select(['id', 'code', 'short_name'])
    .where('code', 'in', counties)
    .execute();
  let entries = 0;
  for (const c of countyOrgs) {
    const [contest] = await tx
      .insertInto('contest')
      .values({
        organizer_org_id: Number(c.id),
        county_code: c.code,
        year: last,
        title: `${last}年${c.short_name.replace(/委$/, '')}“党建引领 实干争先”抓党建促乡村振兴擂台赛`,
        theme: '比拼劲、赛成绩、学经验、促发展：村（社区）党组织书记上台亮承诺、比实绩',
        held_on: `${last}-11-${String(rng.int(10, 28)).padStart(2, '0')}`,
        state: 'finished',
        settings: JSON.stringify(CONTEST_SETTINGS_DEFAULTS),
        finished_at: new Date(`${last}-11-30T10:00:00+08:00`),
      })
      .returning('id')
      .execute();
    const contestId = Number(contest?.id);
    // the better villages of the county enter (as the towns recommend them)
    const pool = options.villages
      .filter((v) => v.countyCode === c.code)
      .sort((a, b) => (options.quality.get(b.id) ?? 0) - (options.quality.get(a.id) ?? 0))
      .slice(0, 14);
    const chosen = rng.shuffle(pool).slice(0, rng.int(6, 8));
    const tallies: { id: number; judgeScores: number[]; votes: number }[] = [];
    const followups: { entryId: number; goals: string[] }[] = [];
    for (const v of chosen) {
      const topic = rng.pick(TOPICS);
      const secretary = await tx
        .selectFrom('cadre_post')
        .innerJoin('village_cadre', 'village_cadre.id', 'cadre_post.cadre_id')
        .select('village_cadre.name')
        .where('cadre_post.org_id', '=', v.id)
        .where('cadre_post.post', '=', 'party_secretary')
        .orderBy('cadre_post.term_start', 'desc')
        .executeTakeFirst();
      const [entry] = await tx
        .insertInto('contest_entry')
        .values({
          contest_id: contestId,
          org_id: v.id,
          county_code: c.code,
          secretary_name: secretary?.name ?? null,
          topic: `${v.shortName}：${topic[0]}`,
          evidence: '村“两委”会议纪要、项目现场照片、群众评议表',
          votes: rng.int(40, 400),
          submitted_at: new Date(`${last}-10-15T09:00:00+08:00`),
        })
        .returning(['id', 'votes'])
        .execute();
      const entryId = Number(entry?.id);
      entries++;
      const level = 80 + (options.quality.get(v.id) ?? 0) * 4;
      const scores = JUDGES.map((judge) => ({
        judge,
        score: Math.round(Math.min(99, Math.max(60, level + rng.normal() * 4)) * 10) / 10,
      }));
      await tx
        .insertInto('contest_score')
        .values(
          scores.map((s) => ({ entry_id: entryId, judge: s.judge, county_code: c.code, score: s.score })),
        )
        .execute();
      tallies.push({ id: entryId, judgeScores: scores.map((s) => s.score), votes: Number(entry?.votes) });
      followups.push({ entryId, goals: topic.slice(1) as string[] });
    }
    for (const r of contestResults(tallies, CONTEST_SETTINGS_DEFAULTS))
      await tx
        .updateTable('contest_entry')
        .set({
          judge_score: r.judgeScore,
          audience_score: r.audienceScore,
          final_score: r.finalScore,
          rank: r.rank,
          award: r.award === null ? null : (CONTEST_SETTINGS_DEFAULTS.awards[r.award]?.code ?? null),
        })
        .where('id', '=', r.id)
        .execute();
    const FOLLOW: GoalFollowup[] = ['met', 'met', 'met', 'partly_met', 'partly_met', 'not_met', 'pending'];
    for (const f of followups)
      await tx
        .insertInto('contest_goal')
        .values(
          f.goals.map((goal, i) => {
            const followup = rng.pick(FOLLOW);
            return {
              entry_id: f.entryId,
              county_code: c.code,
              seq: i + 1,
              goal,
              followup,
              followup_note:
                followup === 'met'
                  ? '镇（街）核实：已完成'
                  : followup === 'partly_met'
                    ? '镇（街）核实：完成过半'
                    : followup === 'not_met'
                      ? '镇（街）核实：未完成'
                      : '',
              followed_at: followup === 'pending' ? null : new Date(`${options.today}T09:00:00+08:00`),
            };
          }),
        )
        .execute();
  }
  // this year's 江海区 contest is taking entries (the first county of the list in the test scale)
  const open = countyOrgs.find((c) => c.code === '440704') ?? countyOrgs[0];
  if (open)
    await tx
      .insertInto('contest')
      .values({
        organizer_org_id: Number(open.id),
        county_code: open.code,
        year,
        title: `${year}年${open.short_name.replace(/委$/, '')}“百千万工程”典型村擂台赛`,
        theme: '聚焦乡村振兴、集体增收和基层治理，书记上台打擂',
        held_on: options.today,
        settings: JSON.stringify(CONTEST_SETTINGS_DEFAULTS),
      })
      .execute();
  return { contests: countyOrgs.length + (open ? 1 : 0), entries };
}
