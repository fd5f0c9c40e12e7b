// "My records" (issue 5 item 8): a member's own membership, history and organizational life. The
// scope here is the link member_account (0012): the signed-in account's own member row and nothing
// else: membership, history, meetings signed in to, dues paid and training. Reading it is a read of
// personal data, so it is audited.
import type { Actor } from '../platform/access/actor.ts';
import type { Db } from '../platform/db/handle.ts';
import { notFound } from '../platform/errors/errors.ts';
import type { AuditFields } from '../platform/http/route.ts';
import * as repo from './my-records.repository.ts';

export async function myRecords(db: Db, actor: Actor, audit: (fields: AuditFields) => Promise<number>) {
  const me = await repo.memberOfAccount(db, actor.accountId);
  if (!me)
    throw notFound(
      'MY_RECORDS_NO_MEMBER',
      '当前账号没有关联党员档案（只有党员本人的账号可查看“我的档案”）。',
      'This account is not linked to a member record ("my records" is for a member’s own account).',
    );
  const history = await repo.membershipOf(db, me.id);
  const meetings = await repo.meetingsAttended(db, me.id);
  const dues = await repo.duesPaid(db, me.id);
  const training = await repo.trainingOf(db, me.id);
  await audit({
    action: 'member.records.read',
    targetType: 'member',
    targetId: me.id,
    countyCode: me.county_code,
  });
  return {
    member: {
      id: Number(me.id),
      name: me.name,
      gender: me.gender,
      birthDate: me.birth_date,
      idNumberMasked: me.id_number_masked,
      phoneMasked: me.phone_masked,
      education: me.education,
      occupation: me.occupation,
      status: me.status,
      joinedOn: me.joined_on,
      convertedOn: me.converted_on,
      org: { id: Number(me.org_id), name: me.org_name, code: me.org_code },
    },
    history: history.map((h) => ({
      id: Number(h.id),
      orgName: h.org_name,
      startedOn: h.started_on,
      endedOn: h.ended_on,
      reason: h.reason,
    })),
    meetings: {
      attended: meetings.filter((m) => m.status === 'present').length,
      items: meetings.map((m) => ({
        id: Number(m.id),
        kind: m.kind,
        heldOn: m.held_on,
        topic: m.topic,
        orgName: m.org_name,
        status: m.status,
        reason: m.reason,
      })),
    },
    /** the last 12 months paid (server/src/dues tables), amounts in fen */
    dues: dues.map((d) => ({ month: d.month, dueFen: d.due_fen, paidFen: d.paid_fen, paidOn: d.paid_on })),
    /** classes enrolled in with the hours attended (server/src/training tables) */
    training: training.map((c) => ({
      id: Number(c.id),
      title: c.title,
      level: c.level,
      partySchool: c.party_school,
      startsOn: c.starts_on,
      endsOn: c.ends_on,
      hours: Number(c.hours),
    })),
  };
}
