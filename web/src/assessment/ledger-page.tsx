// One weak org's rectification ledger: why it was listed, the plan with the responsible cadre and
// deadline, the problems and their closing evidence, the progress, 销号 on acceptance and the review
// six months later (回头看). The buttons are the actions the server allows this account now.

import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Space,
  Steps,
  Switch,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useInvalidate } from '../api/query.ts';
import { keys } from '../api/query-keys.ts';
import { todayShanghai, useDictionary } from '../deliberation/village-text.ts';
import { useFeedback } from '../shell/feedback.ts';
import { PageTitle } from '../shell/page-title.tsx';
import { PhoneItem, PhoneLine, PhoneTags, phoneListProps } from '../shell/phone-list.tsx';
import { usePhone } from '../shell/use-phone.ts';
import { type Ledger, weakOrgApi } from './assessment-api.ts';
import { LEDGER_STATE_COLORS, useNames } from './assessment-text.ts';

const zh = {
  title: '{org} · {year} 年度整顿台账',
  back: '返回整顿台账',
  state: '状态',
  town: '镇（街）',
  listedOn: '列入日期',
  cadre: '责任人',
  deadline: '整顿时限',
  acceptedOn: '销号日期',
  reviewDueOn: '回头看日期',
  reviewedOn: '回头看完成',
  reasons: '列入原因',
  plan: '整顿方案',
  noPlan: '镇（街）尚未制定整顿方案',
  problems: '问题清单',
  problem: '问题',
  measure: '整改措施',
  doneOn: '完成日期',
  evidence: '佐证',
  open: '整改中',
  close: '整改完成',
  progress: '整顿进展',
  noProgress: '暂无进展记录',
  addProgress: '记录进展',
  'a.plan': '制定整顿方案',
  'a.request_acceptance': '申请销号',
  'a.accept': '验收销号',
  'a.reject': '验收不通过',
  'a.review': '回头看',
  cadreName: '责任人姓名',
  cadrePost: '责任人职务',
  planText: '整改方案',
  problemsHint: '问题清单（一行一个问题）',
  note: '说明',
  relapsed: '问题反弹，重新整顿',
  onDate: '日期',
  done: '已保存',
  required: '必填',
  'step.listed': '列入',
  'step.rectifying': '整顿',
  'step.acceptance_requested': '申请销号',
  'step.accepted': '销号',
  'step.reviewed': '回头看',
  reviewResult: '回头看结论',
  acceptanceEvidence: '销号佐证',
} as const;
type K = keyof typeof zh;
const en: Record<K, string> = {
  title: '{org} · {year} rectification ledger',
  back: 'Back to the ledgers',
  state: 'State',
  town: 'Town',
  listedOn: 'Listed on',
  cadre: 'Responsible',
  deadline: 'Deadline',
  acceptedOn: 'Accepted on',
  reviewDueOn: 'Review due',
  reviewedOn: 'Reviewed on',
  reasons: 'Why listed',
  plan: 'Plan',
  noPlan: 'The town has not set the plan yet',
  problems: 'Problems',
  problem: 'Problem',
  measure: 'Measure',
  doneOn: 'Done on',
  evidence: 'Evidence',
  open: 'Open',
  close: 'Close it',
  progress: 'Progress',
  noProgress: 'No progress recorded',
  addProgress: 'Record progress',
  'a.plan': 'Set the plan',
  'a.request_acceptance': 'Request acceptance',
  'a.accept': 'Accept',
  'a.reject': 'Reject',
  'a.review': 'Review',
  cadreName: 'Responsible cadre',
  cadrePost: 'Post',
  planText: 'Plan',
  problemsHint: 'Problems (one per line)',
  note: 'Note',
  relapsed: 'Problems came back: rectify again',
  onDate: 'Date',
  done: 'Saved',
  required: 'Required',
  'step.listed': 'Listed',
  'step.rectifying': 'Rectifying',
  'step.acceptance_requested': 'Requested',
  'step.accepted': 'Accepted',
  'step.reviewed': 'Reviewed',
  reviewResult: 'Review',
  acceptanceEvidence: 'Acceptance evidence',
};

const STATES = ['listed', 'rectifying', 'acceptance_requested', 'accepted', 'reviewed'] as const;
type Dialog = {
  kind: 'plan' | 'progress' | 'request_acceptance' | 'accept' | 'reject' | 'review';
  problemId?: number;
};

export default function LedgerPage() {
  const id = Number(useParams().id);
  const { t } = useDictionary<K>(zh, en);
  const { pick, lang } = useNames();
  const feedback = useFeedback();
  const invalidate = useInvalidate();
  const ledger = useQuery({ queryKey: keys.weakOrgs.ledger(id), queryFn: () => weakOrgApi.ledger(id) });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const phone = usePhone();
  const l: Ledger | undefined = ledger.data;
  if (!l) return <Card loading={ledger.isFetching} />;
  const manage = l.actions.length > 0 || l.state === 'rectifying';
  const open = (d: Dialog) => {
    form.resetFields();
    if (d.kind === 'plan')
      form.setFieldsValue({
        plan: l.plan,
        cadreName: l.cadreName ?? '',
        cadrePost: l.cadrePost ?? '',
        deadline: l.deadline ?? '',
        problems: l.problems.map((p) => p.problem).join('\n'),
      });
    form.setFieldsValue({ onDate: todayShanghai() });
    setDialog(d);
  };
  const save = async () => {
    if (!dialog) return;
    const v = await form.validateFields();
    setBusy(true);
    try {
      if (dialog.kind === 'plan') {
        const lines = String(v.problems ?? '')
          .split('\n')
          .map((x: string) => x.trim())
          .filter((x: string) => x.length >= 2);
        await weakOrgApi.plan(l.id, {
          plan: v.plan,
          cadreName: v.cadreName,
          cadrePost: v.cadrePost,
          deadline: v.deadline,
          problems: lines.map((problem: string) => ({
            problem,
            measure: l.problems.find((p) => p.problem === problem)?.measure ?? '',
          })),
        });
      } else if (dialog.kind === 'progress') {
        await weakOrgApi.progress(l.id, {
          onDate: v.onDate,
          note: v.note,
          ...(dialog.problemId ? { problemId: dialog.problemId, evidence: v.evidence ?? '' } : {}),
        });
      } else {
        await weakOrgApi.move(l.id, {
          action: dialog.kind,
          ...(v.note ? { note: v.note } : {}),
          ...(v.evidence ? { evidence: v.evidence } : {}),
          ...(dialog.kind === 'review' ? { relapsed: Boolean(v.relapsed) } : {}),
        });
      }
      feedback.success(t('done'));
      setDialog(null);
      void invalidate(keys.weakOrgs.all);
    } catch (e) {
      feedback.error(e);
    } finally {
      setBusy(false);
    }
  };
  const current = STATES.indexOf(l.state as (typeof STATES)[number]);
  const canProgress = l.state === 'rectifying' && l.actions.includes('request_acceptance');
  type Problem = Ledger['problems'][number];
  const doneCell = (r: Problem) =>
    r.doneOn ? (
      <span title={r.evidence ?? ''}>
        <Tag color="green">{r.doneOn}</Tag>
        {r.evidence}
      </span>
    ) : canProgress ? (
      <Button
        size="small"
        data-testid="problem-close"
        onClick={() => open({ kind: 'progress', problemId: r.id })}
      >
        {t('close')}
      </Button>
    ) : (
      <Tag color="orange">{t('open')}</Tag>
    );
  // a phone shows each problem as one item: the problem, its measure and deadline, then done or to close
  const phoneColumns = [
    {
      title: t('problem'),
      key: 'p',
      render: (_: unknown, r: Problem) => (
        <PhoneItem>
          <span>{r.problem}</span>
          <PhoneLine>
            {t('measure')} {r.measure || '—'} · {t('deadline')} {r.deadline ?? '—'}
          </PhoneLine>
          <PhoneTags>{doneCell(r)}</PhoneTags>
        </PhoneItem>
      ),
    },
  ];
  return (
    <div>
      <PageTitle
        title={t('title', { org: l.org.name, year: l.year })}
        extra={<Link to="/weak-orgs">{t('back')}</Link>}
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Steps
          size="small"
          current={current}
          items={STATES.map((s) => ({ title: t(`step.${s}` as K) }))}
          style={{ marginBottom: 16 }}
          responsive
        />
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} data-testid="ledger-summary">
          <Descriptions.Item label={t('state')}>
            <Tag color={LEDGER_STATE_COLORS[l.state]} data-testid="ledger-state">
              {pick(l.stateName)}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('town')}>{l.town.name}</Descriptions.Item>
          <Descriptions.Item label={t('listedOn')}>{l.listedOn}</Descriptions.Item>
          <Descriptions.Item label={t('cadre')}>
            {l.cadreName ? `${l.cadreName}（${l.cadrePost ?? ''}）` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('deadline')}>{l.deadline ?? '—'}</Descriptions.Item>
          {l.acceptedOn && <Descriptions.Item label={t('acceptedOn')}>{l.acceptedOn}</Descriptions.Item>}
          {l.reviewDueOn && <Descriptions.Item label={t('reviewDueOn')}>{l.reviewDueOn}</Descriptions.Item>}
          {l.reviewedOn && <Descriptions.Item label={t('reviewedOn')}>{l.reviewedOn}</Descriptions.Item>}
          {l.reviewNote && <Descriptions.Item label={t('reviewResult')}>{l.reviewNote}</Descriptions.Item>}
          {l.acceptanceEvidence && (
            <Descriptions.Item label={t('acceptanceEvidence')}>{l.acceptanceEvidence}</Descriptions.Item>
          )}
        </Descriptions>
        {manage && (
          <Space wrap style={{ marginTop: 8 }}>
            {l.actions
              .filter((a) => a !== 'review' || (l.reviewDueOn ?? '') <= todayShanghai())
              .map((a) => (
                <Button
                  key={a}
                  type={a === 'reject' ? 'default' : 'primary'}
                  data-testid={`ledger-${a}`}
                  onClick={() => open({ kind: a as Dialog['kind'] })}
                >
                  {t(`a.${a}` as K)}
                </Button>
              ))}
            {canProgress && (
              <Button data-testid="ledger-progress" onClick={() => open({ kind: 'progress' })}>
                {t('addProgress')}
              </Button>
            )}
          </Space>
        )}
      </Card>
      <Card size="small" title={t('reasons')} style={{ marginBottom: 12 }}>
        <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="ledger-reasons">
          {l.reasons.hits.map((h) => (
            <li key={h.criterion}>{lang === 'en' ? h.en : h.zh}</li>
          ))}
          {l.reasons.manual && <li>{l.reasons.manual}</li>}
        </ul>
      </Card>
      <Card size="small" title={t('plan')} style={{ marginBottom: 12 }}>
        {l.plan ? (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 12 }}>
            {l.plan}
          </Typography.Paragraph>
        ) : (
          <Alert type="warning" message={t('noPlan')} style={{ marginBottom: 12 }} />
        )}
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={l.problems}
          {...phoneListProps(phone, 760)}
          data-testid="ledger-problems"
          columns={
            phone
              ? phoneColumns
              : [
                  { title: t('problem'), dataIndex: 'problem', key: 'p' },
                  {
                    title: t('measure'),
                    key: 'm',
                    render: (_: unknown, r: Problem) => r.measure || '—',
                  },
                  {
                    title: t('deadline'),
                    key: 'd',
                    width: 110,
                    render: (_: unknown, r: Problem) => r.deadline ?? '—',
                  },
                  {
                    title: t('doneOn'),
                    key: 'o',
                    width: 200,
                    render: (_: unknown, r: Problem) => doneCell(r),
                  },
                ]
          }
        />
      </Card>
      <Card size="small" title={t('progress')}>
        {l.progress.length ? (
          <Timeline
            items={l.progress.map((p) => ({
              key: p.id,
              children: (
                <span>
                  <Typography.Text type="secondary">{p.onDate}</Typography.Text> {p.note}
                  {p.recordedBy ? (
                    <Typography.Text type="secondary">（{p.recordedBy}）</Typography.Text>
                  ) : null}
                </span>
              ),
            }))}
          />
        ) : (
          <Typography.Text type="secondary">{t('noProgress')}</Typography.Text>
        )}
      </Card>
      <Modal
        open={dialog !== null}
        title={
          dialog
            ? dialog.kind === 'progress'
              ? dialog.problemId
                ? t('close')
                : t('addProgress')
              : t(`a.${dialog.kind}` as K)
            : ''
        }
        onCancel={() => setDialog(null)}
        onOk={save}
        confirmLoading={busy}
        okButtonProps={{ 'data-testid': 'ledger-save' } as never}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          {dialog?.kind === 'plan' && (
            <>
              <Form.Item
                name="plan"
                label={t('planText')}
                rules={[{ required: true, min: 2, message: t('required') }]}
              >
                <Input.TextArea rows={3} />
              </Form.Item>
              <Space wrap>
                <Form.Item
                  name="cadreName"
                  label={t('cadreName')}
                  rules={[{ required: true, min: 2, message: t('required') }]}
                >
                  <Input />
                </Form.Item>
                <Form.Item
                  name="cadrePost"
                  label={t('cadrePost')}
                  rules={[{ required: true, min: 2, message: t('required') }]}
                >
                  <Input />
                </Form.Item>
                <Form.Item
                  name="deadline"
                  label={t('deadline')}
                  rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('required') }]}
                >
                  <Input placeholder="2027-06-30" />
                </Form.Item>
              </Space>
              <Form.Item name="problems" label={t('problemsHint')}>
                <Input.TextArea rows={4} />
              </Form.Item>
            </>
          )}
          {dialog?.kind === 'progress' && (
            <>
              <Form.Item
                name="onDate"
                label={t('onDate')}
                rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('required') }]}
              >
                <Input />
              </Form.Item>
              <Form.Item
                name="note"
                label={t('note')}
                rules={[{ required: true, min: 2, message: t('required') }]}
              >
                <Input.TextArea rows={3} />
              </Form.Item>
              {dialog.problemId && (
                <Form.Item
                  name="evidence"
                  label={t('evidence')}
                  rules={[{ required: true, min: 2, message: t('required') }]}
                >
                  <Input.TextArea rows={2} />
                </Form.Item>
              )}
            </>
          )}
          {dialog && ['request_acceptance', 'accept', 'reject', 'review'].includes(dialog.kind) && (
            <>
              {dialog.kind === 'accept' && (
                <Form.Item
                  name="evidence"
                  label={t('evidence')}
                  rules={[{ required: true, min: 2, message: t('required') }]}
                >
                  <Input.TextArea rows={3} />
                </Form.Item>
              )}
              {dialog.kind === 'review' && (
                <Form.Item name="relapsed" label={t('relapsed')} valuePropName="checked">
                  <Switch />
                </Form.Item>
              )}
              <Form.Item name="note" label={t('note')}>
                <Input.TextArea rows={3} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </div>
  );
}
