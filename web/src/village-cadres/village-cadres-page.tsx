// 村干部与换届: the two committees of each village (a village sees its own: posts, terms, 一肩挑,
// representatives, registered villagers; a town or county its villages with their findings), reserve
// cadres, community workers on the career ladder, and 换届 — the county's rounds, each village's
// election with its candidates and every department's 联审 verdict.
import { FileExcelOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Drawer, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useInvalidate } from '../api/query.ts';
import { keys } from '../api/query-keys.ts';
import { todayShanghai, useDictionary } from '../deliberation/village-text.ts';
import { useFeedback } from '../shell/feedback.ts';
import { PageTitle } from '../shell/page-title.tsx';
import { useSession } from '../shell/session.tsx';
import { usePhone } from '../shell/use-phone.ts';
import { useUrlState } from '../shell/use-url-state.ts';
import {
  cadreApi,
  type ElectionRow,
  type Finding,
  type Reserve,
  type Term,
  type VillageRow,
  type Worker,
} from './cadre-api.ts';
import { CADRE_EN, CADRE_ZH, type CadreKey } from './cadre-messages.ts';

const TERM_COLOR = { ok: 'green', due: 'gold', overdue: 'red' } as const;

function TermTag({ term }: { term: Term | null }) {
  const { t } = useDictionary<CadreKey>(CADRE_ZH, CADRE_EN);
  if (!term) return <Tag>{t('noTerm')}</Tag>;
  return <Tag color={TERM_COLOR[term.state]}>{t(`term.${term.state}`, { date: term.endsOn })}</Tag>;
}

function Findings({ findings }: { findings: Finding[] }) {
  const { lang } = useDictionary<CadreKey>(CADRE_ZH, CADRE_EN);
  return (
    <>
      {findings.map((f) => (
        <Alert
          key={f.code}
          type={f.severity === 'error' ? 'error' : 'warning'}
          showIcon
          message={lang === 'en' ? f.messageEn : f.messageZh}
          style={{ marginBottom: 6 }}
        />
      ))}
    </>
  );
}

function VillageView({ id }: { id: number }) {
  const { t, lang } = useDictionary<CadreKey>(CADRE_ZH, CADRE_EN);
  const v = useQuery({ queryKey: keys.villageCadres.village(id), queryFn: () => cadreApi.village(id) });
  const phone = usePhone();
  const d = v.data;
  if (!d) return <Card loading />;
  type Post = (typeof d.posts)[number];
  const gender = (p: Post) => (p.gender === 'female' ? t('female') : t('male'));
  const postName = (p: Post) => (lang === 'en' ? p.postNameEn : p.postName);
  const about = (p: Post) => `${gender(p)} · ${p.partyMember ? t('member') : t('nonMember')}`;
  const term = (p: Post) => t('termFromTo', { from: p.termStart, to: p.termEnd });
  // a phone shows the post with the person under it, and the term: nothing to scroll sideways
  const phoneColumns = [
    {
      title: t('post'),
      key: 'post',
      render: (_: unknown, p: Post) => (
        <div>
          {postName(p)}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {p.name} · {about(p)}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('termRange'),
      key: 'term',
      width: 110,
      render: (_: unknown, p: Post) => (
        <span style={{ fontSize: 12 }}>
          {p.termStart}
          <br />
          {t('termTo', { date: p.termEnd })}
        </span>
      ),
    },
  ];
  return (
    // a column of blocks as wide as the page: the table scrolls inside it on a phone
    <div
      style={{ display: 'flex', flexDirection: 'column', gap: 8, minWidth: 0 }}
      data-testid="village-cadres"
    >
      <Space wrap>
        <TermTag term={d.term} />
        {d.oneShoulder && <Tag color="red">{t('oneShoulder')}</Tag>}
        <Tag>{t('reserves', { n: d.reserves })}</Tag>
      </Space>
      <Findings findings={d.findings} />
      <Table
        rowKey={(p) => `${p.cadreId}-${p.post}`}
        size="small"
        pagination={false}
        dataSource={d.posts}
        scroll={phone ? undefined : { x: 640 }}
        tableLayout={phone ? 'fixed' : undefined}
        className={phone ? 'qj-phone-list' : undefined}
        columns={
          phone
            ? phoneColumns
            : [
                { title: t('post'), key: 'post', width: 170, render: (_: unknown, p: Post) => postName(p) },
                { title: t('name'), dataIndex: 'name', width: 90 },
                {
                  title: t('gender'),
                  key: 'g',
                  width: 60,
                  render: (_: unknown, p: Post) => gender(p),
                },
                {
                  title: t('partyMember'),
                  key: 'pm',
                  width: 70,
                  render: (_: unknown, p: Post) => (p.partyMember ? t('yes') : t('no')),
                },
                {
                  title: t('termRange'),
                  key: 'term',
                  render: (_: unknown, p: Post) => term(p),
                },
              ]
        }
      />
      <Descriptions size="small" column={1} title={t('register')}>
        {d.register.map((r) => (
          <Descriptions.Item key={r.gridId ?? 0} label={r.gridName ?? t('wholeVillage')}>
            {t('registerLine', { adults: r.adults, households: r.households })}
          </Descriptions.Item>
        ))}
      </Descriptions>
      <Typography.Text type="secondary">
        {t('representatives', {
          n: d.representatives.length,
          women: d.representatives.filter((r) => r.gender === 'female').length,
        })}
      </Typography.Text>
    </div>
  );
}

function ElectionDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useDictionary<CadreKey>(CADRE_ZH, CADRE_EN);
  const e = useQuery({ queryKey: keys.villageCadres.election(id), queryFn: () => cadreApi.election(id) });
  const d = e.data;
  return (
    <Drawer
      open
      width={720}
      title={d ? `${d.org.name} · ${d.roundTitle}` : ''}
      onClose={onClose}
      data-testid="election-drawer"
    >
      {d && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={2}>
            <Descriptions.Item label={t('plannedOn')}>{d.plannedOn}</Descriptions.Item>
            <Descriptions.Item label={t('heldOn')}>{d.heldOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('electionStatus')}>
              {t(`election.${d.status as 'planned'}`)}
            </Descriptions.Item>
            {d.delayApprovedUntil && (
              <Descriptions.Item label={t('delayUntil')}>{d.delayApprovedUntil}</Descriptions.Item>
            )}
          </Descriptions>
          {d.note && <Typography.Text type="secondary">{d.note}</Typography.Text>}
          {d.candidates.map((c) => (
            <Card key={c.id} size="small" data-testid="candidate">
              <Space wrap>
                <b>{c.name}</b>
                <Typography.Text type="secondary">{c.idNumberMasked}</Typography.Text>
                {c.posts.map((p) => (
                  <Tag key={p.post}>{p.name}</Tag>
                ))}
                <Tag
                  color={
                    c.reviewStatus === 'cleared'
                      ? 'green'
                      : c.reviewStatus === 'disqualified'
                        ? 'red'
                        : 'gold'
                  }
                >
                  {t(`review.${c.reviewStatus}`)}
                </Tag>
                {c.electedPostName && <Tag color="red">{t('elected', { post: c.electedPostName })}</Tag>}
              </Space>
              {c.reviews
                .filter((r) => r.verdict === 'fail')
                .map((r) => (
                  <div key={r.department} style={{ color: '#cf1322', fontSize: 13 }}>
                    {r.departmentName}（{r.reviewedOn}）：{r.negativeItemName} — {r.reason}
                  </div>
                ))}
              <div style={{ fontSize: 12, color: '#595959' }}>
                {c.reviews
                  .filter((r) => r.verdict === 'pass')
                  .map((r) => r.departmentName)
                  .join('、')}
                {c.reviews.some((r) => r.verdict === 'pass') ? ` ${t('passed')}` : ''}
                {c.missing.length ? `；${t('missing', { list: c.missing.join('、') })}` : ''}
              </div>
            </Card>
          ))}
        </Space>
      )}
    </Drawer>
  );
}

export default function VillageCadresPage() {
  const { t } = useDictionary<CadreKey>(CADRE_ZH, CADRE_EN);
  const { me, can } = useSession();
  const feedback = useFeedback();
  const url = useUrlState();
  const tab = url.get('tab') ?? 'committees';
  const [page, setPage] = useState(1);
  const [village, setVillage] = useState<number | null>(null);
  const [election, setElection] = useState<number | null>(null);
  const [roundId, setRoundId] = useState<number | undefined>();
  const isVillage = me?.scope.level === 'village';
  const invalidate = useInvalidate();
  const villages = useQuery({
    queryKey: keys.villageCadres.villages({ page }),
    queryFn: () => cadreApi.villages({ page, pageSize: 20 }),
    enabled: tab === 'committees' && !isVillage,
  });
  const reserves = useQuery({
    queryKey: keys.villageCadres.reserves({ page }),
    queryFn: () => cadreApi.reserves({ page }),
    enabled: tab === 'reserves',
  });
  const workers = useQuery({
    queryKey: keys.villageCadres.workers({ page }),
    queryFn: () => cadreApi.workers({ page }),
    enabled: tab === 'workers',
  });
  const rounds = useQuery({
    queryKey: keys.villageCadres.rounds,
    queryFn: () => cadreApi.rounds(),
    enabled: tab === 'elections',
  });
  const elections = useQuery({
    queryKey: keys.villageCadres.elections({ page, roundId }),
    queryFn: () => cadreApi.elections({ page, ...(roundId ? { roundId } : {}) }),
    enabled: tab === 'elections',
  });

  return (
    <div data-testid="village-cadres-page">
      <PageTitle
        title={t('title')}
        extra={
          <Button
            icon={<FileExcelOutlined />}
            onClick={async () => {
              try {
                feedback.success(
                  t('exported', {
                    name: await cadreApi.exportExcel({}, `村（社区）两委干部-${todayShanghai()}.xlsx`),
                  }),
                );
              } catch (error) {
                feedback.error(error);
              }
            }}
          >
            {t('export')}
          </Button>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          url.set({ tab: key }, { replace: true });
          setPage(1);
        }}
        items={[
          { key: 'committees', label: t('tabCommittees') },
          { key: 'reserves', label: t('tabReserves') },
          { key: 'workers', label: t('tabWorkers') },
          { key: 'elections', label: t('tabElections') },
        ]}
      />
      {tab === 'committees' &&
        (isVillage && me ? (
          <VillageView id={me.scope.id} />
        ) : (
          <Table<VillageRow>
            rowKey={(r) => r.org.id}
            size="middle"
            loading={villages.isFetching}
            dataSource={villages.data?.items ?? []}
            scroll={{ x: 900 }}
            pagination={{
              current: page,
              pageSize: 20,
              total: villages.data?.total ?? 0,
              onChange: setPage,
              showSizeChanger: false,
            }}
            columns={[
              {
                title: t('village'),
                key: 'v',
                render: (_: unknown, r: VillageRow) => (
                  <Typography.Link onClick={() => setVillage(r.org.id)}>{r.org.name}</Typography.Link>
                ),
              },
              { title: t('town'), dataIndex: 'town', width: 120 },
              {
                title: t('secretary'),
                key: 's',
                width: 100,
                render: (_: unknown, r: VillageRow) => r.secretary ?? <Tag color="red">{t('vacant')}</Tag>,
              },
              {
                title: t('director'),
                key: 'd',
                width: 110,
                render: (_: unknown, r: VillageRow) =>
                  r.oneShoulder ? <Tag color="red">{t('oneShoulder')}</Tag> : (r.director ?? '—'),
              },
              {
                title: t('term'),
                key: 't',
                width: 170,
                render: (_: unknown, r: VillageRow) => <TermTag term={r.term} />,
              },
              {
                title: t('repsCol'),
                key: 'r',
                width: 110,
                render: (_: unknown, r: VillageRow) =>
                  `${r.representatives}（${t('womenN', { n: r.women })}）`,
              },
              { title: t('reservesCol'), dataIndex: 'reserves', width: 80, align: 'right' as const },
              {
                title: t('findings'),
                key: 'f',
                width: 90,
                render: (_: unknown, r: VillageRow) =>
                  r.findings.length ? <Tag color="orange">{r.findings.length}</Tag> : '—',
              },
            ]}
            data-testid="villages"
          />
        ))}
      {tab === 'reserves' && (
        <Table<Reserve>
          rowKey="id"
          size="middle"
          loading={reserves.isFetching}
          dataSource={reserves.data?.items ?? []}
          scroll={{ x: 800 }}
          pagination={{
            current: page,
            pageSize: 20,
            total: reserves.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
          columns={[
            { title: t('name'), dataIndex: 'name', width: 100 },
            ...(isVillage
              ? []
              : [{ title: t('village'), key: 'v', render: (_: unknown, r: Reserve) => r.org.name }]),
            { title: t('since'), dataIndex: 'since', width: 110 },
            { title: t('mentor'), dataIndex: 'mentorName', width: 100 },
            { title: t('trainingHours'), dataIndex: 'trainingHours', width: 100, align: 'right' as const },
            { title: t('mentoring'), dataIndex: 'mentoring', width: 100, align: 'right' as const },
            {
              title: t('partyMember'),
              key: 'pm',
              width: 70,
              render: (_: unknown, r: Reserve) => (r.partyMember ? t('yes') : t('no')),
            },
          ]}
        />
      )}
      {tab === 'workers' && (
        <Table<Worker>
          rowKey="id"
          size="middle"
          loading={workers.isFetching}
          dataSource={workers.data?.items ?? []}
          scroll={{ x: 900 }}
          pagination={{
            current: page,
            pageSize: 20,
            total: workers.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
          columns={[
            {
              title: t('name'),
              key: 'n',
              width: 120,
              render: (_: unknown, w: Worker) => (
                <>
                  {w.name}
                  {w.gridWorker && <Tag style={{ marginLeft: 4 }}>{t('gridWorker')}</Tag>}
                </>
              ),
            },
            ...(isVillage
              ? []
              : [
                  {
                    title: t('village'),
                    key: 'v',
                    width: 160,
                    render: (_: unknown, w: Worker) => w.org.name,
                  },
                ]),
            {
              title: t('ladder'),
              key: 'l',
              width: 260,
              render: (_: unknown, w: Worker) =>
                t('ladderLine', { tier: w.tierName, grade: w.grade, level: w.level }),
            },
            { title: t('years'), dataIndex: 'yearsOfService', width: 80, align: 'right' as const },
            { title: t('hoursSince'), dataIndex: 'hoursSince', width: 100, align: 'right' as const },
            {
              title: t('promotion'),
              key: 'p',
              render: (_: unknown, w: Worker) =>
                w.promotion.eligible ? (
                  <Space>
                    <Tag color="green">{t('eligible')}</Tag>
                    {can('village:supervise') && !isVillage && (
                      <Button
                        size="small"
                        onClick={async () => {
                          try {
                            await cadreApi.promote(w.id, todayShanghai());
                            void invalidate(keys.villageCadres.all);
                          } catch (error) {
                            feedback.error(error);
                          }
                        }}
                      >
                        {t('promote')}
                      </Button>
                    )}
                  </Space>
                ) : (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {w.promotion.reasons.map((r) => r.messageZh).join('；')}
                  </Typography.Text>
                ),
            },
          ]}
        />
      )}
      {tab === 'elections' && (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            <Select
              allowClear
              placeholder={t('allRounds')}
              style={{ width: 320 }}
              value={roundId}
              onChange={(v) => {
                setRoundId(v);
                setPage(1);
              }}
              options={(rounds.data?.items ?? []).map((r) => ({
                value: r.id,
                label: t('roundLine', { title: r.title, held: r.held, villages: r.villages }),
              }))}
            />
          </Space>
          <Table<ElectionRow>
            rowKey="id"
            size="middle"
            loading={elections.isFetching}
            dataSource={elections.data?.items ?? []}
            scroll={{ x: 900 }}
            pagination={{
              current: page,
              pageSize: 20,
              total: elections.data?.total ?? 0,
              onChange: setPage,
              showSizeChanger: false,
            }}
            columns={[
              {
                title: t('village'),
                key: 'v',
                render: (_: unknown, r: ElectionRow) => (
                  <Typography.Link onClick={() => setElection(r.id)} data-testid="election-open">
                    {r.org.name}
                  </Typography.Link>
                ),
              },
              { title: t('year'), dataIndex: 'year', width: 70 },
              { title: t('plannedOn'), dataIndex: 'plannedOn', width: 110 },
              {
                title: t('heldOn'),
                key: 'h',
                width: 110,
                render: (_: unknown, r: ElectionRow) => r.heldOn ?? '—',
              },
              {
                title: t('electionStatus'),
                key: 's',
                width: 100,
                render: (_: unknown, r: ElectionRow) => (
                  <Tag color={r.status === 'held' ? 'green' : r.status === 'postponed' ? 'red' : 'blue'}>
                    {t(`election.${r.status}`)}
                  </Tag>
                ),
              },
              {
                title: t('term'),
                key: 't',
                width: 170,
                render: (_: unknown, r: ElectionRow) => <TermTag term={r.term} />,
              },
              {
                title: t('candidatesCol'),
                key: 'c',
                width: 150,
                render: (_: unknown, r: ElectionRow) =>
                  t('candidatesLine', { n: r.candidates, cleared: r.cleared, out: r.disqualified }),
              },
            ]}
            data-testid="elections"
          />
        </>
      )}
      {village !== null && (
        <Drawer open width={720} onClose={() => setVillage(null)} title={t('committeesOf')}>
          <VillageView id={village} />
        </Drawer>
      )}
      {election !== null && <ElectionDrawer id={election} onClose={() => setElection(null)} />}
    </div>
  );
}
