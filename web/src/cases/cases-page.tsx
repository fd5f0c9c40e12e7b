// The town command center and the department workbench in one page: the scoped case list with
// server-side filters, sort and paging; batch dispatch for dispatchers; a map of open cases.
import { FilterOutlined, SendOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Button,
  Card,
  DatePicker,
  Input,
  Modal,
  Segmented,
  Select,
  Space,
  Spin,
  Table,
  type TableProps,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useCursorPaging } from '../api/cursor-paging.ts';
import { useInvalidate } from '../api/query.ts';
import { keys } from '../api/query-keys.ts';
import type { CaseRow, CaseState, Department } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useFeedback } from '../shell/feedback.ts';
import { PageTitle } from '../shell/page-title.tsx';
import { useSession } from '../shell/session.tsx';
import { usePhone } from '../shell/use-phone.ts';
import {
  type CaseQuery,
  categoriesQuery,
  formatTime,
  listCases,
  loadDepartments,
  transition,
} from './case-api.ts';
import { CaseCards, casePlace } from './case-cards.tsx';
import { CASE_STATES, CHANNEL_NAMES, LIGHT_NAMES, STATE_NAMES } from './names.ts';
import { startOutbox } from './offline-queue.ts';
import { LightDot, StateTag, SupervisionTag } from './parts.tsx';

const CasesMap = lazy(() => import('./cases-map.tsx'));

const DISPATCHABLE: readonly CaseState[] = ['filed', 'returned', 'escalated', 'reopened'];

type Preset = 'all' | 'mine' | 'verify' | 'dispatch';

function BatchDispatch({ rows, onDone }: { rows: CaseRow[]; onDone: () => void }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const [open, setOpen] = useState(false);
  const [departmentId, setDepartmentId] = useState<number>();
  const [busy, setBusy] = useState(false);
  const first = rows[0];
  const departments = useQuery({
    queryKey: keys.departments(first?.id),
    queryFn: (): Promise<Department[]> => (first ? loadDepartments(first) : Promise.resolve([])),
    enabled: open,
  });
  return (
    <>
      <Button
        icon={<SendOutlined />}
        type="primary"
        disabled={rows.length === 0}
        onClick={() => setOpen(true)}
        data-testid="batch-dispatch"
      >
        {t('cases.batchDispatch')}
        {rows.length > 0 ? `（${rows.length}）` : ''}
      </Button>
      <Modal
        open={open}
        title={t('cases.batchTitle', { n: rows.length })}
        onCancel={() => setOpen(false)}
        okButtonProps={{ disabled: !departmentId, 'data-testid': 'batch-dispatch-submit' } as never}
        confirmLoading={busy}
        onOk={async () => {
          if (!departmentId) return;
          setBusy(true);
          let ok = 0;
          let failed = 0;
          let lastError: unknown = null;
          for (const row of rows) {
            try {
              await transition(row.id, { action: 'dispatch', departmentId, version: row.version });
              ok++;
            } catch (error) {
              failed++;
              lastError = error;
            }
          }
          setBusy(false);
          setOpen(false);
          if (failed) feedback.error(lastError);
          feedback.success(t('cases.batchDone', { ok, failed }));
          onDone();
        }}
      >
        <Select
          style={{ width: '100%' }}
          placeholder={t('cases.chooseDepartment')}
          showSearch={{ optionFilterProp: 'label' }}
          loading={departments.isFetching}
          value={departmentId}
          onChange={setDepartmentId}
          notFoundContent={t('cases.noDepartments')}
          options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          data-testid="batch-department"
        />
      </Modal>
    </>
  );
}

function CaseList() {
  const { t, name } = useI18n();
  const feedback = useFeedback();
  const { me, can } = useSession();
  const [params, setParams] = useSearchParams();
  const catalog = useQuery(categoriesQuery);
  const invalidate = useInvalidate();
  const [selected, setSelected] = useState<CaseRow[]>([]);
  const dispatcher = me?.account.role === 'org_admin' && can('case:act');
  const phone = usePhone();
  const [filtersOpen, setFiltersOpen] = useState(false);

  const preset = (params.get('preset') as Preset | null) ?? 'all';
  const query: CaseQuery = {
    state: params.get('state') ?? undefined,
    light: params.get('light') ?? undefined,
    channel: params.get('channel') ?? undefined,
    categoryCode: params.get('categoryCode') ?? undefined,
    q: params.get('q') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    mine: preset === 'mine',
    sort: params.get('sort') === 'createdAt' ? 'createdAt' : 'deadline',
    page: Number(params.get('page') ?? 1),
    pageSize: Number(params.get('pageSize') ?? 20),
  };
  if (preset === 'verify') query.state = 'handled';
  if (preset === 'dispatch') query.state = query.state ?? 'filed';
  query.order = query.sort === 'deadline' ? 'asc' : 'desc';
  const { page, ...filters } = query;
  // pages after the first are asked by the cursor the page before answered (api/cursor-paging.ts)
  const paging = useCursorPaging(JSON.stringify(filters));
  const cases = useQuery({
    queryKey: keys.cases.list(query),
    queryFn: async () => {
      const current = page ?? 1;
      const answer = await listCases({
        ...filters,
        ...paging.ask(current),
        // the server filters on instants: the whole days of the range, in the user's time zone
        from: query.from ? dayjs(query.from).startOf('day').toISOString() : undefined,
        to: query.to ? dayjs(query.to).add(1, 'day').startOf('day').toISOString() : undefined,
      });
      paging.seen(current, answer);
      return answer;
    },
  });
  const counted = paging.counted();
  useEffect(() => {
    if (cases.error) feedback.error(cases.error);
  }, [cases.error, feedback]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new answer clears the selection
  useEffect(() => setSelected([]), [cases.data]);

  const set = (changes: Record<string, string | undefined>, keepPage = false) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, v);
    }
    if (!keepPage) next.delete('page');
    setParams(next, { replace: true });
  };

  const categoryOptions = useMemo(
    () =>
      (catalog.data?.classes ?? []).map((c) => ({
        label: c.name,
        options: c.subcategories.map((s) => ({ value: s.code, label: s.name })),
      })),
    [catalog.data],
  );

  const columns: TableProps<CaseRow>['columns'] = [
    {
      title: t('cases.light'),
      dataIndex: 'light',
      width: 56,
      fixed: 'left',
      align: 'center',
      render: (_, row) => <LightDot light={row.light} />,
    },
    {
      title: t('cases.caseNo'),
      dataIndex: 'caseNo',
      width: 170,
      fixed: 'left',
      render: (_, row) => (
        <Link to={`/cases/${row.id}`} data-testid="case-link">
          {row.caseNo}
        </Link>
      ),
    },
    {
      title: t('cases.caseTitle'),
      dataIndex: 'title',
      width: 260,
      ellipsis: true,
      render: (_, row) => (
        <Space size={4}>
          {row.urgent && <Tag color="red">{t('cases.urgent')}</Tag>}
          <span>{row.title}</span>
          <SupervisionTag level={row.supervision} />
        </Space>
      ),
    },
    {
      title: t('cases.state'),
      dataIndex: 'state',
      width: 110,
      render: (_, row) => <StateTag state={row.state} label={row.stateName} />,
    },
    { title: t('cases.category'), dataIndex: 'categoryName', width: 140, ellipsis: true },
    {
      title: t('cases.channel'),
      dataIndex: 'channel',
      width: 110,
      render: (v: CaseRow['channel']) => name(CHANNEL_NAMES, v),
    },
    {
      title: t('cases.place'),
      key: 'place',
      width: 200,
      ellipsis: true,
      render: (_, row) => casePlace(row),
    },
    {
      title: t('cases.department'),
      dataIndex: 'departmentName',
      width: 160,
      ellipsis: true,
      // a 吹哨 case has no one department: the town and the summoned departments handle it
      render: (v: string | null, row) => v ?? (row.state === 'in_handling' ? t('cases.whistled') : '—'),
    },
    {
      title: t('cases.createdAt'),
      dataIndex: 'createdAt',
      width: 140,
      render: (v: string) => formatTime(v),
    },
    {
      title: t('cases.deadline'),
      dataIndex: 'stepDeadline',
      width: 150,
      fixed: 'right',
      render: (v: string | null) => formatTime(v) || '—',
    },
  ];

  const range: [Dayjs, Dayjs] | null = query.from && query.to ? [dayjs(query.from), dayjs(query.to)] : null;
  const filtered = ['state', 'light', 'channel', 'categoryCode', 'q', 'from', 'to'].some((k) =>
    params.get(k),
  );

  return (
    <div data-testid="case-list">
      <Segmented
        value={preset}
        style={{ marginBottom: 12 }}
        onChange={(v) => set({ preset: v === 'all' ? undefined : String(v), state: undefined })}
        data-testid="case-presets"
        options={[
          { value: 'all', label: t('cases.presetAll') },
          { value: 'mine', label: t('cases.presetMine') },
          { value: 'verify', label: t('cases.presetVerify') },
          ...(dispatcher ? [{ value: 'dispatch', label: t('cases.presetDispatch') }] : []),
        ]}
      />
      {phone ? (
        <Button
          block
          className="qj-case-filters-toggle"
          icon={<FilterOutlined />}
          onClick={() => setFiltersOpen((o) => !o)}
          data-testid="case-filters-toggle"
        >
          {filtersOpen ? t('cases.filtersHide') : filtered ? t('cases.filtersOn') : t('cases.filtersShow')}
        </Button>
      ) : null}
      <div className="qj-case-filters" hidden={phone && !filtersOpen}>
        <Input.Search
          allowClear
          defaultValue={query.q}
          placeholder={t('cases.text')}
          style={{ width: 240 }}
          onSearch={(v) => set({ q: v.trim() })}
          data-testid="case-search"
        />
        <Select
          allowClear
          placeholder={t('cases.state')}
          style={{ width: 130 }}
          value={preset === 'verify' ? 'handled' : query.state}
          disabled={preset === 'verify'}
          onChange={(v?: string) => set({ state: v })}
          options={CASE_STATES.map((s) => ({ value: s, label: name(STATE_NAMES, s) }))}
          data-testid="case-filter-state"
        />
        <Select
          allowClear
          placeholder={t('cases.light')}
          style={{ width: 110 }}
          value={query.light}
          onChange={(v?: string) => set({ light: v })}
          options={(['red', 'yellow', 'green'] as const).map((l) => ({
            value: l,
            label: (
              <Space size={6}>
                <LightDot light={l} />
                {name(LIGHT_NAMES, l)}
              </Space>
            ),
          }))}
          data-testid="case-filter-light"
        />
        <Select
          allowClear
          placeholder={t('cases.channel')}
          style={{ width: 130 }}
          value={query.channel}
          onChange={(v?: string) => set({ channel: v })}
          options={Object.keys(CHANNEL_NAMES).map((c) => ({ value: c, label: name(CHANNEL_NAMES, c) }))}
          data-testid="case-filter-channel"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('cases.category')}
          style={{ width: 180 }}
          value={query.categoryCode}
          onChange={(v?: string) => set({ categoryCode: v })}
          options={categoryOptions}
          data-testid="case-filter-category"
        />
        <DatePicker.RangePicker
          value={range}
          onChange={(v) =>
            set({
              from: v?.[0]?.format('YYYY-MM-DD'),
              to: v?.[1]?.format('YYYY-MM-DD'),
            })
          }
          data-testid="case-filter-dates"
        />
        <Select
          style={{ width: 190 }}
          value={query.sort}
          onChange={(v: string) => set({ sort: v === 'createdAt' ? 'createdAt' : undefined })}
          options={[
            { value: 'deadline', label: t('cases.sortDeadline') },
            { value: 'createdAt', label: t('cases.sortTime') },
          ]}
          data-testid="case-sort"
        />
        {dispatcher && <BatchDispatch rows={selected} onDone={() => void invalidate(keys.cases.all)} />}
      </div>
      {phone ? (
        <CaseCards
          rows={cases.data?.items ?? []}
          loading={cases.isFetching}
          page={query.page ?? 1}
          pageSize={query.pageSize ?? 20}
          total={counted?.count ?? 0}
          onPage={(page) => set({ page: String(page) }, true)}
        />
      ) : (
        <Table<CaseRow>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={cases.data?.items ?? []}
          loading={cases.isFetching}
          scroll={{ x: 1500 }}
          data-testid="case-table"
          rowSelection={
            dispatcher
              ? {
                  selectedRowKeys: selected.map((r) => r.id),
                  onChange: (_keys, rows) => setSelected(rows),
                  getCheckboxProps: (row) => ({ disabled: !DISPATCHABLE.includes(row.state) }),
                }
              : undefined
          }
          onRow={(row) =>
            ({ 'data-testid': 'case-row', 'data-case-no': row.caseNo, 'data-state': row.state }) as never
          }
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: counted?.count ?? 0,
            showSizeChanger: true,
            showTotal: (n) =>
              t(counted?.exact === false ? 'cases.totalAbout' : 'common.total', {
                n: n.toLocaleString('zh-CN'),
              }),
            onChange: (page, pageSize) =>
              set({ page: String(page), pageSize: pageSize === 20 ? undefined : String(pageSize) }, true),
          }}
        />
      )}
    </div>
  );
}

export default function CasesPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const [tab, setTab] = useState('list');
  useEffect(() => {
    if (can('case:report')) startOutbox();
  }, [can]);
  return (
    <div data-testid="cases-page">
      <PageTitle
        title={t('cases.title')}
        extra={
          can('case:report') ? (
            <Link to="/cases/new">
              <Button type="primary">{t('menu.caseNew')}</Button>
            </Link>
          ) : null
        }
      />
      <Card variant="borderless">
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'list', label: t('cases.tabList'), children: <CaseList /> },
            {
              key: 'map',
              label: t('cases.tabMap'),
              children: tab === 'map' && (
                <Suspense fallback={<Spin />}>
                  <CasesMap />
                </Suspense>
              ),
            },
          ]}
        />
        <Typography.Text type="secondary" style={{ display: 'none' }} />
      </Card>
    </div>
  );
}
