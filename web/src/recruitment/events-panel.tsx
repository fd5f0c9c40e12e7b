// Events between steps: training records, objections during a publicity and their outcome, the one
// extension of probation, ending the procedure. Each refusal shows the rule's message.
import { Alert, Button, Form, Input, InputNumber, Segmented, Select } from 'antd';
import { useState } from 'react';
import { errorText, useFeedback } from '../shell/feedback.ts';
import { type Detail, recruitmentApi } from './recruitment-api.ts';
import { type RecruitmentMessageKey, useRecruitmentText } from './recruitment-messages.ts';

type Kind = 'training' | 'objection' | 'resolve_objection' | 'extend_probation' | 'close';

export function EventsPanel({ detail, onSaved }: { detail: Detail; onSaved: (d: Detail) => void }) {
  const { t, lang } = useRecruitmentText();
  const feedback = useFeedback();
  const [form] = Form.useForm<Record<string, unknown>>();
  const open = detail.objections.filter((o) => !o.resolvedOn);
  const kinds: Kind[] = ['training', 'objection'];
  if (open.length) kinds.push('resolve_objection');
  if (detail.lastStep >= 20 && detail.lastStep <= 21 && detail.extensionMonths === null)
    kinds.push('extend_probation');
  if (detail.lastStep < 17) kinds.push('close');
  const [kind, setKind] = useState<Kind>('training');
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const labels: Record<Kind, RecruitmentMessageKey> = {
    training: 'r.training',
    objection: 'r.objection',
    resolve_objection: 'r.resolve',
    extend_probation: 'r.extend',
    close: 'r.close',
  };
  const current = kinds.includes(kind) ? kind : 'training';

  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    setRefusal(null);
    try {
      const next = await recruitmentApi.event(detail.id, { action: current, ...values });
      feedback.success(t('r.saved'));
      form.resetFields();
      onSaved(next);
    } catch (error) {
      setRefusal(errorText(error, lang));
    } finally {
      setSaving(false);
    }
  };
  const required = [{ required: true }];
  const date = (name: string, label: RecruitmentMessageKey) => (
    <Form.Item name={name} label={t(label)} rules={required}>
      <Input type="date" max={detail.today} />
    </Form.Item>
  );

  return (
    <div>
      <Segmented<Kind>
        options={kinds.map((k) => ({ value: k, label: t(labels[k]) }))}
        value={current}
        onChange={(k) => {
          setKind(k);
          setRefusal(null);
          form.resetFields();
        }}
        style={{ marginBottom: 12 }}
      />
      {refusal && (
        <Alert
          type="error"
          showIcon
          message={t('r.refused')}
          description={refusal}
          role="alert"
          className="qj-recruit-refusal"
        />
      )}
      <Form form={form} layout="vertical" key={current}>
        {current === 'training' && (
          <>
            <Form.Item name="title" label={t('r.training.title')} rules={required}>
              <Input maxLength={100} />
            </Form.Item>
            {date('startsOn', 'r.training.from')}
            {date('endsOn', 'r.training.to')}
            <Form.Item name="hours" label={t('r.training.hours')} rules={required}>
              <InputNumber min={0} max={500} step={0.5} />
            </Form.Item>
          </>
        )}
        {current === 'objection' && (
          <>
            <Form.Item name="kind" label={t('r.objection.kind')} initialValue="admission">
              <Select
                options={(['admission', 'conversion'] as const).map((v) => ({
                  value: v,
                  label: t(`r.objection.${v}`),
                }))}
              />
            </Form.Item>
            {date('raisedOn', 'r.field.on')}
            <Form.Item name="content" label={t('r.objection.content')} rules={required}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </>
        )}
        {current === 'resolve_objection' && (
          <>
            <Form.Item
              name="objectionId"
              label={t('r.objection')}
              rules={required}
              initialValue={open[0]?.id}
            >
              <Select options={open.map((o) => ({ value: o.id, label: `${o.raisedOn} ${o.content}` }))} />
            </Form.Item>
            {date('resolvedOn', 'r.field.on')}
            <Form.Item name="resolution" label={t('r.resolution')} rules={required}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </>
        )}
        {current === 'extend_probation' && (
          <>
            {date('on', 'r.field.on')}
            <Form.Item name="months" label={t('r.extend.months')} rules={required}>
              <InputNumber min={1} max={24} />
            </Form.Item>
          </>
        )}
        {current === 'close' && (
          <>
            {date('on', 'r.field.on')}
            <Form.Item name="reason" label={t('r.close.reason')} rules={required}>
              <Input maxLength={500} />
            </Form.Item>
          </>
        )}
        <Button onClick={submit} loading={saving} danger={current === 'close'}>
          {t(labels[current])}
        </Button>
      </Form>
    </div>
  );
}
