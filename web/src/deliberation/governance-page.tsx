// 村级治理监督 (towns and counties): per town or village of the scope, the validity of village
// decisions, 村务公开 compliance and replies, and power use with its flags — a click on a town opens
// its villages (drill-down), a click on a count opens the records behind it; the rules broken most.
import { FileExcelOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { keys } from '../api/query-keys.ts';
import { powerApi } from '../power-list/power-list-api.ts';
import { useFeedback } from '../shell/feedback.ts';
import { PageTitle } from '../shell/page-title.tsx';
import { PhoneItem, PhoneLine, phoneListProps } from '../shell/phone-list.tsx';
import { usePhone } from '../shell/use-phone.ts';
import { useUrlState } from '../shell/use-url-state.ts';
import { publicationApi } from '../village-publication/publication-api.ts';
import { deliberationApi } from './deliberation-api.ts';
import { percent, todayShanghai, useDictionary } from './village-text.ts';

const zh = {
  title: '村级治理监督',
  year: '{year} 年',
  org: '下级组织',
  decisions: '村级决策',
  matters: '事项',
  valid: '合规',
  invalid: '不合规',
  validityRate: '合规率',
  publication: '村务公开',
  due: '应公开',
  onTime: '按期',
  overdue: '逾期未公开',
  complianceRate: '按期率',
  questions: '村民提问',
  asked: '提问',
  unanswered: '逾期未答复',
  power: '小微权力',
  uses: '运行',
  flagged: '标记',
  unreviewed: '待核查',
  total: '合计',
  breaches: '不合规原因（按事项数）',
  noBreaches: '没有不合规事项',
  exportDecisions: '导出决策事项',
  exportPublication: '导出村务公开',
  exportPower: '导出权力运行',
  back: '返回上一级',
  exported: '已导出 {name}',
} as const;
type K = keyof typeof zh;
const en: Record<K, string> = {
  title: 'Village oversight',
  year: '{year}',
  org: 'Organization',
  decisions: 'Decisions',
  matters: 'Matters',
  valid: 'Valid',
  invalid: 'Invalid',
  validityRate: 'Validity',
  publication: 'Publication',
  due: 'Due',
  onTime: 'On time',
  overdue: 'Overdue',
  complianceRate: 'On time %',
  questions: 'Questions',
  asked: 'Asked',
  unanswered: 'Unanswered late',
  power: 'Power use',
  uses: 'Records',
  flagged: 'Flagged',
  unreviewed: 'To review',
  total: 'Total',
  breaches: 'Rules broken (matters)',
  noBreaches: 'No matter broke a rule',
  exportDecisions: 'Export decisions',
  exportPublication: 'Export publication',
  exportPower: 'Export power use',
  back: 'Up one level',
  exported: 'Exported {name}',
};

const BREACH_NAMES: Record<string, string> = {
  DELIB_STEP_MISSING: '缺少程序步骤',
  DELIB_STEP_ORDER: '未按顺序进行',
  DELIB_QUORUM: '会议不足法定人数',
  DELIB_VILLAGER_MEETING_REQUIRED: '应由村民会议决定',
  DELIB_NOTICE_PERIOD: '村民会议未提前通知',
  DELIB_RESOLUTION_PUBLISHED_LATE: '决议逾期公开',
  DELIB_RESOLUTION_NOT_PUBLISHED: '决议未公开',
  DELIB_IMPLEMENTED_BEFORE_PUBLICITY_END: '公示期内即实施',
  DELIB_PROCEEDED_AFTER_REJECTION: '未通过仍继续实施',
  DELIB_SUPERVISION_OBJECTION: '村务监督委员会提出异议',
  DELIB_PUBLICITY_TOO_SHORT: '公示期不足',
  DELIB_BODY: '会议主体不符',
  DELIB_MERGE_NOT_ALLOWED: '不符合合并条件',
  DELIB_DATE_ORDER: '日期先后不符',
  DELIB_CONSULT_PUBLICITY: '商议后公示不足',
};

interface Row {
  org: { id: number; code: string; name: string; level: string };
  d?: { total: number; valid: number; invalid: number; validityRate: number | null };
  p?: { due: number; onTime: number; overdue: number; complianceRate: number | null };
  q?: { asked: number; overdue: number };
  w?: { uses: number; unmatched: number; negative: number; unreviewed: number };
}

export default function GovernancePage() {
  const { t } = useDictionary<K>(zh, en);
  const feedback = useFeedback();
  const phone = usePhone();
  const url = useUrlState();
  const orgId = url.number('orgId');
  const thisYear = Number(todayShanghai().slice(0, 4));
  const year = url.number('year') ?? thisYear;
  const data = useQuery({
    queryKey: keys.deliberations.governance({ orgId, year }),
    queryFn: () =>
      Promise.all([
        deliberationApi.figures({ orgId, year }),
        publicationApi.figures({ orgId, year }),
        powerApi.figures({ orgId, year }),
      ]),
  });
  const [d, p, w] = data.data ?? [];
  const rows: Row[] = (d?.rows ?? []).map((r) => {
    const pr = p?.rows.find((x) => x.org.id === r.org.id);
    const wr = w?.rows.find((x) => x.org.id === r.org.id);
    return { org: r.org, d: r, ...(pr ? { p: pr.items, q: pr.questions } : {}), ...(wr ? { w: wr } : {}) };
  });
  const set = (key: string, value: string | undefined) => url.set({ [key]: value });
  const drill = (r: Row) =>
    r.org.level === 'village' ? (
      <Link to={`/deliberations?tab=all&orgId=${r.org.id}`} data-testid="governance-village">
        {r.org.name}
      </Link>
    ) : (
      <Typography.Link onClick={() => set('orgId', String(r.org.id))} data-testid="governance-drill">
        {r.org.name}
      </Typography.Link>
    );
  const invalidLink = (r: Row) =>
    r.d && r.d.invalid > 0 ? (
      <Link
        to={`/deliberations?tab=all&validity=invalid&orgId=${r.org.id}`}
        style={{ color: '#cf1322' }}
        data-testid="governance-invalid"
      >
        {r.d.invalid}
      </Link>
    ) : (
      (r.d?.invalid ?? 0)
    );
  const overdueLink = (r: Row) =>
    r.p?.overdue ? (
      <Link to={`/village-affairs?state=overdue&orgId=${r.org.id}`} style={{ color: '#cf1322' }}>
        {r.p.overdue}
      </Link>
    ) : (
      0
    );
  const unreviewedLink = (r: Row) =>
    r.w?.unreviewed ? (
      <Link to={`/power-list?tab=flagged&orgId=${r.org.id}`} style={{ color: '#d46b08' }}>
        {r.w.unreviewed}
      </Link>
    ) : (
      0
    );
  // on a phone a row's figures are three short lines: decisions, publication, power use (links only on rows)
  const figureLines = (r: Row, links: boolean) => (
    <>
      <PhoneLine>
        {t('decisions')}：{t('matters')} {r.d?.total ?? 0} · {t('valid')} {r.d?.valid ?? 0} · {t('invalid')}{' '}
        {links ? invalidLink(r) : (r.d?.invalid ?? 0)} · {t('validityRate')} {percent(r.d?.validityRate)}
      </PhoneLine>
      <PhoneLine>
        {t('publication')}：{t('due')} {r.p?.due ?? 0} · {t('onTime')} {r.p?.onTime ?? 0} · {t('overdue')}{' '}
        {links ? overdueLink(r) : (r.p?.overdue ?? 0)} · {t('complianceRate')} {percent(r.p?.complianceRate)}{' '}
        · {t('unanswered')} {r.q?.overdue ?? 0}
      </PhoneLine>
      <PhoneLine>
        {t('power')}：{t('uses')} {r.w?.uses ?? 0} · {t('flagged')} {r.w ? r.w.unmatched + r.w.negative : 0} ·{' '}
        {t('unreviewed')} {links ? unreviewedLink(r) : (r.w?.unreviewed ?? 0)}
      </PhoneLine>
    </>
  );
  const phoneColumns = [
    {
      title: t('org'),
      key: 'org',
      render: (_: unknown, r: Row) => (
        <PhoneItem>
          {drill(r)}
          {figureLines(r, true)}
        </PhoneItem>
      ),
    },
  ];
  const columns = [
    {
      title: t('org'),
      key: 'org',
      fixed: 'left' as const,
      width: 170,
      render: (_: unknown, r: Row) => drill(r),
    },
    {
      title: t('decisions'),
      children: [
        {
          title: t('matters'),
          key: 'dt',
          width: 70,
          align: 'right' as const,
          render: (_: unknown, r: Row) => r.d?.total ?? 0,
        },
        {
          title: t('valid'),
          key: 'dv',
          width: 70,
          align: 'right' as const,
          render: (_: unknown, r: Row) => r.d?.valid ?? 0,
        },
        {
          title: t('invalid'),
          key: 'di',
          width: 70,
          align: 'right' as const,
          render: (_: unknown, r: Row) => invalidLink(r),
        },
        {
          title: t('validityRate'),
          key: 'dr',
          width: 80,
          align: 'right' as const,
          render: (_: unknown, r: Row) => percent(r.d?.validityRate),
        },
      ],
    },
    {
      title: t('publication'),
      children: [
        {
          title: t('due'),
          key: 'pd',
          width: 70,
          align: 'right' as const,
          render: (_: unknown, r: Row) => r.p?.due ?? 0,
        },
        {
          title: t('onTime'),
          key: 'po',
          width: 70,
          align: 'right' as const,
          render: (_: unknown, r: Row) => r.p?.onTime ?? 0,
        },
        {
          title: t('overdue'),
          key: 'pov',
          width: 90,
          align: 'right' as const,
          render: (_: unknown, r: Row) => overdueLink(r),
        },
        {
          title: t('complianceRate'),
          key: 'pr',
          width: 80,
          align: 'right' as const,
          render: (_: unknown, r: Row) => percent(r.p?.complianceRate),
        },
        {
          title: t('unanswered'),
          key: 'qo',
          width: 90,
          align: 'right' as const,
          render: (_: unknown, r: Row) => r.q?.overdue ?? 0,
        },
      ],
    },
    {
      title: t('power'),
      children: [
        {
          title: t('uses'),
          key: 'wu',
          width: 70,
          align: 'right' as const,
          render: (_: unknown, r: Row) => r.w?.uses ?? 0,
        },
        {
          title: t('flagged'),
          key: 'wf',
          width: 70,
          align: 'right' as const,
          render: (_: unknown, r: Row) => (r.w ? r.w.unmatched + r.w.negative : 0),
        },
        {
          title: t('unreviewed'),
          key: 'wr',
          width: 80,
          align: 'right' as const,
          render: (_: unknown, r: Row) => unreviewedLink(r),
        },
      ],
    },
  ];
  const exportAll = async (which: 'd' | 'p' | 'w') => {
    const day = todayShanghai();
    try {
      const name =
        which === 'd'
          ? await deliberationApi.exportExcel({ orgId, year }, `村级重大事项决策-${day}.xlsx`)
          : which === 'p'
            ? await publicationApi.exportExcel({ orgId, year }, `村务公开-${day}.xlsx`)
            : await powerApi.exportExcel({ orgId, year }, `小微权力运行-${day}.xlsx`);
      feedback.success(t('exported', { name }));
    } catch (error) {
      feedback.error(error);
    }
  };

  return (
    <div data-testid="governance-page">
      <PageTitle
        title={`${t('title')}${d ? ` · ${d.base.name}` : ''}`}
        extra={
          <Space wrap>
            <Select
              value={year}
              style={{ width: 110 }}
              onChange={(v) => set('year', String(v))}
              options={[thisYear, thisYear - 1].map((y) => ({ value: y, label: t('year', { year: y }) }))}
            />
            <Button icon={<FileExcelOutlined />} onClick={() => void exportAll('d')}>
              {t('exportDecisions')}
            </Button>
            <Button icon={<FileExcelOutlined />} onClick={() => void exportAll('p')}>
              {t('exportPublication')}
            </Button>
            <Button icon={<FileExcelOutlined />} onClick={() => void exportAll('w')}>
              {t('exportPower')}
            </Button>
          </Space>
        }
      />
      {orgId !== undefined && (
        <Breadcrumb
          style={{ marginBottom: 12 }}
          items={[
            { title: <Typography.Link onClick={() => set('orgId', undefined)}>{t('back')}</Typography.Link> },
          ]}
        />
      )}
      <Table<Row>
        rowKey={(r) => r.org.id}
        size="small"
        bordered
        loading={data.isFetching}
        dataSource={rows}
        columns={phone ? phoneColumns : columns}
        pagination={false}
        // the columns' widths add up to 1,080 px: the whole table fits beside the menu at 1440 px
        {...phoneListProps(phone, 1080)}
        data-testid="governance-table"
        summary={() =>
          d && p && w && phone ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <PhoneItem>
                  <b>{t('total')}</b>
                  {figureLines(
                    { org: d.base, d: d.totals, p: p.totals.items, q: p.totals.questions, w: w.totals },
                    false,
                  )}
                </PhoneItem>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : d && p && w ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <b>{t('total')}</b>
              </Table.Summary.Cell>
              {[
                d.totals.total,
                d.totals.valid,
                d.totals.invalid,
                percent(d.totals.validityRate),
                p.totals.items.due,
                p.totals.items.onTime,
                p.totals.items.overdue,
                percent(p.totals.items.complianceRate),
                p.totals.questions.overdue,
                w.totals.uses,
                w.totals.unmatched + w.totals.negative,
                w.totals.unreviewed,
              ].map((v, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns
                <Table.Summary.Cell key={i} index={i + 1} align="right">
                  <b>{v}</b>
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          ) : null
        }
      />
      <Card size="small" title={t('breaches')} style={{ marginTop: 16 }} data-testid="governance-breaches">
        {d && d.breaches.length > 0 ? (
          <Space wrap>
            {d.breaches.map((b) => (
              <Tag key={b.code} color="red">
                {BREACH_NAMES[b.code] ?? b.code} {b.matters}
              </Tag>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('noBreaches')}</Typography.Text>
        )}
      </Card>
    </div>
  );
}
