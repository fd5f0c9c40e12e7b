// The form of the next step: the date it happened (backdated, never in the future), a note, document
// references, and the fields that step's rule needs. A refusal shows the rule's message.

import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, Input, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { keys } from '../api/query-keys.ts';
import { errorText, useFeedback } from '../shell/feedback.ts';
import { type Detail, recruitmentApi } from './recruitment-api.ts';
import { useRecruitmentText } from './recruitment-messages.ts';

type Values = Record<string, unknown> & {
  on: string;
  note?: string;
  attachments?: string;
  publicityFrom?: string;
  publicityTo?: string;
  reviewComplete?: boolean;
  conclusion?: 'qualified' | 'unqualified';
  present?: number;
  yes?: number;
  no?: number;
  abstain?: number;
  writtenYes?: number;
  writtenNo?: number;
};

function bodyOf(step: number, v: Values) {
  const body: Record<string, unknown> = { step, on: v.on };
  if (v.note) body.note = v.note;
  const refs = (v.attachments ?? '')
    .split(/[,，\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);
  if (refs.length) body.attachments = refs;
  for (const k of ['by', 'recommendedBy', 'mentorIds', 'sponsorIds', 'delayReason'])
    if (v[k] !== undefined && v[k] !== '') body[k] = v[k];
  if (step === 10)
    body.review = { complete: Boolean(v.reviewComplete), conclusion: v.conclusion ?? 'qualified' };
  if (step === 12 || step === 22) body.publicity = { startsOn: v.publicityFrom, endsOn: v.publicityTo };
  if (step === 15 || step === 23)
    body.vote = {
      present: v.present ?? 0,
      yes: v.yes ?? 0,
      no: v.no ?? 0,
      abstain: v.abstain ?? 0,
      writtenYes: v.writtenYes ?? 0,
      writtenNo: v.writtenNo ?? 0,
    };
  return body;
}

export function StepForm({
  detail,
  step,
  onSaved,
}: {
  detail: Detail;
  step: number;
  onSaved: (d: Detail) => void;
}) {
  const { t, lang } = useRecruitmentText();
  const feedback = useFeedback();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const needsMembers = step === 5 || step === 9;
  const eligible = useQuery({
    queryKey: keys.recruitment.eligible(detail.id),
    queryFn: () => recruitmentApi.eligible(detail.id),
    enabled: needsMembers,
  });
  const def = detail.steps[step - 1];
  const on = Form.useWatch('on', form);
  const isVote = step === 15 || step === 23;
  const due = useQuery({
    queryKey: keys.recruitment.membersDue(detail.id, String(on)),
    queryFn: () => recruitmentApi.membersDue(detail.id, on as string),
    enabled: isVote && typeof on === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(on),
  });
  const memberOptions = (eligible.data?.items ?? []).map((m) => ({
    value: m.id,
    label: `${m.name}（${m.orgName}，${m.convertedOn ?? ''}）`,
  }));

  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    setRefusal(null);
    try {
      const next = await recruitmentApi.step(detail.id, { ...bodyOf(step, values), version: detail.version });
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
  const count = (name: string, label: string) => (
    <Form.Item name={name} label={label} rules={name === 'present' || name === 'yes' ? required : []}>
      <InputNumber min={0} max={100000} />
    </Form.Item>
  );
  return (
    <Form form={form} layout="vertical" aria-label={def ? (lang === 'en' ? def.en : def.zh) : ''}>
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
      <Form.Item name="on" label={t('r.field.on')} rules={required}>
        <Input type="date" max={detail.today} />
      </Form.Item>
      {(step === 2 || step === 16) && (
        <Form.Item name="by" label={t('r.field.by')}>
          <Input maxLength={50} />
        </Form.Item>
      )}
      {step === 3 && (
        <Form.Item name="recommendedBy" label={t('r.field.recommendedBy')} initialValue="members">
          <Select
            options={(['members', 'youth_league', 'mass_organization'] as const).map((v) => ({
              value: v,
              label: t(`r.rec.${v}`),
            }))}
          />
        </Form.Item>
      )}
      {needsMembers && (
        <Form.Item
          name={step === 5 ? 'mentorIds' : 'sponsorIds'}
          label={t(step === 5 ? 'r.field.mentors' : 'r.field.sponsors')}
          rules={required}
        >
          <Select
            mode="multiple"
            showSearch
            optionFilterProp="label"
            loading={eligible.isFetching}
            options={memberOptions}
          />
        </Form.Item>
      )}
      {step === 10 && (
        <Space size="large">
          <Form.Item name="reviewComplete" valuePropName="checked" initialValue={false}>
            <Checkbox>{t('r.field.reviewComplete')}</Checkbox>
          </Form.Item>
          <Form.Item name="conclusion" label={t('r.field.conclusion')} initialValue="qualified">
            <Select
              style={{ width: 120 }}
              options={(['qualified', 'unqualified'] as const).map((v) => ({
                value: v,
                label: t(`r.conclusion.${v}`),
              }))}
            />
          </Form.Item>
        </Space>
      )}
      {(step === 12 || step === 22) && (
        <Space wrap>
          <Form.Item name="publicityFrom" label={t('r.field.publicityFrom')} rules={required}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="publicityTo" label={t('r.field.publicityTo')} rules={required}>
            <Input type="date" />
          </Form.Item>
        </Space>
      )}
      {isVote && due.data && (
        <Alert
          type="info"
          style={{ marginBottom: 12 }}
          message={
            <span>
              {t('r.membersDue', { date: due.data.on })} <b data-testid="members-due">{due.data.due}</b>
            </span>
          }
        />
      )}
      {isVote && (
        <Space wrap>
          {count('present', t('r.field.present'))}
          {count('yes', t('r.field.yes'))}
          {count('no', t('r.field.no'))}
          {count('abstain', t('r.field.abstain'))}
          {count('writtenYes', t('r.field.writtenYes'))}
          {count('writtenNo', t('r.field.writtenNo'))}
        </Space>
      )}
      {(step === 17 || step === 24) && (
        <Form.Item name="delayReason" label={t('r.field.delayReason')}>
          <Input maxLength={500} />
        </Form.Item>
      )}
      <Form.Item name="note" label={t('r.field.note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="attachments" label={t('r.field.attachments')}>
        <Input maxLength={400} />
      </Form.Item>
      <Button type="primary" onClick={submit} loading={saving}>
        {t('r.submit')}
      </Button>
    </Form>
  );
}
