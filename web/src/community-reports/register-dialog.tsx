// 登记报到. The community's side registers an in-service member of another unit by the ID number the
// member shows (looked up first, then confirmed) or a unit org of the city; the reporter's side (a unit
// or branch) registers one of its members, or itself, to a community of the city.
import { Alert, Button, DatePicker, Descriptions, Form, Input, Modal, Segmented, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorText, useFeedback } from '../shell/feedback.ts';
import { useSession } from '../shell/session.tsx';
import { MemberPicker } from '../transfers/org-member-pickers.tsx';
import {
  communityApi,
  type FoundMember,
  type ReportBody,
  type ReporterKind,
} from './community-report-api.ts';
import { useCommunityText } from './community-report-messages.ts';
import { CommunityPicker, UnitPicker } from './pickers.tsx';

interface Values {
  idNumber?: string;
  memberId?: number;
  unitOrgId?: number;
  communityOrgId?: number;
  reportedOn: Dayjs;
  note?: string;
}

export function RegisterDialog(props: {
  open: boolean;
  /** the community's side: the actor's own community; otherwise the reporter's side */
  community: { id: number; name: string } | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, lang } = useCommunityText();
  const { me } = useSession();
  const feedback = useFeedback();
  const [form] = Form.useForm<Values>();
  const [kind, setKind] = useState<ReporterKind>('member');
  const [found, setFound] = useState<FoundMember | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ownUnit = me?.scope.level === 'unit' ? me.scope : null;
  const communitySide = props.community !== null;

  const reset = () => {
    form.resetFields();
    setFound(null);
    setRefusal(null);
  };
  const lookup = async () => {
    const idNumber = (form.getFieldValue('idNumber') as string | undefined)?.trim();
    if (!idNumber || !props.community) return;
    setRefusal(null);
    setFound(null);
    try {
      setFound(await communityApi.lookup(props.community.id, idNumber));
    } catch (error) {
      setRefusal(errorText(error, lang));
    }
  };
  const submit = async () => {
    const v = await form.validateFields();
    const body: ReportBody = {
      communityOrgId: props.community?.id ?? v.communityOrgId ?? 0,
      reportedOn: v.reportedOn.format('YYYY-MM-DD'),
      ...(v.note ? { note: v.note } : {}),
    };
    if (kind === 'unit') body.unitOrgId = communitySide ? v.unitOrgId : ownUnit?.id;
    else if (communitySide) {
      if (!found) {
        setRefusal(t('cr.reg.lookupFirst'));
        return;
      }
      body.idNumber = v.idNumber?.trim();
    } else body.memberId = v.memberId;
    setBusy(true);
    setRefusal(null);
    try {
      await communityApi.report(body);
      feedback.success(t('cr.done'));
      reset();
      props.onDone();
    } catch (error) {
      setRefusal(errorText(error, lang));
    } finally {
      setBusy(false);
    }
  };

  const kinds = communitySide || ownUnit ? (['member', 'unit'] as const) : (['member'] as const);
  return (
    <Modal
      open={props.open}
      title={props.community ? `${t('cr.register')} · ${props.community.name}` : t('cr.register')}
      onCancel={() => {
        reset();
        props.onClose();
      }}
      onOk={submit}
      okText={t('cr.reg.submit')}
      okButtonProps={{ 'data-testid': 'cr-register-submit' }}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ reportedOn: dayjs() }}>
        <Form.Item label={t('cr.reg.kind')}>
          <Segmented
            value={kind}
            onChange={(value) => {
              setKind(value as ReporterKind);
              setFound(null);
              setRefusal(null);
            }}
            options={kinds.map((k) => ({ value: k, label: t(`cr.kind.${k}`) }))}
          />
        </Form.Item>
        {kind === 'member' && communitySide && (
          <Form.Item label={t('cr.reg.idNumber')} extra={t('cr.reg.idHint')} required>
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item name="idNumber" noStyle rules={[{ required: true, len: 18 }]}>
                <Input
                  maxLength={18}
                  data-testid="cr-id-number"
                  onChange={() => setFound(null)}
                  onPressEnter={(e) => {
                    e.preventDefault();
                    void lookup();
                  }}
                />
              </Form.Item>
              <Button onClick={() => void lookup()} data-testid="cr-find">
                {t('cr.reg.find')}
              </Button>
            </Space.Compact>
          </Form.Item>
        )}
        {found && (
          <>
            <Descriptions
              size="small"
              column={1}
              bordered
              data-testid="cr-found"
              style={{ marginBottom: 12 }}
            >
              <Descriptions.Item label={t('cr.reg.member')}>
                {found.name} · {found.idNumberMasked}
              </Descriptions.Item>
              <Descriptions.Item label={t('cr.col.org')}>{found.orgName}</Descriptions.Item>
            </Descriptions>
            {!found.inService && <Alert type="warning" showIcon message={t('cr.reg.notInService')} />}
            {found.reportedThisYear && <Alert type="info" showIcon message={t('cr.reg.already')} />}
          </>
        )}
        {kind === 'member' && !communitySide && (
          <Form.Item name="memberId" label={t('cr.reg.member')} rules={[{ required: true }]}>
            <MemberPicker placeholder={t('cr.reg.memberPick')} testId="cr-member" />
          </Form.Item>
        )}
        {kind === 'unit' && communitySide && (
          <Form.Item name="unitOrgId" label={t('cr.reg.unit')} rules={[{ required: true }]}>
            <UnitPicker placeholder={t('cr.reg.unitPick')} testId="cr-unit" />
          </Form.Item>
        )}
        {kind === 'unit' && !communitySide && ownUnit && (
          <Form.Item label={t('cr.reg.unit')}>{t('cr.reg.ownUnit', { name: ownUnit.name })}</Form.Item>
        )}
        {!communitySide && (
          <Form.Item name="communityOrgId" label={t('cr.reg.community')} rules={[{ required: true }]}>
            <CommunityPicker placeholder={t('cr.reg.communityPick')} testId="cr-community" />
          </Form.Item>
        )}
        <Form.Item name="reportedOn" label={t('cr.reg.reportedOn')} rules={[{ required: true }]}>
          <DatePicker
            format="YYYY-MM-DD"
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            allowClear={false}
          />
        </Form.Item>
        <Form.Item name="note" label={t('cr.reg.note')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
      {refusal && (
        <div role="alert" style={{ color: '#cf1322' }}>
          {refusal}
        </div>
      )}
    </Modal>
  );
}
