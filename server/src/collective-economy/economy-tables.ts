// Kysely types of server/migrations/0043_collective_economy.sql, merged into DB in platform/db/schema.ts.
import type { ColumnType, Generated } from 'kysely';

type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateText = ColumnType<string, string, string>;

export type EnterpriseKind = 'village_company' | 'workshop';

export interface CollectiveIncomeTable {
  org_id: number;
  year: number;
  source: string;
  county_code: string;
  amount_fen: number;
}

export interface CollectiveAccountTable {
  org_id: number;
  year: number;
  county_code: string;
  expenses_fen: Generated<number>;
  distributed_fen: Generated<number>;
  note: Generated<string>;
  updated_by: number | null;
  updated_at: DefaultTimestamp;
}

export interface CollectiveEnterpriseTable {
  id: Generated<number>;
  kind: EnterpriseKind;
  name: string;
  uscc: string | null;
  county_code: string;
  org_id: number;
  founded_on: DateText;
  business: Generated<string>;
  manager: Generated<string>;
  created_by: number | null;
  created_at: DefaultTimestamp;
}

export interface CollectiveEnterpriseVillageTable {
  enterprise_id: number;
  org_id: number;
}

export interface CollectiveEnterpriseYearTable {
  enterprise_id: number;
  year: number;
  county_code: string;
  revenue_fen: Generated<number>;
  dividends_fen: Generated<number>;
  jobs: Generated<number>;
}

export interface CollectiveEconomyDB {
  collective_income: CollectiveIncomeTable;
  collective_account: CollectiveAccountTable;
  collective_enterprise: CollectiveEnterpriseTable;
  collective_enterprise_village: CollectiveEnterpriseVillageTable;
  collective_enterprise_year: CollectiveEnterpriseYearTable;
}
