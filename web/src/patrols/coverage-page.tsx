// 巡查覆盖 for a town or village: which grids in scope were patrolled this week, which have had no
// check-in for N days, and what each grid worker did this week.

import { useQuery } from '@tanstack/react-query';
import { Card, Col, InputNumber, Row, Space, Statistic, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { keys } from '../api/query-keys.ts';
import { formatTime } from '../cases/case-api.ts';
import { errorText } from '../shell/feedback.ts';
import { PageTitle } from '../shell/page-title.tsx';
import { PhoneItem, PhoneLine, PhoneTags, phoneListProps } from '../shell/phone-list.tsx';
import { usePhone } from '../shell/use-phone.ts';
import { type Coverage, coverage } from './patrol-api.ts';
import { formatDistance, usePatrolText } from './patrol-messages.ts';
import './patrols.css';

type GridRow = Coverage['grids'][number];
type WorkerRow = Coverage['workers'][number];

export default function CoveragePage() {
  const { t, lang } = usePatrolText();
  const [staleDays, setStaleDays] = useState<number | null>(null);
  const [onlyStale, setOnlyStale] = useState(false);
  const data = useQuery({
    queryKey: keys.patrols.coverage(staleDays ?? undefined),
    queryFn: () => coverage(staleDays ?? undefined),
  });
  const c = data.data;
  const days = c?.staleDays ?? staleDays ?? 7;
  const grids = (c?.grids ?? []).filter((g) => !onlyStale || !g.patrolledThisWeek);
  const phone = usePhone();
  const lastAt = (v: string | null) => (v ? formatTime(v) : t('coverage.never'));

  const status = (g: GridRow) =>
    g.patrolledThisWeek ? (
      <Tag color="green">{t('coverage.statusPatrolled')}</Tag>
    ) : g.stale ? (
      <Tag color="red">{t('coverage.statusStale')}</Tag>
    ) : (
      <Tag color="gold">{t('coverage.statusQuiet')}</Tag>
    );
  // a phone shows one column: the grid, its village, the last check-in and this week's count, its status
  const gridPhoneColumns = [
    {
      title: t('coverage.grid'),
      key: 'grid',
      render: (_: unknown, g: GridRow) => (
        <PhoneItem>
          <span>{g.name}</span>
          <PhoneLine>{g.villageName}</PhoneLine>
          <PhoneLine>
            {t('coverage.lastAt')} {lastAt(g.lastAt)} · {t('coverage.weekCheckins')} {g.weekCheckins}
          </PhoneLine>
          <PhoneTags>{status(g)}</PhoneTags>
        </PhoneItem>
      ),
    },
  ];
  // a phone shows one column: the worker, the grid, this week's figures; the busiest first
  const workerPhoneColumns = [
    {
      title: t('coverage.worker'),
      key: 'worker',
      render: (_: unknown, w: WorkerRow) => (
        <PhoneItem>
          <span>
            {w.name}{' '}
            {w.weekOutsideOwnGrids > 0 && (
              <Tag color="orange">
                {t('coverage.weekOutside')} {w.weekOutsideOwnGrids}
              </Tag>
            )}
          </span>
          <PhoneLine>{w.gridName}</PhoneLine>
          <PhoneLine>
            {t('coverage.weekCheckins')} {w.weekCheckins} · {t('coverage.weekPatrols')} {w.weekPatrols} ·{' '}
            {t('coverage.weekDistance')} {formatDistance(t, w.weekDistanceM)}
          </PhoneLine>
          <PhoneLine>
            {t('coverage.lastAt')} {lastAt(w.lastAt)}
          </PhoneLine>
        </PhoneItem>
      ),
    },
  ];
  const workers = phone
    ? [...(c?.workers ?? [])].sort((a, b) => b.weekCheckins - a.weekCheckins)
    : (c?.workers ?? []);

  return (
    <div data-testid="coverage-page">
      <PageTitle
        title={t('coverage.title')}
        extra={
          <Space>
            <span>{t('coverage.staleDays')}</span>
            <InputNumber
              min={1}
              max={365}
              value={days}
              onChange={(v) => setStaleDays(typeof v === 'number' ? v : null)}
              data-testid="coverage-stale-days"
            />
          </Space>
        }
      />
      {data.error ? <Typography.Text type="danger">{errorText(data.error, lang)}</Typography.Text> : null}
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={8}>
          <Card size="small">
            <Statistic title={t('coverage.grids')} value={c?.totals.grids ?? 0} />
          </Card>
        </Col>
        <Col xs={8}>
          <Card size="small" data-testid="coverage-patrolled" data-value={c?.totals.patrolledThisWeek ?? 0}>
            <Statistic title={t('coverage.patrolled')} value={c?.totals.patrolledThisWeek ?? 0} />
          </Card>
        </Col>
        <Col xs={8}>
          <Card size="small" data-testid="coverage-stale" data-value={c?.totals.stale ?? 0}>
            <Statistic title={t('coverage.stale', { days })} value={c?.totals.stale ?? 0} />
          </Card>
        </Col>
      </Row>
      <Tabs
        items={[
          {
            key: 'grids',
            label: t('coverage.tabGrids'),
            children: (
              <>
                <Space style={{ marginBottom: 8 }}>
                  <Switch checked={onlyStale} onChange={setOnlyStale} size="small" />
                  <span>{t('coverage.onlyStale')}</span>
                </Space>
                <Table<GridRow>
                  size="small"
                  rowKey="id"
                  loading={data.isFetching}
                  dataSource={grids}
                  pagination={{ pageSize: 20, showSizeChanger: false }}
                  {...phoneListProps(phone, 560)}
                  onRow={(g) =>
                    ({
                      'data-testid': 'coverage-grid',
                      'data-code': g.code,
                      'data-patrolled': g.patrolledThisWeek ? 'true' : 'false',
                    }) as never
                  }
                  columns={
                    phone
                      ? gridPhoneColumns
                      : [
                          { title: t('coverage.grid'), dataIndex: 'name' },
                          { title: t('coverage.village'), dataIndex: 'villageName' },
                          {
                            title: t('coverage.lastAt'),
                            dataIndex: 'lastAt',
                            render: lastAt,
                          },
                          { title: t('coverage.weekCheckins'), dataIndex: 'weekCheckins', align: 'right' },
                          {
                            title: t('coverage.status'),
                            key: 'status',
                            render: (_: unknown, g) => status(g),
                          },
                        ]
                  }
                />
              </>
            ),
          },
          {
            key: 'workers',
            label: t('coverage.tabWorkers'),
            children: (
              <Table<WorkerRow>
                size="small"
                rowKey="accountId"
                loading={data.isFetching}
                dataSource={workers}
                pagination={{ pageSize: 20, showSizeChanger: false }}
                {...phoneListProps(phone, 640)}
                onRow={(w) => ({ 'data-testid': 'coverage-worker', 'data-username': w.username }) as never}
                columns={
                  phone
                    ? workerPhoneColumns
                    : [
                        { title: t('coverage.worker'), dataIndex: 'name' },
                        { title: t('coverage.grid'), dataIndex: 'gridName' },
                        {
                          title: t('coverage.weekCheckins'),
                          dataIndex: 'weekCheckins',
                          align: 'right',
                          sorter: (a, b) => a.weekCheckins - b.weekCheckins,
                          defaultSortOrder: 'descend',
                        },
                        {
                          title: t('coverage.weekOutside'),
                          dataIndex: 'weekOutsideOwnGrids',
                          align: 'right',
                          render: (n: number) => (n > 0 ? <Tag color="orange">{n}</Tag> : n),
                        },
                        { title: t('coverage.weekPatrols'), dataIndex: 'weekPatrols', align: 'right' },
                        {
                          title: t('coverage.weekDistance'),
                          dataIndex: 'weekDistanceM',
                          align: 'right',
                          render: (m: number) => formatDistance(t, m),
                        },
                        {
                          title: t('coverage.lastAt'),
                          dataIndex: 'lastAt',
                          render: lastAt,
                        },
                      ]
                }
              />
            ),
          },
        ]}
      />
    </div>
  );
}
