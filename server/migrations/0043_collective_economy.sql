-- 0043 村集体经济 (issue 15): each village collective's yearly income by source, its expenses and what it
-- distributed (operating, total, net and retained income are derived with the configured sources);
-- the registers of 强村公司 (village_company) and 富民工坊 (workshop) with the villages joined and yearly
-- figures. Amounts in fen (bigint).
create table collective_income (
  org_id bigint not null references org (id),
  year int not null check (year between 2000 and 2100),
  source text not null,
  county_code text not null,
  amount_fen bigint not null check (amount_fen >= 0),
  primary key (org_id, year, source)
);
create index collective_income_year_idx on collective_income (year, county_code);

create table collective_account (
  org_id bigint not null references org (id),
  year int not null check (year between 2000 and 2100),
  county_code text not null,
  expenses_fen bigint not null default 0 check (expenses_fen >= 0),
  distributed_fen bigint not null default 0 check (distributed_fen >= 0),
  note text not null default '',
  updated_by bigint references account (id),
  updated_at timestamptz not null default now(),
  primary key (org_id, year)
);

create table collective_enterprise (
  id bigint generated always as identity primary key,
  kind text not null check (kind in ('village_company', 'workshop')),
  name text not null,
  uscc text,
  county_code text not null,
  -- the org that runs it: a town (镇村联营) or a village
  org_id bigint not null references org (id),
  founded_on date not null,
  business text not null default '',
  manager text not null default '',
  created_by bigint references account (id),
  created_at timestamptz not null default now()
);
create index collective_enterprise_county_idx on collective_enterprise (county_code, kind);

create table collective_enterprise_village (
  enterprise_id bigint not null references collective_enterprise (id),
  org_id bigint not null references org (id),
  primary key (enterprise_id, org_id)
);
create index collective_enterprise_village_org_idx on collective_enterprise_village (org_id);

create table collective_enterprise_year (
  enterprise_id bigint not null references collective_enterprise (id),
  year int not null check (year between 2000 and 2100),
  county_code text not null,
  revenue_fen bigint not null default 0 check (revenue_fen >= 0),
  dividends_fen bigint not null default 0 check (dividends_fen >= 0),
  jobs int not null default 0 check (jobs >= 0),
  primary key (enterprise_id, year)
);
