import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useFeedback } from './feedback.ts';
import { useSession } from './session.tsx';

interface Props {
  open: boolean;
  /** The account must change its password before it may go on: the dialog cannot be closed. */
  forced: boolean;
  onClose: () => void;
}

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordDialog({ open, forced, onClose }: Props) {
  const { t } = useI18n();
  const { refresh, logout } = useSession();
  const feedback = useFeedback();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  async function submit() {
    const values = await form.validateFields();
    setSaving(true);
    try {
      await api.post('/api/auth/password', {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      feedback.success(t('password.changed'));
      form.resetFields();
      await refresh();
      onClose();
    } catch (error) {
      feedback.error(error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      title={t('password.title')}
      open={open}
      onOk={submit}
      okText={t('common.save')}
      confirmLoading={saving}
      closable={!forced}
      mask={{ closable: !forced }}
      keyboard={!forced}
      onCancel={forced ? () => void logout() : onClose}
      cancelText={forced ? t('shell.logout') : t('common.cancel')}
      destroyOnHidden
      data-testid="change-password-dialog"
    >
      {forced && <Alert type="warning" showIcon title={t('password.forced')} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="currentPassword"
          label={t('password.current')}
          rules={[{ required: true, message: t('password.required') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          rules={[{ required: true, message: t('password.required') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.required') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
