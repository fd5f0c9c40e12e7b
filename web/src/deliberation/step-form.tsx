// 登记下一步: the date and the body, who attended (from the body's roster on that day), the vote and
// the minutes — or, for a publication, the text, the 公示 window, the place and a photo of the notice
// board. The server decides (strict order, quorum, notice, windows); a refusal is shown as it says.
import { UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Typography,
  Upload,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { keys } from '../api/query-keys.ts';
import { errorText, useFeedback } from '../shell/feedback.ts';
import { deliberationApi, type MatterDetail, type StepBody } from './deliberation-api.ts';
import { useDeliberationText } from './deliberation-messages.ts';
import { todayShanghai } from './village-text.ts';

const COUNTED = ['villager_meeting', 'group_meeting'];
const fmt = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

interface Values {
  heldOn: Dayjs;
  body: string;
  merge?: boolean;
  noticeOn?: Dayjs;
  place?: string;
  presentCount?: number;
  householdsPresent?: number;
  yes?: number;
  no?: number;
  abstain?: number;
  minutes?: string;
  content?: string;
  publicity?: [Dayjs, Dayjs];
  implementedOn?: Dayjs;
}

export function StepForm({ matter, onRecorded }: { matter: MatterDetail; onRecorded: () => void }) {
  const { t, lang } = useDeliberationText();
  const feedback = useFeedback();
  const next = matter.next;
  const [form] = Form.useForm<Values>();
  const [chosen, setChosen] = useState<string[]>([]);
  const [files, setFiles] = useState<{ id: number; name: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const heldOn = Form.useWatch('heldOn', form);
  const body = Form.useWatch('body', form) ?? next?.bodies[0]?.key;
  const merge = Form.useWatch('merge', form);
  const publication = next?.kind === 'publication';
  const counted = COUNTED.includes(body ?? '');
  const rosterBody = merge ? 'village_committees' : body;
  const on = fmt(heldOn) ?? todayShanghai();
  const roster = useQuery({
    queryKey: keys.deliberations.roster({ matterId: matter.id, rosterBody, on }),
    queryFn: () => deliberationApi.roster(matter.id, rosterBody ?? 'party_committee', on),
    enabled: Boolean(next) && !publication,
  });
  const people = roster.data?.people ?? [];
  useEffect(() => setChosen([]), []);
  const keyOf = (p: { kind: string; id: number }) => `${p.kind}:${p.id}`;
  const groups = useMemo(() => ({ member: '党员', cadre: '两委成员', representative: '村民代表' }), []);
  if (!next) return <Alert type="info" showIcon message={t('closed')} />;

  const submit = async () => {
    const v = await form.validateFields();
    setProblem(null);
    const pick = (kind: string) =>
      chosen.filter((k) => k.startsWith(`${kind}:`)).map((k) => Number(k.split(':')[1]));
    const b: StepBody = {
      step: next.key,
      body: merge ? 'village_committees' : v.body,
      heldOn: fmt(v.heldOn) as string,
      version: matter.version,
      ...(merge ? { mergedWith: 'consult' as const } : {}),
      ...(v.place ? { place: v.place } : {}),
      ...(files.length ? { attachments: files.map((f) => f.id) } : {}),
    };
    if (publication) {
      Object.assign(b, {
        content: v.content ?? '',
        ...(v.publicity ? { publicity: { startsOn: fmt(v.publicity[0]), endsOn: fmt(v.publicity[1]) } } : {}),
        ...(v.implementedOn ? { implementedOn: fmt(v.implementedOn) } : {}),
        ...(files.length ? { photoTakenAt: new Date().toISOString() } : {}),
      });
    } else {
      Object.assign(b, {
        votes: { yes: v.yes ?? 0, no: v.no ?? 0, abstain: v.abstain ?? 0 },
        ...(v.minutes ? { minutes: v.minutes } : {}),
        ...(counted
          ? {
              presentCount: v.presentCount ?? 0,
              householdsPresent: v.householdsPresent ?? 0,
              ...(v.noticeOn ? { noticeOn: fmt(v.noticeOn) } : {}),
            }
          : {
              attendees: {
                members: pick('member'),
                cadres: pick('cadre'),
                representatives: pick('representative'),
              },
            }),
      });
    }
    setBusy(true);
    try {
      await deliberationApi.step(matter.id, b);
      feedback.success(t('recorded'));
      form.resetFields();
      setChosen([]);
      setFiles([]);
      onRecorded();
    } catch (error) {
      setProblem(errorText(error, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      title={t('nextStep', { name: lang === 'en' ? next.nameEn : next.nameZh })}
      data-testid="step-form"
      size="small"
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {(next.dueOn || next.earliestOn) && (
          <Typography.Text type="secondary">
            {[
              next.earliestOn && t('earliestOn', { date: next.earliestOn }),
              next.dueOn && t('dueOn', { date: next.dueOn }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Text>
        )}
        <Form
          form={form}
          layout="vertical"
          initialValues={{
            heldOn: dayjs(todayShanghai()),
            body: next.bodies[0]?.key,
            yes: 0,
            no: 0,
            abstain: 0,
          }}
          onValuesChange={(changed: Partial<Values>) => {
            if (changed.heldOn && publication && next.publicityDays)
              form.setFieldValue('publicity', [
                changed.heldOn,
                changed.heldOn.add(next.publicityDays - 1, 'day'),
              ]);
          }}
        >
          <Space wrap align="start">
            <Form.Item name="heldOn" label={t('heldOn')} rules={[{ required: true, message: t('required') }]}>
              <DatePicker format="YYYY-MM-DD" allowClear={false} data-testid="step-date" />
            </Form.Item>
            <Form.Item name="body" label={t('body')}>
              <Select
                style={{ width: 240 }}
                disabled={merge}
                options={next.bodies.map((b) => ({
                  value: b.key,
                  label: lang === 'en' ? b.nameEn : b.nameZh,
                }))}
                data-testid="step-body"
              />
            </Form.Item>
            <Form.Item name="place" label={t('place')}>
              <Input style={{ width: 200 }} maxLength={200} />
            </Form.Item>
          </Space>
          {next.canMerge && (
            <Form.Item name="merge" valuePropName="checked">
              <Checkbox data-testid="step-merge">{t('merge')}</Checkbox>
            </Form.Item>
          )}
          {!publication && !counted && (
            <Form.Item label={t('attendees', { due: people.length, present: chosen.length })}>
              <Space direction="vertical" style={{ width: '100%' }}>
                <Checkbox
                  checked={people.length > 0 && chosen.length === people.length}
                  indeterminate={chosen.length > 0 && chosen.length < people.length}
                  onChange={(e) => setChosen(e.target.checked ? people.map(keyOf) : [])}
                  data-testid="attendees-all"
                >
                  {t('selectAll')}
                </Checkbox>
                <Checkbox.Group
                  value={chosen}
                  onChange={(v) => setChosen(v as string[])}
                  style={{ maxHeight: 220, overflow: 'auto', display: 'flex', flexWrap: 'wrap', gap: 4 }}
                  data-testid="attendees"
                >
                  {people.map((p) => (
                    <Checkbox key={keyOf(p)} value={keyOf(p)} style={{ minWidth: 110 }}>
                      {p.name}
                      {people.some((x) => x.kind !== p.kind) ? (
                        <Typography.Text type="secondary">（{groups[p.kind]}）</Typography.Text>
                      ) : null}
                    </Checkbox>
                  ))}
                </Checkbox.Group>
              </Space>
            </Form.Item>
          )}
          {!publication && counted && (
            <Space wrap align="start">
              <Typography.Text type="secondary" style={{ display: 'block', width: '100%' }}>
                {t('adults', { adults: roster.data?.adults ?? 0, households: roster.data?.households ?? 0 })}
              </Typography.Text>
              {body === 'villager_meeting' && (
                <Form.Item
                  name="noticeOn"
                  label={t('noticeOn', { days: next.noticeDays ?? 10 })}
                  rules={[{ required: true, message: t('required') }]}
                >
                  <DatePicker format="YYYY-MM-DD" data-testid="step-notice" />
                </Form.Item>
              )}
              <Form.Item
                name="presentCount"
                label={t('presentCount')}
                rules={[{ required: true, message: t('required') }]}
              >
                <InputNumber min={0} max={1_000_000} data-testid="step-present" />
              </Form.Item>
              <Form.Item name="householdsPresent" label={t('householdsPresent')}>
                <InputNumber min={0} max={1_000_000} />
              </Form.Item>
            </Space>
          )}
          {!publication && (
            <>
              <Space wrap>
                <Form.Item name="yes" label={t('yes')}>
                  <InputNumber min={0} max={1_000_000} data-testid="vote-yes" />
                </Form.Item>
                <Form.Item name="no" label={t('no')}>
                  <InputNumber min={0} max={1_000_000} data-testid="vote-no" />
                </Form.Item>
                <Form.Item name="abstain" label={t('abstain')}>
                  <InputNumber min={0} max={1_000_000} data-testid="vote-abstain" />
                </Form.Item>
              </Space>
              <Form.Item name="minutes" label={t('minutes')}>
                <Input.TextArea rows={3} maxLength={20000} data-testid="step-minutes" />
              </Form.Item>
            </>
          )}
          {publication && (
            <>
              <Form.Item
                name="content"
                label={t('content')}
                rules={[{ required: true, message: t('required') }]}
              >
                <Input.TextArea rows={4} maxLength={20000} data-testid="step-content" />
              </Form.Item>
              <Space wrap align="start">
                <Form.Item
                  name="publicity"
                  label={t('publicity', { days: next.publicityDays ?? 0 })}
                  rules={[{ required: true, message: t('required') }]}
                >
                  <DatePicker.RangePicker format="YYYY-MM-DD" data-testid="step-publicity" />
                </Form.Item>
                {next.key === 'publish_result' && (
                  <Form.Item name="implementedOn" label={t('implementedOn')}>
                    <DatePicker format="YYYY-MM-DD" data-testid="step-implemented" />
                  </Form.Item>
                )}
              </Space>
            </>
          )}
          <Form.Item label={t('photo')}>
            <Upload
              accept="image/jpeg,image/png,image/webp,application/pdf"
              showUploadList={false}
              customRequest={async ({ file }) => {
                try {
                  const f = file as File;
                  const up = await deliberationApi.upload(f, matter.org.id);
                  setFiles((list) => [...list, { id: up.id, name: f.name }]);
                  feedback.success(t('uploaded', { name: f.name }));
                } catch (error) {
                  feedback.error(error);
                }
              }}
            >
              <Button icon={<UploadOutlined />} data-testid="step-upload">
                {t('upload')}
              </Button>
            </Upload>
            {files.map((f) => (
              <div key={f.id} style={{ fontSize: 12 }}>
                {f.name}
              </div>
            ))}
          </Form.Item>
          {problem && (
            <Alert
              type="error"
              showIcon
              message={problem}
              style={{ marginBottom: 12 }}
              data-testid="step-error"
            />
          )}
          <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="step-submit">
            {t('submit')}
          </Button>
        </Form>
      </Space>
    </Card>
  );
}
