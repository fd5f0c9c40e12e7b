// 流动党员: the outflow list (the home org registers) and the inflow list (the inflow org confirms and
// records organizational life); both orgs see the member.

import { useQuery } from '@tanstack/react-query';
import {
  Button,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Segmented,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useInvalidate } from '../api/query.ts';
import { keys } from '../api/query-keys.ts';
import { errorText, useFeedback } from '../shell/feedback.ts';
import { PageTitle } from '../shell/page-title.tsx';
import { usePhone } from '../shell/use-phone.ts';
import { MemberPicker, ReceivingOrgPicker } from './org-member-pickers.tsx';
import { type MobileMember, transferApi } from './transfer-api.ts';
import { type TransferMessageKey, useTransferText } from './transfer-messages.ts';

interface OutflowValues {
  memberId: number;
  inflowOrgId?: number;
  destination: string;
  since: Dayjs;
  expectedMonths: number;
  fixedPlace?: boolean;
  contactPhone: string;
}

function OutflowDialog({
  open,
  onClose,
  onDone,
}: {
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, lang } = useTransferText();
  const [form] = Form.useForm<OutflowValues>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setRefusal(null);
    try {
      await transferApi.registerMobile({
        ...v,
        fixedPlace: Boolean(v.fixedPlace),
        since: v.since.format('YYYY-MM-DD'),
      });
      form.resetFields();
      onDone();
    } catch (error) {
      setRefusal(errorText(error, lang));
    }
  };
  return (
    <Modal open={open} title={t('m.register')} onCancel={onClose} onOk={submit} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ since: dayjs(), expectedMonths: 3 }}>
        <Form.Item name="memberId" label={t('t.member')} rules={[{ required: true }]}>
          <MemberPicker placeholder={t('t.memberPick')} testId="mobile-member" />
        </Form.Item>
        <Form.Item name="destination" label={t('m.destination')} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="inflowOrgId" label={t('m.inflowOrg')}>
          <ReceivingOrgPicker placeholder={t('t.toOrgPick')} testId="mobile-inflow-org" />
        </Form.Item>
        <Space>
          <Form.Item name="since" label={t('m.since')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="expectedMonths" label={t('m.months')} rules={[{ required: true }]}>
            <InputNumber min={1} max={120} />
          </Form.Item>
          <Form.Item name="fixedPlace" valuePropName="checked" label=" ">
            <Checkbox>{t('m.fixedPlace')}</Checkbox>
          </Form.Item>
        </Space>
        <Form.Item name="contactPhone" label={t('m.phone')} rules={[{ required: true }]}>
          <Input maxLength={20} />
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

function ActivityDialog({ row, onClose }: { row: MobileMember | null; onClose: () => void }) {
  const { t } = useTransferText();
  const feedback = useFeedback();
  const [form] = Form.useForm<{ on: Dayjs; kind: string; topic: string }>();
  const invalidate = useInvalidate();
  const detail = useQuery({
    queryKey: keys.transfers.mobileDetail(row?.id ?? 0),
    queryFn: () => transferApi.mobileDetail(row?.id ?? 0),
    enabled: row !== null,
  });
  const submit = async () => {
    if (!row) return;
    const v = await form.validateFields();
    try {
      await transferApi.addActivity(row.id, { ...v, on: v.on.format('YYYY-MM-DD') });
      feedback.success(t('t.done'));
      form.resetFields();
      void invalidate(keys.transfers.all);
    } catch (error) {
      feedback.error(error);
    }
  };
  return (
    <Modal
      open={row !== null}
      title={`${t('m.activity')} · ${row?.member.name ?? ''}`}
      onCancel={onClose}
      onOk={submit}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ on: dayjs(), kind: '主题党日' }}>
        <Form.Item name="on" label={t('m.activityOn')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="kind" label={t('m.activityKind')} rules={[{ required: true }]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="topic" label={t('m.activityTopic')} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
      <ul>
        {(detail.data?.activities ?? []).map((a) => (
          <li key={a.id}>
            {a.heldOn} · {a.kind} · {a.topic} · {a.orgName}
          </li>
        ))}
      </ul>
    </Modal>
  );
}

export default function MobileMembersPage() {
  const { t } = useTransferText();
  const feedback = useFeedback();
  const phone = usePhone();
  const [side, setSide] = useState<'outflow' | 'inflow'>('outflow');
  const [page, setPage] = useState(1);
  const [registering, setRegistering] = useState(false);
  const [recording, setRecording] = useState<MobileMember | null>(null);
  const invalidate = useInvalidate();
  const list = useQuery({
    queryKey: keys.transfers.mobile({ side, page, pageSize: 20 }),
    queryFn: () => transferApi.mobileList({ side, page, pageSize: 20 }),
  });

  const act = async (row: MobileMember, action: 'confirm_inflow' | 'end') => {
    try {
      await transferApi.mobileAct(row.id, action);
      void invalidate(keys.transfers.all);
    } catch (error) {
      feedback.error(error);
    }
  };

  const actionButtons = (r: MobileMember) => (
    <Space size={4} wrap>
      {r.actions.map((a) => (
        <Button key={a} size="small" onClick={() => void act(r, a)}>
          {t(`m.action.${a}` as TransferMessageKey)}
        </Button>
      ))}
      {r.state !== 'ended' && (
        <Button size="small" onClick={() => setRecording(r)}>
          {t('m.activity')}
        </Button>
      )}
    </Space>
  );
  // a phone shows one column: the member, home branch → where they went, since, phone, state, actions
  const phoneColumns = [
    {
      title: t('t.member'),
      key: 'member',
      render: (_: unknown, r: MobileMember) => (
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          <span>
            {r.member.name} · {r.member.idNumberMasked}
          </span>
          <span style={{ fontSize: 12 }}>
            {r.homeOrg.name} → {r.destination}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.inflowOrg ? `${t('m.inflow')} ${r.inflowOrg.name} · ` : ''}
            {t('m.since')} {r.since} · {r.contactPhoneMasked}
          </Typography.Text>
          <Tag style={{ alignSelf: 'flex-start' }}>{t(`m.state.${r.state}` as TransferMessageKey)}</Tag>
          {actionButtons(r)}
        </Space>
      ),
    },
  ];

  const columns = [
    {
      title: t('t.member'),
      dataIndex: 'member',
      render: (m: MobileMember['member']) => `${m.name} · ${m.idNumberMasked}`,
    },
    { title: t('m.home'), dataIndex: ['homeOrg', 'name'], ellipsis: true },
    { title: t('m.destination'), dataIndex: 'destination', ellipsis: true },
    {
      title: t('m.inflowOrg'),
      dataIndex: 'inflowOrg',
      render: (o: MobileMember['inflowOrg']) => o?.name ?? '—',
    },
    { title: t('m.since'), dataIndex: 'since' },
    { title: t('m.phone'), dataIndex: 'contactPhoneMasked' },
    {
      title: t('t.state'),
      dataIndex: 'state',
      render: (s: string) => <Tag>{t(`m.state.${s}` as TransferMessageKey)}</Tag>,
    },
    { title: t('t.actions'), key: 'actions', render: (_: unknown, r: MobileMember) => actionButtons(r) },
  ];

  return (
    <div>
      <PageTitle
        title={t('m.title')}
        extra={
          <Button type="primary" onClick={() => setRegistering(true)}>
            {t('m.register')}
          </Button>
        }
      />
      <Segmented
        value={side}
        onChange={(v) => {
          setSide(v as 'outflow' | 'inflow');
          setPage(1);
        }}
        options={[
          { value: 'outflow', label: t('m.outflow') },
          { value: 'inflow', label: t('m.inflow') },
        ]}
        style={{ marginBottom: 12 }}
      />
      <Table<MobileMember>
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
      <OutflowDialog
        open={registering}
        onClose={() => setRegistering(false)}
        onDone={() => {
          setRegistering(false);
          void invalidate(keys.transfers.all);
        }}
      />
      <ActivityDialog row={recording} onClose={() => setRecording(null)} />
    </div>
  );
}
