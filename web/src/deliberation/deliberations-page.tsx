// 村级重大事项决策: a village secretary's matters in progress with their next step and deadline (the
// overdue first), every matter with its validity and why, a new matter; towns and counties see the
// matters of their villages with the same filters (validity "not validly made" shows why) and export them.
import { FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Input, Select, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { keys } from '../api/query-keys.ts';
import { useFeedback } from '../shell/feedback.ts';
import { PageTitle } from '../shell/page-title.tsx';
import { useSession } from '../shell/session.tsx';
import { usePhone } from '../shell/use-phone.ts';
import { useUrlState } from '../shell/use-url-state.ts';
import { deliberationApi, type MatterQuery, type MatterSummary } from './deliberation-api.ts';
import { useDeliberationText } from './deliberation-messages.ts';
import { NewMatterDialog } from './new-matter-dialog.tsx';
import { todayShanghai, yuan } from './village-text.ts';

const VALIDITY_COLOR = { valid: 'green', invalid: 'red', pending: 'gold' } as const;
const STATUS_COLOR = {
  open: 'processing',
  completed: 'success',
  rejected: 'warning',
  withdrawn: 'default',
} as const;

/** A matter's status as a coloured tag in words. */
export function StatusTag({ status }: { status: MatterSummary['status'] }) {
  const { t } = useDeliberationText();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="status-tag">
      {t(`status.${status}`)}
    </Tag>
  );
}

export function ValidityTag({ m }: { m: Pick<MatterSummary, 'validity' | 'breaches'> }) {
  const { t, lang } = useDeliberationText();
  const tag = (
    <Tag color={VALIDITY_COLOR[m.validity]} data-testid="validity-tag">
      {t(`validity.${m.validity}`)}
    </Tag>
  );
  if (m.breaches.length === 0) return tag;
  return (
    <Tooltip title={m.breaches.map((b) => (lang === 'en' ? b.messageEn : b.messageZh)).join('\n')}>
      {tag}
    </Tooltip>
  );
}

export default function DeliberationsPage() {
  const { t, lang } = useDeliberationText();
  const { me, can } = useSession();
  const feedback = useFeedback();
  const url = useUrlState();
  const tab = url.get('tab') ?? 'progress';
  const [validity, setValidity] = useState<string | undefined>(url.get('validity'));
  const [status, setStatus] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [creating, setCreating] = useState(false);
  const orgId = url.number('orgId');
  const isVillage = me?.scope.level === 'village';
  const phone = usePhone();
  const query: MatterQuery =
    tab === 'progress'
      ? { orgId, status: 'open', sort: 'due', page, pageSize }
      : { orgId, validity, status, q: q || undefined, page, pageSize };
  const list = useQuery({
    queryKey: keys.deliberations.list(query),
    queryFn: () => deliberationApi.list(query),
  });

  const exportExcel = async () => {
    try {
      const name = await deliberationApi.exportExcel(
        { ...query, page: undefined, pageSize: undefined },
        `村级重大事项决策-${todayShanghai()}.xlsx`,
      );
      feedback.success(t('exported', { name }));
    } catch (error) {
      feedback.error(error);
    }
  };

  const nextStep = (m: MatterSummary) =>
    m.nextStep ? (
      <div data-testid="next-step">
        {lang === 'en' ? m.nextStep.nameEn : m.nextStep.nameZh}
        {m.nextStep.dueOn && (
          <Typography.Text
            type={m.overdue ? 'danger' : 'secondary'}
            style={{ display: 'block', fontSize: 12 }}
          >
            {t('dueOn', { date: m.nextStep.dueOn })}
            {m.overdue ? ` · ${t('overdue')}` : ''}
          </Typography.Text>
        )}
      </div>
    ) : (
      '—'
    );
  const validityCell = (m: MatterSummary) => (
    <div>
      <ValidityTag m={m} />
      {m.breaches.slice(0, 2).map((b) => (
        <div key={b.code} style={{ fontSize: 12, color: '#cf1322', marginTop: 2 }} data-testid="breach">
          {lang === 'en' ? b.messageEn : b.messageZh}
        </div>
      ))}
    </div>
  );
  const titleCell = (m: MatterSummary) => (
    <div>
      <Link to={`/deliberations/${m.id}`} data-testid="matter-link">
        {m.title}
      </Link>
      {m.retrospective && <Tag style={{ marginLeft: 6 }}>{t('retrospective')}</Tag>}
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {m.templateName} · {m.categoryName}
      </Typography.Text>
    </div>
  );
  // a phone shows one column: the matter, then its village, amount and date, next step, status and validity
  const phoneColumns = [
    {
      title: t('colTitle'),
      key: 'matter',
      render: (_: unknown, m: MatterSummary) => (
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          {titleCell(m)}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {isVillage ? '' : `${m.org.name} · `}
            {yuan(m.amountFen)} · {m.proposedOn}
          </Typography.Text>
          {m.nextStep && nextStep(m)}
          <Space wrap size={[0, 4]} style={{ display: 'flex' }}>
            <StatusTag status={m.status} />
            <ValidityTag m={m} />
          </Space>
          {m.breaches.slice(0, 2).map((b) => (
            <div key={b.code} style={{ fontSize: 12, color: '#cf1322' }} data-testid="breach">
              {lang === 'en' ? b.messageEn : b.messageZh}
            </div>
          ))}
        </Space>
      ),
    },
  ];

  const columns = [
    {
      title: t('colTitle'),
      key: 'title',
      // the matter keeps a readable width when the table is narrower than its columns (a phone)
      width: 200,
      render: (_: unknown, m: MatterSummary) => titleCell(m),
    },
    ...(isVillage
      ? []
      : [
          {
            title: t('colVillage'),
            key: 'org',
            width: 160,
            render: (_: unknown, m: MatterSummary) => m.org.name,
          },
        ]),
    {
      title: t('colAmount'),
      key: 'amount',
      width: 120,
      align: 'right' as const,
      render: (_: unknown, m: MatterSummary) => yuan(m.amountFen),
    },
    { title: t('colProposed'), dataIndex: 'proposedOn', width: 110 },
    {
      title: t('colNext'),
      key: 'next',
      width: 200,
      render: (_: unknown, m: MatterSummary) => nextStep(m),
    },
    {
      title: t('colStatus'),
      key: 'status',
      width: 90,
      render: (_: unknown, m: MatterSummary) => <StatusTag status={m.status} />,
    },
    {
      title: t('colValidity'),
      key: 'validity',
      width: 260,
      render: (_: unknown, m: MatterSummary) => validityCell(m),
    },
  ];

  const filters =
    tab === 'all' ? (
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('allValidity')}
          style={{ width: 160 }}
          value={validity}
          onChange={(v) => {
            setValidity(v);
            setPage(1);
          }}
          options={(['valid', 'invalid', 'pending'] as const).map((v) => ({
            value: v,
            label: t(`validity.${v}`),
          }))}
          data-testid="validity-filter"
        />
        <Select
          allowClear
          placeholder={t('allStatus')}
          style={{ width: 140 }}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={(['open', 'completed', 'rejected', 'withdrawn'] as const).map((v) => ({
            value: v,
            label: t(`status.${v}`),
          }))}
        />
        <Input.Search
          allowClear
          placeholder={t('search')}
          style={{ width: 220 }}
          onSearch={(v) => {
            setQ(v);
            setPage(1);
          }}
        />
      </Space>
    ) : null;

  return (
    <div data-testid="deliberations-page">
      <PageTitle
        title={t('title')}
        extra={
          <Space wrap>
            {isVillage && can('village:manage') && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="new-matter"
              >
                {t('newMatter')}
              </Button>
            )}
            <Button
              icon={<FileExcelOutlined />}
              onClick={() => void exportExcel()}
              data-testid="deliberations-export"
            >
              {t('export')}
            </Button>
          </Space>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          url.set({ tab: key }, { replace: true });
          setPage(1);
        }}
        items={[
          { key: 'progress', label: t('tabInProgress') },
          { key: 'all', label: t('tabAll') },
        ]}
      />
      {filters}
      <Table<MatterSummary>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        columns={phone ? phoneColumns : columns}
        scroll={phone ? undefined : { x: 1140 }}
        tableLayout={phone ? 'fixed' : undefined}
        className={phone ? 'qj-phone-list' : undefined}
        locale={{ emptyText: t('none') }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
        data-testid="matters"
      />
      {creating && me && <NewMatterDialog villageId={me.scope.id} onClose={() => setCreating(false)} />}
    </div>
  );
}
