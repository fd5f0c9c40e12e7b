// An org's terms (届次), current committee and findings (GET /api/org-checks/orgs/:id); for a higher
// org holding member:manage, the form that records the next election.

import { useQuery } from '@tanstack/react-query';
import { Alert, Divider, Drawer, Result, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useInvalidate } from '../api/query.ts';
import { keys } from '../api/query-keys.ts';
import { errorText } from '../shell/feedback.ts';
import { useSession } from '../shell/session.tsx';
import { ElectionForm } from './election-form.tsx';
import { type OrgTerms, orgCheckApi, type Position } from './org-check-api.ts';
import { useOrgCheckText } from './org-check-messages.ts';

/** An org's terms; recording an election asks again for the drawer and the findings list. */
export function OrgTermsDrawer({ orgId, onClose }: { orgId: number | null; onClose: () => void }) {
  const { t, lang } = useOrgCheckText();
  const { me, can } = useSession();
  const invalidate = useInvalidate();
  const detail = useQuery({
    queryKey: keys.orgChecks.org(orgId ?? 0),
    queryFn: () => orgCheckApi.org(orgId ?? 0),
    enabled: orgId !== null,
  });
  const data = detail.data && detail.data.org.id === orgId ? detail.data : undefined;
  const mayRecord = can('member:manage') && data !== undefined && data.org.id !== me?.scope.id;

  return (
    <Drawer
      open={orgId !== null}
      onClose={onClose}
      size={640}
      title={data ? data.org.name : t('d.title')}
      data-testid="org-terms-drawer"
      destroyOnHidden
    >
      {detail.error && orgId !== null ? (
        <Result status="warning" title={errorText(detail.error, lang)} />
      ) : !data ? (
        <Skeleton active />
      ) : (
        <>
          <Typography.Paragraph type="secondary" data-testid="org-figures">
            {data.org.code} ·{' '}
            {t('d.figures', { members: data.members, full: data.fullMembers, years: data.termYears })}
          </Typography.Paragraph>
          <Findings data={data} />
          <Divider titlePlacement="start">{t('d.committee')}</Divider>
          <Table
            size="small"
            rowKey={(c) => `${c.memberId}-${c.name}`}
            pagination={false}
            dataSource={data.committee}
            locale={{ emptyText: t('d.noCommittee') }}
            data-testid="org-committee"
            columns={[
              { title: t('d.name'), dataIndex: 'name' },
              {
                title: t('d.position'),
                dataIndex: 'position',
                render: (p: Position) => t(`pos.${p}`),
              },
            ]}
          />
          <Divider titlePlacement="start">{t('d.terms')}</Divider>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={data.terms}
            locale={{ emptyText: t('d.noTerms') }}
            data-testid="org-terms"
            columns={[
              {
                title: t('d.electedOn'),
                dataIndex: 'electedOn',
                render: (v: string, _r, i) => (
                  <Space size={4}>
                    {v}
                    {i === 0 && <Tag color="blue">{t('d.current')}</Tag>}
                  </Space>
                ),
              },
              { title: t('d.endsOn'), dataIndex: 'endsOn' },
              {
                title: t('d.termYears'),
                dataIndex: 'termYears',
                render: (n: number) => t('d.years', { n }),
              },
              { title: t('d.note'), dataIndex: 'note' },
            ]}
          />
          <Divider titlePlacement="start">{t('e.title')}</Divider>
          {!data.electsCommittee ? (
            <Alert type="info" showIcon title={t('d.notElecting')} />
          ) : data.org.id === me?.scope.id ? (
            <Alert type="info" showIcon title={t('d.ownOrg')} />
          ) : mayRecord ? (
            <ElectionForm detail={data} onDone={() => void invalidate(keys.orgChecks.all)} />
          ) : null}
        </>
      )}
    </Drawer>
  );
}

function Findings({ data }: { data: OrgTerms }) {
  const { t, lang } = useOrgCheckText();
  if (data.findings.length === 0)
    return <Alert type="success" showIcon title={t('d.noFindings')} data-testid="org-findings" />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="org-findings">
      {data.findings.map((f) => (
        <Alert
          key={f.kind}
          type={f.severity}
          showIcon
          title={t(`oc.kind.${f.kind}`)}
          description={lang === 'en' ? f.message_en : f.message_zh}
        />
      ))}
    </Space>
  );
}
