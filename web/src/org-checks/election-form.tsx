// 登记换届选举: the higher org records an election — the date and the new committee picked from the
// org's full members (POST /api/org-checks/elections). The server checks the rules (committee size,
// full members only, date after the previous term); its refusal is shown in the user's language.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { errorText, useFeedback } from '../shell/feedback.ts';
import { type FullMember, type OrgTerms, orgCheckApi, POSITIONS, type Position } from './org-check-api.ts';
import { useOrgCheckText } from './org-check-messages.ts';

/** RULES §1: 7 or more full members elect a committee. */
const COMMITTEE_THRESHOLD = 7;

interface Values {
  electedOn: Dayjs;
  note?: string;
  committee: { memberId?: number; position: Position }[];
}

/** Search-as-you-type over the org's full members (its subtree). */
function FullMemberPicker({
  orgId,
  id,
  value,
  onChange,
  exclude,
  testId,
}: {
  orgId: number;
  id?: string;
  value?: number;
  onChange?: (value: number) => void;
  /** members already on the committee (not offered again) */
  exclude: number[];
  testId: string;
}) {
  const { t } = useOrgCheckText();
  const [q, setQ] = useState('');
  const [items, setItems] = useState<FullMember[]>([]);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      orgCheckApi.fullMembers(orgId, q).then(
        (rows) => live && setItems(rows),
        () => live && setItems([]),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [orgId, q]);
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      id={id}
      data-testid={testId}
      value={value}
      onChange={onChange}
      placeholder={t('e.memberPick')}
      style={{ width: 300 }}
      options={items
        .filter((m) => m.id === value || !exclude.includes(m.id))
        .map((m) => ({ value: m.id, label: `${m.name} · ${m.orgName}` }))}
    />
  );
}

export function ElectionForm({ detail, onDone }: { detail: OrgTerms; onDone: () => void }) {
  const { t, lang } = useOrgCheckText();
  const feedback = useFeedback();
  const [form] = Form.useForm<Values>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const committee = detail.fullMembers >= COMMITTEE_THRESHOLD;
  const rows = Form.useWatch('committee', form) ?? [];
  const chosen = rows.map((r) => r?.memberId).filter((id): id is number => id !== undefined);

  const submit = async (values: Values) => {
    setSaving(true);
    setRefusal(null);
    try {
      await orgCheckApi.recordElection({
        orgId: detail.org.id,
        electedOn: values.electedOn.format('YYYY-MM-DD'),
        ...(values.note?.trim() ? { note: values.note.trim() } : {}),
        committee: values.committee.map((c) => ({ memberId: c.memberId as number, position: c.position })),
      });
      feedback.success(t('e.done'));
      form.resetFields();
      onDone();
    } catch (error) {
      setRefusal(errorText(error, lang));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={submit}
      data-testid="election-form"
      initialValues={{ electedOn: dayjs(), committee: [{ position: 'secretary' }] }}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={t(committee ? 'e.hintCommittee' : 'e.hintSecretary', { n: detail.fullMembers })}
        data-testid="election-hint"
      />
      <Form.Item name="electedOn" label={t('e.date')} rules={[{ required: true, message: t('e.required') }]}>
        <DatePicker
          format="YYYY-MM-DD"
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          data-testid="election-date"
        />
      </Form.Item>
      <Form.Item label={t('e.committee')} required>
        <Form.List name="committee">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Space
                  key={field.key}
                  align="baseline"
                  style={{ display: 'flex' }}
                  data-testid={`committee-row-${i}`}
                >
                  <Form.Item
                    name={[field.name, 'memberId']}
                    rules={[{ required: true, message: t('e.required') }]}
                    style={{ marginBottom: 8 }}
                  >
                    <FullMemberPicker
                      orgId={detail.org.id}
                      exclude={chosen}
                      testId={`committee-member-${i}`}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'position']} style={{ marginBottom: 8 }}>
                    <Select
                      style={{ width: 120 }}
                      data-testid={`committee-position-${i}`}
                      options={POSITIONS.map((p) => ({ value: p, label: t(`pos.${p}`) }))}
                    />
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button
                      type="text"
                      aria-label={t('e.remove')}
                      icon={<MinusCircleOutlined />}
                      onClick={() => remove(field.name)}
                    />
                  )}
                </Space>
              ))}
              {fields.length < 9 && (
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ position: fields.length === 1 ? 'deputy_secretary' : 'member' })}
                  data-testid="committee-add"
                >
                  {t('e.add')}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name="note" label={t('e.note')}>
        <Input maxLength={500} />
      </Form.Item>
      {refusal && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={refusal}
          style={{ marginBottom: 12 }}
          data-testid="election-error"
        />
      )}
      <Button type="primary" htmlType="submit" loading={saving} data-testid="election-submit">
        {t('e.submit')}
      </Button>
    </Form>
  );
}
