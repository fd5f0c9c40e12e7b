// The secretary's pipeline: counts at each stage, overdue steps and this month's due conversions,
// and the list by stage with overdue flags.

import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Input, Row, Segmented, Select, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useCursorPaging } from '../api/cursor-paging.ts';
import { keys } from '../api/query-keys.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { PageTitle } from '../shell/page-title.tsx';
import { PhoneItem, PhoneLine, PhoneTags, phoneListProps } from '../shell/phone-list.tsx';
import { usePhone } from '../shell/use-phone.ts';
import { ApplicationDialog } from './application-dialog.tsx';
import { type ListItem, recruitmentApi, STAGES, type Stage } from './recruitment-api.ts';
import { type RecruitmentMessageKey, useRecruitmentText } from './recruitment-messages.ts';
import './recruitment.css';

type Filter = 'all' | Stage | 'overdue' | 'dueThisMonth' | 'completed' | 'closed';

function queryOf(filter: Filter) {
  if (filter === 'overdue') return { overdue: true };
  if (filter === 'dueThisMonth') return { dueThisMonth: true };
  if (filter === 'completed' || filter === 'closed') return { status: filter };
  if (filter === 'all') return {};
  return { stage: filter };
}

export default function PipelinePage() {
  const { t } = useRecruitmentText();
  const { lang } = useI18n();
  const navigate = useNavigate();
  const phone = usePhone();
  const [filter, setFilter] = useState<Filter>('all');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const summary = useQuery({ queryKey: keys.recruitment.summary, queryFn: () => recruitmentApi.summary() });
  // pages after the first are asked by the cursor the page before answered (api/cursor-paging.ts)
  const paging = useCursorPaging(JSON.stringify({ filter, q }));
  const list = useQuery({
    queryKey: keys.recruitment.list({ filter, q, page }),
    queryFn: async () => {
      const answer = await recruitmentApi.list({ ...queryOf(filter), q, ...paging.ask(page), pageSize: 20 });
      paging.seen(page, answer);
      return answer;
    },
  });
  const counted = paging.counted();
  const s = summary.data;

  const stageLabel = (stage: Stage) => t(`r.stage.${stage}` as RecruitmentMessageKey);
  const columns = [
    {
      title: t('r.col.name'),
      dataIndex: 'name',
      render: (name: string, r: ListItem) => <Link to={`/recruitment/${r.id}`}>{name}</Link>,
    },
    { title: t('r.col.branch'), dataIndex: 'orgName', ellipsis: true },
    { title: t('r.col.stage'), dataIndex: 'stage', render: (v: Stage) => stageLabel(v) },
    {
      title: t('r.col.step'),
      dataIndex: 'lastStep',
      render: (n: number, r: ListItem) => `${n}/25 · ${r.lastStepOn}`,
    },
    { title: t('r.col.applied'), dataIndex: 'appliedOn' },
    {
      title: t('r.col.due'),
      dataIndex: 'dueOn',
      render: (due: string | null, r: ListItem) => (
        <span>
          {due && r.dueKind ? `${t(`r.due.${r.dueKind}` as RecruitmentMessageKey)} ${due} ` : '—'}
          {r.overdue && <Tag color="red">{t('r.overdue')}</Tag>}
          {r.talkLate && <Tag color="orange">{t('r.talkLate')}</Tag>}
        </span>
      ),
    },
  ];

  // a phone shows one column: the name, the branch, the stage and step, what is due, the flags
  const phoneColumns = [
    {
      title: t('r.col.name'),
      key: 'item',
      render: (_: unknown, r: ListItem) => (
        <PhoneItem>
          <Link to={`/recruitment/${r.id}`}>{r.name}</Link>
          <PhoneLine>{r.orgName}</PhoneLine>
          <PhoneLine>
            {stageLabel(r.stage)} · {t('r.col.step')} {r.lastStep}/25 · {r.lastStepOn}
          </PhoneLine>
          <PhoneLine>
            {t('r.col.applied')} {r.appliedOn}
            {r.dueOn && r.dueKind ? ` · ${t(`r.due.${r.dueKind}` as RecruitmentMessageKey)} ${r.dueOn}` : ''}
          </PhoneLine>
          {(r.overdue || r.talkLate) && (
            <PhoneTags>
              {r.overdue && <Tag color="red">{t('r.overdue')}</Tag>}
              {r.talkLate && <Tag color="orange">{t('r.talkLate')}</Tag>}
            </PhoneTags>
          )}
        </PhoneItem>
      ),
    },
  ];

  const options: { value: Filter; label: string }[] = [
    { value: 'all', label: t('r.all') },
    ...STAGES.map((st) => ({ value: st as Filter, label: `${stageLabel(st)} ${s?.byStage[st] ?? ''}` })),
    { value: 'overdue', label: `${t('r.overdue')} ${s?.overdue ?? ''}` },
    { value: 'dueThisMonth', label: `${t('r.dueThisMonth')} ${s?.dueConversionsThisMonth ?? ''}` },
    { value: 'completed', label: t('r.completed') },
    { value: 'closed', label: t('r.closed') },
  ];

  return (
    <div>
      <PageTitle
        title={`${t('r.title')}${s ? ` · ${s.org.name}` : ''}`}
        extra={
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('r.new')}
          </Button>
        }
      />
      <Row gutter={[12, 12]} className="qj-recruit-stats">
        {STAGES.map((st) => (
          <Col key={st} xs={12} md={4}>
            <Card size="small">
              <Statistic title={stageLabel(st)} value={s?.byStage[st] ?? 0} loading={!s} />
            </Card>
          </Col>
        ))}
        <Col xs={12} md={2}>
          <Card size="small">
            <Statistic
              title={t('r.overdueCount')}
              value={s?.overdue ?? 0}
              loading={!s}
              valueStyle={s?.overdue ? { color: '#cf1322' } : undefined}
            />
          </Card>
        </Col>
        <Col xs={12} md={2}>
          <Card size="small">
            <Statistic title={t('r.dueThisMonth')} value={s?.dueConversionsThisMonth ?? 0} loading={!s} />
          </Card>
        </Col>
      </Row>
      <Card variant="borderless">
        <div className="qj-recruit-toolbar">
          {phone ? (
            // nine filters do not fit a phone's width as one segmented bar: a select instead
            <Select<Filter>
              options={options}
              value={filter}
              style={{ width: '100%' }}
              onChange={(v) => {
                setFilter(v);
                setPage(1);
              }}
            />
          ) : (
            <Segmented<Filter>
              options={options}
              value={filter}
              onChange={(v) => {
                setFilter(v);
                setPage(1);
              }}
            />
          )}
          <Input.Search
            allowClear
            placeholder={t('r.search')}
            onSearch={(v) => {
              setQ(v);
              setPage(1);
            }}
            style={{ width: phone ? '100%' : 200 }}
          />
        </div>
        <Table<ListItem>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          columns={phone ? phoneColumns : columns}
          {...phoneListProps(phone)}
          rowClassName={(r) => (r.overdue ? 'qj-recruit-overdue' : '')}
          pagination={{
            current: page,
            pageSize: 20,
            total: counted?.count ?? 0,
            onChange: setPage,
            showTotal: (n) =>
              `${counted?.exact === false ? '≈ ' : ''}${lang === 'en' ? `${n} people` : `共 ${n} 人`}`,
          }}
        />
      </Card>
      <ApplicationDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          navigate(`/recruitment/${id}`);
        }}
      />
    </div>
  );
}
