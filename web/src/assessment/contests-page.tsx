// 擂台赛 (issue 15): the contests held in the scope or above it; one contest's ranking — each
// village's topic, judges' score, audience votes, final score and award, and the goals it promised
// with their follow-up in the next year's assessment.

import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, List, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useInvalidate } from '../api/query.ts';
import { keys } from '../api/query-keys.ts';
import { todayShanghai, useDictionary } from '../deliberation/village-text.ts';
import { PageTitle } from '../shell/page-title.tsx';
import { PhoneItem, PhoneLine, PhoneTags, phoneListProps } from '../shell/phone-list.tsx';
import { useSession } from '../shell/session.tsx';
import { usePhone } from '../shell/use-phone.ts';
import { useUrlState } from '../shell/use-url-state.ts';
import { type ContestEntry, contestApi } from './assessment-api.ts';
import { shortOrg, useNames } from './assessment-text.ts';
import {
  EntryButton,
  FinishButton,
  FollowupButton,
  NewContestButton,
  ScoreButton,
} from './contest-manage.tsx';

const zh = {
  title: '擂台赛',
  year: '{year} 年度',
  allYears: '全部年度',
  contests: '擂台赛',
  none: '没有擂台赛',
  pick: '选择左侧的一场擂台赛',
  organizer: '主办',
  heldOn: '比赛日期',
  rank: '名次',
  village: '村（社区）',
  secretary: '书记',
  topic: '参赛主题',
  judges: '评委评分',
  votes: '群众投票',
  final: '综合得分',
  award: '奖项',
  goals: '承诺目标与兑现',
  actions: '操作',
  'state.open': '报名中',
  'state.finished': '已结束',
  'followup.pending': '待跟踪',
  'followup.met': '已兑现',
  'followup.partly_met': '部分兑现',
  'followup.not_met': '未兑现',
} as const;
type K = keyof typeof zh;
const en: Record<K, string> = {
  title: 'Contests',
  year: '{year}',
  allYears: 'All years',
  contests: 'Contests',
  none: 'No contest',
  pick: 'Pick a contest on the left',
  organizer: 'Held by',
  heldOn: 'Held on',
  rank: 'Rank',
  village: 'Village',
  secretary: 'Secretary',
  topic: 'Topic',
  judges: 'Judges',
  votes: 'Votes',
  final: 'Final',
  award: 'Award',
  goals: 'Promised goals and follow-up',
  actions: 'Actions',
  'state.open': 'Open',
  'state.finished': 'Finished',
  'followup.pending': 'Pending',
  'followup.met': 'Met',
  'followup.partly_met': 'Partly met',
  'followup.not_met': 'Not met',
};
const FOLLOWUP_COLORS: Record<string, string> = {
  met: 'green',
  partly_met: 'gold',
  not_met: 'red',
  pending: 'default',
};

export default function ContestsPage() {
  const { t } = useDictionary<K>(zh, en);
  const { pick } = useNames();
  const { me, can } = useSession();
  const organizes = can('assessment:manage') && ['town', 'county', 'city'].includes(me?.scope.level ?? '');
  const url = useUrlState();
  const thisYear = Number(todayShanghai().slice(0, 4));
  const year = url.number('year');
  const invalidate = useInvalidate();
  const list = useQuery({ queryKey: keys.assessment.contests(year), queryFn: () => contestApi.list(year) });
  const selected = url.number('id') ?? list.data?.items[0]?.id;
  const detail = useQuery({
    queryKey: keys.assessment.contest(selected ?? 0),
    queryFn: () => contestApi.detail(selected ?? 0),
    enabled: selected !== undefined,
  });
  // another year's contests: the one open is no longer among them
  const set = (k: string, v: string | number | undefined) =>
    url.set(k === 'year' ? { [k]: v, id: undefined } : { [k]: v });
  const d = detail.data && detail.data.id === selected ? detail.data : undefined;
  const reload = () => void invalidate(keys.assessment.all);
  const stateTag = (s: string) => (
    <Tag color={s === 'finished' ? 'green' : 'blue'}>{t(`state.${s}` as K) ?? ''}</Tag>
  );
  const phone = usePhone();
  const villageOf = (e: ContestEntry) => `${shortOrg(e.org.name)}（${shortOrg(e.org.townName)}）`;
  const award = (e: ContestEntry) => (e.awardName ? <Tag color="gold">{pick(e.awardName)}</Tag> : '');
  const action = (e: ContestEntry) => {
    if (!d) return null;
    const village = shortOrg(e.org.name);
    return d.state === 'open' ? (
      d.canManage ? (
        <ScoreButton contest={d} entry={e} village={village} onDone={reload} />
      ) : null
    ) : e.goals.length > 0 && e.canFollowUp ? (
      <FollowupButton entry={e} village={village} onDone={reload} />
    ) : null;
  };
  // a phone shows each entry as one item: rank and village, secretary and topic, the scores, award, action
  const phoneColumns = [
    {
      title: t('village'),
      key: 'v',
      render: (_: unknown, e: ContestEntry) => (
        <PhoneItem>
          <span>
            {e.rank ?? '—'} · {villageOf(e)}
          </span>
          <PhoneLine>
            {t('secretary')} {e.secretaryName ?? '—'} · {e.topic}
          </PhoneLine>
          <PhoneLine>
            {t('judges')} {e.judgeScore ?? '—'} · {t('votes')} {e.votes} · {t('final')} {e.finalScore ?? '—'}
          </PhoneLine>
          <PhoneTags>
            {award(e)}
            {action(e)}
          </PhoneTags>
        </PhoneItem>
      ),
    },
  ];
  return (
    <div>
      <PageTitle
        title={t('title')}
        extra={
          <Space wrap>
            {organizes && (
              <NewContestButton
                onCreated={(id) => {
                  reload();
                  set('id', id);
                }}
              />
            )}
            <Select
              allowClear
              placeholder={t('allYears')}
              value={year}
              style={{ width: 130 }}
              onChange={(v) => set('year', v)}
              options={[thisYear, thisYear - 1].map((y) => ({ value: y, label: t('year', { year: y }) }))}
            />
          </Space>
        }
      />
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={7}>
          <Card
            size="small"
            title={t('contests')}
            styles={{ body: { padding: 0, maxHeight: 640, overflow: 'auto' } }}
          >
            <List
              loading={list.isFetching}
              dataSource={list.data?.items ?? []}
              locale={{ emptyText: t('none') }}
              data-testid="contest-list"
              renderItem={(c) => (
                <List.Item
                  onClick={() => set('id', c.id)}
                  style={{
                    cursor: 'pointer',
                    padding: '8px 12px',
                    background: c.id === selected ? '#e6f4ff' : undefined,
                  }}
                >
                  <List.Item.Meta
                    title={c.title}
                    description={
                      <span>
                        {c.organizer.name} · {c.heldOn} {stateTag(c.state)}
                      </span>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={17}>
          <Card size="small" title={d?.title ?? ''} loading={detail.isFetching && !d}>
            {d ? (
              <>
                <Typography.Paragraph type="secondary">
                  {t('organizer')}：{d.organizer.name}　{t('heldOn')}：{d.heldOn}　{stateTag(d.state)}
                </Typography.Paragraph>
                {d.theme && <Typography.Paragraph>{d.theme}</Typography.Paragraph>}
                {(d.canEnter || (d.canManage && d.state === 'open' && d.entries.length > 0)) && (
                  <div style={{ marginBottom: 12 }}>
                    {d.canEnter && <EntryButton contest={d} onDone={reload} />}
                    {d.canManage && d.state === 'open' && d.entries.length > 0 && (
                      <FinishButton contest={d} onDone={reload} />
                    )}
                  </div>
                )}
                <Table
                  size="small"
                  rowKey="id"
                  dataSource={d.entries}
                  pagination={false}
                  {...phoneListProps(phone, 900)}
                  data-testid="contest-entries"
                  expandable={{
                    expandedRowRender: (e: ContestEntry) => (
                      <div>
                        <Typography.Text strong>{t('goals')}</Typography.Text>
                        <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
                          {e.goals.map((g) => (
                            <li key={g.id}>
                              {g.goal}{' '}
                              <Tag color={FOLLOWUP_COLORS[g.followup]}>
                                {t(`followup.${g.followup}` as K)}
                              </Tag>
                              {g.note && <Typography.Text type="secondary">{g.note}</Typography.Text>}
                            </li>
                          ))}
                        </ul>
                      </div>
                    ),
                  }}
                  columns={
                    phone
                      ? phoneColumns
                      : [
                          {
                            title: t('rank'),
                            key: 'r',
                            width: 60,
                            render: (_: unknown, e: ContestEntry) => e.rank ?? '—',
                          },
                          {
                            title: t('village'),
                            key: 'v',
                            width: 170,
                            render: (_: unknown, e: ContestEntry) => villageOf(e),
                          },
                          {
                            title: t('secretary'),
                            key: 's',
                            width: 80,
                            render: (_: unknown, e: ContestEntry) => e.secretaryName ?? '—',
                          },
                          { title: t('topic'), dataIndex: 'topic', key: 't' },
                          {
                            title: t('judges'),
                            key: 'j',
                            width: 80,
                            align: 'right' as const,
                            render: (_: unknown, e: ContestEntry) => e.judgeScore ?? '—',
                          },
                          {
                            title: t('votes'),
                            dataIndex: 'votes',
                            key: 'vo',
                            width: 80,
                            align: 'right' as const,
                          },
                          {
                            title: t('final'),
                            key: 'f',
                            width: 80,
                            align: 'right' as const,
                            render: (_: unknown, e: ContestEntry) => e.finalScore ?? '—',
                          },
                          {
                            title: t('award'),
                            key: 'a',
                            width: 90,
                            render: (_: unknown, e: ContestEntry) => award(e),
                          },
                          ...((d.state === 'open' && d.canManage) ||
                          (d.state === 'finished' && d.entries.some((e) => e.canFollowUp))
                            ? [
                                {
                                  title: t('actions'),
                                  key: 'op',
                                  width: 100,
                                  render: (_: unknown, e: ContestEntry) => {
                                    const village = shortOrg(e.org.name);
                                    return d.state === 'open' ? (
                                      <ScoreButton contest={d} entry={e} village={village} onDone={reload} />
                                    ) : e.goals.length > 0 && e.canFollowUp ? (
                                      <FollowupButton entry={e} village={village} onDone={reload} />
                                    ) : null;
                                  },
                                },
                              ]
                            : []),
                        ]
                  }
                />
              </>
            ) : (
              <Empty description={t('pick')} />
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
