import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { useInvalidate } from '../api/query.ts';
import { keys } from '../api/query-keys.ts';
import type { AccountRow, Page, Role } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ROLE_NAMES } from '../i18n/messages.ts';
import { useFeedback } from '../shell/feedback.ts';
import { PageTitle } from '../shell/page-title.tsx';
import { AccountStatus } from './account-status.tsx';
import { useRoleRequestText } from './role-request-messages.ts';
import { ChangeGrantDialog, GRANTABLE, ResetPasswordButton, RoleRequestTable } from './role-requests.tsx';
import { ScopeOrgSelect } from './scope-org-select.tsx';

/** The accounts the system administrator manages are ordinary ones: 三员分立 keeps the administrators' out. */
const ALL_ROLES = GRANTABLE;

interface NewAccount {
  username: string;
  displayName: string;
  role: Role;
  scopeOrgId: number;
  password: string;
}

function CreateAccountDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: () => void;
}) {
  const { t, name } = useI18n();
  const { t: rr } = useRoleRequestText();
  const feedback = useFeedback();
  const [form] = Form.useForm<NewAccount>();
  const [saving, setSaving] = useState(false);
  return (
    <Modal
      title={t('accounts.create')}
      open={open}
      onCancel={onClose}
      okText={t('common.save')}
      confirmLoading={saving}
      destroyOnHidden
      data-testid="create-account-dialog"
      onOk={async () => {
        const values = await form.validateFields();
        setSaving(true);
        try {
          await api.post('/api/accounts', values);
          feedback.success(rr('rr.createdPending', { name: values.username }));
          onCreated();
          onClose();
        } catch (error) {
          feedback.error(error);
        } finally {
          setSaving(false);
        }
      }}
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ role: 'secretary' }}>
        <Form.Item
          name="username"
          label={t('accounts.username')}
          rules={[
            { required: true, message: t('accounts.required') },
            { pattern: /^[A-Za-z0-9_.-]{3,64}$/, message: '3–64 位字母、数字或 _ . -' },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('accounts.displayName')}
          rules={[{ required: true, message: t('accounts.required') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('accounts.role')}
          rules={[{ required: true, message: t('accounts.required') }]}
        >
          <Select options={GRANTABLE.map((r) => ({ value: r, label: name(ROLE_NAMES, r) }))} />
        </Form.Item>
        <Form.Item
          name="scopeOrgId"
          label={t('accounts.scopeOrgId')}
          extra={t('accounts.scopeOrgIdHelp')}
          rules={[{ required: true, message: t('accounts.required') }]}
        >
          <ScopeOrgSelect />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('accounts.initialPassword')}
          extra={t('accounts.initialPasswordHelp')}
          rules={[{ required: true, message: t('accounts.required') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function AccountsPage() {
  const { t, name } = useI18n();
  const feedback = useFeedback();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | undefined>();
  const [creating, setCreating] = useState(false);
  const [changing, setChanging] = useState<AccountRow | null>(null);
  const { t: rr } = useRoleRequestText();
  const invalidate = useInvalidate();
  // an account's change shows in the list and in the role requests about it
  const changed = () => void invalidate(keys.accounts.all);
  const list = useQuery({
    queryKey: keys.accounts.list({ page, pageSize, q, role }),
    queryFn: () => api.get<Page<AccountRow>>('/api/accounts', { page, pageSize, q: q || undefined, role }),
  });
  useEffect(() => {
    if (list.error) feedback.error(list.error);
  }, [list.error, feedback]);

  async function toggle(account: AccountRow) {
    try {
      await api.post(`/api/accounts/${account.id}/${account.disabled ? 'enable' : 'disable'}`);
      feedback.success(t('accounts.done'));
      changed();
    } catch (error) {
      feedback.error(error);
    }
  }

  return (
    <div data-testid="accounts-page">
      <PageTitle
        title={t('accounts.title')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="create-account"
          >
            {t('accounts.create')}
          </Button>
        }
      />
      <Card variant="borderless">
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('accounts.searchPlaceholder')}
            style={{ width: 260 }}
            onSearch={(value) => {
              setQ(value.trim());
              setPage(1);
            }}
            data-testid="account-search"
          />
          <Select
            allowClear
            placeholder={t('accounts.rolePlaceholder')}
            style={{ width: 180 }}
            value={role}
            onChange={(value: Role | undefined) => {
              setRole(value);
              setPage(1);
            }}
            options={ALL_ROLES.map((r) => ({ value: r, label: name(ROLE_NAMES, r) }))}
          />
        </Space>
        <Table<AccountRow>
          rowKey="id"
          size="middle"
          data-testid="account-table"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { n: total.toLocaleString('zh-CN') }),
            onChange: (p, s) => {
              setPage(p);
              setPageSize(s);
            },
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
            {
              title: t('accounts.scopeOrg'),
              dataIndex: 'scopeOrgName',
              ellipsis: true,
              render: (value: string) => value,
            },
            {
              title: t('accounts.status'),
              width: 200,
              render: (_, row) => <AccountStatus account={row} />,
            },
            {
              title: t('common.actions'),
              width: 250,
              render: (_, row) => (
                <Space size={0}>
                  <Button
                    type="link"
                    size="small"
                    onClick={() => setChanging(row)}
                    data-testid={`change-${row.username}`}
                  >
                    {rr('rr.change')}
                  </Button>
                  <ResetPasswordButton account={row} onDone={changed} />
                  <Popconfirm
                    title={t(row.disabled ? 'accounts.enableConfirm' : 'accounts.disableConfirm', {
                      name: row.username,
                    })}
                    onConfirm={() => toggle(row)}
                  >
                    <Button
                      type="link"
                      size="small"
                      danger={!row.disabled}
                      data-testid={`toggle-${row.username}`}
                    >
                      {row.disabled ? t('accounts.enable') : t('accounts.disable')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <RoleRequestTable mode="follow" />
      <CreateAccountDialog open={creating} onClose={() => setCreating(false)} onCreated={changed} />
      <ChangeGrantDialog account={changing} onClose={() => setChanging(null)} onDone={changed} />
    </div>
  );
}
