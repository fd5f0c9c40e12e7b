// The dues rate table (RULES §4): its versions by effective month; the city adds a version taking effect
// in a month (brackets in yuan and percent here, sent in fen and basis points).

import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Input, InputNumber, Space, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useInvalidate } from '../api/query.ts';
import { keys } from '../api/query-keys.ts';
import { useFeedback } from '../shell/feedback.ts';
import { PageTitle } from '../shell/page-title.tsx';
import { type Bracket, duesApi, type RateTable, type RateVersion, yuan } from './dues-api.ts';
import { useDuesText } from './dues-messages.ts';

function Brackets({ list }: { list: Bracket[] }) {
  const { t } = useDuesText();
  return (
    <span>
      {list
        .map(
          (b) =>
            `${b.upToFen === null ? t('d.noLimit') : `≤${yuan(b.upToFen)}`} → ${(b.bp / 100).toFixed(2)}%`,
        )
        .join('；')}
    </span>
  );
}

export default function RatesPage() {
  const { t } = useDuesText();
  const feedback = useFeedback();
  const invalidate = useInvalidate();
  const rates = useQuery({ queryKey: keys.dues.rates, queryFn: () => duesApi.rates() });
  const [draft, setDraft] = useState<{ month: string; rates: RateTable; note: string } | null>(null);
  const latest = rates.data?.items[rates.data.items.length - 1];

  const save = async () => {
    if (!draft) return;
    try {
      await duesApi.saveRates({ effectiveMonth: draft.month, rates: draft.rates, note: draft.note });
      feedback.success(t('d.saved'));
      setDraft(null);
      void invalidate(keys.dues.all, keys.myBranch.all);
    } catch (error) {
      feedback.error(error);
    }
  };
  const setBp = (key: 'inService' | 'retired', i: number, pct: number | null) =>
    draft &&
    setDraft({
      ...draft,
      rates: {
        ...draft.rates,
        [key]: draft.rates[key].map((b, j) => (j === i ? { ...b, bp: Math.round((pct ?? 0) * 100) } : b)),
      },
    });

  return (
    <div>
      <PageTitle
        title={t('d.rates')}
        extra={
          latest && !draft ? (
            <Button
              onClick={() => setDraft({ month: dayjs().format('YYYY-MM'), rates: latest.rates, note: '' })}
            >
              {t('d.newVersion')}
            </Button>
          ) : null
        }
      />
      <Card variant="borderless">
        <Table<RateVersion>
          rowKey="id"
          loading={rates.isFetching}
          dataSource={rates.data?.items ?? []}
          pagination={false}
          columns={[
            { title: t('d.effective'), dataIndex: 'effectiveMonth', width: 110 },
            {
              title: t('d.inService'),
              key: 'in',
              render: (_: unknown, v: RateVersion) => <Brackets list={v.rates.inService} />,
            },
            {
              title: t('d.retired'),
              key: 're',
              render: (_: unknown, v: RateVersion) => <Brackets list={v.rates.retired} />,
            },
            {
              title: t('d.fixed'),
              key: 'fx',
              render: (_: unknown, v: RateVersion) =>
                Object.entries(v.rates.fixedFen)
                  .map(([k, f]) => `${t(`d.cat.${k}` as 'd.cat.farmer')} ${yuan(f)}`)
                  .join('；'),
            },
            { title: t('d.note'), dataIndex: 'note', ellipsis: true },
          ]}
        />
      </Card>
      {draft && (
        <Card size="small" style={{ marginTop: 12 }} title={t('d.newVersion')}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('d.effective')}>
              <Input
                value={draft.month}
                style={{ width: 120 }}
                onChange={(e) => setDraft({ ...draft, month: e.target.value })}
              />
            </Descriptions.Item>
            {(['inService', 'retired'] as const).map((key) => (
              <Descriptions.Item key={key} label={t(key === 'inService' ? 'd.inService' : 'd.retired')}>
                <Space wrap>
                  {draft.rates[key].map((b, i) => (
                    <span key={`${key}-${b.upToFen ?? 'open'}`}>
                      {b.upToFen === null ? t('d.noLimit') : `≤${yuan(b.upToFen)}`}{' '}
                      <InputNumber
                        size="small"
                        min={0}
                        max={100}
                        step={0.1}
                        value={b.bp / 100}
                        onChange={(v) => setBp(key, i, v)}
                      />
                      %
                    </span>
                  ))}
                </Space>
              </Descriptions.Item>
            ))}
            <Descriptions.Item label={t('d.note')}>
              <Input value={draft.note} onChange={(e) => setDraft({ ...draft, note: e.target.value })} />
            </Descriptions.Item>
          </Descriptions>
          <Button type="primary" onClick={save}>
            {t('d.save')}
          </Button>
        </Card>
      )}
    </div>
  );
}
