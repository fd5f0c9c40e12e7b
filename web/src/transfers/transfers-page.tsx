// 组织关系转接: outgoing and incoming letters with their states and flags; the sending branch issues a
// letter, the receiving branch confirms and returns the receipt.

import { useQuery } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useInvalidate } from '../api/query.ts';
import { keys } from '../api/query-keys.ts';
import { errorText, useFeedback } from '../shell/feedback.ts';
import { PageTitle } from '../shell/page-title.tsx';
import { usePhone } from '../shell/use-phone.ts';
import { MemberPicker, ReceivingOrgPicker } from './org-member-pickers.tsx';
import { type Transfer, type TransferAction, transferApi } from './transfer-api.ts';
import { type TransferMessageKey, useTransferText } from './transfer-messages.ts';

const STATE_COLOR: Record<string, string> = {
  issued: 'blue',
  received: 'gold',
  receipt_returned: 'green',
  withdrawn: 'default',
  refused: 'red',
  expired: 'volcano',
};

function IssueDialog({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: () => void }) {
  const { t, lang } = useTransferText();
  const feedback = useFeedback();
  const [form] = Form.useForm<{ memberId: number; toOrgId: number; reason?: string }>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    setRefusal(null);
    try {
      await transferApi.issue(values);
      feedback.success(t('t.done'));
      form.resetFields();
      onDone();
    } catch (error) {
      setRefusal(errorText(error, lang));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('t.issue')}
      onCancel={onClose}
      onOk={submit}
      okText={t('t.submit')}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="memberId" label={t('t.member')} rules={[{ required: true }]}>
          <MemberPicker placeholder={t('t.memberPick')} testId="transfer-member" />
        </Form.Item>
        <Form.Item name="toOrgId" label={t('t.toOrg')} rules={[{ required: true }]}>
          <ReceivingOrgPicker placeholder={t('t.toOrgPick')} testId="transfer-to-org" />
        </Form.Item>
        <Form.Item name="reason" label={t('t.reason')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
      {refusal && (
        <div role="alert" className="transfer-refusal" style={{ color: '#cf1322' }}>
          {refusal}
        </div>
      )}
    </Modal>
  );
}

export default function TransfersPage() {
  const { t } = useTransferText();
  const feedback = useFeedback();
  const phone = usePhone();
  const [direction, setDirection] = useState<'out' | 'in'>('out');
  const [page, setPage] = useState(1);
  const [issuing, setIssuing] = useState(false);
  const [refusing, setRefusing] = useState<Transfer | null>(null);
  const [reason, setReason] = useState('');
  const invalidate = useInvalidate();
  const list = useQuery({
    queryKey: keys.transfers.list({ direction, page, pageSize: 20 }),
    queryFn: () => transferApi.list({ direction, page, pageSize: 20 }),
  });

  const act = async (row: Transfer, action: TransferAction, why?: string) => {
    try {
      await transferApi.act(row.id, action, why);
      feedback.success(t('t.done'));
      void invalidate(keys.transfers.all);
    } catch (error) {
      feedback.error(error);
    }
  };

  const stateTags = (r: Transfer) => (
    <Space size={4} wrap>
      <Tag color={STATE_COLOR[r.state]}>{t(`t.state.${r.state}` as TransferMessageKey)}</Tag>
      {r.receiptOverdue && <Tag color="red">{t('t.receiptOverdue')}</Tag>}
    </Space>
  );
  const actionButtons = (r: Transfer) => (
    <Space size={4} wrap>
      {r.actions.map((a) => (
        <Button
          key={a}
          size="small"
          danger={a === 'refuse' || a === 'withdraw'}
          type={a === 'confirm' || a === 'return_receipt' ? 'primary' : 'default'}
          onClick={() => (a === 'refuse' ? setRefusing(r) : void act(r, a))}
        >
          {t(`t.action.${a}` as TransferMessageKey)}
        </Button>
      ))}
    </Space>
  );
  // a phone shows one column: the member and the letter, from → to, scope and validity, state, actions
  const phoneColumns = [
    {
      title: t('t.member'),
      key: 'letter',
      render: (_: unknown, r: Transfer) => (
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          <span>
            {r.member.name} · {r.member.idNumberMasked}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.letterNo}
          </Typography.Text>
          <span style={{ fontSize: 12 }}>
            {r.fromOrg.name} → {r.toOrg.name}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`t.scope.${r.scope}` as TransferMessageKey)} · {t('t.validUntil')} {r.validUntil}
          </Typography.Text>
          {stateTags(r)}
          {r.actions.length > 0 && actionButtons(r)}
        </Space>
      ),
    },
  ];

  const columns = [
    { title: t('t.letterNo'), dataIndex: 'letterNo' },
    {
      title: t('t.member'),
      dataIndex: 'member',
      render: (m: Transfer['member']) => `${m.name} · ${m.idNumberMasked}`,
    },
    { title: t('t.from'), dataIndex: ['fromOrg', 'name'], ellipsis: true },
    { title: t('t.to'), dataIndex: ['toOrg', 'name'], ellipsis: true },
    { title: '', dataIndex: 'scope', render: (s: string) => t(`t.scope.${s}` as TransferMessageKey) },
    { title: t('t.validUntil'), dataIndex: 'validUntil' },
    { title: t('t.state'), key: 'state', render: (_: unknown, r: Transfer) => stateTags(r) },
    { title: t('t.actions'), key: 'actions', render: (_: unknown, r: Transfer) => actionButtons(r) },
  ];

  return (
    <div>
      <PageTitle
        title={t('t.title')}
        extra={
          <Button type="primary" onClick={() => setIssuing(true)}>
            {t('t.issue')}
          </Button>
        }
      />
      <Segmented
        value={direction}
        onChange={(v) => {
          setDirection(v as 'out' | 'in');
          setPage(1);
        }}
        options={[
          { value: 'out', label: t('t.out') },
          { value: 'in', label: t('t.in') },
        ]}
        style={{ marginBottom: 12 }}
      />
      <Table<Transfer>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        columns={phone ? phoneColumns : columns}
        pagination={{ current: page, total: list.data?.total ?? 0, pageSize: 20, onChange: setPage }}
        scroll={phone ? undefined : { x: 900 }}
        tableLayout={phone ? 'fixed' : undefined}
        className={phone ? 'qj-phone-list' : undefined}
      />
      <IssueDialog
        open={issuing}
        onClose={() => setIssuing(false)}
        onDone={() => {
          setIssuing(false);
          setDirection('out');
          void invalidate(keys.transfers.all);
        }}
      />
      <Modal
        open={refusing !== null}
        title={t('t.action.refuse')}
        onCancel={() => setRefusing(null)}
        onOk={async () => {
          if (refusing) await act(refusing, 'refuse', reason);
          setRefusing(null);
          setReason('');
        }}
      >
        <Input.TextArea
          placeholder={t('t.refuseReason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </div>
  );
}
