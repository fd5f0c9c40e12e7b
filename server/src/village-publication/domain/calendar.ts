// 村务公开 on a calendar (RULES §10), pure: the periods of each kind of item, when each is due, and
// an item's state on a day. General matters quarterly, finances monthly where transactions are frequent
// (else quarterly), published by the 20th of the month after the period; major matters at once.
import { addDays, addMonths } from '../../recruitment/domain/dates.ts';

export const PUBLICATION_SETTINGS_KEY = 'village_publication';

export const PUBLICATION_DEFAULTS = {
  /** day of the month after the period by which the period's items are published */
  dueDay: 20,
  /** finances are published monthly in villages of at least this many households (frequent transactions) */
  financeMonthlyHouseholdsAtLeast: 1500,
  /** a matter of at least this amount (fen) is published at once: 50,000 yuan */
  majorAmountFen: 5_000_000,
  /** "at once": within this many days */
  majorWithinDays: 5,
  /** a villager's question is answered within this many days (RULES §10: e.g. 10) */
  replyWithinDays: 10,
};
export type PublicationSettings = typeof PUBLICATION_DEFAULTS;

export type Cadence = 'monthly' | 'quarterly';

export interface Period {
  period: string;
  startsOn: string;
  endsOn: string;
  dueOn: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function quarterOf(date: string): string {
  const m = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.floor((m - 1) / 3) + 1}`;
}

/** The period ('2026-Q3' or '2026-09') with its dates and due day. */
export function periodOf(key: string, s: Pick<PublicationSettings, 'dueDay'>): Period {
  const q = /^(\d{4})-Q([1-4])$/.exec(key);
  const startsOn = q ? `${q[1]}-${pad((Number(q[2]) - 1) * 3 + 1)}-01` : `${key}-01`;
  const months = q ? 3 : 1;
  const next = addMonths(startsOn, months);
  return { period: key, startsOn, endsOn: addDays(next, -1), dueOn: `${next.slice(0, 7)}-${pad(s.dueDay)}` };
}

/** The periods of a cadence that have begun between `from` and `to` (inclusive), oldest first. */
export function periodsBetween(
  cadence: Cadence,
  from: string,
  to: string,
  s: Pick<PublicationSettings, 'dueDay'>,
): Period[] {
  const out: Period[] = [];
  let key = cadence === 'monthly' ? from.slice(0, 7) : quarterOf(from);
  for (;;) {
    const p = periodOf(key, s);
    if (p.startsOn > to) break;
    out.push(p);
    const next = addMonths(p.startsOn, cadence === 'monthly' ? 1 : 3);
    key = cadence === 'monthly' ? next.slice(0, 7) : quarterOf(next);
  }
  return out;
}

export function financeCadence(
  households: number,
  s: Pick<PublicationSettings, 'financeMonthlyHouseholdsAtLeast'>,
): Cadence {
  return households >= s.financeMonthlyHouseholdsAtLeast ? 'monthly' : 'quarterly';
}

export const periodTitle = (kind: 'general' | 'finance', key: string) => {
  const q = /^(\d{4})-Q([1-4])$/.exec(key);
  const when = q
    ? `${q[1]}年第${'一二三四'[Number(q[2]) - 1]}季度`
    : `${key.slice(0, 4)}年${Number(key.slice(5, 7))}月`;
  return kind === 'general' ? `${when}村务公开` : `${when}财务公开`;
};

export type ItemState = 'upcoming' | 'due' | 'overdue' | 'on_time' | 'late';

/** An item on a day: not yet due, due (today), overdue, published on time or late. */
export function itemState(item: { dueOn: string; publishedOn: string | null }, today: string): ItemState {
  if (item.publishedOn) return item.publishedOn <= item.dueOn ? 'on_time' : 'late';
  if (item.dueOn < today) return 'overdue';
  return item.dueOn === today ? 'due' : 'upcoming';
}
