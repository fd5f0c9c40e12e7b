import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Card, Col, Descriptions, Result, Row, Skeleton, Space, Statistic, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../api/client.ts';
import { keys } from '../api/query-keys.ts';
import type { OrgDetail } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { CATEGORY_NAMES, LEVEL_NAMES, ORG_KIND_NAMES } from '../i18n/messages.ts';
import { errorText } from '../shell/feedback.ts';
import { PageTitle } from '../shell/page-title.tsx';
import { useSession } from '../shell/session.tsx';
import { MemberTable } from './member-table.tsx';
import { OrgKindTag } from './org-kind-tag.tsx';

export default function OrgPage() {
  const { id } = useParams();
  const orgId = Number(id);
  const { t, lang, name } = useI18n();
  const { can } = useSession();
  const detail = useQuery({
    queryKey: keys.orgs.detail(orgId),
    queryFn: () => api.get<OrgDetail>(`/api/orgs/${orgId}`),
    enabled: Number.isInteger(orgId),
  });

  if (!Number.isInteger(orgId) || (detail.error instanceof ApiError && detail.error.status === 404)) {
    return <Result status="404" title={t('org.notFound')} data-testid="org-not-found" />;
  }
  if (detail.error) return <Result status="error" title={errorText(detail.error, lang)} />;
  const data = detail.data?.org.id === orgId ? detail.data : undefined;
  if (!data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const { org, ancestors, childKinds } = data;
  const dash = '—';

  return (
    <div data-testid="org-page">
      <Breadcrumb
        style={{ marginBottom: 12 }}
        data-testid="org-breadcrumb"
        items={[
          { title: <Link to="/orgs">{t('orgs.title')}</Link> },
          ...ancestors.map((a) => ({ title: <Link to={`/orgs/${a.id}`}>{a.name}</Link> })),
          { title: org.name },
        ]}
      />
      <PageTitle
        title={
          <Space>
            <span data-testid="org-name">{org.name}</span>
            <OrgKindTag kind={org.kind} />
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        {(
          [
            ['home.members', org.memberCount, 'org-stat-members'],
            ['home.grids', org.gridCount, 'org-stat-grids'],
            ['home.households', org.householdCount, 'org-stat-households'],
            ['home.childOrgs', org.childCount, 'org-stat-children'],
          ] as const
        ).map(([label, value, testId]) => (
          <Col xs={12} lg={6} key={label}>
            <Card variant="borderless">
              <Statistic title={t(label)} value={value} data-testid={testId} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card variant="borderless" style={{ marginTop: 16 }}>
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="middle" bordered data-testid="org-descriptions">
          <Descriptions.Item label={t('org.code')}>{org.code}</Descriptions.Item>
          <Descriptions.Item label={t('org.kind')}>{name(ORG_KIND_NAMES, org.kind)}</Descriptions.Item>
          <Descriptions.Item label={t('org.level')}>{name(LEVEL_NAMES, org.level)}</Descriptions.Item>
          <Descriptions.Item label={t('org.category')}>
            {name(CATEGORY_NAMES, org.category) || dash}
          </Descriptions.Item>
          <Descriptions.Item label={t('org.divisionCode')}>{org.divisionCode || dash}</Descriptions.Item>
          <Descriptions.Item label={t('org.unitName')}>{org.unitName || dash}</Descriptions.Item>
          <Descriptions.Item label={t('org.uscc')}>{org.uscc || dash}</Descriptions.Item>
          <Descriptions.Item label={t('org.childKinds')} span={2}>
            {Object.keys(childKinds).length === 0
              ? dash
              : Object.entries(childKinds).map(([kind, n]) => (
                  <Tag key={kind} color="red" variant="outlined">
                    {name(ORG_KIND_NAMES, kind)} {n}
                  </Tag>
                ))}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {can('member:read') && <MemberTable orgId={org.id} />}
    </div>
  );
}
