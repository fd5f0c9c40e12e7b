import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Skeleton,
  Space,
  Switch,
  Table,
} from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { useInvalidate } from '../api/query.ts';
import { keys } from '../api/query-keys.ts';
import type { AccountRow, Page, SecuritySettings } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { type MessageKey, ROLE_NAMES } from '../i18n/messages.ts';
import { useFeedback } from '../shell/feedback.ts';
import { PageTitle } from '../shell/page-title.tsx';
import { AccountStatus } from './account-status.tsx';
import { RoleRequestTable } from './role-requests.tsx';

const FIELDS: { name: keyof SecuritySettings; label: MessageKey; min: number; max: number }[] = [
  { name: 'passwordMinLength', label: 'security.passwordMinLength', min: 8, max: 64 },
  { name: 'passwordMaxAgeDays', label: 'security.passwordMaxAgeDays', min: 1, max: 365 },
  { name: 'lockoutThreshold', label: 'security.lockoutThreshold', min: 3, max: 10 },
  { name: 'lockoutMinutes', label: 'security.lockoutMinutes', min: 1, max: 1440 },
  { name: 'idleTimeoutMinutes', label: 'security.idleTimeoutMinutes', min: 5, max: 120 },
];

function SettingsForm() {
  const { t } = useI18n();
  const feedback = useFeedback();
  const [form] = Form.useForm<SecuritySettings>();
  const [saving, setSaving] = useState(false);
  const client = useQueryClient();
  const settings = useQuery({
    queryKey: keys.securitySettings,
    queryFn: () => api.get<{ settings: SecuritySettings }>('/api/security/settings'),
  });
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data.settings);
  }, [settings.data, form]);
  useEffect(() => {
    if (settings.error) feedback.error(settings.error);
  }, [settings.error, feedback]);

  return (
    <Card variant="borderless" title={t('security.policy')}>
      {!settings.data ? (
        <Skeleton active />
      ) : (
        <Form
          form={form}
          layout="vertical"
          data-testid="security-form"
          onFinish={async (values) => {
            setSaving(true);
            try {
              const answer = await api.put<{ settings: SecuritySettings }>('/api/security/settings', values);
              client.setQueryData(keys.securitySettings, answer);
              form.setFieldsValue(answer.settings);
              feedback.success(t('security.saved'));
            } catch (error) {
              feedback.error(error);
            } finally {
              setSaving(false);
            }
          }}
        >
          <Row gutter={24}>
            {FIELDS.map((field) => (
              <Col xs={24} md={12} xl={8} key={field.name}>
                <Form.Item
                  name={field.name}
                  label={t(field.label)}
                  rules={[{ required: true, type: 'integer' }]}
                >
                  <InputNumber
                    min={field.min}
                    max={field.max}
                    precision={0}
                    style={{ width: '100%' }}
                    data-testid={`setting-${field.name}`}
                  />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="security-save">
            {t('common.save')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

function LockTable() {
  const { t, name } = useI18n();
  const feedback = useFeedback();
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const [lockedOnly, setLockedOnly] = useState(false);
  const invalidate = useInvalidate();
  const list = useQuery({
    queryKey: keys.accounts.security({ page, q, lockedOnly }),
    queryFn: () =>
      api.get<Page<AccountRow>>('/api/security/accounts', {
        page,
        pageSize: 10,
        q: q || undefined,
        lockedOnly: lockedOnly || undefined,
      }),
  });
  useEffect(() => {
    if (list.error) feedback.error(list.error);
  }, [list.error, feedback]);

  return (
    <Card variant="borderless" title={t('security.lockState')} style={{ marginTop: 16 }}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('accounts.searchPlaceholder')}
          style={{ width: 260 }}
          onSearch={(value) => {
            setQ(value.trim());
            setPage(1);
          }}
        />
        <Space>
          <Switch
            checked={lockedOnly}
            onChange={(checked) => {
              setLockedOnly(checked);
              setPage(1);
            }}
            data-testid="locked-only"
          />
          {t('security.lockedOnly')}
        </Space>
      </Space>
      <Table<AccountRow>
        rowKey="id"
        size="middle"
        data-testid="lock-table"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: 10,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('common.total', { n: total.toLocaleString('zh-CN') }),
          onChange: setPage,
        }}
        columns={[
          {
            title: t('accounts.username'),
            dataIndex: 'username',
            width: 180,
            // the sign-in name is data the administrator types, shown as it is
            render: (u: string) => <span data-raw>{u}</span>,
          },
          { title: t('accounts.displayName'), dataIndex: 'displayName', ellipsis: true },
          {
            title: t('accounts.role'),
            dataIndex: 'role',
            width: 130,
            render: (r: string) => name(ROLE_NAMES, r),
          },
          { title: t('accounts.scopeOrg'), dataIndex: 'scopeOrgName', ellipsis: true },
          { title: t('accounts.status'), width: 200, render: (_, row) => <AccountStatus account={row} /> },
          {
            title: t('common.actions'),
            width: 100,
            render: (_, row) =>
              row.locked ? (
                <Popconfirm
                  title={t('security.unlockConfirm', { name: row.username })}
                  onConfirm={async () => {
                    try {
                      await api.post(`/api/accounts/${row.id}/unlock`);
                      feedback.success(t('security.unlocked', { name: row.username }));
                      void invalidate(keys.accounts.all);
                    } catch (error) {
                      feedback.error(error);
                    }
                  }}
                >
                  <Button type="link" size="small" data-testid={`unlock-${row.username}`}>
                    {t('security.unlock')}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}

export default function SecurityPage() {
  const { t } = useI18n();
  return (
    <div data-testid="security-page">
      <PageTitle title={t('security.title')} />
      <SettingsForm />
      <RoleRequestTable mode="decide" />
      <LockTable />
    </div>
  );
}
