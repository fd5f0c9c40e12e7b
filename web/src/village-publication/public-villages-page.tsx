// 村务公开 for everyone (no sign-in): find a village by name or code and open its public page.

import { useQuery } from '@tanstack/react-query';
import { Card, Input, List, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { keys } from '../api/query-keys.ts';
import { publicationApi } from './publication-api.ts';

export default function PublicVillagesPage() {
  const [q, setQ] = useState('');
  const list = useQuery({
    queryKey: keys.villageAffairs.publicVillages(q),
    queryFn: () => publicationApi.publicVillages(q),
    enabled: q.trim().length > 0,
  });
  return (
    <div data-testid="public-villages">
      <Typography.Title level={4}>村务公开查询</Typography.Title>
      <Input.Search
        placeholder="输入村（社区）名称或代码"
        allowClear
        enterButton="查询"
        onSearch={(v) => setQ(v.trim())}
        data-testid="public-village-search"
      />
      <Card variant="borderless" style={{ marginTop: 12 }}>
        <List
          loading={list.isFetching}
          dataSource={q ? (list.data?.items ?? []) : []}
          locale={{ emptyText: q ? '没有找到' : '请输入村（社区）名称' }}
          renderItem={(v) => (
            <List.Item>
              <Link to={`/public/villages/${v.code}`}>{v.name}</Link>
              <Typography.Text type="secondary">
                {v.county} {v.town}
              </Typography.Text>
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}
