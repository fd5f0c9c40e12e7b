// 双报到双服务. A community's secretary sees who reported to the community this year (in-service
// members and unit orgs) with their service hours, registers a report, records services and, from
// 1 December, gives the annual assessment. A unit, a branch whose members serve elsewhere, or a town,
// county or city sees the reports within its scope: the figures per community and the list.

import { useQuery } from '@tanstack/react-query';
import { Button, Card, Select, Tabs, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useInvalidate } from '../api/query.ts';
import { keys } from '../api/query-keys.ts';
import { PageTitle } from '../shell/page-title.tsx';
import { useSession } from '../shell/session.tsx';
import { communityApi, type Report } from './community-report-api.ts';
import { useCommunityText } from './community-report-messages.ts';
import { CommunityTotalsTable, SummaryCards } from './community-totals.tsx';
import { RegisterDialog } from './register-dialog.tsx';
import { ReportTable } from './report-table.tsx';
import { ServiceDialog, ServicesDrawer } from './service-dialog.tsx';
import './community-reports.css';

const THIS_YEAR = dayjs().year();
const TERRITORIAL_ABOVE = new Set(['city', 'county', 'town']);

export default function CommunityReportsPage() {
  const { t } = useCommunityText();
  const { me } = useSession();
  const [year, setYear] = useState(THIS_YEAR);

  const [tab, setTab] = useState<'byCommunity' | 'list'>('byCommunity');
  const [totalsPage, setTotalsPage] = useState(1);
  const [communityQ, setCommunityQ] = useState('');
  const [picked, setPicked] = useState<{ id: number; name: string } | null>(null);
  const [registering, setRegistering] = useState(false);
  const [servicesOf, setServicesOf] = useState<Report | null>(null);
  const [recording, setRecording] = useState<Report | null>(null);
  const invalidate = useInvalidate();
  const summary = useQuery({
    queryKey: keys.communityReports.byCommunity({ year, communityQ, totalsPage }),
    queryFn: () =>
      communityApi.byCommunity({ year, q: communityQ || undefined, page: totalsPage, pageSize: 20 }),
  });
  // a registration, a service or an assessment changes the totals, the lists and the services
  const reload = () => void invalidate(keys.communityReports.all);
  const mine = summary.data?.myCommunity ?? null;
  // the reporter's side registers too (a unit, a branch); a town, county or city looks on
  const canRegister = mine !== null || (me ? !TERRITORIAL_ABOVE.has(me.scope.level) : false);

  const table = (communityOrgId: number | undefined, showCommunity: boolean) => (
    <ReportTable
      year={year}
      communityOrgId={communityOrgId}
      showCommunity={showCommunity}
      onServices={setServicesOf}
      onRecord={setRecording}
      onChanged={reload}
    />
  );

  return (
    <div data-testid="community-reports-page">
      <PageTitle
        title={mine ? `${t('cr.title')} · ${mine.name}` : t('cr.title')}
        extra={
          <span className="qj-cr-actions">
            <Select<number>
              value={year}
              style={{ width: 110 }}
              data-testid="cr-year"
              onChange={(y) => {
                setYear(y);
                setTotalsPage(1);
              }}
              options={[0, 1, 2, 3, 4].map((k) => ({
                value: THIS_YEAR - k,
                label: t('cr.year', { y: THIS_YEAR - k }),
              }))}
            />
            {canRegister && year === THIS_YEAR && (
              <Button type="primary" onClick={() => setRegistering(true)} data-testid="cr-register">
                {t('cr.register')}
              </Button>
            )}
          </span>
        }
      />
      {summary.data && <SummaryCards data={summary.data} />}
      <div className="qj-cr-muted" style={{ marginBottom: 12 }}>
        {t('cr.target', { n: summary.data?.targetHours ?? 12 })}
        {summary.data && !summary.data.assessmentOpen && ` · ${t('cr.assessClosed', { y: year })}`}
      </div>
      <Card variant="borderless">
        {summary.data && mine && table(mine.id, false)}
        {summary.data && !mine && (
          <Tabs
            activeKey={tab}
            onChange={(k) => setTab(k as 'byCommunity' | 'list')}
            items={[
              {
                key: 'byCommunity',
                label: t('cr.tab.byCommunity'),
                children: (
                  <CommunityTotalsTable
                    data={summary.data}
                    loading={summary.isFetching}
                    page={totalsPage}
                    onPage={setTotalsPage}
                    onSearch={(q) => {
                      setCommunityQ(q);
                      setTotalsPage(1);
                    }}
                    onOpen={(c) => {
                      setPicked(c);
                      setTab('list');
                    }}
                  />
                ),
              },
              {
                key: 'list',
                label: t('cr.tab.list'),
                children: (
                  <>
                    {picked && (
                      <div style={{ marginBottom: 8 }}>
                        <Tag closable onClose={() => setPicked(null)} color="blue">
                          {t('cr.filter.community', { name: picked.name })}
                        </Tag>
                      </div>
                    )}
                    {table(picked?.id, true)}
                  </>
                ),
              },
            ]}
          />
        )}
      </Card>
      <RegisterDialog
        open={registering}
        community={mine}
        onClose={() => setRegistering(false)}
        onDone={() => {
          setRegistering(false);
          reload();
        }}
      />
      <ServicesDrawer report={servicesOf} onRecord={setRecording} onClose={() => setServicesOf(null)} />
      <ServiceDialog
        report={recording}
        onClose={() => setRecording(null)}
        onDone={() => {
          setRecording(null);
          reload();
        }}
      />
    </div>
  );
}
