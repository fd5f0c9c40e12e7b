// Adding one member to an org, and editing one member. The server checks everything (the import's
// rules); its problems are shown under the fields they concern.
import { Alert, Col, DatePicker, Form, type FormInstance, Input, Modal, Radio, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { errorText, useFeedback } from '../shell/feedback.ts';
import { type MemberPatch, type MemberProblem, type MemberView, memberApi } from './member-api.ts';
import { EDUCATION_NAMES, OCCUPATION_NAMES, useMemberText } from './member-messages.ts';

const DATE = 'YYYY-MM-DD';

interface Values {
  name: string;
  idNumber?: string;
  ethnicity: string;
  phone?: string;
  education: string;
  occupation: string;
  status?: 'full' | 'probationary';
  joinedOn?: Dayjs;
  convertedOn?: Dayjs | null;
}

const FORM_FIELDS = [
  'name',
  'idNumber',
  'ethnicity',
  'phone',
  'education',
  'occupation',
  'status',
  'joinedOn',
  'convertedOn',
];

/** Puts the server's problems under their fields; answers the text of the rest (or of another error). */
function showProblems(form: FormInstance<Values>, error: unknown, lang: 'zh' | 'en'): string | null {
  if (!(error instanceof ApiError) || error.code !== 'MEMBER_INVALID') return errorText(error, lang);
  const problems = (error.details as { problems?: MemberProblem[] } | undefined)?.problems ?? [];
  const text = (p: MemberProblem) =>
    lang === 'en' ? p.message_en.replace(/^\w+: /, '') : p.message_zh.replace(/^「[^」]*」：/, '');
  const placed = problems.filter((p) => FORM_FIELDS.includes(p.field));
  form.setFields(
    [...new Set(placed.map((p) => p.field))].map((field) => ({
      name: field as keyof Values,
      errors: placed.filter((p) => p.field === field).map(text),
    })),
  );
  const rest = problems.filter((p) => !FORM_FIELDS.includes(p.field));
  return rest.length ? rest.map((p) => (lang === 'en' ? p.message_en : p.message_zh)).join(' ') : null;
}

/** A Select of coded values named in the UI language; Form.Item passes value and onChange through. */
function Choices({
  table,
  testId,
  ...control
}: {
  table: Record<string, { zh: string; en: string }>;
  testId: string;
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
}) {
  const { lang } = useMemberText();
  return (
    <Select
      {...control}
      data-testid={testId}
      options={Object.entries(table).map(([value, n]) => ({ value, label: n[lang] }))}
    />
  );
}

/** One form item in a half-width column (a full row on narrow screens). */
const Half = ({ children }: { children: ReactNode }) => (
  <Col xs={24} sm={12}>
    {children}
  </Col>
);

function CommonFields({ status }: { status: 'full' | 'probationary' | undefined }) {
  const { t } = useMemberText();
  const required = [{ required: true, message: t('p.required') }];
  return (
    <>
      <Half>
        <Form.Item name="ethnicity" label={t('p.ethnicity')} rules={required}>
          <Input maxLength={20} data-testid="member-form-ethnicity" />
        </Form.Item>
      </Half>
      <Half>
        <Form.Item name="education" label={t('p.education')} rules={required}>
          <Choices table={EDUCATION_NAMES} testId="member-form-education" />
        </Form.Item>
      </Half>
      <Half>
        <Form.Item name="occupation" label={t('p.occupation')} rules={required}>
          <Choices table={OCCUPATION_NAMES} testId="member-form-occupation" />
        </Form.Item>
      </Half>
      {status === 'full' && (
        <Half>
          <Form.Item
            name="convertedOn"
            label={t('p.convertedOn')}
            extra={t('p.convertedOnHint')}
            rules={required}
          >
            <DatePicker format={DATE} style={{ width: '100%' }} data-testid="member-form-converted" />
          </Form.Item>
        </Half>
      )}
    </>
  );
}

export function AddMemberDialog(props: { orgId: number; open: boolean; onClose(added: boolean): void }) {
  const { t, lang } = useMemberText();
  const feedback = useFeedback();
  const [form] = Form.useForm<Values>();
  const status = Form.useWatch('status', form);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const required = [{ required: true, message: t('p.required') }];
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setRefusal(null);
    try {
      const added = await memberApi.add(props.orgId, {
        name: v.name.trim(),
        idNumber: (v.idNumber ?? '').trim(),
        ethnicity: v.ethnicity.trim(),
        phone: (v.phone ?? '').trim(),
        education: v.education,
        occupation: v.occupation,
        status: v.status ?? 'full',
        joinedOn: v.joinedOn?.format(DATE) ?? '',
        convertedOn: v.status === 'full' ? v.convertedOn?.format(DATE) : undefined,
      });
      feedback.success(t('p.added', { name: added.name }));
      form.resetFields();
      props.onClose(true);
    } catch (error) {
      setRefusal(showProblems(form, error, lang));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={props.open}
      title={t('p.add')}
      onCancel={() => props.onClose(false)}
      onOk={submit}
      okText={t('p.save')}
      okButtonProps={{ 'data-testid': 'member-form-submit' }}
      confirmLoading={saving}
      width={680}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ ethnicity: '汉族', status: 'full' }}
        data-testid="member-add-form"
      >
        <Row gutter={16}>
          <Half>
            <Form.Item name="name" label={t('p.name')} rules={required}>
              <Input maxLength={30} data-testid="member-form-name" />
            </Form.Item>
          </Half>
          <Half>
            <Form.Item name="idNumber" label={t('p.idNumber')} rules={required}>
              <Input maxLength={18} data-testid="member-form-id-number" autoComplete="off" />
            </Form.Item>
          </Half>
          <Half>
            <Form.Item name="phone" label={t('p.phone')} rules={required}>
              <Input
                maxLength={13}
                placeholder={t('p.phoneHint')}
                data-testid="member-form-phone"
                autoComplete="off"
              />
            </Form.Item>
          </Half>
          <Half>
            <Form.Item name="status" label={t('p.status')} rules={required}>
              <Radio.Group data-testid="member-form-status">
                <Radio value="full">{lang === 'en' ? 'Full member' : '正式党员'}</Radio>
                <Radio value="probationary">{lang === 'en' ? 'Probationary' : '预备党员'}</Radio>
              </Radio.Group>
            </Form.Item>
          </Half>
          <Half>
            <Form.Item name="joinedOn" label={t('p.joinedOn')} rules={required}>
              <DatePicker format={DATE} style={{ width: '100%' }} data-testid="member-form-joined" />
            </Form.Item>
          </Half>
          <CommonFields status={status} />
        </Row>
      </Form>
      {refusal && <Alert type="error" showIcon message={refusal} data-testid="member-form-refusal" />}
    </Modal>
  );
}

export function EditMemberDialog(props: {
  member: MemberView;
  open: boolean;
  onClose(saved: boolean): void;
}) {
  const { t, lang } = useMemberText();
  const feedback = useFeedback();
  const m = props.member;
  const [form] = Form.useForm<Values>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const required = [{ required: true, message: t('p.required') }];
  const submit = async () => {
    const v = await form.validateFields();
    const patch: MemberPatch = {};
    if (v.name.trim() !== m.name) patch.name = v.name.trim();
    if (v.ethnicity.trim() !== m.ethnicity) patch.ethnicity = v.ethnicity.trim();
    if (v.phone?.trim()) patch.phone = v.phone.trim();
    if (v.education !== m.education) patch.education = v.education;
    if (v.occupation !== m.occupation) patch.occupation = v.occupation;
    const convertedOn = v.convertedOn ? v.convertedOn.format(DATE) : null;
    if (m.status === 'full' && convertedOn !== m.convertedOn) patch.convertedOn = convertedOn;
    if (Object.keys(patch).length === 0) {
      feedback.success(t('p.nothingChanged'));
      props.onClose(false);
      return;
    }
    setSaving(true);
    setRefusal(null);
    try {
      await memberApi.edit(m.id, patch);
      feedback.success(t('p.saved'));
      props.onClose(true);
    } catch (error) {
      setRefusal(showProblems(form, error, lang));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={props.open}
      title={`${t('p.edit')} · ${m.name}`}
      onCancel={() => props.onClose(false)}
      onOk={submit}
      okText={t('p.save')}
      okButtonProps={{ 'data-testid': 'member-form-submit' }}
      confirmLoading={saving}
      width={680}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        data-testid="member-edit-form"
        initialValues={{
          name: m.name,
          ethnicity: m.ethnicity,
          education: m.education,
          occupation: m.occupation,
          convertedOn: m.convertedOn ? dayjs(m.convertedOn) : null,
        }}
      >
        <Row gutter={16}>
          <Half>
            <Form.Item label={t('p.idNumber')} extra={t('p.idNumberFixed')}>
              <span style={{ fontFamily: 'monospace' }}>{m.idNumberMasked}</span>
            </Form.Item>
          </Half>
          <Half>
            <Form.Item name="name" label={t('p.name')} rules={required}>
              <Input maxLength={30} data-testid="member-form-name" />
            </Form.Item>
          </Half>
          <Half>
            <Form.Item name="phone" label={t('p.phone')} extra={t('p.phoneHint')}>
              <Input
                maxLength={13}
                placeholder={m.phoneMasked}
                data-testid="member-form-phone"
                autoComplete="off"
              />
            </Form.Item>
          </Half>
          <CommonFields status={m.status} />
        </Row>
        {m.status === 'probationary' && <Alert type="info" showIcon message={t('p.statusByRecruitment')} />}
      </Form>
      {refusal && <Alert type="error" showIcon message={refusal} data-testid="member-form-refusal" />}
    </Modal>
  );
}
