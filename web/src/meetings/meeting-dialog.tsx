// Recording a meeting: kind, date (not in the future), topic, place, chair, minutes, and the sign-in
// from the branch's member list (everyone present by default; absent needs a reason).

import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, Modal, Radio, Select, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { keys } from '../api/query-keys.ts';
import { errorText, useFeedback } from '../shell/feedback.ts';
import {
  type AttendanceStatus,
  type Attendee,
  MEETING_KINDS,
  type MeetingKind,
  meetingApi,
} from './meeting-api.ts';
import { useMeetingText } from './meeting-messages.ts';

interface Values {
  kind: MeetingKind;
  heldOn: Dayjs;
  topic: string;
  place?: string;
  host?: string;
  minutes?: string;
}

type Sign = { status: AttendanceStatus; reason: string };

export function MeetingDialog({
  orgId,
  open,
  onClose,
  onSaved,
}: {
  orgId: number;
  open: boolean;
  onClose: () => void;
  onSaved: (id: number) => void;
}) {
  const { t, kind, lang } = useMeetingText();
  const feedback = useFeedback();
  const [form] = Form.useForm<Values>();
  const [signs, setSigns] = useState<Record<number, Sign>>({});
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const members = useQuery({
    queryKey: keys.meetings.attendees(orgId),
    queryFn: () => meetingApi.attendees(orgId),
    enabled: open,
  });

  useEffect(() => {
    const all: Record<number, Sign> = {};
    for (const m of members.data?.items ?? []) all[m.id] = { status: 'present', reason: '' };
    setSigns(all);
  }, [members.data]);

  const set = (id: number, patch: Partial<Sign>) =>
    setSigns((s) => ({ ...s, [id]: { ...(s[id] ?? { status: 'present', reason: '' }), ...patch } }));

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setRefusal(null);
    try {
      const saved = await meetingApi.record({
        orgId,
        kind: v.kind,
        heldOn: v.heldOn.format('YYYY-MM-DD'),
        topic: v.topic,
        ...(v.place ? { place: v.place } : {}),
        ...(v.host ? { host: v.host } : {}),
        ...(v.minutes ? { minutes: v.minutes } : {}),
        attendance: Object.entries(signs).map(([id, s]) => ({
          memberId: Number(id),
          status: s.status,
          ...(s.reason ? { reason: s.reason } : {}),
        })),
      });
      feedback.success(t('m.saved'));
      form.resetFields();
      onSaved(saved.id);
    } catch (error) {
      setRefusal(errorText(error, lang));
    } finally {
      setSaving(false);
    }
  };

  const columns = [
    { title: t('m.col.org'), dataIndex: 'orgName', ellipsis: true },
    { title: '', dataIndex: 'name', width: 110 },
    {
      title: t('m.field.attendance'),
      key: 'status',
      width: 230,
      render: (_: unknown, m: Attendee) => (
        <Radio.Group
          size="small"
          value={signs[m.id]?.status ?? 'present'}
          onChange={(e) => set(m.id, { status: e.target.value as AttendanceStatus })}
          data-testid={`sign-${m.id}`}
        >
          <Radio.Button value="present">{t('m.att.present')}</Radio.Button>
          <Radio.Button value="absent">{t('m.att.absent')}</Radio.Button>
          <Radio.Button value="on_leave">{t('m.att.on_leave')}</Radio.Button>
        </Radio.Group>
      ),
    },
    {
      title: t('m.field.reason'),
      key: 'reason',
      render: (_: unknown, m: Attendee) =>
        signs[m.id]?.status !== 'present' ? (
          <Input
            size="small"
            value={signs[m.id]?.reason ?? ''}
            onChange={(e) => set(m.id, { reason: e.target.value })}
          />
        ) : null,
    },
  ];

  return (
    <Modal
      open={open}
      width={860}
      title={`${t('m.record')}${members.data ? ` · ${members.data.org.name}` : ''}`}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {lang === 'en' ? 'Cancel' : '取消'}
        </Button>,
        <Button key="ok" type="primary" loading={saving} onClick={submit} data-testid="meeting-submit">
          {t('m.record')}
        </Button>,
      ]}
      destroyOnHidden
    >
      {refusal && (
        <div className="qj-meet-refusal" role="alert" data-testid="meeting-refusal">
          {refusal}
        </div>
      )}
      <Form form={form} layout="vertical" initialValues={{ heldOn: dayjs(), kind: 'theme_day' }}>
        <div className="qj-meet-grid">
          <Form.Item name="kind" label={t('m.field.kind')} rules={[{ required: true }]}>
            <Select
              data-testid="meeting-kind"
              options={MEETING_KINDS.map((k) => ({ value: k, label: kind(k) }))}
            />
          </Form.Item>
          <Form.Item name="heldOn" label={t('m.field.heldOn')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="place" label={t('m.field.place')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="host" label={t('m.field.host')}>
            <Input maxLength={50} />
          </Form.Item>
        </div>
        <Form.Item name="topic" label={t('m.field.topic')} rules={[{ required: true }]}>
          <Input maxLength={200} data-testid="meeting-topic" />
        </Form.Item>
        <Form.Item name="minutes" label={t('m.field.minutes')}>
          <Input.TextArea rows={3} maxLength={20000} />
        </Form.Item>
      </Form>
      <Table<Attendee>
        rowKey="id"
        size="small"
        loading={members.isFetching}
        dataSource={members.data?.items ?? []}
        columns={columns}
        pagination={false}
        scroll={{ y: 260 }}
      />
    </Modal>
  );
}
