// Synthetic party members: names, dates, ID numbers, education and occupation that hang together.
import { makeIdNumber } from '../platform/text/id-number.ts';
import { mobilePhone, personName } from './names.ts';
import type { Rng } from './random.ts';

/** Fixed reference day, so that the same seed gives the same rows on any day. */
export const REFERENCE_DATE = '2025-12-31';
const DAY = 86_400_000;

export type Gender = 'male' | 'female';

export interface PersonDraft {
  name: string;
  gender: Gender;
  ethnicity: string;
  birthDate: string;
  idNumber: string;
  phone: string;
  education: string;
  occupation: string;
  status: 'probationary' | 'full';
  joinedOn: string;
  convertedOn: string | null;
}

export type OrgSetting = 'community' | 'village' | 'agency' | 'enterprise' | 'gig' | 'chain';

const ETHNIC = ['壮族', '瑶族', '回族', '满族', '土家族', '苗族', '畲族'];

const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y + years, m - 1, d));
  // 29 February plus a year: 28 February, not 1 March.
  if (t.getUTCMonth() !== m - 1) t.setUTCDate(0);
  return iso(t.getTime());
}

export function educationFor(rng: Rng, birthYear: number, setting: OrgSetting): string {
  const young = birthYear >= 1980;
  const old = birthYear < 1960;
  const office = setting === 'agency' || setting === 'enterprise';
  const levels = [
    'junior_high_or_below',
    'senior_high',
    'secondary_vocational',
    'junior_college',
    'bachelor',
    'postgraduate',
  ];
  const w = office
    ? [0, 2, 2, 15, 60, 21]
    : old
      ? [55, 25, 8, 8, 4, 0]
      : young
        ? setting === 'village'
          ? [20, 25, 20, 20, 14, 1]
          : [8, 17, 15, 28, 30, 2]
        : setting === 'village'
          ? [40, 30, 12, 12, 6, 0]
          : [20, 28, 14, 20, 17, 1];
  return rng.weighted(levels, w);
}

export function occupationFor(rng: Rng, birthYear: number, setting: OrgSetting, refYear = 2025): string {
  const age = refYear - birthYear;
  if (age >= 60) return setting === 'village' && rng.chance(0.35) ? 'farmer' : 'retired';
  if (setting === 'gig') return rng.chance(0.9) ? 'gig_worker' : 'in_service';
  if (setting === 'agency' || setting === 'enterprise') return rng.chance(0.98) ? 'in_service' : 'retired';
  if (age <= 22 && rng.chance(0.6)) return 'student';
  if (setting === 'chain') return rng.weighted(['farmer', 'in_service', 'self_employed'], [45, 40, 15]);
  const village = setting === 'village';
  return rng.weighted(
    ['in_service', 'farmer', 'self_employed', 'gig_worker', 'unemployed'],
    [village ? 35 : 70, village ? 45 : 2, 10, age <= 45 ? 6 : 1, 2],
  );
}

/**
 * One person. `idCounty` is the 6-digit county code of the ID number; `usedIds` holds the first 17
 * characters of the numbers already handed out, so that each number is unique.
 */
export function makePerson(
  rng: Rng,
  idCounty: string,
  setting: OrgSetting,
  usedIds: Set<string>,
  /** the day the demo is seeded: probation, ages and joining dates count back from it */
  referenceDate: string = REFERENCE_DATE,
): PersonDraft {
  const REF = Date.parse(referenceDate);
  const refYear = Number(referenceDate.slice(0, 4));
  const gender: Gender = rng.chance(setting === 'gig' ? 0.85 : 0.7) ? 'male' : 'female';
  const birthYear = Math.max(
    1940,
    Math.min(
      refYear - 19,
      Math.round((setting === 'agency' || setting === 'enterprise' ? 1980 : 1970) + 14 * rng.normal()),
    ),
  );
  const birthT = Date.UTC(birthYear, 0, 1) + rng.int(0, 364) * DAY;
  const birthDate = iso(Math.min(birthT, Date.UTC(birthYear, 11, 31)));
  const adult = Date.parse(addYears(birthDate, 18));
  const probationary = rng.chance(0.03) || adult > REF - 366 * DAY;
  let joinedT: number;
  if (probationary) {
    joinedT = Math.max(adult, REF - rng.int(0, 360) * DAY);
  } else {
    const latest = REF - 366 * DAY;
    const age = 18 + Math.abs(rng.normal()) * 9;
    joinedT = adult + Math.round((age - 18) * 365.25) * DAY;
    // those who would have joined within the last year joined over the two years before it instead
    if (joinedT > latest) joinedT = Math.max(adult, latest - rng.int(0, 700) * DAY);
  }
  const joinedOn = iso(joinedT);
  let idNumber = '';
  for (let tries = 0; ; tries++) {
    const seq = rng.int(0, 499) * 2 + (gender === 'male' ? 1 : 0);
    idNumber = makeIdNumber(idCounty, birthDate, seq);
    const key = idNumber.slice(0, 17);
    if (!usedIds.has(key)) {
      usedIds.add(key);
      break;
    }
    if (tries > 50) throw new Error('makePerson: no free ID number sequence');
  }
  return {
    name: personName(rng, gender),
    gender,
    ethnicity: rng.chance(0.985) ? '汉族' : rng.pick(ETHNIC),
    birthDate,
    idNumber,
    phone: mobilePhone(rng),
    education: educationFor(rng, birthYear, setting),
    occupation: occupationFor(rng, birthYear, setting, refYear),
    status: probationary ? 'probationary' : 'full',
    joinedOn,
    convertedOn: probationary ? null : addYears(joinedOn, 1),
  };
}
