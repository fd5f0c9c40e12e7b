// The numbers of village decisions (RULES §6 and §10). Every one is a default: the setting
// 'deliberation' overrides any of them (platform/settings), changed by the city's organization
// department through PUT /api/village-settings/deliberation.
import {
  type BodyKind,
  type Category,
  DEFAULT_TEMPLATES,
  type Template,
  type TemplateKey,
} from './templates.ts';

/** value / base compared with num / den: strict '>' (more than) or '≥' (at least). */
export interface Ratio {
  num: number;
  den: number;
  strict: boolean;
}

export interface BodyRule {
  /** present / due */
  quorum: Ratio;
  /** counted bodies: households present / households due (either quorum suffices, see quorumBasis) */
  householdQuorum?: Ratio;
  /** yes / (due or present) */
  pass: Ratio & { of: 'due' | 'present' };
}

const more = (num: number, den: number): Ratio => ({ num, den, strict: true });
const atLeast = (num: number, den: number): Ratio => ({ num, den, strict: false });

export const DELIBERATION_SETTINGS_KEY = 'deliberation';

export const DELIBERATION_DEFAULTS = {
  bodies: {
    // 支委会: more than half of its members present; decides with more than half of its members
    party_committee: { quorum: more(1, 2), pass: { ...more(1, 2), of: 'due' } },
    village_committees: { quorum: more(1, 2), pass: { ...more(1, 2), of: 'present' } },
    // 党员大会: ≥ 2/3 present, passes with more than half of those due (RULES §6, §10)
    party_assembly: { quorum: atLeast(2, 3), pass: { ...more(1, 2), of: 'due' } },
    // 村民代表会议: ≥ 2/3 of its members, more than half of those present (RULES §10)
    representative_meeting: { quorum: atLeast(2, 3), pass: { ...more(1, 2), of: 'present' } },
    // 村民会议: more than half of adult villagers or ≥ 2/3 of households; more than half of those present
    villager_meeting: {
      quorum: more(1, 2),
      householdQuorum: atLeast(2, 3),
      pass: { ...more(1, 2), of: 'present' },
    },
    group_leaders: { quorum: more(1, 2), pass: { ...more(1, 2), of: 'present' } },
    group_council: { quorum: more(1, 2), pass: { ...more(1, 2), of: 'present' } },
    group_meeting: {
      quorum: more(1, 2),
      householdQuorum: atLeast(2, 3),
      pass: { ...more(1, 2), of: 'present' },
    },
    supervision_committee: { quorum: more(1, 2), pass: { ...more(1, 2), of: 'present' } },
  } as Record<Exclude<BodyKind, 'notice_board'>, BodyRule>,
  /** which base makes a villagers' (or group) meeting quorate: adults, households, or either */
  quorumBasis: 'either' as 'either' | 'adults' | 'households',
  /** matters that must be resolved by the 村民会议 (RULES §6) */
  villagerMeetingCategories: [
    'land_contracting',
    'homestead',
    'land_compensation',
    'collective_asset_disposal',
  ] as Category[],
  /** … and any matter of at least this amount (fen); 500,000 yuan */
  villagerMeetingAmountFen: 50_000_000,
  /** notice of a villagers' meeting, days before it (RULES §10: 10 days) */
  villagerMeetingNoticeDays: 10,
  /** 一肩挑: merge steps 1–2 when the secretary is also the committee director */
  mergeProposeConsultWhenOneShoulder: true,
  /** 公示 after 商议 before 审议 (a model county: 15 days); 0 = not required */
  publicityAfterConsultDays: 0,
  /** 公示 of the resolution, at least this many days (RULES §10: default 5) */
  resolutionPublicityDays: 5,
  /** the resolution is published within this many days of the resolution */
  publishResolutionWithinDays: 7,
  /** 公示 of the results, at least this many days */
  resultPublicityDays: 5,
  /** days allowed for each next step (shown as the deadline; late is a warning, not a breach) */
  stepWithinDays: {
    consult: 30,
    review: 30,
    resolve: 30,
    publish_result: 180,
    supervise: 30,
  } as Partial<Record<string, number>>,
  templates: DEFAULT_TEMPLATES as Record<TemplateKey, Template>,
};
export type DeliberationSettings = typeof DELIBERATION_DEFAULTS;
