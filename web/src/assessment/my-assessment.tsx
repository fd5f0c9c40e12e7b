// A village's own assessments (the secretary's view): every year's score, rank, grade and allowance;
// each year opens the indicators with their reasons and records, and the appeal.

import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { keys } from '../api/query-keys.ts';
import { useDictionary, yuan } from '../deliberation/village-text.ts';
import { PageTitle } from '../shell/page-title.tsx';
import { PhoneItem, PhoneLine, PhoneTags, phoneListProps } from '../shell/phone-list.tsx';
import { usePhone } from '../shell/use-phone.ts';
import { assessmentApi, type HistoryRow } from './assessment-api.ts';
import { APPEAL_STATES, BASIS_NAMES, gradeColor, score, useNames } from './assessment-text.ts';

const zh = {
  title: '本村（社区）书记考核',
  year: '年度',
  yearOf: '{year} 年度',
  category: '类别',
  secretary: '书记',
  total: '总分',
  rank: '类别内排名',
  grade: '档次',
  allowance: '绩效补贴',
  basis: '依据',
  appeal: '申诉',
  none: '尚无公布的考核结果',
  open: '查看得分依据',
} as const;
type K = keyof typeof zh;
const en: Record<K, string> = {
  title: 'Our secretary’s assessments',
  year: 'Year',
  yearOf: '{year}',
  category: 'Category',
  secretary: 'Secretary',
  total: 'Score',
  rank: 'Rank in category',
  grade: 'Grade',
  allowance: 'Allowance',
  basis: 'Basis',
  appeal: 'Appeal',
  none: 'No published result yet',
  open: 'Scores and reasons',
};

export default function MyAssessment() {
  const { t } = useDictionary<K>(zh, en);
  const { of } = useNames();
  const mine = useQuery({ queryKey: keys.assessment.mine, queryFn: () => assessmentApi.mine() });
  const m = mine.data;
  const phone = usePhone();
  const yearLink = (r: HistoryRow) => (
    <Link to={`/assessment/${r.id}`} data-testid="my-assessment-year">
      {t('yearOf', { year: r.year })}
    </Link>
  );
  const gradeTag = (r: HistoryRow) => (
    <Tag color={gradeColor(m?.grades ?? [], r.grade)}>{of(m?.grades ?? [], r.grade)}</Tag>
  );
  // a phone shows each year as one item: the year, its score, rank and allowance, who and how, its grade
  const phoneColumns = [
    {
      title: t('year'),
      key: 'y',
      render: (_: unknown, r: HistoryRow) => (
        <PhoneItem>
          {yearLink(r)}
          <PhoneLine>
            {t('total')} {score(r.total)} · {t('rank')} {r.rank} / {r.groupSize} · {t('allowance')}{' '}
            {yuan(r.allowanceFen)}
          </PhoneLine>
          <PhoneLine>
            {of(m?.categories ?? [], r.category)} · {t('secretary')} {r.secretaryName ?? '—'} · {t('basis')}{' '}
            {of(BASIS_NAMES, r.basis)}
          </PhoneLine>
          <PhoneTags>
            {gradeTag(r)}
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
  return (
    <div>
      <PageTitle title={`${t('title')}${m ? ` · ${m.org.name}` : ''}`} />
      <Card size="small">
        <Table
          size="small"
          rowKey="id"
          loading={mine.isFetching}
          dataSource={m?.years ?? []}
          pagination={false}
          {...phoneListProps(phone, 820)}
          data-testid="my-assessments"
          locale={{ emptyText: <Empty description={t('none')} /> }}
          columns={
            phone
              ? phoneColumns
              : [
                  {
                    title: t('year'),
                    key: 'y',
                    width: 110,
                    render: (_: unknown, r: HistoryRow) => yearLink(r),
                  },
                  {
                    title: t('total'),
                    key: 't',
                    width: 80,
                    align: 'right' as const,
                    render: (_: unknown, r: HistoryRow) => score(r.total),
                  },
                  {
                    title: t('grade'),
                    key: 'g',
                    width: 80,
                    render: (_: unknown, r: HistoryRow) => gradeTag(r),
                  },
                  {
                    title: t('rank'),
                    key: 'r',
                    width: 100,
                    align: 'right' as const,
                    render: (_: unknown, r: HistoryRow) => `${r.rank} / ${r.groupSize}`,
                  },
                  {
                    title: t('allowance'),
                    key: 'a',
                    width: 110,
                    align: 'right' as const,
                    render: (_: unknown, r: HistoryRow) => yuan(r.allowanceFen),
                  },
                  {
                    title: t('category'),
                    key: 'c',
                    width: 90,
                    render: (_: unknown, r: HistoryRow) => of(m?.categories ?? [], r.category),
                  },
                  {
                    title: t('secretary'),
                    key: 's',
                    width: 90,
                    render: (_: unknown, r: HistoryRow) => r.secretaryName ?? '—',
                  },
                  {
                    title: t('basis'),
                    key: 'b',
                    width: 120,
                    render: (_: unknown, r: HistoryRow) => of(BASIS_NAMES, r.basis),
                  },
                  {
                    title: t('appeal'),
                    key: 'ap',
                    width: 100,
                    render: (_: unknown, r: HistoryRow) =>
                      r.appealState ? of(APPEAL_STATES, r.appealState) : '',
                  },
                ]
          }
        />
      </Card>
    </div>
  );
}
