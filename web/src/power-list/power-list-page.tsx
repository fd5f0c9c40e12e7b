// 小微权力清单: the county's positive list (each power with its procedure) and negative list; the
// records of power use with their progress (a village opens a record and follows the procedure step
// by step); the records flagged to the town (unmatched or on the negative list) and their review.
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Button,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Steps,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { useInvalidate } from '../api/query.ts';
import { keys } from '../api/query-keys.ts';
import type { CountyCollection } from '../api/types.ts';
import { todayShanghai, useDictionary, yuan } from '../deliberation/village-text.ts';
import { errorText, useFeedback } from '../shell/feedback.ts';
import { PageTitle } from '../shell/page-title.tsx';
import { useSession } from '../shell/session.tsx';
import { usePhone } from '../shell/use-phone.ts';
import { useUrlState } from '../shell/use-url-state.ts';
import { type PowerItem, type PowerUse, powerApi } from './power-list-api.ts';
import { POWER_EN, POWER_ZH, type PowerKey } from './power-list-messages.ts';

export default function PowerListPage() {
  const { t } = useDictionary<PowerKey>(POWER_ZH, POWER_EN);
  const { me, can } = useSession();
  const url = useUrlState();
  const tab = url.get('tab') ?? 'list';
  const orgId = url.number('orgId');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  // each county keeps its own list: the city picks the county it reads (the first one at first)
  const isCity = me?.scope.level === 'city';
  const invalidate = useInvalidate();
  const counties = useQuery({
    queryKey: keys.map.counties,
    queryFn: () => api.get<CountyCollection>('/api/map/counties'),
    enabled: isCity,
  });
  const countyCode = isCity ? (url.get('county') ?? counties.data?.features[0]?.properties.code) : undefined;
  const list = useQuery({
    queryKey: keys.powerList.list(countyCode),
    queryFn: () => powerApi.list(countyCode),
    enabled: (tab === 'list' || creating) && (!isCity || countyCode !== undefined),
  });
  const uses = useQuery({
    queryKey: keys.powerList.uses({ orgId, page, tab }),
    queryFn: () =>
      powerApi.uses({ orgId, page, pageSize: 20, ...(tab === 'flagged' ? { flag: 'any' } : {}) }),
    enabled: tab !== 'list',
  });
  const isVillage = me?.scope.level === 'village';
  const phone = usePhone();
  const statusTag = (u: PowerUse) => (
    <Tag color={u.status === 'completed' ? 'green' : 'blue'}>{t(`status.${u.status}`)}</Tag>
  );
  const flagCell = (u: PowerUse) =>
    u.flag ? (
      <div>
        <Tag color={u.flag === 'negative' ? 'red' : 'orange'}>{t(`flag.${u.flag}`)}</Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {u.flagReviewedAt ? t('reviewed') : t('toReview')}
        </Typography.Text>
      </div>
    ) : (
      '—'
    );
  const itemColumns = [
    { title: t('code'), dataIndex: 'code', width: 70 },
    { title: t('name'), dataIndex: 'name' },
    { title: t('category'), dataIndex: 'categoryName', width: 150 },
    { title: t('actor'), dataIndex: 'actor', width: 200 },
  ];
  const useColumns = [
    {
      title: t('use'),
      key: 'title',
      render: (_: unknown, u: PowerUse) => (
        <div>
          <Typography.Link onClick={() => setOpen(u.id)} data-testid="power-use-open">
            {u.title}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {u.item ? `${u.item.code} ${u.item.name}` : t('unmatchedItem')} · {u.startedOn}
          </Typography.Text>
          {phone && (
            // a phone shows one column: village, amount, progress, status and flag under the record
            <Space wrap size={[8, 4]} style={{ display: 'flex', marginTop: 4, fontSize: 12 }}>
              {!isVillage && <span>{u.org.name}</span>}
              {u.amountFen !== null && <span>{yuan(u.amountFen)}</span>}
              {u.stepsTotal ? (
                <span>
                  {t('progress')} {u.stepsDone}/{u.stepsTotal}
                </span>
              ) : null}
              {statusTag(u)}
              {u.flag && flagCell(u)}
            </Space>
          )}
        </div>
      ),
    },
    ...(isVillage
      ? []
      : [{ title: t('village'), key: 'org', width: 150, render: (_: unknown, u: PowerUse) => u.org.name }]),
    {
      title: t('amount'),
      key: 'amount',
      width: 120,
      align: 'right' as const,
      render: (_: unknown, u: PowerUse) => yuan(u.amountFen),
    },
    {
      title: t('progress'),
      key: 'progress',
      width: 120,
      render: (_: unknown, u: PowerUse) => (u.stepsTotal ? `${u.stepsDone}/${u.stepsTotal}` : '—'),
    },
    {
      title: t('status'),
      key: 'status',
      width: 90,
      render: (_: unknown, u: PowerUse) => statusTag(u),
    },
    {
      title: t('flag'),
      key: 'flag',
      width: 190,
      render: (_: unknown, u: PowerUse) => flagCell(u),
    },
  ];
  return (
    <div data-testid="power-list-page">
      <PageTitle
        title={t('title')}
        extra={
          isVillage && can('village:manage') ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="power-use-new"
            >
              {t('newUse')}
            </Button>
          ) : null
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          url.set({ tab: key }, { replace: true });
          setPage(1);
        }}
        items={[
          { key: 'list', label: t('tabList') },
          { key: 'uses', label: t('tabUses') },
          { key: 'flagged', label: t('tabFlagged') },
        ]}
      />
      {tab === 'list' ? (
        <>
          {isCity ? (
            <Select
              style={{ width: 200, marginBottom: 8 }}
              value={countyCode}
              loading={counties.isFetching}
              options={(counties.data?.features ?? []).map((f) => ({
                value: f.properties.code,
                label: f.properties.name,
              }))}
              onChange={(code: string) => {
                url.set({ county: code }, { replace: true });
              }}
              data-testid="power-list-county"
            />
          ) : null}
          <Typography.Title level={5}>
            {t('positive', { n: list.data?.positive.length ?? 0 })}
          </Typography.Title>
          <Table<PowerItem>
            rowKey="id"
            size="small"
            loading={list.isFetching}
            dataSource={list.data?.positive ?? []}
            columns={itemColumns}
            pagination={false}
            scroll={{ x: 700 }}
            expandable={{
              expandedRowRender: (i) => (
                <Steps
                  direction="vertical"
                  size="small"
                  current={-1}
                  items={i.steps.map((s) => ({
                    title: s.name,
                    description: `${t('actor')}：${s.actor}；${t('evidence')}：${s.evidence}`,
                  }))}
                />
              ),
            }}
            data-testid="positive-list"
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('negative', { n: list.data?.negative.length ?? 0 })}
          </Typography.Title>
          <Table<PowerItem>
            rowKey="id"
            size="small"
            dataSource={list.data?.negative ?? []}
            columns={itemColumns.slice(0, 2)}
            pagination={false}
            data-testid="negative-list"
          />
        </>
      ) : (
        <Table<PowerUse>
          rowKey="id"
          size="middle"
          loading={uses.isFetching}
          dataSource={uses.data?.items ?? []}
          columns={phone ? useColumns.slice(0, 1) : useColumns}
          scroll={phone ? undefined : { x: 800 }}
          tableLayout={phone ? 'fixed' : undefined}
          className={phone ? 'qj-phone-list' : undefined}
          pagination={{
            current: page,
            pageSize: 20,
            total: uses.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
          data-testid="power-uses"
        />
      )}
      {open !== null && (
        <UseDrawer
          id={open}
          onClose={() => {
            setOpen(null);
            void invalidate(keys.powerList.all);
          }}
        />
      )}
      {creating && me && (
        <NewUseDialog
          villageId={me.scope.id}
          items={list.data?.positive ?? []}
          onClose={(id) => {
            setCreating(false);
            if (id) setOpen(id);
          }}
        />
      )}
    </div>
  );
}

function NewUseDialog({
  villageId,
  items,
  onClose,
}: {
  villageId: number;
  items: PowerItem[];
  onClose: (id: number | null) => void;
}) {
  const { t } = useDictionary<PowerKey>(POWER_ZH, POWER_EN);
  const feedback = useFeedback();
  const [form] = Form.useForm<{
    itemId?: number;
    title: string;
    amountYuan?: number;
    description?: string;
  }>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const out = await powerApi.create({
        orgId: villageId,
        title: v.title,
        startedOn: todayShanghai(),
        ...(v.itemId ? { itemId: v.itemId } : {}),
        ...(v.description ? { description: v.description } : {}),
        ...(v.amountYuan ? { amountFen: Math.round(v.amountYuan * 100) } : {}),
      });
      feedback.success(out.flag ? t(`flagged.${out.flag as 'unmatched' | 'negative'}`) : t('opened'));
      onClose(out.id);
    } catch (error) {
      feedback.error(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('newUse')}
      onCancel={() => onClose(null)}
      onOk={() => void submit()}
      confirmLoading={busy}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="itemId" label={t('power')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            options={items.map((i) => ({ value: i.id, label: `${i.code} ${i.name}` }))}
            data-testid="power-use-item"
          />
        </Form.Item>
        <Form.Item name="title" label={t('use')} rules={[{ required: true, message: t('required') }]}>
          <Input maxLength={200} data-testid="power-use-title" />
        </Form.Item>
        <Form.Item name="amountYuan" label={t('amountYuan')}>
          <InputNumber min={0} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="description" label={t('description')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function UseDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const { t, lang } = useDictionary<PowerKey>(POWER_ZH, POWER_EN);
  const { can, me } = useSession();
  const feedback = useFeedback();
  const invalidate = useInvalidate();
  const use = useQuery({ queryKey: keys.powerList.use(id), queryFn: () => powerApi.use(id) });
  const [actorName, setActorName] = useState('');
  const [evidence, setEvidence] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const u = use.data;
  const isVillage = me?.scope.level === 'village';
  return (
    <Drawer open width={560} title={u?.title ?? ''} onClose={onClose} data-testid="power-use-drawer">
      {u && (
        <Space direction="vertical" style={{ width: '100%' }}>
          {u.flag && (
            <Tag color={u.flag === 'negative' ? 'red' : 'orange'}>
              {t(`flag.${u.flag}`)}
              {u.flagDetail?.negativeName ? `：${u.flagDetail.negativeName}` : ''}
            </Tag>
          )}
          {u.flagReviewNote && (
            <Typography.Text>{t('reviewNote', { note: u.flagReviewNote })}</Typography.Text>
          )}
          <Steps
            direction="vertical"
            size="small"
            current={u.stepsDone}
            items={u.procedure.map((p) => {
              const done = u.steps.find((s) => s.index === p.index);
              return {
                title: p.name,
                description: done
                  ? `${done.doneOn} · ${done.actorName} · ${done.evidence}`
                  : `${p.actor} · ${p.evidence}`,
              };
            })}
          />
          {u.nextStep && isVillage && can('village:manage') && (
            <Space direction="vertical" style={{ width: '100%' }} data-testid="power-step-form">
              <b>{t('nextStep', { name: u.nextStep.name })}</b>
              <Input
                placeholder={t('actorName')}
                value={actorName}
                onChange={(e) => setActorName(e.target.value)}
                data-testid="power-step-actor"
              />
              <Input
                placeholder={t('evidenceOf', { evidence: u.nextStep.evidence })}
                value={evidence}
                onChange={(e) => setEvidence(e.target.value)}
                data-testid="power-step-evidence"
              />
              {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
              <Button
                type="primary"
                data-testid="power-step-submit"
                onClick={async () => {
                  setProblem(null);
                  try {
                    await powerApi.step(u.id, {
                      index: u.nextStep?.index ?? 1,
                      doneOn: todayShanghai(),
                      actorName,
                      evidence,
                    });
                    setActorName('');
                    setEvidence('');
                    void invalidate(keys.powerList.all);
                  } catch (error) {
                    setProblem(errorText(error, lang));
                  }
                }}
              >
                {t('record')}
              </Button>
            </Space>
          )}
          {u.flag && !u.flagReviewedAt && can('village:supervise') && !isVillage && (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Input.TextArea
                rows={3}
                placeholder={t('reviewPlaceholder')}
                value={note}
                onChange={(e) => setNote(e.target.value)}
                data-testid="power-review-note"
              />
              <Button
                type="primary"
                disabled={!note.trim()}
                onClick={async () => {
                  try {
                    await powerApi.review(u.id, note.trim());
                    feedback.success(t('reviewed'));
                    void invalidate(keys.powerList.all);
                  } catch (error) {
                    feedback.error(error);
                  }
                }}
                data-testid="power-review-submit"
              >
                {t('review')}
              </Button>
            </Space>
          )}
        </Space>
      )}
    </Drawer>
  );
}
