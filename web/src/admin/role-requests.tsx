// 三员分立: the system administrator asks (change a grant, see the decisions), the security
// administrator decides (approve, or reject with a reason). Server: admin/role-request.routes.ts.

import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { useInvalidate } from '../api/query.ts';
import { keys } from '../api/query-keys.ts';
import type { AccountRow, Page, Role } from '../api/types.ts';
import { formatTime } from '../cases/case-api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ROLE_NAMES } from '../i18n/messages.ts';
import { useFeedback } from '../shell/feedback.ts';
import { type RoleRequestMessageKey, useRoleRequestText } from './role-request-messages.ts';
import { ScopeOrgSelect } from './scope-org-select.tsx';

type RequestState = 'pending' | 'approved' | 'rejected';

export interface RoleRequest {
  id: number;
  kind: 'create' | 'change';
  state: RequestState;
  account: { id: number; username: string; displayName: string };
  role: Role;
  scopeOrgId: number;
  scopeOrgName: string;
  fromRole: Role | null;
  fromScopeOrgName: string | null;
  reason: string;
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string;
}

/** Roles the system administrator may ask for: 三员分立 keeps the three administrator roles out. */
export const GRANTABLE: Role[] = [
  'org_admin',
  'secretary',
  'grid_worker',
  'department_staff',
  'member',
  'resident',
];

const STATE_COLORS: Record<RequestState, string> = { pending: 'orange', approved: 'green', rejected: 'red' };

function StateTag({ state }: { state: RequestState }) {
  const { t } = useRoleRequestText();
  return (
    <Tag color={STATE_COLORS[state]} data-testid="role-request-state" data-state={state}>
      {t(`rr.state.${state}` as RoleRequestMessageKey)}
    </Tag>
  );
}

/**
 * The requests: `decide` (security administrator: pending first, approve / reject) or `follow`
 * (system administrator: what was asked and what was decided).
 */
export function RoleRequestTable({ mode }: { mode: 'decide' | 'follow' }) {
  const { t } = useRoleRequestText();
  const { t: tt, name } = useI18n();
  const feedback = useFeedback();
  const [state, setState] = useState<RequestState | undefined>(mode === 'decide' ? 'pending' : undefined);
  const [page, setPage] = useState(1);
  const [rejecting, setRejecting] = useState<RoleRequest | null>(null);
  const base = mode === 'decide' ? '/api/security/role-requests' : '/api/accounts/role-requests';
  const invalidate = useInvalidate();
  const list = useQuery({
    queryKey: keys.accounts.roleRequests({ mode, page, state }),
    queryFn: () => api.get<Page<RoleRequest>>(base, { page, pageSize: 10, state }),
  });
  useEffect(() => {
    if (list.error) feedback.error(list.error);
  }, [list.error, feedback]);

  const grant = (role: Role | null, org: string | null) =>
    role ? `${name(ROLE_NAMES, role)} · ${org ?? '—'}` : '—';

  const decide = async (r: RoleRequest, decision: 'approve' | 'reject', note = '') => {
    try {
      await api.post(`/api/security/role-requests/${r.id}/${decision}`, { note });
      feedback.success(t(decision === 'approve' ? 'rr.approved' : 'rr.rejected'));
      // a decision changes the account's grant too
      void invalidate(keys.accounts.all);
      return true;
    } catch (error) {
      feedback.error(error);
      return false;
    }
  };

  return (
    <Card
      variant="borderless"
      title={t(mode === 'decide' ? 'rr.pendingTitle' : 'rr.title')}
      style={{ marginTop: 16 }}
      data-testid={`role-requests-${mode}`}
      extra={
        <Select<RequestState | 'all'>
          style={{ width: 140 }}
          value={state ?? 'all'}
          onChange={(v) => {
            setState(v === 'all' ? undefined : v);
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('rr.filter.all') },
            ...(['pending', 'approved', 'rejected'] as const).map((s) => ({
              value: s,
              label: t(`rr.state.${s}` as RoleRequestMessageKey),
            })),
          ]}
          data-testid="role-request-filter"
        />
      }
    >
      <Table<RoleRequest>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('rr.none') }}
        pagination={{
          current: page,
          pageSize: 10,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
        onRow={(r) => ({ 'data-testid': `role-request-${r.account.username}` }) as object}
        columns={[
          {
            title: t('rr.account'),
            render: (_, r) => (
              <span>
                <span data-raw>{r.account.username}</span>{' '}
                <Typography.Text type="secondary">{r.account.displayName}</Typography.Text>
              </span>
            ),
          },
          {
            title: t('rr.kind'),
            width: 130,
            render: (_, r) => t(`rr.kind.${r.kind}` as RoleRequestMessageKey),
          },
          { title: t('rr.from'), ellipsis: true, render: (_, r) => grant(r.fromRole, r.fromScopeOrgName) },
          { title: t('rr.to'), ellipsis: true, render: (_, r) => grant(r.role, r.scopeOrgName) },
          { title: t('rr.reason'), dataIndex: 'reason', ellipsis: true },
          {
            title: t('rr.requestedBy'),
            width: 170,
            render: (_, r) => (
              <span>
                <span data-raw>{r.requestedBy}</span>
                <br />
                <Typography.Text type="secondary">{formatTime(r.requestedAt)}</Typography.Text>
              </span>
            ),
          },
          {
            title: t('rr.decision'),
            width: 200,
            render: (_, r) =>
              mode === 'decide' && r.state === 'pending' ? (
                <Space>
                  <Popconfirm
                    title={t('rr.approveConfirm', { name: r.account.username })}
                    onConfirm={() => decide(r, 'approve')}
                  >
                    <Button type="primary" size="small" data-testid={`approve-${r.account.username}`}>
                      {t('rr.approve')}
                    </Button>
                  </Popconfirm>
                  <Button
                    size="small"
                    danger
                    onClick={() => setRejecting(r)}
                    data-testid={`reject-${r.account.username}`}
                  >
                    {t('rr.reject')}
                  </Button>
                </Space>
              ) : (
                <Space direction="vertical" size={0}>
                  <StateTag state={r.state} />
                  {r.decidedBy && (
                    <Typography.Text type="secondary">
                      {t('rr.decidedBy')}：<span data-raw>{r.decidedBy}</span>
                      {r.decisionNote ? `（${r.decisionNote}）` : ''}
                    </Typography.Text>
                  )}
                </Space>
              ),
          },
        ]}
      />
      <RejectDialog
        request={rejecting}
        onClose={() => setRejecting(null)}
        onReject={async (note) => {
          if (rejecting && (await decide(rejecting, 'reject', note))) setRejecting(null);
        }}
      />
      <span hidden>{tt('common.actions')}</span>
    </Card>
  );
}

function RejectDialog(props: {
  request: RoleRequest | null;
  onClose: () => void;
  onReject: (note: string) => Promise<void>;
}) {
  const { t } = useRoleRequestText();
  const { t: tt } = useI18n();
  const [form] = Form.useForm<{ note: string }>();
  return (
    <Modal
      open={props.request !== null}
      title={t('rr.rejectTitle', { name: props.request?.account.username ?? '' })}
      onCancel={props.onClose}
      okText={t('rr.reject')}
      okButtonProps={{ danger: true, ...({ 'data-testid': 'reject-submit' } as Record<string, string>) }}
      destroyOnHidden
      onOk={async () => {
        const { note } = await form.validateFields();
        await props.onReject(note.trim());
      }}
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="note"
          label={t('rr.rejectReason')}
          rules={[{ required: true, whitespace: true, message: tt('accounts.required') }]}
        >
          <Input.TextArea rows={3} maxLength={500} data-testid="reject-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The system administrator asks for a new role or scope (or narrows a scope at once). */
export function ChangeGrantDialog(props: {
  account: AccountRow | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useRoleRequestText();
  const { t: tt, name } = useI18n();
  const feedback = useFeedback();
  const [form] = Form.useForm<{ role: Role; scopeOrgId: number; reason: string }>();
  const [saving, setSaving] = useState(false);
  const account = props.account;
  return (
    <Modal
      open={account !== null}
      title={t('rr.changeTitle', { name: account?.username ?? '' })}
      onCancel={props.onClose}
      okText={tt('form.submit')}
      confirmLoading={saving}
      destroyOnHidden
      data-testid="change-grant-dialog"
      onOk={async () => {
        if (!account) return;
        const values = await form.validateFields();
        setSaving(true);
        try {
          const outcome = await api.post<{ applied: boolean }>(
            `/api/accounts/${account.id}/role-requests`,
            values,
          );
          feedback.success(t(outcome.applied ? 'rr.applied' : 'rr.submitted'));
          props.onDone();
          props.onClose();
        } catch (error) {
          feedback.error(error);
        } finally {
          setSaving(false);
        }
      }}
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('rr.changeHelp')} />
      {account && (
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ role: account.role, scopeOrgId: undefined }}
        >
          <Form.Item
            name="role"
            label={tt('accounts.role')}
            rules={[{ required: true, message: tt('accounts.required') }]}
          >
            <Select
              options={GRANTABLE.map((r) => ({ value: r, label: name(ROLE_NAMES, r) }))}
              data-testid="change-role"
            />
          </Form.Item>
          <Form.Item
            name="scopeOrgId"
            label={tt('accounts.scopeOrgId')}
            extra={`${tt('accounts.scopeOrg')}：${account.scopeOrgName}`}
            rules={[{ required: true, message: tt('accounts.required') }]}
          >
            <ScopeOrgSelect />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('rr.reason')}
            rules={[{ required: true, whitespace: true, message: tt('accounts.required') }]}
          >
            <Input.TextArea rows={2} maxLength={500} data-testid="change-reason" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

/** Resets an ordinary account's password and shows the temporary one once. */
export function ResetPasswordButton({ account, onDone }: { account: AccountRow; onDone: () => void }) {
  const { t } = useRoleRequestText();
  const feedback = useFeedback();
  const [shown, setShown] = useState<string | null>(null);
  return (
    <>
      <Popconfirm
        title={t('rr.resetConfirm', { name: account.username })}
        onConfirm={async () => {
          try {
            const r = await api.post<{ temporaryPassword: string }>(
              `/api/accounts/${account.id}/reset-password`,
            );
            setShown(r.temporaryPassword);
            onDone();
          } catch (error) {
            feedback.error(error);
          }
        }}
      >
        <Button type="link" size="small" data-testid={`reset-${account.username}`}>
          {t('rr.reset')}
        </Button>
      </Popconfirm>
      <Modal
        open={shown !== null}
        title={t('rr.resetDone', { name: account.username })}
        onCancel={() => setShown(null)}
        onOk={() => setShown(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        <Typography.Paragraph copyable code data-testid="temporary-password">
          {shown}
        </Typography.Paragraph>
        <Alert type="warning" showIcon title={t('rr.resetHint')} />
      </Modal>
    </>
  );
}
