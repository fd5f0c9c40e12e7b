// 每月组织生活清单. The city or a county composes and publishes a month's checklist and follows its
// completion by scope (a table with progress bars, drilling down city → county → town → village), lists
// and reminds the overdue branches. A branch sees this month's items and marks each done with one of its
// meetings as evidence.

import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Progress, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useInvalidate } from '../api/query.ts';
import { keys } from '../api/query-keys.ts';
import { useFeedback } from '../shell/feedback.ts';
import { PageTitle } from '../shell/page-title.tsx';
import { PhoneItem, PhoneLine, PhoneTags, phoneListProps } from '../shell/phone-list.tsx';
import { useSession } from '../shell/session.tsx';
import { usePhone } from '../shell/use-phone.ts';
import { ChecklistCompose } from './checklist-compose.tsx';
import { type Checklist, type Completion, meetingApi, type Task } from './meeting-api.ts';
import { useMeetingText } from './meeting-messages.ts';
import './meetings.css';

const pct = (rate: number) => Math.round(rate * 1000) / 10;

function CompletionCard({ checklist, canRemind }: { checklist: Checklist; canRemind: boolean }) {
  const { t } = useMeetingText();
  const feedback = useFeedback();
  const [trail, setTrail] = useState<{ id: number; name: string }[]>([]);
  const orgId = trail.at(-1)?.id;
  const invalidate = useInvalidate();
  const data = useQuery({
    queryKey: keys.checklists.completion(checklist.id, orgId),
    queryFn: () => meetingApi.completion(checklist.id, orgId),
  });
  const overdue = useQuery({
    queryKey: keys.checklists.overdue(checklist.id, orgId),
    queryFn: () => meetingApi.overdue(checklist.id, orgId),
  });
  const c = data.data;
  const reminding = useMutation({
    mutationFn: () => meetingApi.remind(checklist.id, orgId),
    onSuccess: (r) => {
      feedback.success(t('c.reminded', { n: r.notified }));
      return invalidate(keys.checklists.overdue(checklist.id, orgId));
    },
    onError: (error) => feedback.error(error),
  });
  const remind = () => reminding.mutate();
  const phone = usePhone();
  type Row = Completion['children'][number];
  const orgCell = (r: Row) =>
    r.branches <= 1 && (r.org.level === 'village' || r.org.level === 'grid' || r.org.level === 'unit') ? (
      r.org.name
    ) : (
      <Button
        type="link"
        size="small"
        onClick={() => setTrail((x) => [...x, r.org])}
        style={phone ? { padding: 0 } : undefined}
      >
        {r.org.name}
      </Button>
    );
  // a phone shows one column: the organization, its counts on one line, then its completion bar
  const phoneColumns = [
    {
      title: t('m.col.org'),
      key: 'org',
      render: (_: unknown, r: Row) => (
        <PhoneItem>
          {orgCell(r)}
          <PhoneLine>
            {t('m.branches')} {r.branches} · {t('c.tasksDone')} {r.done}/{r.tasks}
          </PhoneLine>
          <PhoneLine>
            {t('c.branchesOverdue')} {r.branchesOverdue}
          </PhoneLine>
          <Progress percent={pct(r.rate)} size="small" />
        </PhoneItem>
      ),
    },
  ];
  return (
    <Card
      size="small"
      title={`${t('c.completion')} · ${c?.org.name ?? ''}`}
      extra={
        <Space>
          {trail.length > 0 && (
            <Button size="small" onClick={() => setTrail((x) => x.slice(0, -1))}>
              {t('c.back')}
            </Button>
          )}
          <Button
            size="small"
            data-testid="completion-refresh"
            onClick={() => {
              void data.refetch();
              void overdue.refetch();
            }}
          >
            ↻
          </Button>
        </Space>
      }
    >
      {c && (
        <div className="qj-meet-total" data-testid="completion-total">
          <Progress percent={pct(c.totals.rate)} data-testid="completion-rate" />
          <span className="qj-meet-muted">
            {t('c.tasksDone')} {c.totals.done}/{c.totals.tasks} · {t('c.branchesDone')}{' '}
            {c.totals.branchesDone}/{c.totals.branches} · {t('c.branchesOverdue')} {c.totals.branchesOverdue}
          </span>
        </div>
      )}
      <Table<Row>
        rowKey={(r) => r.org.id}
        size="small"
        loading={data.isFetching}
        dataSource={c?.children ?? []}
        pagination={false}
        {...phoneListProps(phone, 'max-content')}
        columns={
          phone
            ? phoneColumns
            : [
                { title: t('m.col.org'), key: 'org', render: (_: unknown, r: Row) => orgCell(r) },
                { title: t('m.branches'), dataIndex: 'branches', width: 90 },
                {
                  title: t('c.tasksDone'),
                  key: 'done',
                  width: 120,
                  render: (_: unknown, r: Row) => `${r.done}/${r.tasks}`,
                },
                {
                  title: t('c.rate'),
                  key: 'rate',
                  width: 160,
                  render: (_: unknown, r: Row) => <Progress percent={pct(r.rate)} size="small" />,
                },
                { title: t('c.branchesOverdue'), dataIndex: 'branchesOverdue', width: 120 },
              ]
        }
      />
      {(overdue.data?.items.length ?? 0) > 0 && (
        <div className="qj-meet-overdue">
          <Space>
            <strong>
              {t('c.overdue')} ({overdue.data?.items.length})
            </strong>
            {canRemind && (
              <Button size="small" danger onClick={remind}>
                {t('c.remind')}
              </Button>
            )}
          </Space>
          <div className="qj-meet-muted">
            {overdue.data?.items
              .slice(0, 30)
              .map((o) => o.name)
              .join('、')}
          </div>
        </div>
      )}
    </Card>
  );
}

function MarkDone({ task, orgId, onDone }: { task: Task; orgId: number; onDone: () => void }) {
  const { t, kind } = useMeetingText();
  const feedback = useFeedback();
  const [meetingId, setMeetingId] = useState<number>();
  const from = `${task.month}-01`;
  const meetings = useQuery({
    queryKey: keys.meetings.list({ orgId, pageSize: 100 }),
    queryFn: () => meetingApi.list({ orgId, pageSize: 100 }),
  });
  const options = (meetings.data?.items ?? [])
    .filter((m) => m.orgId === orgId && m.heldOn.startsWith(task.month) && m.heldOn >= from)
    .filter((m) => task.kinds.length === 0 || task.kinds.includes(m.kind))
    .map((m) => ({ value: m.id, label: `${m.heldOn} ${kind(m.kind)} · ${m.topic}` }));
  const submit = async () => {
    if (!meetingId) return;
    try {
      await meetingApi.markDone(task.id, meetingId);
      onDone();
    } catch (error) {
      feedback.error(error);
    }
  };
  if (!meetings.isFetching && options.length === 0)
    return <span className="qj-meet-muted">{t('c.noMeeting')}</span>;
  return (
    <Space wrap>
      <Select
        style={{ width: 260, maxWidth: '100%' }}
        placeholder={t('c.pickMeeting')}
        options={options}
        value={meetingId}
        onChange={setMeetingId}
        data-testid={`task-meeting-${task.id}`}
      />
      <Button type="primary" disabled={!meetingId} onClick={submit} data-testid={`task-done-${task.id}`}>
        {t('c.markDone')}
      </Button>
    </Space>
  );
}

function BranchTasks({ orgId, month }: { orgId: number; month: string }) {
  const { t, kind } = useMeetingText();
  const invalidate = useInvalidate();
  const tasks = useQuery({
    queryKey: keys.meetings.tasks(orgId, month),
    queryFn: () => meetingApi.tasks(orgId, month),
  });
  const items = tasks.data?.items ?? [];
  const phone = usePhone();
  if (!tasks.isFetching && items.length === 0) return null;
  const overdueTag = (r: Task) => r.overdue && <Tag color="red">{t('m.status.overdue')}</Tag>;
  const action = (r: Task) =>
    r.doneOn ? (
      <span data-testid={`task-status-${r.id}`}>
        <Tag color="green">{t('c.done')}</Tag>
        {t('c.doneWith', { date: r.meetingHeldOn ?? '', topic: r.meetingTopic ?? '' })}
      </span>
    ) : (
      <MarkDone
        task={r}
        orgId={orgId}
        onDone={() => void invalidate(keys.meetings.all, keys.checklists.all)}
      />
    );
  // a phone shows one column: the item, who issued it and when it is due, its kinds, then marking it done
  const phoneColumns = [
    {
      title: t('c.itemTitle'),
      key: 'item',
      render: (_: unknown, r: Task) => (
        <PhoneItem>
          <span>{r.title}</span>
          <PhoneLine>
            {r.issuerName} · {t('c.itemDue')} {r.dueOn}
          </PhoneLine>
          {(r.kinds.length > 0 || r.overdue) && (
            <PhoneTags>
              {r.kinds.map((k) => (
                <Tag key={k}>{kind(k)}</Tag>
              ))}
              {overdueTag(r)}
            </PhoneTags>
          )}
          {action(r)}
        </PhoneItem>
      ),
    },
  ];
  return (
    <Card size="small" title={`${t('c.myItems')} · ${tasks.data?.org.name ?? ''}`} data-testid="branch-tasks">
      <Table<Task>
        rowKey="id"
        size="small"
        loading={tasks.isFetching}
        dataSource={items}
        pagination={false}
        {...phoneListProps(phone, 'max-content')}
        columns={
          phone
            ? phoneColumns
            : [
                { title: t('c.issuer'), dataIndex: 'issuerName', width: 160, ellipsis: true },
                { title: t('c.itemTitle'), dataIndex: 'title' },
                {
                  title: t('c.itemKinds'),
                  key: 'kinds',
                  width: 160,
                  render: (_: unknown, r: Task) => r.kinds.map((k) => <Tag key={k}>{kind(k)}</Tag>),
                },
                {
                  title: t('c.itemDue'),
                  dataIndex: 'dueOn',
                  width: 110,
                  render: (d: string, r: Task) => (
                    <span>
                      {d} {overdueTag(r)}
                    </span>
                  ),
                },
                {
                  title: '',
                  key: 'action',
                  width: 380,
                  render: (_: unknown, r: Task) => action(r),
                },
              ]
        }
      />
    </Card>
  );
}

export default function ChecklistsPage() {
  const { t } = useMeetingText();
  const { me, can } = useSession();
  const month = dayjs().format('YYYY-MM');
  const issuer = can('checklist:publish') && (me?.scope.level === 'city' || me?.scope.level === 'county');
  const [composing, setComposing] = useState(false);
  const [selected, setSelected] = useState<number>();
  const invalidate = useInvalidate();
  const list = useQuery({ queryKey: keys.checklists.list, queryFn: () => meetingApi.checklists() });
  const items = list.data?.items ?? [];
  useEffect(() => {
    if (selected === undefined && items[0]) setSelected(items[0].id);
  }, [items, selected]);
  const checklist = items.find((c) => c.id === selected);
  const publishing = useMutation({
    mutationFn: (id: number) => meetingApi.publish(id),
    onSuccess: () => invalidate(keys.checklists.all),
  });
  const publish = (id: number) => publishing.mutateAsync(id);

  return (
    <div>
      <PageTitle
        title={t('c.title')}
        extra={
          issuer && (
            <Button type="primary" onClick={() => setComposing((x) => !x)} data-testid="checklist-compose">
              {t('c.compose')}
            </Button>
          )
        }
      />
      <div className="qj-meet-stack">
        {composing && (
          <ChecklistCompose
            onSaved={(id) => {
              setComposing(false);
              setSelected(id);
              void invalidate(keys.checklists.all);
            }}
          />
        )}
        {me && <BranchTasks orgId={me.scope.id} month={month} />}
        {items.length === 0 && !list.isFetching && <Empty description={t('c.none')} />}
        {items.length > 0 && (
          <Card size="small">
            <Space wrap>
              <Select
                // never wider than a phone's screen less the page's and the card's padding
                style={{ width: 'min(360px, calc(100vw - 64px))' }}
                value={selected}
                onChange={setSelected}
                data-testid="checklist-select"
                options={items.map((c) => ({
                  value: c.id,
                  label: `${c.month} · ${c.title} · ${c.issuerName}`,
                }))}
              />
              {checklist && (
                <Tag color={checklist.status === 'published' ? 'green' : 'default'}>
                  {checklist.status === 'published'
                    ? t('c.publishedTo', { n: checklist.targetCount })
                    : t('c.draft')}
                </Tag>
              )}
              {checklist?.canPublish && (
                <Button type="primary" onClick={() => publish(checklist.id)}>
                  {t('c.publish')}
                </Button>
              )}
            </Space>
            {checklist && (
              <ol className="qj-meet-items">
                {checklist.items.map((i) => (
                  <li key={i.id}>
                    {i.title} <span className="qj-meet-muted">({i.dueOn})</span>
                  </li>
                ))}
              </ol>
            )}
          </Card>
        )}
        {checklist?.status === 'published' && (
          <CompletionCard key={checklist.id} checklist={checklist} canRemind={issuer} />
        )}
      </div>
    </div>
  );
}
