// The list of reports (server-paged): filters by kind, name and assessment, sort by hours, the Excel
// export of the same list, and per row the services, recording a service and the annual assessment.
import { FileExcelOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Input, Segmented, Select, Space, Table, Tag, Tooltip } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useState } from 'react';
import { download } from '../api/client.ts';
import { keys } from '../api/query-keys.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useFeedback } from '../shell/feedback.ts';
import { PhoneItem, PhoneLine, PhoneTags, phoneListProps } from '../shell/phone-list.tsx';
import { usePhone } from '../shell/use-phone.ts';
import {
  ASSESSMENTS,
  type Assessment,
  communityApi,
  type ListQuery,
  type Report,
  type ReporterKind,
} from './community-report-api.ts';
import { useCommunityText } from './community-report-messages.ts';

export const ASSESSMENT_COLOR: Record<Assessment, string> = {
  excellent: 'green',
  good: 'blue',
  fair: 'gold',
  poor: 'red',
};

const PAGE_SIZE = 20;

export function ReportTable(props: {
  year: number;
  communityOrgId?: number | undefined;
  /** show the community column (the overview; a community's own list does not need it) */
  showCommunity: boolean;

  onServices: (r: Report) => void;
  onRecord: (r: Report) => void;
  onChanged: () => void;
}) {
  const { t } = useCommunityText();
  const i18n = useI18n();
  const feedback = useFeedback();
  const [kind, setKind] = useState<ReporterKind | 'all'>('all');
  const [q, setQ] = useState('');
  const [assessment, setAssessment] = useState<Assessment | 'none' | undefined>();
  const [sort, setSort] = useState<ListQuery['sort']>('reportedOn');
  const [page, setPage] = useState(1);
  const [exporting, setExporting] = useState(false);
  const phone = usePhone();
  const query: ListQuery = {
    year: props.year,
    communityOrgId: props.communityOrgId,
    reporterKind: kind === 'all' ? undefined : kind,
    q: q || undefined,
    assessment,
    sort,
  };
  const list = useQuery({
    queryKey: keys.communityReports.list({ ...query, page }),
    queryFn: () => communityApi.list({ ...query, page, pageSize: PAGE_SIZE }),
  });
  const filter = (apply: () => void) => {
    apply();
    setPage(1);
  };
  const assess = async (r: Report, value: Assessment) => {
    try {
      await communityApi.assess(r.id, value);
      feedback.success(t('cr.done'));
      props.onChanged();
    } catch (error) {
      feedback.error(error);
    }
  };
  const exportExcel = async () => {
    setExporting(true);
    const hide = feedback.loading(i18n.t('common.exporting'));
    try {
      const file = await download('/api/community-reports.xlsx', { ...query }, 'community-reports.xlsx');
      feedback.success(i18n.t('common.exported', { name: file }));
    } catch (error) {
      feedback.error(error);
    } finally {
      hide();
      setExporting(false);
    }
  };

  const reporter = (r: Report) => (
    <div>
      <Tag color={r.reporterKind === 'unit' ? 'purple' : 'cyan'}>{t(`cr.kind.${r.reporterKind}`)}</Tag>
      <span className="qj-cr-name">{r.reporter.name}</span>
      {r.reporter.idNumberMasked && <div className="qj-cr-muted">{r.reporter.idNumberMasked}</div>}
    </div>
  );
  const assessmentCell = (r: Report) =>
    r.canAssess ? (
      <Select<Assessment>
        size="small"
        style={{ width: 100 }}
        value={r.assessment ?? undefined}
        placeholder={t('cr.assess')}
        data-testid={`cr-assess-${r.id}`}
        onChange={(v) => void assess(r, v)}
        options={ASSESSMENTS.map((a) => ({ value: a, label: t(`cr.a.${a}`) }))}
      />
    ) : r.assessment ? (
      <Tag color={ASSESSMENT_COLOR[r.assessment]}>{t(`cr.a.${r.assessment}`)}</Tag>
    ) : (
      <Tooltip title={t('cr.assessClosed', { y: r.year })}>
        <span className="qj-cr-muted">{t('cr.a.none')}</span>
      </Tooltip>
    );
  const actions = (r: Report) => (
    <Space size={4}>
      <Button size="small" onClick={() => props.onServices(r)}>
        {t('cr.services')}
      </Button>
      <Button size="small" type="primary" ghost onClick={() => props.onRecord(r)}>
        {t('cr.recordService')}
      </Button>
    </Space>
  );
  // a phone shows one column: the reporter, its branch and community, the dates and hours, the assessment
  // and the actions; sorting it sorts by name
  const phoneColumns = [
    {
      title: t('cr.col.reporter'),
      key: 'reporter',
      sorter: true,
      render: (_: unknown, r: Report) => (
        <PhoneItem>
          {reporter(r)}
          <PhoneLine>
            {r.reporter.orgName ?? '—'}
            {props.showCommunity ? ` · ${r.community.shortName}` : ''}
          </PhoneLine>
          <PhoneLine>
            {t('cr.col.reportedOn')} {r.reportedOn} · {t('cr.col.services')} {r.serviceCount}
          </PhoneLine>
          <PhoneLine>
            {t('cr.col.hours')} {r.hours} · {t('cr.col.lastServed')} {r.lastServedOn ?? '—'}
          </PhoneLine>
          <PhoneTags>
            {assessmentCell(r)}
            {actions(r)}
          </PhoneTags>
        </PhoneItem>
      ),
    },
  ];
  const columns = [
    {
      title: t('cr.col.reporter'),
      key: 'reporter',
      sorter: true,
      render: (_: unknown, r: Report) => reporter(r),
    },
    {
      title: t('cr.col.org'),
      key: 'org',
      ellipsis: true,
      render: (_: unknown, r: Report) => r.reporter.orgName ?? '—',
    },
    ...(props.showCommunity
      ? [
          {
            title: t('cr.col.community'),
            key: 'community',
            ellipsis: true,
            render: (_: unknown, r: Report) => <span title={r.community.name}>{r.community.shortName}</span>,
          },
        ]
      : []),
    { title: t('cr.col.reportedOn'), dataIndex: 'reportedOn', width: 110 },
    { title: t('cr.col.services'), dataIndex: 'serviceCount', width: 90, align: 'right' as const },
    {
      title: t('cr.col.hours'),
      dataIndex: 'hours',
      key: 'hours',
      width: 150,
      align: 'right' as const,
      sorter: true,
      sortOrder: sort === 'hours' ? ('descend' as const) : null,
    },
    {
      title: t('cr.col.lastServed'),
      dataIndex: 'lastServedOn',
      width: 110,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('cr.col.assessment'),
      key: 'assessment',
      width: 130,
      render: (_: unknown, r: Report) => assessmentCell(r),
    },
    {
      title: t('cr.col.actions'),
      key: 'actions',
      width: 180,
      render: (_: unknown, r: Report) => actions(r),
    },
  ];

  return (
    <div>
      <div className="qj-cr-toolbar">
        <Segmented
          value={kind}
          onChange={(v) => filter(() => setKind(v as ReporterKind | 'all'))}
          options={(['all', 'member', 'unit'] as const).map((k) => ({ value: k, label: t(`cr.kind.${k}`) }))}
        />
        <Input.Search
          allowClear
          placeholder={t('cr.search')}
          style={{ width: 220 }}
          onSearch={(v) => filter(() => setQ(v.trim()))}
          data-testid="cr-search"
        />
        <Select<Assessment | 'none'>
          allowClear
          placeholder={t('cr.filter.assessment')}
          style={{ width: 130 }}
          value={assessment}
          onChange={(v) => filter(() => setAssessment(v))}
          options={[...ASSESSMENTS, 'none' as const].map((a) => ({ value: a, label: t(`cr.a.${a}`) }))}
        />
        <span className="qj-cr-grow" />
        <Button
          icon={<FileExcelOutlined />}
          loading={exporting}
          onClick={exportExcel}
          data-testid="cr-export"
        >
          {i18n.t('common.exportExcel')}
        </Button>
      </div>
      <Table<Report>
        rowKey="id"
        size="middle"
        data-testid="cr-table"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        columns={phone ? phoneColumns : columns}
        onChange={(_p, _f, sorter) => {
          const s = sorter as SorterResult<Report>;
          const next = s.order ? (s.columnKey === 'hours' ? 'hours' : 'name') : 'reportedOn';
          if (next !== sort) filter(() => setSort(next));
        }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (n) => i18n.t('common.total', { n }),
          onChange: setPage,
        }}
        {...phoneListProps(phone, 1000)}
      />
    </div>
  );
}
