// The city's or a county's form for a month's checklist: title, items (each with the meeting kinds that
// can satisfy it and a due date in the month), saved as a draft or published at once.
import { Button, Card, DatePicker, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorText, useFeedback } from '../shell/feedback.ts';
import { MEETING_KINDS, type MeetingKind, meetingApi } from './meeting-api.ts';
import { useMeetingText } from './meeting-messages.ts';

interface Values {
  month: Dayjs;
  title: string;
  note?: string;
  items: { title: string; kinds?: MeetingKind[]; dueOn?: Dayjs }[];
}

export function ChecklistCompose({ onSaved }: { onSaved: (id: number) => void }) {
  const { t, kind, lang } = useMeetingText();
  const feedback = useFeedback();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const save = async (publish: boolean) => {
    const v = await form.validateFields();
    setSaving(true);
    setRefusal(null);
    try {
      const month = v.month.format('YYYY-MM');
      const saved = await meetingApi.compose({
        month,
        title: v.title,
        ...(v.note ? { note: v.note } : {}),
        items: v.items.map((i) => ({
          title: i.title,
          ...(i.kinds?.length ? { kinds: i.kinds } : {}),
          ...(i.dueOn ? { dueOn: i.dueOn.format('YYYY-MM-DD') } : {}),
        })),
        publish,
      });
      feedback.success(publish ? t('c.publishedTo', { n: saved.targetCount }) : t('c.draft'));
      form.resetFields();
      onSaved(saved.id);
    } catch (error) {
      setRefusal(errorText(error, lang));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card size="small" title={t('c.compose')}>
      {refusal && (
        <div className="qj-meet-refusal" role="alert">
          {refusal}
        </div>
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          month: dayjs(),
          title: `${dayjs().format('YYYY年M月')}组织生活清单`,
          items: [{ title: '开展主题党日活动', kinds: ['theme_day'] }],
        }}
      >
        <div className="qj-meet-grid">
          <Form.Item name="month" label={t('c.month')} rules={[{ required: true }]}>
            <DatePicker picker="month" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="title" label={t('c.name')} rules={[{ required: true }]} className="qj-meet-span3">
            <Input maxLength={200} data-testid="checklist-title" />
          </Form.Item>
        </div>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Space key={field.key} align="start" wrap className="qj-meet-item">
                  <Form.Item
                    name={[field.name, 'title']}
                    label={t('c.item', { n: i + 1 })}
                    rules={[{ required: true }]}
                  >
                    <Input style={{ width: 300 }} maxLength={200} data-testid={`checklist-item-${i}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'kinds']} label={t('c.itemKinds')}>
                    <Select
                      mode="multiple"
                      style={{ width: 280 }}
                      options={MEETING_KINDS.map((k) => ({ value: k, label: kind(k) }))}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'dueOn']} label={t('c.itemDue')}>
                    <DatePicker />
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button type="link" danger onClick={() => remove(field.name)} style={{ marginTop: 30 }}>
                      ×
                    </Button>
                  )}
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ title: '' })}>
                {t('c.addItem')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="note" label={t('c.note')} style={{ marginTop: 12 }}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Space>
          <Button loading={saving} onClick={() => save(false)}>
            {t('c.saveDraft')}
          </Button>
          <Button type="primary" loading={saving} onClick={() => save(true)} data-testid="checklist-publish">
            {t('c.publish')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
