// Training classes of the scope, the form to open one, and the progress of 万名党员进党校 this year
// for the scope and each org under it.

import { useQuery } from '@tanstack/react-query';
import {
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Progress,
  Select,
  Space,
  Table,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { useInvalidate } from '../api/query.ts';
import { keys } from '../api/query-keys.ts';
import { useFeedback } from '../shell/feedback.ts';
import { PageTitle } from '../shell/page-title.tsx';
import { useSession } from '../shell/session.tsx';
import { type ClassRow, type TrainingLevel, trainingApi } from './training-api.ts';
import { type TrainingMessageKey, useTrainingText } from './training-messages.ts';

const LEVELS: TrainingLevel[] = ['city_key', 'county_general', 'grassroots'];

function ProgressCard({ year }: { year: number }) {
  const { t } = useTrainingText();
  const { me } = useSession();
  const feedback = useFeedback();
  const invalidate = useInvalidate();
  const p = useQuery({ queryKey: keys.training.progress(year), queryFn: () => trainingApi.progress(year) });
  const [target, setTarget] = useState<number | null>(null);
  const pct = (r: number | null) => (r === null ? 0 : Math.min(100, Math.round(r * 1000) / 10));
  const level = me?.scope.level;
  const save = async () => {
    if (target === null || !me) return;
    try {
      await trainingApi.setTarget(me.scope.id, year, target);
      feedback.success(t('t.saved'));
      void invalidate(keys.training.all);
    } catch (error) {
      feedback.error(error);
    }
  };
  const d = p.data;
  return (
    <Card
      size="small"
      title={t('t.progress', { year })}
      style={{ marginBottom: 12 }}
      data-testid="training-progress"
    >
      {d && (
        <>
          <Space style={{ marginBottom: 8 }}>
            <span>
              {t('t.trained')} {d.trained} / {t('t.target')} {d.target ?? '—'}
            </span>
            <Progress percent={pct(d.rate)} size="small" style={{ width: 200 }} />
            {(level === 'city' || level === 'county') && (
              <>
                <InputNumber min={0} value={target} onChange={setTarget} placeholder={t('t.target')} />
                <Button size="small" onClick={save}>
                  {t('t.setTarget')}
                </Button>
              </>
            )}
          </Space>
          {d.children.length > 0 && (
            <Table
              size="small"
              rowKey={(r) => r.org.id}
              pagination={false}
              dataSource={d.children}
              columns={[
                {
                  title: t('t.org'),
                  key: 'o',
                  render: (_: unknown, r: (typeof d.children)[number]) => r.org.name,
                },
                { title: t('t.trained'), dataIndex: 'trained', width: 100 },
                {
                  title: t('t.target'),
                  dataIndex: 'target',
                  width: 100,
                  render: (v: number | null) => v ?? '—',
                },
                {
                  title: '',
                  key: 'p',
                  width: 200,
                  render: (_: unknown, r: (typeof d.children)[number]) => (
                    <Progress percent={pct(r.rate)} size="small" />
                  ),
                },
              ]}
            />
          )}
        </>
      )}
    </Card>
  );
}

export default function TrainingPage() {
  const { t } = useTrainingText();
  const { me } = useSession();
  const feedback = useFeedback();
  const year = dayjs().year();
  const invalidate = useInvalidate();
  const list = useQuery({ queryKey: keys.training.classes, queryFn: () => trainingApi.classes() });
  const [opening, setOpening] = useState(false);
  const [form] = Form.useForm();

  const create = async (v: {
    title: string;
    level: TrainingLevel;
    provider?: string;
    partySchool?: boolean;
    period: [Dayjs, Dayjs];
  }) => {
    if (!me) return;
    try {
      await trainingApi.create({
        orgId: me.scope.id,
        title: v.title,
        level: v.level,
        provider: v.provider ?? '',
        partySchool: v.partySchool ?? false,
        startsOn: v.period[0].format('YYYY-MM-DD'),
        endsOn: v.period[1].format('YYYY-MM-DD'),
      });
      feedback.success(t('t.created'));
      setOpening(false);
      form.resetFields();
      void invalidate(keys.training.all);
    } catch (error) {
      feedback.error(error);
    }
  };

  return (
    <div>
      <PageTitle
        title={t('t.title')}
        extra={
          <Button type="primary" onClick={() => setOpening((x) => !x)}>
            {t('t.new')}
          </Button>
        }
      />
      <ProgressCard year={year} />
      {opening && (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Form form={form} layout="inline" onFinish={create} initialValues={{ level: 'grassroots' }}>
            <Form.Item name="title" label={t('t.name')} rules={[{ required: true }]}>
              <Input style={{ width: 220 }} />
            </Form.Item>
            <Form.Item name="level" label={t('t.level')}>
              <Select
                style={{ width: 160 }}
                options={LEVELS.map((l) => ({ value: l, label: t(`t.level.${l}` as TrainingMessageKey) }))}
              />
            </Form.Item>
            <Form.Item name="provider" label={t('t.provider')}>
              <Input style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="period" label={t('t.period')} rules={[{ required: true }]}>
              <DatePicker.RangePicker />
            </Form.Item>
            <Form.Item name="partySchool" valuePropName="checked">
              <Checkbox>{t('t.partySchool')}</Checkbox>
            </Form.Item>
            <Button type="primary" htmlType="submit">
              {t('t.create')}
            </Button>
          </Form>
        </Card>
      )}
      <Card variant="borderless" title={t('t.classes')}>
        <Table<ClassRow>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          columns={[
            {
              title: t('t.name'),
              key: 'n',
              render: (_: unknown, c: ClassRow) => <Link to={`/training/${c.id}`}>{c.title}</Link>,
            },
            {
              title: t('t.level'),
              dataIndex: 'level',
              render: (l: string) => t(`t.level.${l}` as TrainingMessageKey),
            },
            { title: t('t.provider'), dataIndex: 'provider' },
            {
              title: t('t.period'),
              key: 'p',
              render: (_: unknown, c: ClassRow) => `${c.startsOn} – ${c.endsOn}`,
            },
            { title: t('t.org'), key: 'o', render: (_: unknown, c: ClassRow) => c.org.name },
            { title: t('t.enrolled'), dataIndex: 'enrolled', width: 80 },
          ]}
        />
      </Card>
    </div>
  );
}
