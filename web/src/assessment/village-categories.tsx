// Each village's category (城中村, 城郊村, 纯农村, 侨村, 山区村, 城市社区 …) in the scope, with the
// count of each; a town, county or the city changes one by picking another (PUT
// /api/assessment/categories). An unclassified village shows the default its kind falls into.

import { useQuery } from '@tanstack/react-query';
import { Card, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useInvalidate } from '../api/query.ts';
import { keys } from '../api/query-keys.ts';
import { useDictionary } from '../deliberation/village-text.ts';
import { useFeedback } from '../shell/feedback.ts';
import { PhoneItem, phoneListProps } from '../shell/phone-list.tsx';
import { usePhone } from '../shell/use-phone.ts';
import { shortOrg, useNames } from './assessment-text.ts';
import { FormError, useSubmit } from './form-error.tsx';
import { type VillageCategories as Answer, settingsApi } from './settings-api.ts';

const zh = {
  search: '村名或拼音首字母',
  all: '全部类别',
  village: '村（社区）',
  category: '类别',
  unclassified: '未分类（按默认）',
  saved: '已将{village}设为{category}',
  count: '{name} {n} 个',
} as const;
type K = keyof typeof zh;
const en: Record<K, string> = {
  search: 'Village or initials',
  all: 'All categories',
  village: 'Village',
  category: 'Category',
  unclassified: 'Not classified (default)',
  saved: '{village} is now {category}',
  count: '{name}: {n}',
};

type Item = Answer['items'][number];

export function VillageCategoriesEditor({ canEdit }: { canEdit: boolean }) {
  const { t } = useDictionary<K>(zh, en);
  const { pick } = useNames();
  const feedback = useFeedback();
  const [q, setQ] = useState<string | undefined>();
  const [category, setCategory] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const invalidate = useInvalidate();
  const answer = useQuery({
    queryKey: keys.assessment.villages({ q, category, page }),
    queryFn: () => settingsApi.villages({ q, category, page }),
  });
  const { busy, error, run } = useSubmit();
  const phone = usePhone();
  const d = answer.data;
  const nameOf = (code: string) => pick(d?.categories.find((c) => c.code === code)?.name);
  const change = async (item: Item, next: string) => {
    if (await run(() => settingsApi.classify([{ orgId: item.orgId, category: next }]))) {
      feedback.success(t('saved', { village: shortOrg(item.name), category: nameOf(next) }));
      void invalidate(keys.assessment.all);
    }
  };
  const picker = (i: Item) => (
    <>
      <Select
        value={i.category}
        disabled={!canEdit}
        style={{ width: 140 }}
        onChange={(v: string) => change(i, v)}
        options={(d?.categories ?? []).map((c) => ({ value: c.code, label: pick(c.name) }))}
      />
      {!i.classified && <span style={{ fontSize: 12, color: '#888' }}>{t('unclassified')}</span>}
    </>
  );
  // a phone shows each village as one item: its name, then its category to pick
  const phoneColumns = [
    {
      title: t('village'),
      key: 'v',
      render: (_: unknown, i: Item) => (
        <PhoneItem>
          <span>{shortOrg(i.name)}</span>
          {picker(i)}
        </PhoneItem>
      ),
    },
  ];
  return (
    <Card size="small">
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('search')}
          style={{ width: 200 }}
          onSearch={(v) => {
            setQ(v || undefined);
            setPage(1);
          }}
        />
        <Select
          allowClear
          placeholder={t('all')}
          value={category}
          style={{ width: 150 }}
          onChange={(v) => {
            setCategory(v);
            setPage(1);
          }}
          options={(d?.categories ?? []).map((c) => ({ value: c.code, label: pick(c.name) }))}
        />
      </Space>
      <div style={{ marginBottom: 12 }}>
        {(d?.categories ?? []).map((c) => (
          <Tag key={c.code}>{t('count', { name: pick(c.name), n: d?.counts[c.code] ?? 0 })}</Tag>
        ))}
      </div>
      <FormError error={error} testId="village-category-error" />
      <Table
        size="small"
        rowKey="orgId"
        loading={answer.isFetching || busy}
        dataSource={d?.items ?? []}
        {...phoneListProps(phone, 340)}
        data-testid="village-categories"
        pagination={{
          current: page,
          pageSize: 20,
          total: d?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
        columns={
          phone
            ? phoneColumns
            : [
                {
                  title: t('village'),
                  key: 'v',
                  width: 150,
                  render: (_: unknown, i: Item) => shortOrg(i.name),
                },
                {
                  title: t('category'),
                  key: 'c',
                  width: 170,
                  render: (_: unknown, i: Item) => (
                    <Space direction="vertical" size={0}>
                      {picker(i)}
                    </Space>
                  ),
                },
              ]
        }
      />
    </Card>
  );
}
