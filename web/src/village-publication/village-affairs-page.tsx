// 村务公开: the calendar of the scope's items (due, overdue, published on time or late), publishing an
// item with its text, place and a photo of the notice board, villagers' questions with their reply
// deadlines and the village's replies, and the link to the village's public page.
import { FileExcelOutlined, LinkOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useInvalidate } from '../api/query.ts';
import { keys } from '../api/query-keys.ts';
import { todayShanghai, useDictionary } from '../deliberation/village-text.ts';
import { useFeedback } from '../shell/feedback.ts';
import { PageTitle } from '../shell/page-title.tsx';
import { useSession } from '../shell/session.tsx';
import { usePhone } from '../shell/use-phone.ts';
import { useUrlState } from '../shell/use-url-state.ts';
import { type Item, type ItemState, publicationApi, type QuestionRow } from './publication-api.ts';
import { PUBLICATION_EN, PUBLICATION_ZH, type PublicationKey } from './publication-messages.ts';

const STATE_COLOR: Record<ItemState, string> = {
  upcoming: 'default',
  due: 'gold',
  overdue: 'red',
  on_time: 'green',
  late: 'orange',
};

export default function VillageAffairsPage() {
  const { t } = useDictionary<PublicationKey>(PUBLICATION_ZH, PUBLICATION_EN);
  const { me, can } = useSession();
  const feedback = useFeedback();
  const url = useUrlState();
  const tab = url.get('tab') ?? 'calendar';
  const orgId = url.number('orgId');
  const [state, setState] = useState<string | undefined>(url.get('state'));
  const [kind, setKind] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [publishing, setPublishing] = useState<Item | null>(null);
  const [replying, setReplying] = useState<QuestionRow | null>(null);
  const [onlyOpen, setOnlyOpen] = useState(true);
  const manage = can('village:manage');
  const invalidate = useInvalidate();
  const items = useQuery({
    queryKey: keys.villageAffairs.items({ orgId, state, kind, page }),
    queryFn: () => publicationApi.list({ orgId, state, kind, page, pageSize: 20 }),
    enabled: tab === 'calendar',
  });
  const questions = useQuery({
    queryKey: keys.villageAffairs.questions({ orgId, onlyOpen, page }),
    queryFn: () => publicationApi.questions({ orgId, open: onlyOpen || undefined, page, pageSize: 20 }),
    enabled: tab === 'questions',
  });
  const isVillage = me?.scope.level === 'village';
  const phone = usePhone();
  const itemAction = (r: Item) =>
    !r.publishedOn && manage && (r.kind === 'general' || r.kind === 'finance' || r.kind === 'major') ? (
      <Button size="small" type="primary" onClick={() => setPublishing(r)} data-testid="publish-open">
        {t('publish')}
      </Button>
    ) : r.deliberationId ? (
      <Link to={`/deliberations/${r.deliberationId}`}>{t('matter')}</Link>
    ) : null;
  const stateTag = (r: Item) => <Tag color={STATE_COLOR[r.state]}>{t(`state.${r.state}`)}</Tag>;
  const questionAction = (r: QuestionRow) =>
    !r.reply && manage ? (
      <Button size="small" type="primary" onClick={() => setReplying(r)} data-testid="reply-open">
        {t('reply')}
      </Button>
    ) : null;
  const replyDue = (r: QuestionRow) => (
    <span style={{ color: r.overdue ? '#cf1322' : undefined }}>
      {r.replyDueOn}
      {r.overdue ? ` ${t('overdue')}` : ''}
    </span>
  );

  const itemColumns = [
    {
      title: t('item'),
      key: 'title',
      render: (_: unknown, r: Item) => (
        <div>
          {r.title}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {r.kindName}
            {r.place ? ` · ${r.place}` : ''}
            {r.questions > 0 ? ` · ${t('questionCount', { n: r.questions })}` : ''}
          </Typography.Text>
          {phone && (
            // a phone shows one column: the dates, the state and what to do under the item
            <Space wrap size={[8, 4]} style={{ display: 'flex', marginTop: 4, fontSize: 12 }}>
              {!isVillage && <span>{r.org.name}</span>}
              <span>
                {t('dueOn')} {r.dueOn}
              </span>
              {r.publishedOn && (
                <span>
                  {t('publishedOn')} {r.publishedOn}
                </span>
              )}
              {stateTag(r)}
              {itemAction(r)}
            </Space>
          )}
        </div>
      ),
    },
    ...(isVillage
      ? []
      : [{ title: t('village'), key: 'org', width: 160, render: (_: unknown, r: Item) => r.org.name }]),
    { title: t('dueOn'), dataIndex: 'dueOn', width: 110 },
    {
      title: t('publishedOn'),
      key: 'pub',
      width: 110,
      render: (_: unknown, r: Item) => r.publishedOn ?? '—',
    },
    {
      title: t('state'),
      key: 'state',
      width: 110,
      render: (_: unknown, r: Item) => stateTag(r),
    },
    {
      title: t('actions'),
      key: 'actions',
      width: 110,
      render: (_: unknown, r: Item) => itemAction(r),
    },
  ];
  const questionColumns = [
    {
      title: t('question'),
      key: 'q',
      render: (_: unknown, r: QuestionRow) => (
        <div data-testid="question-row">
          <div>{r.question}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.itemTitle} · {r.askerName || t('villager')} {r.phoneMasked ?? ''} · {r.askedAt.slice(0, 10)}
          </Typography.Text>
          {r.reply && <div style={{ marginTop: 4, color: '#389e0d' }}>{t('replied', { text: r.reply })}</div>}
          {phone && (
            <Space wrap size={[8, 4]} style={{ display: 'flex', marginTop: 4, fontSize: 12 }}>
              {!isVillage && <span>{r.org.name}</span>}
              <span>
                {t('replyDueOn')} {replyDue(r)}
              </span>
              {questionAction(r)}
            </Space>
          )}
        </div>
      ),
    },
    ...(isVillage
      ? []
      : [
          { title: t('village'), key: 'org', width: 150, render: (_: unknown, r: QuestionRow) => r.org.name },
        ]),
    {
      title: t('replyDueOn'),
      key: 'due',
      width: 130,
      render: (_: unknown, r: QuestionRow) => replyDue(r),
    },
    {
      title: t('actions'),
      key: 'actions',
      width: 100,
      render: (_: unknown, r: QuestionRow) => questionAction(r),
    },
  ];

  return (
    <div data-testid="village-affairs-page">
      <PageTitle
        title={t('title')}
        extra={
          <Space wrap>
            {isVillage && me && (
              <Link to={`/public/villages/${me.scope.code}`} target="_blank" data-testid="public-page-link">
                <Button icon={<LinkOutlined />}>{t('publicPage')}</Button>
              </Link>
            )}
            <Button
              icon={<FileExcelOutlined />}
              onClick={async () => {
                try {
                  const name = await publicationApi.exportExcel(
                    { orgId, state, kind },
                    `村务公开-${todayShanghai()}.xlsx`,
                  );
                  feedback.success(t('exported', { name }));
                } catch (error) {
                  feedback.error(error);
                }
              }}
            >
              {t('export')}
            </Button>
          </Space>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          url.set({ tab: key }, { replace: true });
          setPage(1);
        }}
        items={[
          { key: 'calendar', label: t('tabCalendar') },
          { key: 'questions', label: t('tabQuestions') },
        ]}
      />
      {tab === 'calendar' ? (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            <Select
              allowClear
              style={{ width: 160 }}
              placeholder={t('allStates')}
              value={state}
              onChange={(v) => {
                setState(v);
                setPage(1);
              }}
              options={(['pending', 'overdue', 'published', 'on_time', 'late'] as const).map((s) => ({
                value: s,
                label: t(`filter.${s}`),
              }))}
              data-testid="state-filter"
            />
            <Select
              allowClear
              style={{ width: 160 }}
              placeholder={t('allKinds')}
              value={kind}
              onChange={(v) => {
                setKind(v);
                setPage(1);
              }}
              options={(['general', 'finance', 'major', 'resolution', 'result'] as const).map((k) => ({
                value: k,
                label: t(`kind.${k}`),
              }))}
            />
          </Space>
          <Table<Item>
            rowKey="id"
            size="middle"
            loading={items.isFetching}
            dataSource={items.data?.items ?? []}
            columns={phone ? itemColumns.slice(0, 1) : itemColumns}
            scroll={phone ? undefined : { x: 760 }}
            tableLayout={phone ? 'fixed' : undefined}
            className={phone ? 'qj-phone-list' : undefined}
            locale={{ emptyText: t('noItems') }}
            pagination={{
              current: page,
              pageSize: 20,
              total: items.data?.total ?? 0,
              onChange: setPage,
              showSizeChanger: false,
            }}
            data-testid="publication-items"
          />
        </>
      ) : (
        <>
          <Select
            style={{ width: 160, marginBottom: 12 }}
            value={onlyOpen}
            onChange={(v) => {
              setOnlyOpen(v);
              setPage(1);
            }}
            options={[
              { value: true, label: t('openOnly') },
              { value: false, label: t('allQuestions') },
            ]}
          />
          <Table<QuestionRow>
            rowKey="id"
            size="middle"
            loading={questions.isFetching}
            dataSource={questions.data?.items ?? []}
            columns={phone ? questionColumns.slice(0, 1) : questionColumns}
            scroll={phone ? undefined : { x: 700 }}
            tableLayout={phone ? 'fixed' : undefined}
            className={phone ? 'qj-phone-list' : undefined}
            locale={{ emptyText: t('noQuestions') }}
            pagination={{
              current: page,
              pageSize: 20,
              total: questions.data?.total ?? 0,
              onChange: setPage,
              showSizeChanger: false,
            }}
            data-testid="questions"
          />
        </>
      )}
      {publishing && (
        <PublishDialog
          item={publishing}
          onClose={(done) => {
            setPublishing(null);
            if (done) void invalidate(keys.villageAffairs.all);
          }}
        />
      )}
      {replying && (
        <ReplyDialog
          q={replying}
          onClose={(done) => {
            setReplying(null);
            if (done) void invalidate(keys.villageAffairs.all);
          }}
        />
      )}
    </div>
  );
}

function PublishDialog({ item, onClose }: { item: Item; onClose: (done: boolean) => void }) {
  const { t } = useDictionary<PublicationKey>(PUBLICATION_ZH, PUBLICATION_EN);
  const feedback = useFeedback();
  const [form] = Form.useForm<{ content: string; place: string }>();
  const [photo, setPhoto] = useState<{ id: number; name: string; at: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await publicationApi.publish(item.id, {
        content: v.content,
        place: v.place,
        ...(photo ? { photoAttachmentId: photo.id, photoTakenAt: photo.at } : {}),
      });
      feedback.success(t('published'));
      onClose(true);
    } catch (error) {
      feedback.error(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={`${t('publish')}：${item.title}`}
      onCancel={() => onClose(false)}
      onOk={() => void submit()}
      confirmLoading={busy}
      okText={t('publish')}
      okButtonProps={{ 'data-testid': 'publish-submit' } as never}
    >
      <Form form={form} layout="vertical" initialValues={{ place: `${item.org.name}村务公开栏` }}>
        <Form.Item name="content" label={t('content')} rules={[{ required: true, message: t('required') }]}>
          <Input.TextArea rows={6} maxLength={20000} data-testid="publish-content" />
        </Form.Item>
        <Form.Item name="place" label={t('place')} rules={[{ required: true, message: t('required') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label={t('photo')}>
          <Upload
            accept="image/jpeg,image/png,image/webp"
            showUploadList={false}
            customRequest={async ({ file }) => {
              try {
                const f = file as File;
                const up = await publicationApi.upload(f, item.org.id);
                setPhoto({ id: up.id, name: f.name, at: new Date().toISOString() });
              } catch (error) {
                feedback.error(error);
              }
            }}
          >
            <Button icon={<UploadOutlined />} data-testid="publish-photo">
              {t('uploadPhoto')}
            </Button>
          </Upload>
          {photo && (
            <div style={{ fontSize: 12 }}>
              {t('photoTaken', { name: photo.name, at: new Date(photo.at).toLocaleString('zh-CN') })}
            </div>
          )}
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ReplyDialog({ q, onClose }: { q: QuestionRow; onClose: (done: boolean) => void }) {
  const { t } = useDictionary<PublicationKey>(PUBLICATION_ZH, PUBLICATION_EN);
  const feedback = useFeedback();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open
      title={t('reply')}
      onCancel={() => onClose(false)}
      confirmLoading={busy}
      okButtonProps={{ disabled: !text.trim(), 'data-testid': 'reply-submit' } as never}
      onOk={async () => {
        setBusy(true);
        try {
          await publicationApi.reply(q.id, text.trim());
          feedback.success(t('replySent'));
          onClose(true);
        } catch (error) {
          feedback.error(error);
        } finally {
          setBusy(false);
        }
      }}
    >
      <p>{q.question}</p>
      <Typography.Text type="secondary">{t('replyDueHint', { date: q.replyDueOn })}</Typography.Text>
      <Input.TextArea
        rows={4}
        maxLength={5000}
        value={text}
        onChange={(e) => setText(e.target.value)}
        style={{ marginTop: 8 }}
        data-testid="reply-text"
      />
    </Modal>
  );
}
