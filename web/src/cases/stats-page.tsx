// Statistics of the cases in a scope: volume by channel and category, the rates, average handling
// time, charts (lazy chunk with ECharts) and the Excel export.
import { FileExcelOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, DatePicker, Row, Select, Space, Spin, Statistic } from 'antd';
import type { Dayjs } from 'dayjs';
import { lazy, Suspense, useRef, useState } from 'react';
import { api, download } from '../api/client.ts';
import { keys } from '../api/query-keys.ts';
import type { CaseRates, CaseStats, OrgSearchItem } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { errorText, useFeedback } from '../shell/feedback.ts';
import { PageTitle } from '../shell/page-title.tsx';
import { useSession } from '../shell/session.tsx';
import { formatRate } from './case-api.ts';

const StatsCharts = lazy(() => import('./stats-charts.tsx'));

const RATES: { key: keyof CaseRates; label: MessageKey }[] = [
  { key: 'responseRate', label: 'stats.responseRate' },
  { key: 'onTimeHandlingRate', label: 'stats.onTimeHandlingRate' },
  { key: 'closeRate', label: 'stats.closeRate' },
  { key: 'onTimeCloseRate', label: 'stats.onTimeCloseRate' },
  { key: 'reworkRate', label: 'stats.reworkRate' },
  { key: 'satisfactionRate', label: 'stats.satisfactionRate' },
];

function ScopeSelect({ value, onChange }: { value?: number; onChange: (id?: number) => void }) {
  const { t } = useI18n();
  const { me } = useSession();
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  const latest = useRef('');
  return (
    <Select
      showSearch
      allowClear
      value={value}
      style={{ width: 300 }}
      placeholder={`${me?.scope.name ?? ''} · ${t('stats.scopePlaceholder')}`}
      filterOption={false}
      onChange={(v?: number) => onChange(v)}
      data-testid="stats-scope"
      onSearch={async (q) => {
        latest.current = q;
        if (!q.trim()) return setOptions([]);
        const answer = await api.get<{ items: OrgSearchItem[] }>('/api/orgs/search', {
          q: q.trim(),
          limit: 20,
        });
        if (latest.current === q) {
          setOptions(answer.items.map((o) => ({ value: o.id, label: `${o.name}（${o.code}）` })));
        }
      }}
      options={options}
    />
  );
}

export default function StatsPage() {
  const { t, lang } = useI18n();
  // choosing a scope org searches the org register: only roles that read it (not departments or residents)
  const { can } = useSession();
  const feedback = useFeedback();
  const [scopeOrgId, setScopeOrgId] = useState<number>();
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [exporting, setExporting] = useState(false);
  const query = {
    scopeOrgId,
    from: range?.[0].startOf('day').toISOString(),
    to: range?.[1].add(1, 'day').startOf('day').toISOString(),
  };
  const stats = useQuery({
    queryKey: keys.cases.stats(query),
    queryFn: () => api.get<CaseStats>('/api/case-stats', query),
  });
  const data = stats.data;

  return (
    <div data-testid="stats-page">
      <PageTitle
        title={t('stats.title')}
        extra={
          <Space wrap>
            {can('org:read') && <ScopeSelect value={scopeOrgId} onChange={setScopeOrgId} />}
            <DatePicker.RangePicker value={range} onChange={(v) => setRange(v as [Dayjs, Dayjs] | null)} />
            <Button
              icon={<FileExcelOutlined />}
              loading={exporting}
              data-testid="stats-export"
              onClick={async () => {
                setExporting(true);
                const hide = feedback.loading(t('common.exporting'));
                try {
                  const file = await download('/api/case-stats.xlsx', query, 'case-stats.xlsx');
                  feedback.success(t('common.exported', { name: file }));
                } catch (error) {
                  feedback.error(error);
                } finally {
                  hide();
                  setExporting(false);
                }
              }}
            >
              {t('common.exportExcel')}
            </Button>
          </Space>
        }
      />
      {stats.error ? <Alert type="error" showIcon title={errorText(stats.error, lang)} /> : null}
      <Row
        gutter={[16, 16]}
        className="qj-stats-figures"
        data-testid="stats-figures"
        data-loaded={data ? 'true' : 'false'}
      >
        <Col xs={12} md={6} xl={3}>
          <Card variant="borderless" loading={stats.isFetching && !data}>
            <Statistic title={t('stats.total')} value={data?.total ?? 0} data-testid="stat-total" />
          </Card>
        </Col>
        {RATES.map((r) => (
          <Col xs={12} md={6} xl={3} key={r.key}>
            <Card variant="borderless" loading={stats.isFetching && !data}>
              <Statistic
                title={t(r.label)}
                value={formatRate(data?.rates[r.key])}
                data-testid={`stat-${r.key}`}
              />
            </Card>
          </Col>
        ))}
        <Col xs={12} md={6} xl={3}>
          <Card variant="borderless" loading={stats.isFetching && !data}>
            <Statistic
              title={t('stats.avgHandlingHours')}
              value={data?.avgHandlingHours ?? '—'}
              precision={data?.avgHandlingHours ? 1 : undefined}
              suffix={data?.avgHandlingHours ? t('stats.hours') : undefined}
              data-testid="stat-avgHandlingHours"
            />
          </Card>
        </Col>
      </Row>
      <div style={{ marginTop: 16 }}>
        <Suspense fallback={<Spin />}>{data && <StatsCharts stats={data} />}</Suspense>
      </div>
    </div>
  );
}
