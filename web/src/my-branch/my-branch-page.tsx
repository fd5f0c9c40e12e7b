// 我的支部: the village secretary's one screen — members by status, the recruitment pipeline, this
// month's checklist items, the last meetings, dues (when the dues module exists) and the warnings
// (org checks of the branch). One call: GET /api/my-branch.

import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, List, Row, Statistic, Tag } from 'antd';
import { Link } from 'react-router';
import { keys } from '../api/query-keys.ts';
import { useMeetingText } from '../meetings/meeting-messages.ts';
import { PageSpin } from '../shell/page-spin.tsx';
import { PageTitle } from '../shell/page-title.tsx';
import { useSession } from '../shell/session.tsx';
import { FINDING_KINDS, myBranchApi, STAGES } from './my-branch-api.ts';
import { type MyBranchMessageKey, useMyBranchText } from './my-branch-messages.ts';

const STATE_COLOR = { done: 'green', open: 'blue', overdue: 'red' } as const;
const yuan = (fen: number) => (fen / 100).toFixed(2);

/** This month's dues from the dues module (GET /api/dues/orgs/:id); a placeholder without it. */
function DuesCard({ orgId }: { orgId: number }) {
  const { t } = useMyBranchText();
  const { can } = useSession();
  const allowed = can('dues:manage');
  const { data, error } = useQuery({
    queryKey: keys.myBranch.dues(orgId),
    queryFn: () => myBranchApi.dues(orgId),
    enabled: allowed,
  });
  return (
    <Card
      size="small"
      title={t('b.dues')}
      data-testid="branch-dues"
      extra={allowed ? <Link to="/dues">{t('b.openDues')}</Link> : undefined}
    >
      {!allowed || error ? (
        <Alert type="info" showIcon message={t('b.duesPlaceholder')} />
      ) : data ? (
        <Row gutter={12}>
          <Col span={6}>
            <Statistic title={t('b.duesDue')} value={yuan(data.totals.dueFen)} />
          </Col>
          <Col span={6}>
            <Statistic title={t('b.duesPaid')} value={yuan(data.totals.paidFen)} />
          </Col>
          <Col span={6}>
            <Statistic title={t('b.duesUnpaid')} value={data.totals.unpaid} />
          </Col>
          <Col span={6}>
            <Statistic title={t('b.duesArrears')} value={yuan(data.totals.arrearsFen)} />
          </Col>
        </Row>
      ) : null}
    </Card>
  );
}

/** The dues module's six-month warnings (GET /api/dues/warnings) for the branch, when it exists. */
function SixMonths({ orgId }: { orgId: number }) {
  const { t } = useMyBranchText();
  const { can } = useSession();
  const { data } = useQuery({
    queryKey: keys.myBranch.sixMonths(orgId),
    queryFn: () => myBranchApi.sixMonths(orgId),
    enabled: can('dues:manage'),
  });
  if (!data || data.total === 0) return null;
  return (
    <div data-testid="branch-six-months">
      <div>{t('b.sixMonths', { n: data.total })}</div>
      <List
        size="small"
        dataSource={data.items}
        renderItem={(w) => (
          <List.Item>
            {w.member.name} · {w.org.name}
            {w.dues && <Tag color="red">{t('b.sixDues')}</Tag>}
            {w.orgLife && <Tag color="red">{t('b.sixLife')}</Tag>}
          </List.Item>
        )}
      />
    </div>
  );
}

export default function MyBranchPage() {
  const { t, lang } = useMyBranchText();
  const { kind } = useMeetingText();
  const {
    data,
    error,
    isFetching: loading,
  } = useQuery({
    queryKey: keys.myBranch.branch,
    queryFn: () => myBranchApi.get(),
  });
  if (error) return <Alert type="error" showIcon message={String((error as Error).message ?? error)} />;
  if (loading || !data) return <PageSpin />;
  const b = data;
  return (
    <div data-testid="my-branch">
      <PageTitle title={`${t('b.title')} · ${b.org.name}`} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title={t('b.members')}
            data-testid="branch-members"
            extra={<Link to={`/orgs/${b.org.id}`}>{t('b.memberList')}</Link>}
          >
            <Row gutter={12}>
              <Col span={8}>
                <Statistic title={t('b.total')} value={b.members.total} />
              </Col>
              <Col span={8}>
                <Statistic title={t('b.full')} value={b.members.full} />
              </Col>
              <Col span={8}>
                <Statistic title={t('b.probationary')} value={b.members.probationary} />
              </Col>
            </Row>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title={t('b.pipeline')}
            data-testid="branch-pipeline"
            extra={<Link to="/recruitment">{t('b.openPipeline')}</Link>}
          >
            <Row gutter={12}>
              {STAGES.filter((s) => s !== 'full').map((s) => (
                <Col span={6} key={s}>
                  <Statistic title={t(`b.stage.${s}` as MyBranchMessageKey)} value={b.pipeline[s]} />
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title={`${t('b.checklist')} · ${b.month}`}
            data-testid="branch-checklist"
            extra={<Link to="/checklists">{t('b.openChecklist')}</Link>}
          >
            {b.checklist.total === 0 ? (
              <div className="qj-muted">{t('b.checklistNone')}</div>
            ) : (
              <>
                <div>{t('b.checklistDone', { done: b.checklist.done, total: b.checklist.total })}</div>
                <List
                  size="small"
                  dataSource={b.checklist.items}
                  renderItem={(i) => (
                    <List.Item
                      extra={
                        <Tag color={STATE_COLOR[i.state]}>
                          {t(`b.state.${i.state}` as MyBranchMessageKey)}
                        </Tag>
                      }
                    >
                      {i.title}
                      {i.orgId !== b.org.id && ` · ${i.orgName}`} · {t('b.due', { date: i.dueOn })}
                    </List.Item>
                  )}
                />
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title={t('b.meetings')}
            data-testid="branch-meetings"
            extra={<Link to="/meetings">{t('b.openMeetings')}</Link>}
          >
            <div>{t('b.meetingsThisMonth', { n: b.meetings.thisMonth })}</div>
            {b.meetings.last.length === 0 ? (
              <div className="qj-muted">{t('b.meetingsNone')}</div>
            ) : (
              <List
                size="small"
                dataSource={b.meetings.last}
                renderItem={(m) => (
                  <List.Item extra={t('b.attendance', { present: m.present, expected: m.expected })}>
                    {m.heldOn} · {kind(m.kind)} · {m.topic}
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <DuesCard orgId={b.org.id} />
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('b.warnings')} data-testid="branch-warnings">
            <div>
              {FINDING_KINDS.filter((k) => b.warnings.counts[k] > 0).map((k) => (
                <Tag key={k} color={k === 'term_due' || k === 'no_term' || k === 'too_many' ? 'gold' : 'red'}>
                  {t(`b.kind.${k}` as MyBranchMessageKey)} {b.warnings.counts[k]}
                </Tag>
              ))}
            </div>
            <SixMonths orgId={b.org.id} />
            {b.warnings.total === 0 ? (
              <div className="qj-muted">{t('b.warningsNone')}</div>
            ) : (
              <List
                size="small"
                dataSource={b.warnings.items}
                renderItem={(f) => (
                  <List.Item>
                    <Tag color={f.severity === 'error' ? 'red' : 'gold'}>{f.org.shortName}</Tag>
                    {lang === 'en' ? f.message_en : f.message_zh}
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
