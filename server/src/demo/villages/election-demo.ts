// Demo 换届 (issue 14 item 7): each county's last two rounds of village elections (every five years
// from 2021: the last one whose spring has passed, and the one before) with their candidates and the
// joint qualification review (联审) of each, the elected cadres and their posts, and the village
// party organization's term aligned with its last election (so that the org checks' 换届 due and
// overdue follow the same dates). Most villages elected in the last round; some postponed it (its
// term overdue, a delay approved); some held the round before late, in the next winter, and are due now.
import { type Kysely, sql, type Transaction } from 'kysely';
import { encryptPii, piiHash } from '../../platform/crypto/crypto.ts';
import { bulkInsert } from '../../platform/db/bulk-insert.ts';
import type { DB } from '../../platform/db/schema.ts';
import { maskIdNumber } from '../../platform/masking/masking.ts';
import { makeIdNumber } from '../../platform/text/id-number.ts';
import { addDays, addYears } from '../../recruitment/domain/dates.ts';
import { CADRE_DEFAULTS } from '../../village-cadres/domain/cadre-settings.ts';
import { personName } from '../names.ts';
import { DEMO_DUE_VILLAGE } from '../org-life/org-check-demo.ts';
import { educationFor } from '../people.ts';
import { createRng, type Rng } from '../random.ts';

type Tx = Transaction<DB> | Kysely<DB>;

/** The last round whose spring (March–May) has passed by `today`, and the one before (every 5 years from 2021). */
export function roundYears(today: string): { last: number; previous: number } {
  const y = Number(today.slice(0, 4));
  let last = 2021 + Math.floor((y - 2021) / 5) * 5;
  if (`${last}-06-30` > today) last -= 5;
  return { last, previous: last - 5 };
}

export type ElectionBucket = 'current' | 'overdue' | 'due';

interface Person {
  name: string;
  gender: 'male' | 'female';
  birthDate: string;
  education: string;
  memberId: number | null;
  partyMember: boolean;
  idEnc: string;
  idHash: string;
  idMasked: string;
}

interface CommitteePerson {
  member_id: number;
  name: string;
  gender: 'male' | 'female';
  birth_date: string;
  education: string;
  id_number_enc: string;
  id_number_hash: string;
  id_number_masked: string;
  position: string;
}

export interface VillageElectionPlan {
  villageId: number;
  bucket: ElectionBucket;
  /** the date of the election that started the current term */
  electedOn: string;
  electionKey: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const dayIn = (rng: Rng, year: number, fromMonth: number, toMonth: number) =>
  `${year}-${pad(rng.int(fromMonth, toMonth))}-${pad(rng.int(1, 28))}`;

export async function seedElections(tx: Tx, options: { seed: number; today: string }) {
  const { today, seed } = options;
  const { last, previous } = roundYears(today);
  const villages = await sql<{
    id: number;
    code: string;
    county_code: string;
    term_id: number | null;
    org_code: string;
  }>`
    select v.id, v.code, v.county_code, t.id as term_id, v.code as org_code
    from org v
    left join lateral (select id from org_term where org_id = v.id order by elected_on desc, id desc limit 1) t on true
    where v.level = 'village' and v.category = 'territorial'
    order by v.code`.execute(tx);
  const committee = await sql<CommitteePerson & { term_id: number }>`
    select c.term_id, c.position, m.id as member_id, m.name, m.gender, m.birth_date, m.education,
      m.id_number_enc, m.id_number_hash, m.id_number_masked
    from org_committee_member c join member m on m.id = c.member_id
    where c.term_id in (select t.id from org v join org_term t on t.org_id = v.id where v.level = 'village')
    order by c.term_id, c.seq`.execute(tx);
  const byTerm = new Map<number, CommitteePerson[]>();
  for (const c of committee.rows) {
    const list = byTerm.get(Number(c.term_id)) ?? [];
    list.push(c);
    byTerm.set(Number(c.term_id), list);
  }
  const counties = [...new Set(villages.rows.map((v) => v.county_code))].sort();
  const countyOrgs = await tx
    .selectFrom('org')
    .select(['id', 'code'])
    .where('level', '=', 'county')
    .execute();
  const countyOrg = new Map(countyOrgs.map((o) => [o.code, Number(o.id)]));
  const rounds: {
    county_code: string;
    org_id: number;
    year: number;
    title: string;
    starts_on: string;
    ends_on: string;
  }[] = [];
  for (const c of counties)
    for (const year of [previous, last])
      rounds.push({
        county_code: c,
        org_id: countyOrg.get(c) as number,
        year,
        title: `${year}年村（社区）“两委”换届选举`,
        starts_on: `${year}-03-01`,
        ends_on: `${year}-05-31`,
      });
  const roundIds = await bulkInsert(
    tx,
    'election_round',
    [
      { name: 'county_code', type: 'text' },
      { name: 'org_id', type: 'int8' },
      { name: 'year', type: 'int4' },
      { name: 'title', type: 'text' },
      { name: 'starts_on', type: 'date' },
      { name: 'ends_on', type: 'date' },
    ],
    rounds,
    { returning: ['id'] },
  );
  const roundOf = new Map(rounds.map((r, i) => [`${r.county_code}:${r.year}`, Number(roundIds[i]?.id)]));

  const departments = CADRE_DEFAULTS.reviewDepartments.map((d) => d.code);
  const negative = CADRE_DEFAULTS.negativeList.filter((n) => n.code !== 'other');
  const used = new Set<string>();
  const elections: {
    round_id: number;
    org_id: number;
    county_code: string;
    planned_on: string;
    held_on: string | null;
    status: string;
    delay_approved_until: string | null;
    note: string;
  }[] = [];
  interface CandidateDraft {
    electionIndex: number;
    person: Person;
    posts: string[];
    elected: string | null;
    fail: { department: string; item: string; reason: string } | null;
    /** reviews given so far (all for held elections) */
    reviewed: number;
  }
  const candidates: CandidateDraft[] = [];
  const plans: VillageElectionPlan[] = [];
  const termUpdates: { id: number; elected_on: string }[] = [];
  const earlierTerms: { org_id: number; county_code: string; elected_on: string }[] = [];

  for (const v of villages.rows) {
    const rng = createRng(seed, `election:${v.code}`);
    const r = rng.next();
    const bucket: ElectionBucket =
      v.code === DEMO_DUE_VILLAGE ? 'due' : r < 0.1 ? 'overdue' : r < 0.18 ? 'due' : 'current';
    const people = v.term_id === null ? [] : (byTerm.get(Number(v.term_id)) ?? []);
    const newPerson = async (partyMember: boolean): Promise<Person> => {
      const gender = rng.chance(0.68) ? 'male' : 'female';
      const birthYear = rng.int(1962, 1996);
      const birthDate = `${birthYear}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
      let id = '';
      for (let k = 0; ; k++) {
        id = makeIdNumber(v.county_code, birthDate, rng.int(0, 499) * 2 + (gender === 'male' ? 1 : 0));
        if (!used.has(id)) break;
        if (k > 50) throw new Error('seedElections: no free ID number');
      }
      used.add(id);
      return {
        name: personName(rng, gender),
        gender,
        birthDate,
        education: educationFor(rng, birthYear, 'village'),
        memberId: null,
        partyMember,
        idEnc: encryptPii(id),
        idHash: await piiHash(id),
        idMasked: maskIdNumber(id),
      };
    };
    const fromMember = (c: CommitteePerson): Person => ({
      name: c.name,
      gender: c.gender,
      birthDate: c.birth_date,
      education: c.education,
      memberId: Number(c.member_id),
      partyMember: true,
      idEnc: c.id_number_enc,
      idHash: c.id_number_hash,
      idMasked: c.id_number_masked,
    });
    // the elected slate of an election: the party committee (the org's committee), the villagers'
    // committee (一肩挑 in most villages; some members serve on both), the supervision committee
    const slate = async (current: boolean) => {
      const party = current && people.length ? people.map(fromMember) : [await newPerson(true)];
      const partyPosts = party.map((_, i) =>
        i === 0 ? 'party_secretary' : i === 1 ? 'party_deputy_secretary' : 'party_committee_member',
      );
      const oneShoulder = rng.chance(0.88);
      const villagers: { person: Person; post: string }[] = [];
      villagers.push({
        person: oneShoulder ? (party[0] as Person) : await newPerson(rng.chance(0.6)),
        post: 'director',
      });
      villagers.push({
        person: party[1] && rng.chance(0.5) ? party[1] : await newPerson(rng.chance(0.5)),
        post: 'deputy_director',
      });
      for (let k = rng.int(1, 3); k > 0; k--)
        villagers.push({ person: await newPerson(rng.chance(0.4)), post: 'villagers_committee_member' });
      const supervision: { person: Person; post: string }[] = [
        { person: await newPerson(rng.chance(0.6)), post: 'supervision_chair' },
      ];
      for (let k = 2; k > 0; k--)
        supervision.push({ person: await newPerson(rng.chance(0.3)), post: 'supervision_member' });
      return [
        ...party.map((p, i) => ({ person: p, post: partyPosts[i] as string })),
        ...villagers,
        ...supervision,
      ];
    };
    const addElection = async (
      e: (typeof elections)[number],
      withSlate: 'held' | 'reviewing' | 'none',
      current: boolean,
    ) => {
      const electionIndex = elections.length;
      elections.push(e);
      if (withSlate === 'none') return;
      const elected = withSlate === 'held' ? await slate(current) : [];
      const slatePeople = withSlate === 'held' ? elected : (await slate(current)).map((x) => ({ ...x }));
      const byPerson = new Map<Person, string[]>();
      for (const x of slatePeople) byPerson.set(x.person, [...(byPerson.get(x.person) ?? []), x.post]);
      for (const [person, posts] of byPerson)
        candidates.push({
          electionIndex,
          person,
          posts,
          elected: withSlate === 'held' ? (posts[0] ?? null) : null,
          fail: null,
          reviewed: withSlate === 'held' ? departments.length : rng.int(2, departments.length - 1),
        });
      // 差额: candidates who were not elected, and now and then one the review stopped
      for (let k = rng.int(1, 2); k > 0; k--)
        candidates.push({
          electionIndex,
          person: await newPerson(rng.chance(0.5)),
          posts: ['villagers_committee_member'],
          elected: null,
          fail: null,
          reviewed: withSlate === 'held' ? departments.length : rng.int(1, departments.length - 1),
        });
      if (rng.chance(0.12)) {
        const item = rng.pick(negative);
        candidates.push({
          electionIndex,
          person: await newPerson(rng.chance(0.3)),
          posts: [rng.pick(['director', 'villagers_committee_member'])],
          elected: null,
          fail: {
            department: rng.pick(departments),
            item: item.code,
            reason: `经核查，该人员存在“${item.zh}”情形，不宜作为候选人。`,
          },
          reviewed: departments.length,
        });
      }
    };
    const prevRound = roundOf.get(`${v.county_code}:${previous}`) as number;
    const lastRound = roundOf.get(`${v.county_code}:${last}`) as number;
    const prevOn = bucket === 'due' ? dayIn(rng, previous + 1, 1, 3) : dayIn(rng, previous, 3, 5);
    await addElection(
      {
        round_id: prevRound,
        org_id: Number(v.id),
        county_code: v.county_code,
        planned_on: bucket === 'due' ? `${previous}-04-15` : prevOn,
        held_on: prevOn,
        status: 'held',
        delay_approved_until: bucket === 'due' ? `${previous + 1}-03-31` : null,
        note: bucket === 'due' ? '因村集体土地纠纷经县委组织部批准推迟选举' : '',
      },
      'held',
      bucket !== 'current',
    );
    let electedOn = prevOn;
    if (bucket === 'current') {
      electedOn = dayIn(rng, last, 3, 5);
      await addElection(
        {
          round_id: lastRound,
          org_id: Number(v.id),
          county_code: v.county_code,
          planned_on: electedOn,
          held_on: electedOn,
          status: 'held',
          delay_approved_until: null,
          note: '',
        },
        'held',
        true,
      );
      earlierTerms.push({ org_id: Number(v.id), county_code: v.county_code, elected_on: prevOn });
    } else if (bucket === 'overdue') {
      const until = `${last + 1}-03-31`;
      await addElection(
        {
          round_id: lastRound,
          org_id: Number(v.id),
          county_code: v.county_code,
          planned_on: `${last}-04-20`,
          held_on: null,
          status: 'postponed',
          delay_approved_until: until,
          note: '候选人资格联审未完成，经批准延期',
        },
        'reviewing',
        true,
      );
    } else {
      const planned = addDays(addYears(prevOn, 5), -rng.int(5, 20));
      await addElection(
        {
          round_id: lastRound,
          org_id: Number(v.id),
          county_code: v.county_code,
          planned_on: planned,
          held_on: null,
          status: 'planned',
          delay_approved_until: null,
          note: '',
        },
        'none',
        true,
      );
    }
    if (v.term_id !== null) termUpdates.push({ id: Number(v.term_id), elected_on: electedOn });
    plans.push({ villageId: Number(v.id), bucket, electedOn, electionKey: `${v.code}` });
  }

  const electionIds = await bulkInsert(
    tx,
    'village_election',
    [
      { name: 'round_id', type: 'int8' },
      { name: 'org_id', type: 'int8' },
      { name: 'county_code', type: 'text' },
      { name: 'planned_on', type: 'date' },
      { name: 'held_on', type: 'date' },
      { name: 'status', type: 'text' },
      { name: 'delay_approved_until', type: 'date' },
      { name: 'note', type: 'text' },
    ],
    elections,
    { returning: ['id'] },
  );
  const eid = (i: number) => Number(electionIds[i]?.id);

  // cadres: the people elected in each village's latest held election (current terms)
  const latestHeld = new Map<number, number>();
  elections.forEach((e, i) => {
    if (e.status === 'held') latestHeld.set(e.org_id, i);
  });
  const cadreOf = new Map<CandidateDraft, number>();
  const cadreDrafts = candidates.filter(
    (c) => c.elected && latestHeld.get(elections[c.electionIndex]?.org_id as number) === c.electionIndex,
  );
  const cadreIds = await bulkInsert(
    tx,
    'village_cadre',
    [
      { name: 'org_id', type: 'int8' },
      { name: 'county_code', type: 'text' },
      { name: 'name', type: 'text' },
      { name: 'gender', type: 'text' },
      { name: 'birth_date', type: 'date' },
      { name: 'education', type: 'text' },
      { name: 'member_id', type: 'int8' },
      { name: 'party_member', type: 'bool' },
    ],
    cadreDrafts.map((c) => {
      const e = elections[c.electionIndex] as (typeof elections)[number];
      return {
        org_id: e.org_id,
        county_code: e.county_code,
        name: c.person.name,
        gender: c.person.gender,
        birth_date: c.person.birthDate,
        education: c.person.education,
        member_id: c.person.memberId,
        party_member: c.person.partyMember,
      };
    }),
    { returning: ['id'] },
  );
  cadreDrafts.forEach((c, i) => {
    cadreOf.set(c, Number(cadreIds[i]?.id));
  });
  const posts = cadreDrafts.flatMap((c) => {
    const e = elections[c.electionIndex] as (typeof elections)[number];
    const start = e.held_on as string;
    return c.posts.map((post) => ({
      cadre_id: cadreOf.get(c) as number,
      org_id: e.org_id,
      county_code: e.county_code,
      committee: post.startsWith('party_')
        ? 'party'
        : post.startsWith('supervision_')
          ? 'supervision'
          : 'villagers',
      post,
      term_start: start,
      term_end: addYears(start, CADRE_DEFAULTS.termYears),
      election_id: eid(c.electionIndex),
    }));
  });
  await bulkInsert(
    tx,
    'cadre_post',
    [
      { name: 'cadre_id', type: 'int8' },
      { name: 'org_id', type: 'int8' },
      { name: 'county_code', type: 'text' },
      { name: 'committee', type: 'text' },
      { name: 'post', type: 'text' },
      { name: 'term_start', type: 'date' },
      { name: 'term_end', type: 'date' },
      { name: 'election_id', type: 'int8' },
    ],
    posts,
  );

  const candidateIds = await bulkInsert(
    tx,
    'election_candidate',
    [
      { name: 'election_id', type: 'int8' },
      { name: 'org_id', type: 'int8' },
      { name: 'county_code', type: 'text' },
      { name: 'name', type: 'text' },
      { name: 'gender', type: 'text' },
      { name: 'birth_date', type: 'date' },
      { name: 'id_number_enc', type: 'text' },
      { name: 'id_number_hash', type: 'text' },
      { name: 'id_number_masked', type: 'text' },
      { name: 'education', type: 'text' },
      { name: 'member_id', type: 'int8' },
      { name: 'party_member', type: 'bool' },
      { name: 'posts', type: 'jsonb' },
      { name: 'review_status', type: 'text' },
      { name: 'elected_post', type: 'text' },
      { name: 'cadre_id', type: 'int8' },
    ],
    candidates.map((c) => {
      const e = elections[c.electionIndex] as (typeof elections)[number];
      return {
        election_id: eid(c.electionIndex),
        org_id: e.org_id,
        county_code: e.county_code,
        name: c.person.name,
        gender: c.person.gender,
        birth_date: c.person.birthDate,
        id_number_enc: c.person.idEnc,
        id_number_hash: c.person.idHash,
        id_number_masked: c.person.idMasked,
        education: c.person.education,
        member_id: c.person.memberId,
        party_member: c.person.partyMember,
        posts: c.posts,
        review_status: c.fail ? 'disqualified' : c.reviewed >= departments.length ? 'cleared' : 'pending',
        elected_post: c.elected,
        cadre_id: cadreOf.get(c) ?? null,
      };
    }),
    { returning: ['id'] },
  );
  const reviews = candidates.flatMap((c, i) => {
    const e = elections[c.electionIndex] as (typeof elections)[number];
    const on = e.held_on ? addDays(e.held_on, -20) : addDays(e.planned_on, -30);
    const reviewedOn = [on, options.today].sort()[0] as string;
    return departments.slice(0, c.reviewed).map((d) => {
      const fail = c.fail?.department === d ? c.fail : null;
      return {
        candidate_id: Number(candidateIds[i]?.id),
        county_code: e.county_code,
        department: d,
        verdict: fail ? 'fail' : 'pass',
        negative_item: fail?.item ?? null,
        reason: fail ? fail.reason : '经核查，未发现负面清单所列情形。',
        reviewed_on: reviewedOn,
      };
    });
  });
  await bulkInsert(
    tx,
    'candidate_review',
    [
      { name: 'candidate_id', type: 'int8' },
      { name: 'county_code', type: 'text' },
      { name: 'department', type: 'text' },
      { name: 'verdict', type: 'text' },
      { name: 'negative_item', type: 'text' },
      { name: 'reason', type: 'text' },
      { name: 'reviewed_on', type: 'date' },
    ],
    reviews,
  );

  // the village party organization's term follows its last election (the org checks read it)
  if (termUpdates.length) {
    const values = termUpdates.map((t) => sql`(${t.id}::bigint, ${t.elected_on}::date)`);
    await sql`update org_term set elected_on = v.d, note = '换届选举' from (values ${sql.join(values)}) as v(id, d) where org_term.id = v.id`.execute(
      tx,
    );
  }
  if (earlierTerms.length)
    await bulkInsert(
      tx,
      'org_term',
      [
        { name: 'org_id', type: 'int8' },
        { name: 'county_code', type: 'text' },
        { name: 'elected_on', type: 'date' },
        { name: 'term_years', type: 'int4' },
        { name: 'note', type: 'text' },
      ],
      earlierTerms.map((t) => ({ ...t, term_years: CADRE_DEFAULTS.termYears, note: '上一届（换届选举）' })),
    );
  return {
    rounds: rounds.length,
    elections: elections.length,
    candidates: candidates.length,
    reviews: reviews.length,
    cadres: cadreDrafts.length,
    plans,
  };
}
