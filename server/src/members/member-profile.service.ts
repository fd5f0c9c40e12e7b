// One member's profile (党员档案): the register's fields with the ID and phone numbers masked, the
// current org and the chain above it, the periods of membership in orgs, the introduction letters,
// and the recruitment that brought the member in. Reading it is a read of personal data about party
// membership, so it is audited.
import type { Actor } from '../platform/access/actor.ts';
import { inScopeOrThrow } from '../platform/access/in-scope.ts';
import { chainOf } from '../platform/access/scope.ts';
import type { Db } from '../platform/db/handle.ts';
import { errors } from '../platform/errors/errors.ts';
import type { AuditFields } from '../platform/http/route.ts';
import { shanghaiToday } from '../recruitment/domain/dates.ts';
import { view } from '../transfers/domain/transfer-machine.ts';
import {
  findMember,
  type MemberRecord,
  membershipHistory,
  recruitmentOf,
  transfersOf,
} from './member-profile.repository.ts';

/** The register's fields of a member, masked (the list's item with ethnicity and conversion). */
export const memberView = (m: MemberRecord) => ({
  id: m.id,
  name: m.name,
  gender: m.gender,
  ethnicity: m.ethnicity,
  birthDate: m.birth_date,
  idNumberMasked: m.id_number_masked,
  phoneMasked: m.phone_masked,
  education: m.education,
  occupation: m.occupation,
  status: m.status,
  joinedOn: m.joined_on,
  convertedOn: m.converted_on,
  orgId: m.org_id,
  orgName: m.org_name,
});

export async function memberProfile(
  db: Db,
  actor: Actor,
  audit: (fields: AuditFields) => Promise<number>,
  id: number,
  today = shanghaiToday(),
) {
  const m = await findMember(db, actor, id);
  if (!m) throw errors.outOfScope('member', id);
  await inScopeOrThrow(db, actor, 'member', [m], (r) => r.org_path);
  const [chain, history, transfers, recruitment] = await Promise.all([
    chainOf(db, m.org_path),
    membershipHistory(db, m.id),
    transfersOf(db, m.id),
    recruitmentOf(db, m.id),
  ]);
  await audit({
    action: 'member.read',
    targetType: 'member',
    targetId: m.id,
    after: { orgId: m.org_id },
    countyCode: m.county_code,
  });
  const periods = history.map((h) => ({
    orgId: h.org_id,
    orgName: h.org_name,
    startedOn: h.started_on,
    endedOn: h.ended_on,
    reason: h.reason,
    transferId: h.transfer_id,
    recorded: true,
  }));
  // members imported or admitted before the history was kept have no period yet: the current org
  // since joining (a transfer writes that period when it closes it)
  if (periods.length === 0)
    periods.push({
      orgId: m.org_id,
      orgName: m.org_name,
      startedOn: m.joined_on,
      endedOn: null,
      reason: 'register',
      transferId: null,
      recorded: false,
    });
  return {
    ...memberView(m),
    org: {
      id: m.org_id,
      code: m.org_code,
      name: m.org_name,
      chain: chain.map((o) => ({ id: o.id, name: o.name })),
    },
    history: periods,
    transfers: transfers.map((t) => ({
      id: t.id,
      letterNo: t.letter_no,
      state: view({ state: t.state, validUntil: t.valid_until }, today),
      scope: t.scope,
      issuedOn: t.issued_on,
      validUntil: t.valid_until,
      receivedOn: t.received_on,
      closedOn: t.closed_on,
      fromOrgName: t.from_org_name,
      toOrgName: t.to_org_name,
    })),
    recruitment: recruitment
      ? {
          id: recruitment.id,
          appliedOn: recruitment.applied_on,
          stage: recruitment.stage,
          status: recruitment.status,
          orgName: recruitment.org_name,
        }
      : null,
  };
}
