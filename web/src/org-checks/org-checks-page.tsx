// 组织设置与换届: the findings of the caller's scope (city, county, town; a village secretary sees the
// village) — a card per kind with its count (click filters), the list with server paging, kind filter
// and org search, the Excel export of the same filter, and a drawer with an org's terms, committee
// and, for a higher org, the form that records an election.
import { FileExcelOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Input, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { keys } from '../api/query-keys.ts';
import { errorText, useFeedback } from '../shell/feedback.ts';
import { PageTitle } from '../shell/page-title.tsx';
import { usePhone } from '../shell/use-phone.ts';
import { FINDING_KINDS, type FindingKind, type FindingRow, orgCheckApi } from './org-check-api.ts';
import { useOrgCheckText } from './org-check-messages.ts';
import { OrgTermsDrawer } from './org-terms-drawer.tsx';

const KIND_COLOR: Record<FindingKind, string> = {
  term_overdue: '#cf1322',
  term_due: '#d48806',
  no_term: '#8c8c8c',
  committee_size: '#c41d7f',
  too_few_full: '#cf1322',
  too_many: '#d46b08',
};

const dash = (v: number | string | null) => (v === null ? '—' : v);

export default function OrgChecksPage() {
  const { t, lang } = useOrgCheckText();
  const phone = usePhone();
  const feedback = useFeedback();
  const [kind, setKind] = useState<FindingKind | undefined>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [openOrg, setOpenOrg] = useState<number | null>(null);
  const [exporting, setExporting] = useState(false);
  const filter = { kind, q: q || undefined };
  const list = useQuery({
    queryKey: keys.orgChecks.list({ ...filter, page, pageSize }),
    queryFn: () => orgCheckApi.list({ ...filter, page, pageSize }),
  });
  const data = list.data;

  const chooseKind = (next: FindingKind | undefined) => {
    setKind(next);
    setPage(1);
  };

  const exportExcel = async () => {
    setExporting(true);
    const hide = feedback.loading(t('oc.exporting'));
    try {
      const name = await orgCheckApi.exportExcel(filter, `组织设置与换届检查-${data?.today ?? ''}.xlsx`);
      feedback.success(t('oc.exported', { name }));
    } catch (error) {
      feedback.error(error);
    } finally {
      hide();
      setExporting(false);
    }
  };

  const orgCell = (r: FindingRow) => (
    <div>
      <Typography.Link onClick={() => setOpenOrg(r.org.id)} data-testid="finding-org">
        {r.org.name}
      </Typography.Link>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {r.org.code}
      </Typography.Text>
    </div>
  );
  const findingCell = (r: FindingRow) => (
    <div>
      <Tag color={KIND_COLOR[r.kind]}>{t(`oc.kind.${r.kind}`)}</Tag>
      <Tag>{t(`oc.severity.${r.severity}`)}</Tag>
      <div style={{ marginTop: 4, fontSize: 13 }}>{lang === 'en' ? r.message_en : r.message_zh}</div>
    </div>
  );
  // a phone shows one column: the org, the finding, then the figures in one line (the org opens its terms)
  const phoneColumns = [
    {
      title: t('oc.col.org'),
      key: 'org',
      render: (_: unknown, r: FindingRow) => (
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          {orgCell(r)}
          {findingCell(r)}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('oc.col.members')} {r.figures.members} · {t('oc.col.full')} {r.figures.fullMembers}
            {r.figures.committeeSize === null ? '' : ` · ${t('oc.col.committee')} ${r.figures.committeeSize}`}
            {r.figures.termEndsOn === null ? '' : ` · ${t('oc.col.termEnds')} ${r.figures.termEndsOn}`}
          </Typography.Text>
          {r.figures.daysOverdue !== null && (
            <span style={{ color: '#cf1322', fontSize: 12 }}>
              {t('oc.col.overdue')} {t('oc.days', { n: r.figures.daysOverdue })}
            </span>
          )}
        </Space>
      ),
    },
  ];

  const columns = [
    {
      title: t('oc.col.org'),
      key: 'org',
      width: 260,
      render: (_: unknown, r: FindingRow) => orgCell(r),
    },
    {
      title: t('oc.col.finding'),
      key: 'finding',
      render: (_: unknown, r: FindingRow) => findingCell(r),
    },
    { title: t('oc.col.members'), dataIndex: ['figures', 'members'], width: 72, align: 'right' as const },
    { title: t('oc.col.full'), dataIndex: ['figures', 'fullMembers'], width: 84, align: 'right' as const },
    {
      title: t('oc.col.committee'),
      dataIndex: ['figures', 'committeeSize'],
      width: 96,
      align: 'right' as const,
      render: dash,
    },
    { title: t('oc.col.termEnds'), dataIndex: ['figures', 'termEndsOn'], width: 108, render: dash },
    {
      title: t('oc.col.overdue'),
      dataIndex: ['figures', 'daysOverdue'],
      width: 90,
      align: 'right' as const,
      render: (v: number | null) =>
        v === null ? '—' : <span style={{ color: '#cf1322' }}>{t('oc.days', { n: v })}</span>,
    },
    {
      title: t('oc.col.actions'),
      key: 'actions',
      width: 110,
      render: (_: unknown, r: FindingRow) => (
        <Button size="small" onClick={() => setOpenOrg(r.org.id)} data-testid="finding-open">
          {t('oc.open')}
        </Button>
      ),
    },
  ];

  return (
    <div data-testid="org-checks-page">
      <PageTitle
        title={t('oc.title')}
        extra={
          <Button
            icon={<FileExcelOutlined />}
            loading={exporting}
            onClick={exportExcel}
            data-testid="org-checks-export"
          >
            {t('oc.export')}
          </Button>
        }
      />
      {list.error ? <Alert type="error" showIcon title={errorText(list.error, lang)} /> : null}
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {FINDING_KINDS.map((k) => (
          <Col xs={12} md={8} xl={4} key={k}>
            <Card
              size="small"
              hoverable
              data-testid={`count-${k}`}
              aria-pressed={kind === k}
              onClick={() => chooseKind(kind === k ? undefined : k)}
              style={{
                height: '100%',
                ...(kind === k
                  ? { borderColor: KIND_COLOR[k], boxShadow: `0 0 0 1px ${KIND_COLOR[k]}` }
                  : {}),
              }}
            >
              <Statistic
                title={t(`oc.kind.${k}`)}
                value={data?.counts[k] ?? '—'}
                styles={{ content: { color: data?.counts[k] ? KIND_COLOR[k] : undefined } }}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<FindingKind>
          allowClear
          value={kind}
          onChange={(v) => chooseKind(v)}
          placeholder={t('oc.all')}
          style={{ width: 200 }}
          data-testid="kind-filter"
          options={FINDING_KINDS.map((k) => ({ value: k, label: t(`oc.kind.${k}`) }))}
        />
        <Input.Search
          allowClear
          placeholder={t('oc.search')}
          style={{ width: 300 }}
          data-testid="org-search"
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
        />
        {data && (
          <Typography.Text type="secondary" data-testid="checked-orgs">
            {t('oc.checked', { n: data.checkedOrgs, today: data.today })}
          </Typography.Text>
        )}
      </Space>
      <Table<FindingRow>
        rowKey={(r) => `${r.org.id}-${r.kind}`}
        size="middle"
        loading={list.isFetching}
        dataSource={data?.items ?? []}
        columns={phone ? phoneColumns : columns}
        locale={{ emptyText: t('oc.empty') }}
        data-testid="findings"
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          onChange: (p, s) => {
            setPage(s === pageSize ? p : 1);
            setPageSize(s);
          },
        }}
        scroll={phone ? undefined : { x: 1100 }}
        tableLayout={phone ? 'fixed' : undefined}
        className={phone ? 'qj-phone-list' : undefined}
      />
      <OrgTermsDrawer orgId={openOrg} onClose={() => setOpenOrg(null)} />
    </div>
  );
}
