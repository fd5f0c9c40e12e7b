// 统计用区划代码: digits 1–2 province, 3–4 city, 5–6 county (GB/T 2260), 7–9 township
// (001–099 街道, 100–199 镇, 200–399 乡, 400–599 other), 10–12 village or community
// (001–199 居委会, 200–399 村委会; 400–499 community-like and 500–599 village-like units such as
// 虚拟社区 / 生活区). There is no check digit: this checks the structure; the lookup is done elsewhere.

export type DivisionCodeLevel = 'city' | 'county' | 'town' | 'village';
export type TownKind = 'street' | 'town' | 'township' | 'other';
export type VillageKind = 'community' | 'village';
export type DivisionCodeError =
  | 'format'
  | 'length'
  | 'province'
  | 'level'
  | 'structure'
  | 'town_range'
  | 'village_range';

export interface ParsedDivisionCode {
  ok: true;
  level: DivisionCodeLevel;
  /** At its natural length: 4407, 440704, 440704001, 440704001001. */
  code: string;
  /** 12 digits, padded with zeros. */
  fullCode: string;
  cityCode: string;
  countyCode: string | null;
  townCode: string | null;
  townKind: TownKind | null;
  villageKind: VillageKind | null;
}

export type DivisionCodeResult = ParsedDivisionCode | { ok: false; reason: DivisionCodeError };

export function townKindOf(digits7to9: string | number): TownKind | null {
  const n = Number(digits7to9);
  if (!Number.isInteger(n) || n < 1) return null;
  if (n <= 99) return 'street';
  if (n <= 199) return 'town';
  if (n <= 399) return 'township';
  if (n <= 599) return 'other';
  return null;
}

export function villageKindOf(digits10to12: string | number): VillageKind | null {
  const n = Number(digits10to12);
  if (!Number.isInteger(n) || n < 1) return null;
  if (n <= 199) return 'community';
  if (n <= 399) return 'village';
  if (n <= 499) return 'community';
  if (n <= 599) return 'village';
  return null;
}

export function parseDivisionCode(input: string): DivisionCodeResult {
  const s = input.trim();
  if (!/^\d+$/.test(s)) return { ok: false, reason: 'format' };
  if (![4, 6, 9, 12].includes(s.length)) return { ok: false, reason: 'length' };
  const full = s.padEnd(12, '0');
  const province = Number(full.slice(0, 2));
  if (province < 11 || province > 82) return { ok: false, reason: 'province' };
  const parts = [full.slice(2, 4), full.slice(4, 6), full.slice(6, 9), full.slice(9, 12)];
  const [city, county, town, village] = parts as [string, string, string, string];
  // Natural length: the last segment must not be zero (4407 yes, 440700 is the city written long).
  const zero = (p: string) => Number(p) === 0;
  let depth: number;
  if (s.length === 12) {
    depth = !zero(village) ? 4 : !zero(town) ? 3 : !zero(county) ? 2 : !zero(city) ? 1 : 0;
  } else {
    depth = { 4: 1, 6: 2, 9: 3 }[s.length] as number;
    if (zero(parts[depth - 1] as string)) return { ok: false, reason: 'structure' };
  }
  if (depth === 0) return { ok: false, reason: 'level' };
  // A lower segment set under a zero higher segment (440704000001) is malformed.
  for (let i = 0; i < depth; i++) if (zero(parts[i] as string)) return { ok: false, reason: 'structure' };
  const townKind = depth >= 3 ? townKindOf(town) : null;
  if (depth >= 3 && !townKind) return { ok: false, reason: 'town_range' };
  const villageKind = depth >= 4 ? villageKindOf(village) : null;
  if (depth >= 4 && !villageKind) return { ok: false, reason: 'village_range' };
  const level = (['city', 'county', 'town', 'village'] as const)[depth - 1] as DivisionCodeLevel;
  const natural = full.slice(0, [4, 6, 9, 12][depth - 1]);
  return {
    ok: true,
    level,
    code: natural,
    fullCode: full,
    cityCode: full.slice(0, 4),
    countyCode: depth >= 2 ? full.slice(0, 6) : null,
    townCode: depth >= 3 ? full.slice(0, 9) : null,
    townKind,
    villageKind,
  };
}
