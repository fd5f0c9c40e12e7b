// Demo departments (职能部门) of every county with their department_staff logins, a demo resident per
// county, and the external systems (12345, 110, 信访, an Open311 client) with API keys deterministic from the seed.
import type { Transaction } from 'kysely';
import { apiKeyHash, demoApiKey } from '../cases/api-key.ts';
import { DEPARTMENT_KINDS, departmentCode } from '../cases/domain/catalog.ts';
import type { DB } from '../platform/db/schema.ts';

export const EXTERNAL_SYSTEMS = [
  { code: 'hotline_12345', name: '江门市12345政务服务便民热线' },
  { code: 'police_110', name: '江门市公安局110指挥中心' },
  { code: 'petition', name: '江门市信访信息系统' },
  // an Open311 GeoReport v2 client (its requests come in on the 'external' channel)
  { code: 'open311_demo', name: 'Open311 演示客户端 / Open311 demo client' },
] as const;

/** The formal name of a county's department of a kind, e.g. 江门市江海区城市管理和综合执法局. */
export function departmentName(countyName: string, kind: string): string {
  const district = countyName.endsWith('区');
  const full = district ? `江门市${countyName}` : countyName;
  const short = countyName.slice(0, -1);
  switch (kind) {
    case 'traffic_police':
      return `江门市公安局交通警察支队${short}大队`;
    case 'ecology':
      return `江门市生态环境局${short}分局`;
    case 'police':
      return district ? `江门市公安局${short}分局` : `${countyName}公安局`;
    case 'power':
      return `广东电网有限责任公司江门${short}供电局`;
    case 'telecom':
      return `中国电信股份有限公司江门${short}分公司`;
    case 'gas':
      return `江门市${short}燃气有限公司`;
    case 'justice':
      return `${full}司法局基层司法所`;
    case 'fire':
      return `江门市${short}消防救援大队`;
    case 'natural_resources':
      return `江门市自然资源局${short}分局`;
    default: {
      const k = DEPARTMENT_KINDS.find((d) => d.code === kind);
      return `${full}${k?.name_zh ?? kind}`;
    }
  }
}

export interface DepartmentSeedSummary {
  departments: number;
  departmentAccounts: number;
  residents: number;
  externalSystems: number;
}

export async function seedDepartments(
  tx: Transaction<DB>,
  options: { seed: number; passwordHash: string },
): Promise<DepartmentSeedSummary> {
  const counties = await tx
    .selectFrom('org')
    .innerJoin('division', 'division.code', 'org.division_code')
    .select(['org.id', 'org.code', 'division.name'])
    .where('org.level', '=', 'county')
    .where('org.category', '=', 'territorial')
    .orderBy('org.code')
    .execute();
  const departments = counties.flatMap((c) =>
    DEPARTMENT_KINDS.map((k) => ({
      code: departmentCode(c.code, k.code),
      name: departmentName(c.name, k.code),
      kind: k.code,
      county_code: c.code,
    })),
  );
  const inserted = departments.length
    ? await tx.insertInto('department').values(departments).returning(['id', 'code', 'name']).execute()
    : [];
  const countyOf = new Map(counties.map((c) => [c.code, c]));
  const staff = inserted.map((d) => ({
    username: d.code,
    display_name: `${d.name}工作人员`,
    role: 'department_staff' as const,
    scope_org_id: (countyOf.get(d.code.split('-')[0] as string) as { id: number }).id,
    password_hash: options.passwordHash,
    must_change_password: false,
  }));
  const accounts = staff.length
    ? await tx.insertInto('account').values(staff).returning(['id', 'username']).execute()
    : [];
  const deptByCode = new Map(inserted.map((d) => [d.code, d.id]));
  if (accounts.length) {
    await tx
      .insertInto('department_account')
      .values(
        accounts.map((a) => ({ account_id: a.id, department_id: deptByCode.get(a.username) as number })),
      )
      .execute();
  }
  const residents = counties.map((c) => ({
    username: `resident-${c.code}`,
    display_name: `${c.name}居民（演示）`,
    role: 'resident' as const,
    scope_org_id: c.id,
    password_hash: options.passwordHash,
    must_change_password: false,
  }));
  if (residents.length) await tx.insertInto('account').values(residents).execute();
  await tx
    .insertInto('external_system')
    .values(
      EXTERNAL_SYSTEMS.map((s) => ({
        code: s.code,
        name: s.name,
        api_key_hash: apiKeyHash(demoApiKey(s.code, options.seed)),
      })),
    )
    .execute();
  return {
    departments: inserted.length,
    departmentAccounts: accounts.length,
    residents: residents.length,
    externalSystems: EXTERNAL_SYSTEMS.length,
  };
}
