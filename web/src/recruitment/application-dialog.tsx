// The form of step 1: a person's application to a branch. The ID number gives birth date and gender.

import { useQuery } from '@tanstack/react-query';
import { Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { keys } from '../api/query-keys.ts';
import { errorText, useFeedback } from '../shell/feedback.ts';
import { recruitmentApi } from './recruitment-api.ts';
import { useRecruitmentText } from './recruitment-messages.ts';

interface Values {
  orgId: number;
  name: string;
  idNumber: string;
  phone: string;
  ethnicity: string;
  education: string;
  occupation: string;
  appliedOn: string;
  note?: string;
}

export function ApplicationDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const { t, lang } = useRecruitmentText();
  const feedback = useFeedback();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const branches = useQuery({
    queryKey: keys.recruitment.branches,
    queryFn: () => recruitmentApi.branches(),
    enabled: open,
  });

  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    setRefusal(null);
    try {
      const created = await recruitmentApi.create(values as unknown as Record<string, unknown>);
      feedback.success(t('r.saved'));
      form.resetFields();
      onCreated(created.id);
    } catch (error) {
      setRefusal(errorText(error, lang));
    } finally {
      setSaving(false);
    }
  };

  const required = [{ required: true }];
  return (
    <Modal
      open={open}
      title={t('r.new')}
      onCancel={onClose}
      onOk={submit}
      okText={t('r.submit')}
      confirmLoading={saving}
      destroyOnHidden
    >
      {refusal && (
        <div role="alert" className="qj-recruit-refusal">
          {refusal}
        </div>
      )}
      <Form form={form} layout="vertical" initialValues={{ ethnicity: '汉族' }}>
        <Form.Item name="orgId" label={t('r.field.branch')} rules={required}>
          <Select
            loading={branches.isFetching}
            showSearch
            optionFilterProp="label"
            options={(branches.data?.items ?? []).map((b) => ({
              value: b.id,
              label: `${b.name}（${b.fullMembers}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="name" label={t('r.field.name')} rules={required}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="idNumber" label={t('r.field.idNumber')} rules={required}>
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="phone" label={t('r.field.phone')} rules={required}>
          <Input maxLength={11} />
        </Form.Item>
        <Form.Item name="ethnicity" label={t('r.field.ethnicity')} rules={required}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="education" label={t('r.field.education')} rules={required}>
          <Select
            options={['研究生', '大学本科', '大学专科', '中专', '高中', '初中及以下'].map((v) => ({
              value: v,
              label: v,
            }))}
          />
        </Form.Item>
        <Form.Item name="occupation" label={t('r.field.occupation')} rules={required}>
          <Select
            options={['在岗职工', '农牧渔民', '学生', '新就业群体', '离退休人员', '其他'].map((v) => ({
              value: v,
              label: v,
            }))}
          />
        </Form.Item>
        <Form.Item name="appliedOn" label={t('r.field.appliedOn')} rules={required}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="note" label={t('r.field.note')}>
          <Input.TextArea maxLength={1000} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
