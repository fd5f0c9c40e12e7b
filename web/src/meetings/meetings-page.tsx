// A branch's organizational life: its compliance with the frequency rules (三会一课 and the rest),
// its meetings, and the form to record one with the sign-in. Above the branches (town, county, city):
// how many branches are compliant, due or overdue, per child org.

import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Progress, Row, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useInvalidate } from '../api/query.ts';
import { keys } from '../api/query-keys.ts';
import { PageTitle } from '../shell/page-title.tsx';
import { useSession } from '../shell/session.tsx';
import { useUrlState } from '../shell/use-url-state.ts';
import { type ComplianceReport, type ComplianceStatus, type MeetingRow, meetingApi } from './meeting-api.ts';
import { MeetingDialog } from './meeting-dialog.tsx';
import { type MeetingMessageKey, useMeetingText } from './meeting-messages.ts';
import './meetings.css';

const COLOR: Record<ComplianceStatus, string> = { compliant: 'green', due: 'gold', overdue: 'red' };

function StatusTag({ status }: { status: ComplianceStatus }) {
  const { t } = useMeetingText();
  return <Tag color={COLOR[status]}>{t(`m.status.${status}` as MeetingMessageKey)}</Tag>;
}

function SelfCompliance({ report }: { report: ComplianceReport }) {
  const { t, kind } = useMeetingText();
  const self = report.self;
  if (!self) return null;
  return (
    <Card
      size="small"
      title={t('m.compliance')}
      extra={<StatusTag status={self.status} />}
      data-testid="self-compliance"
    >
      <div className="qj-meet-kinds">
        {self.kinds.map((k) => (
          <div key={k.kind} className="qj-meet-kind">
            <span>{kind(k.kind)}</span>
            <span className="qj-meet-muted">
              {t(`m.per.${k.frequency.per}` as MeetingMessageKey)} · {k.current.period.label} {k.current.held}
              /{k.frequency.times}
            </span>
            <StatusTag status={k.status} />
          </div>
        ))}
      </div>
      {self.missing.length === 0 && <div className="qj-meet-muted">{t('m.allMet')}</div>}
    </Card>
  );
}

function Rollup({ report, onOpen }: { report: ComplianceReport; onOpen: (id: number) => void }) {
  const { t } = useMeetingText();
  const totals = report.totals;
  const pct = (n: number, of: number) => (of ? Math.round((n / of) * 1000) / 10 : 0);
  return (
    <Card size="small" title={`${t('m.compliance')} · ${report.org.name}`}>
      <Row gutter={12} className="qj-meet-stats">
        <Col span={6}>
          <Statistic title={t('m.branches')} value={totals.branches} />
        </Col>
        {(['compliant', 'due', 'overdue'] as const).map((s) => (
          <Col span={6} key={s}>
            <Statistic title={t(`m.status.${s}` as MeetingMessageKey)} value={totals[s]} />
          </Col>
        ))}
      </Row>
      <Table
        rowKey={(r) => r.org.id}
        size="small"
        pagination={false}
        dataSource={report.children}
        columns={[
          {
            title: t('m.col.org'),
            key: 'org',
            render: (_: unknown, r: ComplianceReport['children'][number]) => (
              <Button type="link" size="small" onClick={() => onOpen(r.org.id)}>
                {r.org.name}
              </Button>
            ),
          },
          { title: t('m.branches'), dataIndex: 'branches', width: 90 },
          {
            title: t('m.status.compliant'),
            key: 'compliant',
            render: (_: unknown, r: ComplianceReport['children'][number]) => (
              <Progress percent={pct(r.compliant, r.branches)} size="small" />
            ),
          },
          { title: t('m.status.due'), dataIndex: 'due', width: 90 },
          { title: t('m.status.overdue'), dataIndex: 'overdue', width: 90 },
        ]}
      />
    </Card>
  );
}

export default function MeetingsPage() {
  const { t, kind } = useMeetingText();
  const { me, can } = useSession();
  const url = useUrlState();
  const orgId = url.number('orgId') || (me?.scope.id ?? 0);
  const [recording, setRecording] = useState(false);
  const [page, setPage] = useState(1);
  const invalidate = useInvalidate();
  const report = useQuery({
    queryKey: keys.meetings.compliance(orgId),
    queryFn: () => meetingApi.compliance(orgId),
    enabled: orgId > 0,
  });
  const list = useQuery({
    queryKey: keys.meetings.list({ orgId, page, pageSize: 20 }),
    queryFn: () => meetingApi.list({ orgId, page, pageSize: 20 }),
    enabled: orgId > 0,
  });
  const open = (id: number) => {
    setPage(1);
    url.set({ orgId: id });
  };
  const holds = report.data?.org.holdsOrgLife ?? false;

  const columns = [
    { title: t('m.col.heldOn'), dataIndex: 'heldOn', width: 110 },
    { title: t('m.col.kind'), dataIndex: 'kind', width: 140, render: (k: string) => kind(k) },
    { title: t('m.col.topic'), dataIndex: 'topic', ellipsis: true },
    { title: t('m.col.org'), dataIndex: 'orgName', ellipsis: true },
    {
      title: t('m.col.attendance'),
      key: 'att',
      width: 150,
      render: (_: unknown, m: MeetingRow) => (
        <span>
          {m.present}/{m.expected} {!m.counts && <Tag color="red">{t('m.quorumMissing')}</Tag>}
        </span>
      ),
    },
  ];

  return (
    <div>
      <PageTitle
        title={`${t('m.title')}${report.data ? ` · ${report.data.org.name}` : ''}`}
        extra={
          <span className="qj-meet-actions">
            {orgId !== me?.scope.id && <Link to="/meetings">{t('c.back')}</Link>}
            {holds && can('meeting:record') && (
              <Button type="primary" onClick={() => setRecording(true)} data-testid="meeting-new">
                {t('m.record')}
              </Button>
            )}
          </span>
        }
      />
      <div className="qj-meet-top">
        {report.data?.self && <SelfCompliance report={report.data} />}
        {report.data && report.data.children.length > 0 && <Rollup report={report.data} onOpen={open} />}
      </div>
      <Card variant="borderless">
        <Table<MeetingRow>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          columns={columns}
          locale={{ emptyText: t('m.noMeetings') }}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
        />
      </Card>
      {recording && (
        <MeetingDialog
          orgId={orgId}
          open={recording}
          onClose={() => setRecording(false)}
          onSaved={() => {
            setRecording(false);
            // a new meeting changes the list, the figures and the checklists' completion
            void invalidate(keys.meetings.all, keys.checklists.all);
          }}
        />
      )}
    </div>
  );
}
