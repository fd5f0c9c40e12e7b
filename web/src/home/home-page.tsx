import { ApartmentOutlined, EnvironmentOutlined, HomeOutlined, TeamOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Row, Statistic, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import { keys } from '../api/query-keys.ts';
import type { OrgNode } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ORG_KIND_NAMES } from '../i18n/messages.ts';
import { PageTitle } from '../shell/page-title.tsx';
import { useSession } from '../shell/session.tsx';

function StatCard({
  title,
  value,
  suffix,
  icon,
  color,
  testId,
}: {
  title: string;
  value: number | undefined;
  suffix: string;
  icon: ReactNode;
  color: string;
  testId: string;
}) {
  return (
    <Card variant="borderless" className="qj-stat-card">
      <div style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
        <div className="qj-stat-icon" style={{ background: `${color}1a`, color }}>
          {icon}
        </div>
        <Statistic
          title={title}
          value={value ?? 0}
          suffix={suffix}
          loading={value === undefined}
          data-testid={testId}
        />
      </div>
    </Card>
  );
}

export default function HomePage() {
  const { me, can } = useSession();
  const { t, name } = useI18n();
  const root = useQuery({
    queryKey: keys.orgTree(null),
    queryFn: () => api.get<{ nodes: OrgNode[] }>('/api/orgs/tree'),
  });
  const rootNode = root.data?.nodes[0];
  const children = useQuery({
    queryKey: keys.orgTree(rootNode?.id ?? null),
    queryFn: () => api.get<{ nodes: OrgNode[] }>('/api/orgs/tree', { parentId: rootNode?.id }),
    enabled: Boolean(rootNode && rootNode.childCount > 0),
  });
  if (!me) return null;

  return (
    <div data-testid="home-page">
      <PageTitle title={t('home.welcome', { name: me.account.displayName })} />
      <Typography.Paragraph type="secondary" data-testid="home-scope">
        {t('home.scope', { scope: rootNode?.name ?? me.scope.name })}
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={12} sm={12} xl={6}>
          <StatCard
            title={t('home.members')}
            value={rootNode?.memberCount}
            suffix={t('home.unitPerson')}
            icon={<TeamOutlined />}
            color="#c8161d"
            testId="stat-members"
          />
        </Col>
        <Col xs={12} sm={12} xl={6}>
          <StatCard
            title={t('home.grids')}
            value={rootNode?.gridCount}
            suffix={t('home.unitGrid')}
            icon={<EnvironmentOutlined />}
            color="#d46b08"
            testId="stat-grids"
          />
        </Col>
        <Col xs={12} sm={12} xl={6}>
          <StatCard
            title={t('home.households')}
            value={rootNode?.householdCount}
            suffix={t('home.unitHousehold')}
            icon={<HomeOutlined />}
            color="#1677ff"
            testId="stat-households"
          />
        </Col>
        <Col xs={12} sm={12} xl={6}>
          <StatCard
            title={t('home.childOrgs')}
            value={rootNode?.childCount}
            suffix={t('home.unitOrg')}
            icon={<ApartmentOutlined />}
            color="#389e0d"
            testId="stat-children"
          />
        </Col>
      </Row>
      {rootNode && rootNode.childCount > 0 && (
        <Card
          title={t('home.children')}
          style={{ marginTop: 16 }}
          variant="borderless"
          extra={
            <Link to={`/orgs/${rootNode.id}`}>
              <Button type="link">{t('orgs.openPage')}</Button>
            </Link>
          }
        >
          <Table<OrgNode>
            rowKey="id"
            size="middle"
            loading={children.isFetching}
            dataSource={children.data?.nodes ?? []}
            pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
            data-testid="home-children"
            columns={[
              {
                title: t('home.orgName'),
                dataIndex: 'name',
                // the full name of a town's committee reads on one or two lines, on a phone too
                width: 220,
                render: (value: string, row) => <Link to={`/orgs/${row.id}`}>{value}</Link>,
              },
              {
                title: t('org.kind'),
                dataIndex: 'kind',
                width: 120,
                render: (kind: string) => <Tag color="red">{name(ORG_KIND_NAMES, kind)}</Tag>,
              },
              {
                title: t('home.members'),
                dataIndex: 'memberCount',
                align: 'right',
                width: 120,
                sorter: (a, b) => a.memberCount - b.memberCount,
                render: (n: number) => n.toLocaleString('zh-CN'),
              },
              {
                title: t('home.grids'),
                dataIndex: 'gridCount',
                align: 'right',
                width: 120,
                sorter: (a, b) => a.gridCount - b.gridCount,
                render: (n: number) => n.toLocaleString('zh-CN'),
              },
              {
                title: t('home.households'),
                dataIndex: 'householdCount',
                align: 'right',
                width: 140,
                sorter: (a, b) => a.householdCount - b.householdCount,
                render: (n: number) => n.toLocaleString('zh-CN'),
              },
              {
                title: t('home.childOrgs'),
                dataIndex: 'childCount',
                align: 'right',
                width: 120,
                render: (n: number) => n.toLocaleString('zh-CN'),
              },
            ]}
          />
        </Card>
      )}
      <Card title={t('home.quick')} style={{ marginTop: 16 }} variant="borderless">
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Link to="/orgs">
            <Button icon={<ApartmentOutlined />}>{t('menu.orgs')}</Button>
          </Link>
          {can('grid:read') && (
            <Link to="/map">
              <Button icon={<EnvironmentOutlined />}>{t('menu.map')}</Button>
            </Link>
          )}
          <Link to={`/orgs/${rootNode?.id ?? me.scope.id}`}>
            <Button icon={<TeamOutlined />}>{t('org.members')}</Button>
          </Link>
        </div>
      </Card>
    </div>
  );
}
