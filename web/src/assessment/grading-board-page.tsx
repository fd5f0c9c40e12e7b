// 考核分级 (issue 15): the county's grading board — run the year's grading, the towns' review, approve
// and publish; scores, rank in the category and grade of every village with drill-down to its
// indicators; grades by category (chart) and by town; appeals; Excel. A village's secretary sees
// their own years instead (my-assessment.tsx).
import { FileExcelOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Button,
  Card,
  Col,
  Input,
  Popconfirm,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useRef } from 'react';
import { Link } from 'react-router';
import { useInvalidate } from '../api/query.ts';
import { keys } from '../api/query-keys.ts';
import { useChart } from '../cases/use-chart.ts';
import { todayShanghai, useDictionary, yuan } from '../deliberation/village-text.ts';
import { useFeedback } from '../shell/feedback.ts';
import { PageTitle } from '../shell/page-title.tsx';
import { PhoneItem, PhoneLine, PhoneTags, phoneListProps } from '../shell/phone-list.tsx';
import { useSession } from '../shell/session.tsx';
import { usePhone } from '../shell/use-phone.ts';
import { useUrlState } from '../shell/use-url-state.ts';
import { AppealsTable } from './appeals-table.tsx';
import { assessmentApi, type Board, type BoardItem } from './assessment-api.ts';
import {
  APPEAL_STATES,
  BASIS_NAMES,
  gradeColor,
  ROUND_STATES,
  score,
  shortOrg,
  useNames,
} from './assessment-text.ts';
import MyAssessment from './my-assessment.tsx';

const zh = {
  title: '村党组织书记考核分级',
  year: '{year} 年度',
  rounds: '年度考核进度',
  county: '县（市、区）',
  state: '状态',
  basis: '依据',
  pending: '待审核镇街',
  none: '无',
  run: '计算本年度考核',
  rerun: '重新计算',
  review: '审核本镇（街）结果',
  approve: '审定',
  reopen: '退回重审',
  publish: '公布',
  runConfirm: '按平台记录重新计算全部村的指标、得分和档次？',
  ran: '已计算 {n} 个村',
  moved: '已{action}',
  reviewed: '已审核 {n} 个村',
  notRun: '本年度尚未计算考核',
  villages: '参评村（社区）',
  average: '平均分',
  reviewedN: '镇街已审核',
  appealsN: '申诉',
  allowance: '年度绩效补贴合计',
  byCategory: '各类别档次分布',
  byTown: '各镇（街）档次分布',
  town: '镇（街）',
  allTowns: '全部镇街',
  allCategories: '全部类别',
  allGrades: '全部档次',
  search: '村名、拼音首字母或书记姓名',
  village: '村（社区）',
  category: '类别',
  secretary: '书记',
  vacant: '空缺',
  total: '总分',
  rank: '类别内排名',
  grade: '档次',
  allowanceCol: '绩效补贴',
  appeal: '申诉',
  results: '考核结果',
  appeals: '申诉处理',
  export: '导出Excel',
  exported: '已导出 {name}',
  count: '{n} 个',
  unreviewedTag: '待审核',
} as const;
type K = keyof typeof zh;
const en: Record<K, string> = {
  title: 'Village secretaries’ grading',
  year: '{year}',
  rounds: 'This year’s rounds',
  county: 'County',
  state: 'State',
  basis: 'Basis',
  pending: 'Towns to review',
  none: 'None',
  run: 'Compute the year',
  rerun: 'Compute again',
  review: 'Review my town',
  approve: 'Approve',
  reopen: 'Reopen',
  publish: 'Publish',
  runConfirm: 'Compute every village’s indicators, scores and grades from the records again?',
  ran: '{n} villages computed',
  moved: '{action}: done',
  reviewed: '{n} villages reviewed',
  notRun: 'This year has not been computed yet',
  villages: 'Villages',
  average: 'Average',
  reviewedN: 'Reviewed by towns',
  appealsN: 'Appeals',
  allowance: 'Allowances in all',
  byCategory: 'Grades by category',
  byTown: 'Grades by town',
  town: 'Town',
  allTowns: 'All towns',
  allCategories: 'All categories',
  allGrades: 'All grades',
  search: 'Village, initials or secretary',
  village: 'Village',
  category: 'Category',
  secretary: 'Secretary',
  vacant: 'Vacant',
  total: 'Score',
  rank: 'Rank in category',
  grade: 'Grade',
  allowanceCol: 'Allowance',
  appeal: 'Appeal',
  results: 'Results',
  appeals: 'Appeals',
  export: 'Export Excel',
  exported: 'Exported {name}',
  count: '{n}',
  unreviewedTag: 'To review',
};

type TownRow = { townId: number; name: string; rows: { grade: string; n: number }[] };

function GradeChart({ board }: { board: Board }) {
  const { pick, of } = useNames();
  const element = useRef<HTMLDivElement>(null);
  const option = useMemo(() => {
    const cats = board.categories.filter((c) =>
      board.summary.byCategoryGrade.some((r) => r.category === c.code),
    );
    return {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 8, right: 8, top: 16, bottom: 36, containLabel: true },
      xAxis: { type: 'category', data: cats.map((c) => pick(c.name)) },
      yAxis: { type: 'value' },
      color: ['#52c41a', '#1677ff', '#faad14', '#fa8c16', '#f5222d'],
      series: board.grades.map((g) => ({
        type: 'bar',
        stack: 'n',
        name: of(board.grades, g.code),
        data: cats.map(
          (c) =>
            board.summary.byCategoryGrade.find((r) => r.category === c.code && r.grade === g.code)?.n ?? 0,
        ),
      })),
    };
  }, [board, pick, of]);
  const { ready } = useChart(element, option);
  return (
    <div
      ref={element}
      style={{ height: 240 }}
      data-testid="grade-chart"
      data-ready={ready ? 'true' : 'false'}
    />
  );
}

export default function GradingBoardPage() {
  const { me } = useSession();
  if (me?.scope.level === 'village') return <MyAssessment />;
  return <Board_ />;
}

function Board_() {
  const { t } = useDictionary<K>(zh, en);
  const { pick, of } = useNames();
  const { me, can } = useSession();
  const feedback = useFeedback();
  const url = useUrlState();
  const phone = usePhone();
  const thisYear = Number(todayShanghai().slice(0, 4));
  const year = url.number('year') ?? thisYear;
  const townId = url.number('townId');
  const category = url.get('category');
  const grade = url.get('grade');
  const q = url.get('q');
  const page = url.number('page') ?? 1;
  const tab = url.get('tab') ?? 'results';
  const query = { year, townId, category, grade, q, page, pageSize: 15 };
  const invalidate = useInvalidate();
  const board = useQuery({
    queryKey: keys.assessment.board(query),
    queryFn: () => assessmentApi.board(query),
  });
  const set = (patch: Record<string, string | number | undefined>) => url.set(patch);
  const level = me?.scope.level;
  const manage = can('assessment:manage');
  const countyLevel = manage && (level === 'county' || level === 'city');
  const townLevel = manage && level === 'town';
  const b = board.data;
  const act = async (work: () => Promise<string>) => {
    try {
      feedback.success(await work());
      void invalidate(keys.assessment.all);
    } catch (e) {
      feedback.error(e);
    }
  };
  const roundOf = (id: number) => (level === 'city' ? id : undefined);
  const move = (action: 'approve' | 'reopen' | 'publish', countyOrgId: number) =>
    act(async () => {
      await assessmentApi.move(year, action, roundOf(countyOrgId));
      return t('moved', { action: t(action) });
    });
  type Round = Board['rounds'][number];
  const roundTag = (r: Round) => (
    <Tag color={r.state === 'published' ? 'green' : r.state === 'approved' ? 'blue' : 'orange'}>
      {of(ROUND_STATES, r.state)}
    </Tag>
  );
  const pending = (r: Round) =>
    r.unreviewed.length ? r.unreviewed.map((u) => `${u.name}（${u.n}）`).join('、') : t('none');
  const roundActions = (r: Round) => (
    <Space wrap>
      {r.state === 'draft' && (
        <Button
          size="small"
          type="primary"
          data-testid="round-approve"
          onClick={() => move('approve', r.countyOrgId)}
        >
          {t('approve')}
        </Button>
      )}
      {r.state === 'approved' && (
        <>
          <Button
            size="small"
            type="primary"
            data-testid="round-publish"
            onClick={() => move('publish', r.countyOrgId)}
          >
            {t('publish')}
          </Button>
          <Button size="small" onClick={() => move('reopen', r.countyOrgId)}>
            {t('reopen')}
          </Button>
        </>
      )}
    </Space>
  );
  // a phone shows each county's round as one item: the county, its basis, who is still to review, state, actions
  const roundPhoneColumns = [
    {
      title: t('county'),
      key: 'c',
      render: (_: unknown, r: Round) => (
        <PhoneItem>
          <span>{r.countyName}</span>
          <PhoneLine>
            {t('basis')} {of(BASIS_NAMES, r.basis)} · {t('pending')} {pending(r)}
          </PhoneLine>
          <PhoneTags>
            {roundTag(r)}
            {countyLevel && roundActions(r)}
          </PhoneTags>
        </PhoneItem>
      ),
    },
  ];
  const roundColumns = [
    { title: t('county'), dataIndex: 'countyName', key: 'c' },
    {
      title: t('state'),
      key: 's',
      render: (_: unknown, r: Round) => roundTag(r),
    },
    {
      title: t('basis'),
      key: 'b',
      render: (_: unknown, r: Round) => of(BASIS_NAMES, r.basis),
    },
    {
      title: t('pending'),
      key: 'u',
      render: (_: unknown, r: Round) => pending(r),
    },
    ...(countyLevel
      ? [
          {
            title: '',
            key: 'a',
            render: (_: unknown, r: Round) => roundActions(r),
          },
        ]
      : []),
  ];
  const villageLink = (r: BoardItem) => (
    <Link to={`/assessment/${r.id}`} data-testid="board-village">
      {r.org.shortName ?? r.org.name}
    </Link>
  );
  const gradeTags = (r: BoardItem) => (
    <>
      <Tag color={gradeColor(b?.grades ?? [], r.grade)}>{of(b?.grades ?? [], r.grade)}</Tag>
      {!r.reviewed && r.basis === 'computed' && <Tag>{t('unreviewedTag')}</Tag>}
    </>
  );
  // a phone shows each village as one item: the village, its town, category and secretary, its scores,
  // its grade and appeal
  const phoneColumns = [
    {
      title: t('village'),
      key: 'v',
      render: (_: unknown, r: BoardItem) => (
        <PhoneItem>
          {villageLink(r)}
          <PhoneLine>
            {shortOrg(r.town.name)} · {of(b?.categories ?? [], r.category)} · {t('secretary')}{' '}
            {r.secretaryName ?? t('vacant')}
          </PhoneLine>
          <PhoneLine>
            {t('total')} {score(r.total)} · {t('rank')} {r.rank} / {r.groupSize} · {t('allowanceCol')}{' '}
            {yuan(r.allowanceFen)}
          </PhoneLine>
          <PhoneTags>
            {gradeTags(r)}
            {r.appealState && (
              <Tag>
                {t('appeal')} {of(APPEAL_STATES, r.appealState)}
              </Tag>
            )}
          </PhoneTags>
        </PhoneItem>
      ),
    },
  ];
  const columns = [
    {
      title: t('village'),
      key: 'v',
      fixed: 'left' as const,
      width: 170,
      render: (_: unknown, r: BoardItem) => villageLink(r),
    },
    { title: t('town'), key: 't', width: 120, render: (_: unknown, r: BoardItem) => shortOrg(r.town.name) },
    {
      title: t('category'),
      key: 'c',
      width: 90,
      render: (_: unknown, r: BoardItem) => of(b?.categories ?? [], r.category),
    },
    {
      title: t('secretary'),
      key: 's',
      width: 90,
      render: (_: unknown, r: BoardItem) =>
        r.secretaryName ?? <Typography.Text type="secondary">{t('vacant')}</Typography.Text>,
    },
    {
      title: t('total'),
      key: 'total',
      width: 80,
      align: 'right' as const,
      render: (_: unknown, r: BoardItem) => score(r.total),
    },
    {
      title: t('rank'),
      key: 'rank',
      width: 100,
      align: 'right' as const,
      render: (_: unknown, r: BoardItem) => `${r.rank} / ${r.groupSize}`,
    },
    {
      title: t('grade'),
      key: 'g',
      width: 90,
      render: (_: unknown, r: BoardItem) => <Space size={4}>{gradeTags(r)}</Space>,
    },
    {
      title: t('allowanceCol'),
      key: 'al',
      width: 110,
      align: 'right' as const,
      render: (_: unknown, r: BoardItem) => yuan(r.allowanceFen),
    },
    {
      title: t('appeal'),
      key: 'ap',
      width: 100,
      render: (_: unknown, r: BoardItem) => (r.appealState ? of(APPEAL_STATES, r.appealState) : ''),
    },
  ];
  const hasRound = (b?.rounds.length ?? 0) > 0;
  const results = (
    <>
      {b && hasRound && (
        <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
          <Col xs={12} md={4}>
            <Card size="small">
              <Statistic title={t('villages')} value={b.summary.villages} />
            </Card>
          </Col>
          <Col xs={12} md={4}>
            <Card size="small">
              <Statistic title={t('average')} value={score(b.summary.average)} />
            </Card>
          </Col>
          <Col xs={12} md={4}>
            <Card size="small">
              <Statistic title={t('reviewedN')} value={b.summary.reviewed} />
            </Card>
          </Col>
          <Col xs={12} md={4}>
            <Card size="small">
              <Statistic title={t('appealsN')} value={b.summary.appeals} />
            </Card>
          </Col>
          <Col xs={24} md={8}>
            <Card size="small">
              <Statistic title={t('allowance')} value={yuan(b.summary.allowanceFen)} />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('byCategory')}>
              <GradeChart board={b} />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('byTown')} styles={{ body: { maxHeight: 240, overflow: 'auto' } }}>
              <Table
                size="small"
                pagination={false}
                rowKey="townId"
                data-testid="board-towns"
                dataSource={[...new Set<number>(b.summary.byTown.map((r) => r.townId))].map((id) => {
                  const rows = b.summary.byTown.filter((r) => r.townId === id);
                  return { townId: id, name: rows[0]?.name ?? '', rows } as TownRow;
                })}
                columns={[
                  {
                    title: t('town'),
                    key: 'n',
                    render: (_: unknown, r: TownRow) => (
                      <Typography.Link onClick={() => set({ townId: r.townId })}>
                        {shortOrg(r.name)}
                      </Typography.Link>
                    ),
                  },
                  ...b.grades.map((g) => ({
                    title: pick(g.name),
                    key: g.code,
                    align: 'right' as const,
                    render: (_: unknown, r: TownRow) => r.rows.find((x) => x.grade === g.code)?.n ?? 0,
                  })),
                ]}
              />
            </Card>
          </Col>
        </Row>
      )}
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            placeholder={t('allTowns')}
            style={{ width: 160 }}
            value={townId}
            onChange={(v) => set({ townId: v })}
            options={[...new Map((b?.summary.byTown ?? []).map((r) => [r.townId, r.name])).entries()].map(
              ([id, name]) => ({ value: id, label: shortOrg(name) }),
            )}
          />
          <Select
            allowClear
            placeholder={t('allCategories')}
            style={{ width: 140 }}
            value={category}
            onChange={(v) => set({ category: v })}
            options={(b?.categories ?? []).map((c) => ({ value: c.code, label: pick(c.name) }))}
          />
          <Select
            allowClear
            placeholder={t('allGrades')}
            style={{ width: 120 }}
            value={grade}
            onChange={(v) => set({ grade: v })}
            options={(b?.grades ?? []).map((c) => ({ value: c.code, label: pick(c.name) }))}
          />
          <Input.Search
            allowClear
            placeholder={t('search')}
            defaultValue={q}
            style={{ width: 240 }}
            onSearch={(v) => set({ q: v })}
          />
          <Button
            icon={<FileExcelOutlined />}
            disabled={!hasRound}
            onClick={() =>
              assessmentApi
                .exportBoard(query)
                .then((name) => feedback.success(t('exported', { name })), feedback.error)
            }
          >
            {t('export')}
          </Button>
        </Space>
        <Table
          size="small"
          rowKey="id"
          loading={board.isFetching}
          dataSource={b?.items ?? []}
          columns={phone ? phoneColumns : columns}
          {...phoneListProps(phone, 960)}
          data-testid="board-table"
          locale={{ emptyText: t('notRun') }}
          pagination={{
            current: page,
            pageSize: 15,
            total: b?.total ?? 0,
            showSizeChanger: false,
            onChange: (p) => set({ page: p }),
          }}
        />
      </Card>
    </>
  );
  return (
    <div>
      <PageTitle
        title={t('title')}
        extra={
          <Space wrap>
            <Select
              value={year}
              style={{ width: 120 }}
              onChange={(v) => set({ year: v })}
              options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({
                value: y,
                label: t('year', { year: y }),
              }))}
              data-testid="board-year"
            />
            {countyLevel && (
              <Popconfirm
                title={t('runConfirm')}
                onConfirm={() => act(async () => t('ran', { n: (await assessmentApi.run(year)).villages }))}
              >
                <Button type="primary" data-testid="round-run">
                  {hasRound ? t('rerun') : t('run')}
                </Button>
              </Popconfirm>
            )}
            {townLevel && hasRound && (
              <Button
                type="primary"
                data-testid="round-review"
                onClick={() =>
                  act(async () => t('reviewed', { n: (await assessmentApi.review(year)).reviewed }))
                }
              >
                {t('review')}
              </Button>
            )}
          </Space>
        }
      />
      {b && hasRound && (
        <Card size="small" title={t('rounds')} style={{ marginBottom: 12 }}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={b.rounds}
            columns={phone ? roundPhoneColumns : roundColumns}
            {...phoneListProps(phone, 640)}
            data-testid="rounds"
          />
        </Card>
      )}
      <Tabs
        activeKey={tab}
        onChange={(k) => set({ tab: k })}
        items={[
          { key: 'results', label: t('results'), children: results },
          {
            key: 'appeals',
            label: t('appeals'),
            children: <AppealsTable year={year} grades={b?.grades ?? []} />,
          },
        ]}
      />
    </div>
  );
}
