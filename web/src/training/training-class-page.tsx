// One training class: its sessions (add one), its trainees with their class hours and days (enroll
// members or applicants by id), and attendance of the selected trainees at a session.

import { useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useInvalidate } from '../api/query.ts';
import { keys } from '../api/query-keys.ts';
import { useFeedback } from '../shell/feedback.ts';
import { PageTitle } from '../shell/page-title.tsx';
import { type ClassDetail, trainingApi } from './training-api.ts';
import { type TrainingMessageKey, useTrainingText } from './training-messages.ts';

const ids = (text: string) =>
  text
    .split(/[,，\s]+/)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);

export default function TrainingClassPage() {
  const { t } = useTrainingText();
  const feedback = useFeedback();
  const id = Number(useParams().id);
  const invalidate = useInvalidate();
  const c = useQuery({
    queryKey: keys.training.detail(id),
    queryFn: () => trainingApi.detail(id),
    enabled: id > 0,
  });
  const [session, setSession] = useState<{ heldOn: Dayjs | null; topic: string; hours: number | null }>({
    heldOn: null,
    topic: '',
    hours: 4,
  });
  const [memberIds, setMemberIds] = useState('');
  const [applicantIds, setApplicantIds] = useState('');
  const [selected, setSelected] = useState<number[]>([]);
  const [sessionId, setSessionId] = useState<number | null>(null);

  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      feedback.success(t('t.saved'));
      void invalidate(keys.training.all);
    } catch (error) {
      feedback.error(error);
    }
  };
  const d = c.data;
  type Person = ClassDetail['enrollments'][number];

  return (
    <div>
      <PageTitle title={d ? `${d.title} · ${d.provider}` : t('t.title')} />
      <Card size="small" title={t('t.sessions')} style={{ marginBottom: 12 }}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={d?.sessions ?? []}
          columns={[
            { title: t('t.heldOn'), dataIndex: 'heldOn', width: 120 },
            { title: t('t.topic'), dataIndex: 'topic' },
            { title: t('t.hours'), dataIndex: 'hours', width: 80 },
          ]}
        />
        <Space style={{ marginTop: 8 }} wrap>
          <DatePicker value={session.heldOn} onChange={(v) => setSession({ ...session, heldOn: v })} />
          <Input
            placeholder={t('t.topic')}
            value={session.topic}
            onChange={(e) => setSession({ ...session, topic: e.target.value })}
          />
          <InputNumber
            min={0.5}
            max={24}
            step={0.5}
            value={session.hours}
            onChange={(v) => setSession({ ...session, hours: v })}
          />
          <Button
            onClick={() =>
              session.heldOn &&
              run(() =>
                trainingApi.addSession(id, {
                  heldOn: session.heldOn?.format('YYYY-MM-DD') ?? '',
                  topic: session.topic,
                  hours: session.hours ?? 0,
                }),
              )
            }
          >
            {t('t.addSession')}
          </Button>
        </Space>
      </Card>
      <Card size="small" title={t('t.people')}>
        <Space style={{ marginBottom: 8 }} wrap>
          <Input
            style={{ width: 260 }}
            placeholder={t('t.enroll')}
            value={memberIds}
            onChange={(e) => setMemberIds(e.target.value)}
          />
          <Input
            style={{ width: 260 }}
            placeholder={t('t.enrollApplicants')}
            value={applicantIds}
            onChange={(e) => setApplicantIds(e.target.value)}
          />
          <Button
            onClick={() =>
              run(() =>
                trainingApi.enroll(id, { memberIds: ids(memberIds), applicantIds: ids(applicantIds) }),
              )
            }
          >
            {t('t.enrolled')} +
          </Button>
        </Space>
        <Table<Person>
          size="small"
          rowKey="id"
          pagination={{ pageSize: 50 }}
          rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(Number)) }}
          dataSource={d?.enrollments ?? []}
          columns={[
            { title: t('t.name'), dataIndex: 'name' },
            {
              title: '',
              dataIndex: 'kind',
              width: 90,
              render: (k: string) => <Tag>{t(`t.kind.${k}` as TrainingMessageKey)}</Tag>,
            },
            { title: t('t.hours'), dataIndex: 'hours', width: 90 },
            { title: t('t.days'), dataIndex: 'days', width: 90 },
          ]}
        />
        <Space style={{ marginTop: 8 }}>
          <Select
            style={{ width: 260 }}
            placeholder={t('t.sessions')}
            value={sessionId}
            onChange={setSessionId}
            options={(d?.sessions ?? []).map((s) => ({
              value: s.id,
              label: `${s.heldOn} ${s.topic} (${s.hours})`,
            }))}
          />
          <Button
            type="primary"
            disabled={!sessionId || selected.length === 0}
            onClick={() =>
              sessionId &&
              run(async () => {
                await trainingApi.attend(
                  id,
                  sessionId,
                  selected.map((enrollmentId) => ({ enrollmentId })),
                );
                setSelected([]);
              })
            }
          >
            {t('t.attendFor')}
          </Button>
        </Space>
      </Card>
    </div>
  );
}
