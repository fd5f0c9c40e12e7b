// The appeals of a year in the scope, with their outcome; each opens the assessment, where the
// county decides it.

import { useQuery } from '@tanstack/react-query';
import { Table, Tag } from 'antd';
import { Link } from 'react-router';
import { keys } from '../api/query-keys.ts';
import { useDictionary } from '../deliberation/village-text.ts';
import { PhoneItem, PhoneLine, PhoneTags, phoneListProps } from '../shell/phone-list.tsx';
import { usePhone } from '../shell/use-phone.ts';
import { type AppealItem, assessmentApi, type Coded } from './assessment-api.ts';
import { APPEAL_STATES, score, useNames } from './assessment-text.ts';

const zh = {
  village: '村（社区）',
  town: '镇（街）',
  secretary: '书记',
  reason: '申诉理由',
  state: '状态',
  before: '原得分与档次',
  after: '处理后',
  none: '本年度没有申诉',
} as const;
type K = keyof typeof zh;
const en: Record<K, string> = {
  village: 'Village',
  town: 'Town',
  secretary: 'Secretary',
  reason: 'Reason',
  state: 'State',
  before: 'Before',
  after: 'After',
  none: 'No appeal this year',
};

export function AppealsTable({ year, grades }: { year: number; grades: readonly Coded[] }) {
  const { t } = useDictionary<K>(zh, en);
  const { of } = useNames();
  const list = useQuery({
    queryKey: keys.assessment.appeals(year),
    queryFn: () => assessmentApi.appeals(year),
  });
  const phone = usePhone();
  const village = (r: AppealItem) => <Link to={`/assessment/${r.assessmentId}`}>{r.orgName}</Link>;
  const stateTag = (r: AppealItem) => (
    <Tag color={r.state === 'open' ? 'orange' : r.state === 'upheld' ? 'green' : 'default'}>
      {of(APPEAL_STATES, r.state)}
    </Tag>
  );
  const before = (r: AppealItem) => `${score(r.totalBefore)}（${of(grades, r.gradeBefore)}）`;
  const after = (r: AppealItem) =>
    r.totalAfter === null ? '—' : `${score(r.totalAfter)}（${of(grades, r.gradeAfter)}）`;
  // a phone shows each appeal as one item: the village, its town and secretary, the reason, the scores, the state
  const phoneColumns = [
    {
      title: t('village'),
      key: 'v',
      render: (_: unknown, r: AppealItem) => (
        <PhoneItem>
          {village(r)}
          <PhoneLine>
            {r.townName} · {t('secretary')} {r.secretaryName ?? '—'}
          </PhoneLine>
          <span style={{ fontSize: 13 }}>{r.reason}</span>
          <PhoneLine>
            {t('before')} {before(r)} · {t('after')} {after(r)}
          </PhoneLine>
          <PhoneTags>{stateTag(r)}</PhoneTags>
        </PhoneItem>
      ),
    },
  ];
  return (
    <Table
      size="small"
      rowKey="id"
      loading={list.isFetching}
      dataSource={list.data?.items ?? []}
      locale={{ emptyText: t('none') }}
      {...phoneListProps(phone, 900)}
      data-testid="appeals-table"
      columns={
        phone
          ? phoneColumns
          : [
              {
                title: t('village'),
                key: 'v',
                width: 160,
                render: (_: unknown, r: AppealItem) => village(r),
              },
              { title: t('town'), dataIndex: 'townName', key: 't', width: 120 },
              {
                title: t('secretary'),
                key: 's',
                width: 90,
                render: (_: unknown, r: AppealItem) => r.secretaryName ?? '—',
              },
              { title: t('reason'), dataIndex: 'reason', key: 'r', ellipsis: true },
              {
                title: t('state'),
                key: 'st',
                width: 110,
                render: (_: unknown, r: AppealItem) => stateTag(r),
              },
              {
                title: t('before'),
                key: 'b',
                width: 130,
                render: (_: unknown, r: AppealItem) => before(r),
              },
              {
                title: t('after'),
                key: 'a',
                width: 130,
                render: (_: unknown, r: AppealItem) => after(r),
              },
            ]
      }
    />
  );
}
