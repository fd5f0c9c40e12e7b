import { useQuery } from '@tanstack/react-query';
import { Descriptions, Drawer, Result, Skeleton, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import { keys } from '../api/query-keys.ts';
import type { GridDetail } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { errorText } from '../shell/feedback.ts';
import type { CountyInfo } from './map-data.ts';

export function GridDrawer({
  gridId,
  counties,
  onClose,
}: {
  gridId: number | null;
  counties: CountyInfo[];
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const detail = useQuery({
    queryKey: keys.map.grid(gridId),
    queryFn: () => api.get<GridDetail>(`/api/grids/${gridId}`),
    enabled: gridId !== null,
  });
  const data = detail.data && detail.data.grid.id === gridId ? detail.data : undefined;
  const color = counties.find((c) => c.code === data?.grid.countyCode)?.color;

  return (
    <Drawer
      open={gridId !== null}
      onClose={onClose}
      size={460}
      title={data ? data.grid.name : t('grid.title')}
      data-testid="grid-drawer"
      mask={false}
    >
      <div data-testid="grid-drawer-body" data-grid-id={gridId ?? ''}>
        {detail.error && gridId !== null ? (
          <Result status="warning" title={errorText(detail.error, lang)} />
        ) : !data ? (
          <Skeleton active />
        ) : (
          <>
            <Descriptions column={1} bordered size="small" data-testid="grid-descriptions">
              <Descriptions.Item label={t('grid.code')}>
                <span data-testid="grid-code">{data.grid.code}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('grid.org')}>
                {data.org ? (
                  <Link to={`/orgs/${data.org.id}`} data-testid="grid-org-name">
                    {data.org.name}
                  </Link>
                ) : (
                  '—'
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('grid.village')}>{data.village?.name ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('grid.town')}>{data.town?.name ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('grid.county')}>
                {data.county ? <Tag color={color}>{data.county.name}</Tag> : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('grid.households')}>
                <span data-testid="grid-households">{data.grid.householdCount.toLocaleString('zh-CN')}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('grid.residents')}>
                {data.grid.residentCount.toLocaleString('zh-CN')}
              </Descriptions.Item>
            </Descriptions>
            <h4 style={{ margin: '20px 0 8px' }}>
              {t('grid.workers')}（{data.workers.length}）
            </h4>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={data.workers}
              data-testid="grid-workers"
              columns={[
                { title: t('grid.workerName'), dataIndex: 'name' },
                {
                  title: t('grid.workerPhone'),
                  dataIndex: 'phoneMasked',
                  render: (v: string) => <code>{v}</code>,
                },
                {
                  title: t('grid.workerKind'),
                  dataIndex: 'kind',
                  render: (k: string) =>
                    k === 'full_time' ? (
                      <Tag color="red">{t('grid.fullTime')}</Tag>
                    ) : (
                      <Tag>{t('grid.partTime')}</Tag>
                    ),
                },
              ]}
            />
          </>
        )}
      </div>
    </Drawer>
  );
}
