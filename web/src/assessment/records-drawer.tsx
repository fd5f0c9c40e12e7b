// The records behind one indicator's figure (drill-down from a score): meetings, development
// candidates, dues by month, training sessions, grid cases, collective incomes, contest goals,
// publication items, village decisions, or the town's manual score with its evidence.

import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Drawer, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { keys } from '../api/query-keys.ts';
import { CHANNEL_NAMES, EVALUATION_NAMES, STATE_NAMES } from '../cases/names.ts';
import { useDictionary, yuan } from '../deliberation/village-text.ts';
import { PhoneItem, PhoneLine, phoneListProps } from '../shell/phone-list.tsx';
import { usePhone } from '../shell/use-phone.ts';
import { assessmentApi, type IndicatorRow, type Named } from './assessment-api.ts';
import { useNames } from './assessment-text.ts';

const zh = {
  title: '{name} · 依据记录',
  span: '统计期间',
  figure: '指标数据',
  total: '共 {n} 条',
  date: '日期',
  kind: '类型',
  topic: '主题',
  org: '组织',
  present: '到会 / 应到',
  name: '姓名',
  selectedOn: '确定为发展对象',
  month: '月份',
  due: '应缴人数',
  paid: '已缴人数',
  paidFen: '缴纳金额',
  hours: '学时',
  attendees: '参训人数',
  classTitle: '培训班',
  caseNo: '事件编号',
  caseTitle: '事件',
  state: '状态',
  channel: '来源',
  grid: '网格',
  inTime: '按时响应',
  onTime: '按期办结',
  evaluation: '评价',
  year: '年度',
  source: '收入来源',
  amount: '金额',
  contest: '擂台赛',
  goal: '承诺目标',
  followup: '兑现情况',
  title_: '名称',
  dueOn: '应公开日期',
  publishedOn: '公开日期',
  validity: '合规性',
  score: '得分',
  evidence: '评分依据',
  yes: '是',
  no: '否',
  none: '没有记录',
  'followup.pending': '待跟踪',
  'followup.met': '已兑现',
  'followup.partly_met': '部分兑现',
  'followup.not_met': '未兑现',
  'validity.valid': '合规有效',
  'validity.invalid': '程序不合规',
  'validity.pending': '尚未形成决议',
  'pub.upcoming': '未到期',
  'pub.due': '待公开',
  'pub.overdue': '逾期未公开',
  'pub.on_time': '按期公开',
  'pub.late': '逾期公开',
} as const;
type K = keyof typeof zh;
const en: Record<K, string> = {
  title: '{name} · records',
  span: 'Period',
  figure: 'Figure',
  total: '{n} records',
  date: 'Date',
  kind: 'Kind',
  topic: 'Topic',
  org: 'Organization',
  present: 'Present / expected',
  name: 'Name',
  selectedOn: 'Made a candidate',
  month: 'Month',
  due: 'Members due',
  paid: 'Paid',
  paidFen: 'Amount',
  hours: 'Hours',
  attendees: 'Attendees',
  classTitle: 'Class',
  caseNo: 'Case no.',
  caseTitle: 'Case',
  state: 'State',
  channel: 'Channel',
  grid: 'Grid',
  inTime: 'Responded in time',
  onTime: 'Closed on time',
  evaluation: 'Rating',
  year: 'Year',
  source: 'Source',
  amount: 'Amount',
  contest: 'Contest',
  goal: 'Promised goal',
  followup: 'Follow-up',
  title_: 'Title',
  dueOn: 'Due',
  publishedOn: 'Published',
  validity: 'Validity',
  score: 'Score',
  evidence: 'Evidence',
  yes: 'Yes',
  no: 'No',
  none: 'No records',
  'followup.pending': 'Pending',
  'followup.met': 'Met',
  'followup.partly_met': 'Partly met',
  'followup.not_met': 'Not met',
  'validity.valid': 'Valid',
  'validity.invalid': 'Invalid',
  'validity.pending': 'Pending',
  'pub.upcoming': 'Upcoming',
  'pub.due': 'Due',
  'pub.overdue': 'Overdue',
  'pub.on_time': 'On time',
  'pub.late': 'Late',
};

type Row = Record<string, unknown>;
const s = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));
const date = (v: unknown) => (typeof v === 'string' ? v.slice(0, 10) : '—');

export function RecordsDrawer(props: {
  assessmentId: number;
  indicator: IndicatorRow | null;
  onClose: () => void;
}) {
  const { t } = useDictionary<K>(zh, en);
  const { pick } = useNames();
  const [page, setPage] = useState(1);
  const code = props.indicator?.indicator;
  const records = useQuery({
    queryKey: keys.assessment.records({ assessmentId: props.assessmentId, code, page }),
    queryFn: () => assessmentApi.records(props.assessmentId, code ?? '', page),
    enabled: Boolean(code),
  });
  const r = records.data && records.data.indicator === code ? records.data : undefined;
  const yn = (v: unknown) => (v ? t('yes') : t('no'));
  const named = (v: unknown) => pick(v as Named);
  const col = (title: K, render: (row: Row) => React.ReactNode, width?: number) => ({
    title: t(title),
    key: title,
    ...(width ? { width } : {}),
    render: (_: unknown, row: Row) => render(row),
  });
  const columnsOf: Record<string, ReturnType<typeof col>[]> = {
    meetings: [
      col('date', (x) => date(x.heldOn), 110),
      col('kind', (x) => named(x.kindName), 120),
      col('topic', (x) => s(x.topic)),
      col('org', (x) => s(x.orgName), 150),
      col('present', (x) => `${s(x.present)} / ${s(x.expected)}`, 100),
    ],
    candidates: [
      col('name', (x) => s(x.name)),
      col('org', (x) => s(x.orgName)),
      col('selectedOn', (x) => date(x.selectedOn)),
    ],
    dues_months: [
      col('month', (x) => s(x.month)),
      col('due', (x) => s(x.due)),
      col('paid', (x) => s(x.paid)),
      col('paidFen', (x) => yuan(Number(x.paidFen))),
    ],
    training_sessions: [
      col('date', (x) => date(x.heldOn), 110),
      col('classTitle', (x) => s(x.classTitle)),
      col('topic', (x) => s(x.topic)),
      col('attendees', (x) => s(x.attendees), 90),
      col('hours', (x) => s(x.hours), 70),
    ],
    cases: [
      col('caseNo', (x) => <Link to={`/cases/${s(x.id)}`}>{s(x.caseNo)}</Link>, 170),
      col('caseTitle', (x) => s(x.title)),
      col('state', (x) => pick(STATE_NAMES[x.state as keyof typeof STATE_NAMES]), 90),
      col('channel', (x) => pick(CHANNEL_NAMES[x.channel as keyof typeof CHANNEL_NAMES]), 90),
      col('inTime', (x) => yn(x.respondedInTime), 80),
      col('onTime', (x) => yn(x.closedOnTime), 80),
      col(
        'evaluation',
        (x) => (x.evaluation ? pick(EVALUATION_NAMES[x.evaluation as keyof typeof EVALUATION_NAMES]) : '—'),
        80,
      ),
    ],
    incomes: [
      col('year', (x) => s(x.year), 70),
      col('source', (x) => named(x.name)),
      col('amount', (x) => yuan(Number(x.amountFen))),
    ],
    goals: [
      col('contest', (x) => s(x.contestTitle)),
      col('goal', (x) => s(x.goal)),
      col('followup', (x) => <Tag>{t(`followup.${s(x.followup)}` as K)}</Tag>, 100),
    ],
    publications: [
      col('title_', (x) => s(x.title)),
      col('dueOn', (x) => date(x.dueOn), 110),
      col('publishedOn', (x) => date(x.publishedOn), 110),
      col('state', (x) => t(`pub.${s(x.state)}` as K), 100),
    ],
    decisions: [
      col('title_', (x) => <Link to={`/deliberations/${s(x.id)}`}>{s(x.title)}</Link>),
      col('validity', (x) => t(`validity.${s(x.validity)}` as K), 120),
    ],
    manual: [
      col('score', (x) => s(x.score), 70),
      col('evidence', (x) => s(x.evidence)),
      col('date', (x) => date(x.enteredAt), 110),
    ],
  };
  const paged = r && ['meetings', 'cases', 'publications', 'decisions'].includes(r.kind);
  const phone = usePhone();
  const columns = r ? (columnsOf[r.kind] ?? []) : [];
  // a phone shows each record as one item: its first field, then the others each on a short line
  const phoneColumns = columns.slice(0, 1).map((first) => ({
    title: first.title,
    key: first.key,
    render: (_: unknown, row: Row) => (
      <PhoneItem>
        <span>{first.render(_, row)}</span>
        {columns.slice(1).map((c) => (
          <PhoneLine key={c.key}>
            {c.title} {c.render(_, row)}
          </PhoneLine>
        ))}
      </PhoneItem>
    ),
  }));
  return (
    <Drawer
      open={Boolean(props.indicator)}
      onClose={() => {
        setPage(1);
        props.onClose();
      }}
      width={Math.min(880, window.innerWidth)}
      title={props.indicator ? t('title', { name: pick(props.indicator.name) }) : ''}
      data-testid="records-drawer"
    >
      {r && (
        <>
          <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('span')}>{`${r.span.from} — ${r.span.to}`}</Descriptions.Item>
            <Descriptions.Item label={t('figure')}>
              {props.indicator?.note || s(r.figure.value)}
            </Descriptions.Item>
          </Descriptions>
          {r.reason ? (
            <Alert type="info" message={r.reason} data-testid="records-reason" />
          ) : (
            <>
              <Typography.Text type="secondary">{t('total', { n: r.total })}</Typography.Text>
              <Table
                size="small"
                rowKey={(x) => JSON.stringify(x).slice(0, 200)}
                dataSource={r.items}
                columns={phone ? phoneColumns : columns}
                {...phoneListProps(phone, 600)}
                data-testid="records-table"
                locale={{ emptyText: t('none') }}
                pagination={
                  paged
                    ? {
                        current: page,
                        pageSize: 10,
                        total: r.total,
                        showSizeChanger: false,
                        onChange: setPage,
                      }
                    : false
                }
              />
            </>
          )}
        </>
      )}
    </Drawer>
  );
}
