// 软弱涣散党组织整顿 (issue 15): the rectification ledgers of the scope by state; the candidates the
// criteria find over every village org, from which the county lists its year's weak orgs; the
// figures up the tree by state and by criterion.

import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Row, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useInvalidate } from '../api/query.ts';
import { keys } from '../api/query-keys.ts';
import { todayShanghai, useDictionary } from '../deliberation/village-text.ts';
import { useFeedback } from '../shell/feedback.ts';
import { PageTitle } from '../shell/page-title.tsx';
import { PhoneItem, PhoneLine, PhoneTags, phoneListProps } from '../shell/phone-list.tsx';
import { useSession } from '../shell/session.tsx';
import { usePhone } from '../shell/use-phone.ts';
import { useUrlState } from '../shell/use-url-state.ts';
import { type Candidates, type LedgerItem, weakOrgApi } from './assessment-api.ts';
import { LEDGER_STATE_COLORS, shortOrg, useNames } from './assessment-text.ts';

const zh = {
  title: '软弱涣散党组织整顿',
  year: '{year} 年度',
  ledgers: '整顿台账',
  candidates: '按标准排查',
  figures: '逐级统计',
  allStates: '全部状态',
  village: '村（社区）',
  town: '镇（街）',
  state: '状态',
  criteria: '情形',
  problems: '问题整改',
  noLedger: '本年度没有列入整顿的党组织',
  asOf: '截至 {date}，排查 {n} 个村（社区）党组织，按比例最多列入 {limit} 个',
  hits: '符合的情形',
  listed: '已列入',
  list: '列入整顿名单（{n}）',
  listedDone: '已列入 {n} 个党组织',
  noCandidate: '没有符合标准的党组织',
  listedN: '列入整顿',
  byCriterion: '各情形的党组织数',
  byChild: '各下级组织列入数',
  org: '组织',
  count: '数量',
} as const;
type K = keyof typeof zh;
const en: Record<K, string> = {
  title: 'Weak party organizations',
  year: '{year}',
  ledgers: 'Ledgers',
  candidates: 'Candidates',
  figures: 'Figures',
  allStates: 'All states',
  village: 'Village',
  town: 'Town',
  state: 'State',
  criteria: 'Criteria',
  problems: 'Problems fixed',
  noLedger: 'No organization is listed this year',
  asOf: 'As of {date}: {n} village orgs checked; at most {limit} may be listed',
  hits: 'Criteria met',
  listed: 'Listed',
  list: 'List them ({n})',
  listedDone: '{n} organizations listed',
  noCandidate: 'No organization meets the criteria',
  listedN: 'Listed',
  byCriterion: 'Organizations by criterion',
  byChild: 'Listed by lower organization',
  org: 'Organization',
  count: 'Count',
};

export default function WeakOrgsPage() {
  const { t } = useDictionary<K>(zh, en);
  const { pick, lang } = useNames();
  const { me, can } = useSession();
  const feedback = useFeedback();
  const url = useUrlState();
  const thisYear = Number(todayShanghai().slice(0, 4));
  const year = url.number('year') ?? thisYear;
  const state = url.get('state');
  const tab = url.get('tab') ?? 'ledgers';
  const set = (k: string, v: string | number | undefined) => url.set({ [k]: v });
  const invalidate = useInvalidate();
  const ledgers = useQuery({
    queryKey: keys.weakOrgs.ledgers({ year, state }),
    queryFn: () => weakOrgApi.ledgers({ year, ...(state ? { state } : {}) }),
  });
  const figures = useQuery({
    queryKey: keys.weakOrgs.figures(year),
    queryFn: () => weakOrgApi.figures(year),
  });
  const countyLevel =
    can('assessment:manage') && (me?.scope.level === 'county' || me?.scope.level === 'city');
  const candidates = useQuery({
    queryKey: keys.weakOrgs.candidates(year),
    queryFn: () => weakOrgApi.candidates(year),
    enabled: tab === 'candidates',
  });
  const [chosen, setChosen] = useState<number[]>([]);
  const stateName = (code: string) => pick(ledgers.data?.states.find((s) => s.code === code)?.name);
  const phone = usePhone();
  type Candidate = Candidates['items'][number];
  const ledgerLink = (r: LedgerItem) => (
    <Link to={`/weak-orgs/${r.id}`} data-testid="ledger-link">
      {r.org.name}
    </Link>
  );
  const stateTag = (r: LedgerItem) => <Tag color={LEDGER_STATE_COLORS[r.state]}>{stateName(r.state)}</Tag>;
  const criteria = (r: LedgerItem) => r.criteria.map((c) => pick(c.name)).join('；') || '—';
  const hits = (r: Candidate) => r.hits.map((h) => (lang === 'en' ? h.en : h.zh)).join('；');
  const listedTag = (r: Candidate) => (r.listed ? <Tag color="red">{t('listed')}</Tag> : '');
  // a phone shows each ledger as one item: the village, its town and problems done, the criteria, the state
  const ledgerPhoneColumns = [
    {
      title: t('village'),
      key: 'v',
      render: (_: unknown, r: LedgerItem) => (
        <PhoneItem>
          {ledgerLink(r)}
          <PhoneLine>
            {shortOrg(r.town.name)} · {t('problems')} {r.problemsDone} / {r.problems}
          </PhoneLine>
          <PhoneLine>{criteria(r)}</PhoneLine>
          <PhoneTags>{stateTag(r)}</PhoneTags>
        </PhoneItem>
      ),
    },
  ];
  // and each candidate: the village, the criteria it meets, whether it is listed
  const candidatePhoneColumns = [
    {
      title: t('village'),
      key: 'v',
      render: (_: unknown, r: Candidate) => (
        <PhoneItem>
          <span>{r.org.name}</span>
          <PhoneLine>{hits(r)}</PhoneLine>
          {r.listed && <PhoneTags>{listedTag(r)}</PhoneTags>}
        </PhoneItem>
      ),
    },
  ];
  const ledgerTable = (
    <Card size="small">
      <Select
        allowClear
        placeholder={t('allStates')}
        style={{ width: 160, marginBottom: 12 }}
        value={state}
        onChange={(v) => set('state', v)}
        options={(ledgers.data?.states ?? []).map((s) => ({ value: s.code, label: pick(s.name) }))}
      />
      <Table
        size="small"
        rowKey="id"
        loading={ledgers.isFetching}
        dataSource={ledgers.data?.items ?? []}
        {...phoneListProps(phone, 820)}
        data-testid="ledgers"
        locale={{ emptyText: t('noLedger') }}
        columns={
          phone
            ? ledgerPhoneColumns
            : [
                {
                  title: t('village'),
                  key: 'v',
                  width: 170,
                  render: (_: unknown, r: LedgerItem) => ledgerLink(r),
                },
                {
                  title: t('town'),
                  key: 't',
                  width: 120,
                  render: (_: unknown, r: LedgerItem) => shortOrg(r.town.name),
                },
                {
                  title: t('state'),
                  key: 's',
                  width: 100,
                  render: (_: unknown, r: LedgerItem) => stateTag(r),
                },
                {
                  title: t('criteria'),
                  key: 'c',
                  render: (_: unknown, r: LedgerItem) => criteria(r),
                },
                {
                  title: t('problems'),
                  key: 'p',
                  width: 100,
                  align: 'right' as const,
                  render: (_: unknown, r: LedgerItem) => `${r.problemsDone} / ${r.problems}`,
                },
              ]
        }
      />
    </Card>
  );
  const c: Candidates | undefined = candidates.data;
  const candidateTable = (
    <Card size="small">
      {c && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">
            {t('asOf', { date: c.asOf, n: c.villages, limit: c.limit })}
          </Typography.Text>
          {c.criteria.map((x) => (
            <Tag key={x.code}>{`${pick(x.name)} ${x.candidates}`}</Tag>
          ))}
          {countyLevel && (
            <Button
              type="primary"
              disabled={chosen.length === 0}
              data-testid="weak-list"
              onClick={async () => {
                try {
                  const r = await weakOrgApi.list(
                    year,
                    chosen.map((orgId) => ({ orgId })),
                  );
                  feedback.success(t('listedDone', { n: r.listed.length }));
                  setChosen([]);
                  void invalidate(keys.weakOrgs.all);
                } catch (e) {
                  feedback.error(e);
                }
              }}
            >
              {t('list', { n: chosen.length })}
            </Button>
          )}
        </Space>
      )}
      <Table
        size="small"
        rowKey={(r) => r.org.id}
        loading={candidates.isFetching}
        dataSource={c?.items ?? []}
        {...phoneListProps(phone, 700)}
        data-testid="candidates"
        locale={{ emptyText: t('noCandidate') }}
        rowSelection={
          countyLevel
            ? {
                selectedRowKeys: chosen,
                onChange: (keys) => setChosen(keys.map(Number)),
                getCheckboxProps: (r) => ({ disabled: r.listed }),
              }
            : undefined
        }
        columns={
          phone
            ? candidatePhoneColumns
            : [
                {
                  title: t('village'),
                  key: 'v',
                  width: 200,
                  render: (_: unknown, r: Candidate) => r.org.name,
                },
                {
                  title: t('hits'),
                  key: 'h',
                  render: (_: unknown, r: Candidate) => hits(r),
                },
                {
                  title: t('state'),
                  key: 's',
                  width: 90,
                  render: (_: unknown, r: Candidate) => listedTag(r),
                },
              ]
        }
      />
    </Card>
  );
  const f = figures.data;
  const figureView = f && (
    <Row gutter={[12, 12]}>
      <Col xs={12} md={4}>
        <Card size="small">
          <Statistic title={t('listedN')} value={f.totals.listed} />
        </Card>
      </Col>
      {f.states.map((s) => (
        <Col xs={12} md={4} key={s.code}>
          <Card size="small">
            <Statistic title={pick(s.name)} value={f.totals.byState[s.code] ?? 0} />
          </Card>
        </Col>
      ))}
      <Col xs={24} lg={12}>
        <Card size="small" title={t('byChild')}>
          <Table
            size="small"
            rowKey={(r) => r.org.id}
            pagination={false}
            dataSource={f.children}
            columns={[
              {
                title: t('org'),
                key: 'o',
                render: (_: unknown, r: (typeof f.children)[number]) => r.org.name,
              },
              { title: t('count'), dataIndex: 'listed', key: 'n', align: 'right' as const },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('byCriterion')}>
          <Table
            size="small"
            rowKey="code"
            pagination={false}
            dataSource={f.criteria}
            columns={[
              {
                title: t('criteria'),
                key: 'c',
                render: (_: unknown, r: (typeof f.criteria)[number]) => pick(r.name),
              },
              { title: t('count'), dataIndex: 'n', key: 'n', align: 'right' as const },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
  return (
    <div>
      <PageTitle
        title={t('title')}
        extra={
          <Select
            value={year}
            style={{ width: 120 }}
            onChange={(v) => set('year', v)}
            options={[thisYear, thisYear - 1].map((y) => ({ value: y, label: t('year', { year: y }) }))}
          />
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => set('tab', k)}
        items={[
          { key: 'ledgers', label: t('ledgers'), children: ledgerTable },
          { key: 'candidates', label: t('candidates'), children: candidateTable },
          { key: 'figures', label: t('figures'), children: figureView },
        ]}
      />
    </div>
  );
}
