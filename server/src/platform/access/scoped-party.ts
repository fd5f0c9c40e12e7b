// Scoped starts of party work: recruitment, organizational life and its checklists, training,
// transfers, mobile members and 双报到.
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Actor } from './actor.ts';
import type { Permission } from './permissions.ts';
import { requirePermission, subtreePattern } from './subtree.ts';

export const partyScopes = {
  /**
   * Recruitments (发展党员) whose branch is inside the subtree, with their applicant (aliases
   * `recruitment`, `applicant`, `recruitment_org`).
   */
  applicants(db: Kysely<DB>, actor: Actor, permission: Permission = 'recruitment:manage') {
    requirePermission(actor, permission);
    return db
      .selectFrom('recruitment')
      .innerJoin('applicant', 'applicant.id', 'recruitment.applicant_id')
      .innerJoin('org as recruitment_org', 'recruitment_org.id', 'recruitment.org_id')
      .where('recruitment_org.path', 'like', subtreePattern(actor));
  },

  /** Meetings (组织生活) held by orgs inside the subtree (aliases `meeting`, `meeting_org`). */
  meetings(db: Kysely<DB>, actor: Actor, permission: Permission = 'meeting:read') {
    requirePermission(actor, permission);
    return db
      .selectFrom('meeting')
      .innerJoin('org as meeting_org', 'meeting_org.id', 'meeting.org_id')
      .where('meeting_org.path', 'like', subtreePattern(actor));
  },

  /** Tasks of the monthly checklist (清单) of branches inside the subtree (alias `checklist_task`). */
  checklistTasks(db: Kysely<DB>, actor: Actor, permission: Permission = 'meeting:read') {
    requirePermission(actor, permission);
    return db.selectFrom('checklist_task').where('checklist_task.org_path', 'like', subtreePattern(actor));
  },

  /**
   * Monthly checklists (每月组织生活清单) the actor sees (aliases `monthly_checklist`, `issuer`): those
   * issued inside its subtree (drafts too), and the published ones issued by its own org or above it.
   */
  checklists(db: Kysely<DB>, actor: Actor, permission: Permission = 'meeting:read') {
    requirePermission(actor, permission);
    const pattern = subtreePattern(actor);
    return db
      .selectFrom('monthly_checklist')
      .innerJoin('org as issuer', 'issuer.id', 'monthly_checklist.issuer_org_id')
      .where((eb) =>
        eb.or([
          eb('issuer.path', 'like', pattern),
          eb.and([
            eb('monthly_checklist.status', '=', 'published'),
            eb(sql.val(actor.scopePath), 'like', sql<string>`issuer.path || '%'`),
          ]),
        ]),
      );
  },

  /** Training classes (培训班) held by orgs inside the subtree (aliases `training_class`, `class_org`). */
  trainingClasses(db: Kysely<DB>, actor: Actor, permission: Permission = 'training:manage') {
    requirePermission(actor, permission);
    return db
      .selectFrom('training_class')
      .innerJoin('org as class_org', 'class_org.id', 'training_class.org_id')
      .where('class_org.path', 'like', subtreePattern(actor));
  },

  /**
   * Transfers (组织关系转接) whose SENDING or RECEIVING org is inside the subtree (aliases `transfer`,
   * `from_org`, `to_org`, `transfer_member`). The receiving side sees an incoming letter and the
   * member it names before the member is inside its subtree: that is what it must confirm. It
   * sees the member only through the transfer (scoped.members stays the member's current org).
   */
  transfers(db: Kysely<DB>, actor: Actor, permission: Permission = 'transfer:manage') {
    requirePermission(actor, permission);
    const pattern = subtreePattern(actor);
    return db
      .selectFrom('transfer')
      .innerJoin('org as from_org', 'from_org.id', 'transfer.from_org_id')
      .innerJoin('org as to_org', 'to_org.id', 'transfer.to_org_id')
      .innerJoin('member as transfer_member', 'transfer_member.id', 'transfer.member_id')
      .where((eb) => eb.or([eb('from_org.path', 'like', pattern), eb('to_org.path', 'like', pattern)]));
  },

  /**
   * Orgs a letter may be addressed to: any org of the city's system, not only the subtree (a
   * member moves to another town). Callers select only id, code, name, kind, level and the names of
   * the chain, never counts or members.
   */
  transferTargets(db: Kysely<DB>, actor: Actor) {
    requirePermission(actor, 'transfer:manage');
    return db.selectFrom('org');
  },

  /**
   * Mobile members (流动党员) whose HOME org or INFLOW org is inside the subtree: both manage the
   * member (双向管理). Aliases `mobile_member`, `home_org`, `inflow_org` (left join), `mobile_person`.
   */
  mobileMembers(db: Kysely<DB>, actor: Actor, permission: Permission = 'transfer:manage') {
    requirePermission(actor, permission);
    const pattern = subtreePattern(actor);
    return db
      .selectFrom('mobile_member')
      .innerJoin('org as home_org', 'home_org.id', 'mobile_member.home_org_id')
      .leftJoin('org as inflow_org', 'inflow_org.id', 'mobile_member.inflow_org_id')
      .innerJoin('member as mobile_person', 'mobile_person.id', 'mobile_member.member_id')
      .where((eb) => eb.or([eb('home_org.path', 'like', pattern), eb('inflow_org.path', 'like', pattern)]));
  },

  /**
   * 双报到 reports whose community, or whose reporter (the member's org, or the unit org), is inside
   * the subtree. Aliases `community_report`, `community_org`, `report_member` / `report_member_org`
   * / `report_unit_org` (left joins).
   */
  communityReports(db: Kysely<DB>, actor: Actor, permission: Permission = 'transfer:manage') {
    requirePermission(actor, permission);
    const pattern = subtreePattern(actor);
    return db
      .selectFrom('community_report')
      .innerJoin('org as community_org', 'community_org.id', 'community_report.community_org_id')
      .leftJoin('member as report_member', 'report_member.id', 'community_report.member_id')
      .leftJoin('org as report_member_org', 'report_member_org.id', 'report_member.org_id')
      .leftJoin('org as report_unit_org', 'report_unit_org.id', 'community_report.unit_org_id')
      .where((eb) =>
        eb.or([
          eb('community_org.path', 'like', pattern),
          eb('report_member_org.path', 'like', pattern),
          eb('report_unit_org.path', 'like', pattern),
        ]),
      );
  },
};
