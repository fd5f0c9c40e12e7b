// One village's yearly assessment: each indicator's figure, score, weight and reason, with the
// records behind it (drawer); the town's comment; the appeal (the secretary files it within the
// appeal days after publication; the county upholds with corrections or rejects); the years before.

import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useInvalidate } from '../api/query.ts';
import { keys } from '../api/query-keys.ts';
import { useDictionary, yuan } from '../deliberation/village-text.ts';
import { useFeedback } from '../shell/feedback.ts';
import { PageTitle } from '../shell/page-title.tsx';
import { PhoneItem, PhoneLine, PhoneTags, phoneListProps } from '../shell/phone-list.tsx';
import { useSession } from '../shell/session.tsx';
import { usePhone } from '../shell/use-phone.ts';
import { assessmentApi, type HistoryRow, type IndicatorRow } from './assessment-api.ts';
import {
  APPEAL_STATES,
  BASIS_NAMES,
  gradeColor,
  ROUND_STATES,
  SOURCE_NAMES,
  score,
  useNames,
} from './assessment-text.ts';
import { RecordsDrawer } from './records-drawer.tsx';

const zh = {
  title: '{org} · {year} 年度考核',
  back: '返回考核分级',
  town: '镇（街）',
  category: '类别',
  secretary: '书记',
  total: '总分',
  rank: '类别内排名',
  grade: '档次',
  allowance: '绩效补贴',
  round: '考核状态',
  basis: '依据',
  appealUntil: '申诉截止',
  townComment: '镇（街）审核意见',
  indicators: '各项指标',
  indicator: '指标',
  source: '数据来源',
  value: '数据',
  score: '得分',
  weight: '权重',
  contribution: '折合分',
  note: '计算说明',
  records: '查看记录',
  rate: '评分',
  rated: '已评分',
  evidence: '评分依据',
  appeal: '申诉',
  appealReason: '申诉理由',
  appealIndicator: '针对指标（可不选）',
  fileAppeal: '提出申诉',
  filed: '已提出申诉，等待县委组织部处理',
  decision: '处理意见',
  outcome: '处理结果',
  upheld: '申诉成立，更正得分',
  rejected: '维持原结果',
  correctIndicator: '更正的指标',
  correctScore: '更正后的得分',
  decide: '作出决定',
  decided: '已作出决定',
  before: '原结果',
  after: '处理后',
  history: '历年考核',
  year: '年度',
  yearOf: '{year} 年度',
  none: '—',
  vacant: '空缺',
  required: '必填',
} as const;
type K = keyof typeof zh;
const en: Record<K, string> = {
  title: '{org} · {year} assessment',
  back: 'Back to the grading',
  town: 'Town',
  category: 'Category',
  secretary: 'Secretary',
  total: 'Score',
  rank: 'Rank in category',
  grade: 'Grade',
  allowance: 'Allowance',
  round: 'State',
  basis: 'Basis',
  appealUntil: 'Appeals until',
  townComment: 'Town’s comment',
  indicators: 'Indicators',
  indicator: 'Indicator',
  source: 'Source',
  value: 'Figure',
  score: 'Score',
  weight: 'Weight',
  contribution: 'Points',
  note: 'How it was computed',
  records: 'Records',
  rate: 'Score',
  rated: 'Scored',
  evidence: 'Evidence',
  appeal: 'Appeal',
  appealReason: 'Reason',
  appealIndicator: 'Indicator (optional)',
  fileAppeal: 'File the appeal',
  filed: 'Appeal filed; the county will decide',
  decision: 'Decision',
  outcome: 'Outcome',
  upheld: 'Upheld: correct the score',
  rejected: 'Rejected: keep the result',
  correctIndicator: 'Indicator to correct',
  correctScore: 'Corrected score',
  decide: 'Decide',
  decided: 'Decided',
  before: 'Before',
  after: 'After',
  history: 'Years',
  year: 'Year',
  yearOf: '{year}',
  none: '—',
  vacant: 'Vacant',
  required: 'Required',
};

export default function AssessmentPage() {
  const id = Number(useParams().id);
  const { t } = useDictionary<K>(zh, en);
  const { pick, of } = useNames();
  const { can } = useSession();
  const phone = usePhone();
  const feedback = useFeedback();
  const invalidate = useInvalidate();
  const detail = useQuery({ queryKey: keys.assessment.detail(id), queryFn: () => assessmentApi.detail(id) });
  const [drawer, setDrawer] = useState<IndicatorRow | null>(null);
  const [busy, setBusy] = useState(false);
  const [rating, setRating] = useState<IndicatorRow | null>(null);
  const [rateForm] = Form.useForm<{ score: number; evidence: string }>();
  const [appealForm] = Form.useForm<{ reason: string; indicator?: string }>();
  const [decideForm] = Form.useForm<{
    outcome: 'upheld' | 'rejected';
    decision: string;
    indicator?: string;
    score?: number;
  }>();
  const outcome = Form.useWatch('outcome', decideForm);
  const d = detail.data;
  if (!d) return <Card loading={detail.isFetching} />;
  const appealOpen =
    d.round.state === 'published' &&
    !d.appeal &&
    d.round.appealUntil !== null &&
    d.round.appealUntil >= new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const submit = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await work();
      feedback.success(done);
      void invalidate(keys.assessment.all);
    } catch (e) {
      feedback.error(e);
    } finally {
      setBusy(false);
    }
  };
  const value = (r: IndicatorRow) => {
    if (r.value === null) return t('none');
    const v =
      r.unit === 'rate' || r.unit === 'growth'
        ? `${Math.round(r.value * 1000) / 10}%`
        : r.unit === 'yuan'
          ? yuan(r.value * 100)
          : String(Math.round(r.value * 100) / 100);
    return r.numerator !== null && r.denominator !== null && r.unit !== 'growth' && r.unit !== 'yuan'
      ? `${v}（${r.numerator} / ${r.denominator}）`
      : v;
  };
  const actions = (r: IndicatorRow) => (
    <Space size={0}>
      <Button size="small" type="link" data-testid="indicator-records" onClick={() => setDrawer(r)}>
        {t('records')}
      </Button>
      {r.source === 'manual' && d.round.state === 'draft' && can('assessment:manage') && (
        <Button
          size="small"
          type="link"
          data-testid="indicator-rate"
          onClick={() => {
            rateForm.setFieldsValue({ score: r.score ?? undefined, evidence: r.evidence });
            setRating(r);
          }}
        >
          {t('rate')}
        </Button>
      )}
    </Space>
  );
  const yearCell = (r: HistoryRow) =>
    r.id === d.id ? (
      t('yearOf', { year: r.year })
    ) : (
      <Link to={`/assessment/${r.id}`}>{t('yearOf', { year: r.year })}</Link>
    );
  const gradeTag = (r: HistoryRow) => (
    <Tag color={gradeColor(d.grades, r.grade)}>{of(d.grades, r.grade)}</Tag>
  );
  // a phone shows each indicator as one item: its name, source and figure, the scores, the note, the actions
  const indicatorPhoneColumns = [
    {
      title: t('indicator'),
      key: 'n',
      render: (_: unknown, r: IndicatorRow) => (
        <PhoneItem>
          <Typography.Text strong>{pick(r.name)}</Typography.Text>
          <PhoneLine>
            {of(SOURCE_NAMES, r.source)} · {t('value')} {value(r)}
          </PhoneLine>
          <PhoneLine>
            {t('score')} {score(r.score)} · {t('weight')} {r.weight} · {t('contribution')}{' '}
            {score(r.contribution)}
          </PhoneLine>
          <PhoneLine>{r.note || r.evidence || t('none')}</PhoneLine>
          {actions(r)}
        </PhoneItem>
      ),
    },
  ];
  // and each year as one item: the year, its score, rank, allowance and basis, its grade
  const historyPhoneColumns = [
    {
      title: t('year'),
      key: 'y',
      render: (_: unknown, r: HistoryRow) => (
        <PhoneItem>
          {yearCell(r)}
          <PhoneLine>
            {t('total')} {score(r.total)} · {t('rank')} {r.rank} / {r.groupSize}
          </PhoneLine>
          <PhoneLine>
            {t('allowance')} {yuan(r.allowanceFen)} · {t('basis')} {of(BASIS_NAMES, r.basis)}
          </PhoneLine>
          <PhoneTags>{gradeTag(r)}</PhoneTags>
        </PhoneItem>
      ),
    },
  ];
  return (
    <div>
      <PageTitle
        title={t('title', { org: d.org.name, year: d.year })}
        extra={<Link to={`/assessment?year=${d.year}`}>{t('back')}</Link>}
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} data-testid="assessment-summary">
          {d.town.name && <Descriptions.Item label={t('town')}>{d.town.name}</Descriptions.Item>}
          <Descriptions.Item label={t('category')}>{of(d.categories, d.category)}</Descriptions.Item>
          <Descriptions.Item label={t('secretary')}>{d.secretaryName ?? t('vacant')}</Descriptions.Item>
          <Descriptions.Item label={t('total')}>
            <Typography.Text strong data-testid="assessment-total">
              {score(d.total)}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('rank')}>{`${d.rank} / ${d.groupSize}`}</Descriptions.Item>
          <Descriptions.Item label={t('grade')}>
            <Tag color={gradeColor(d.grades, d.grade)} data-testid="assessment-grade">
              {of(d.grades, d.grade)}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('allowance')}>{yuan(d.allowanceFen)}</Descriptions.Item>
          <Descriptions.Item label={t('round')}>{of(ROUND_STATES, d.round.state)}</Descriptions.Item>
          <Descriptions.Item label={t('basis')}>{of(BASIS_NAMES, d.round.basis)}</Descriptions.Item>
          {d.round.appealUntil && (
            <Descriptions.Item label={t('appealUntil')}>{d.round.appealUntil}</Descriptions.Item>
          )}
          {d.townComment && <Descriptions.Item label={t('townComment')}>{d.townComment}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card size="small" title={t('indicators')} style={{ marginBottom: 12 }}>
        <Table
          size="small"
          rowKey="indicator"
          pagination={false}
          dataSource={d.indicators}
          {...phoneListProps(phone, 980)}
          data-testid="indicators"
          columns={
            phone
              ? indicatorPhoneColumns
              : [
                  {
                    title: t('indicator'),
                    key: 'n',
                    width: 170,
                    fixed: 'left' as const,
                    render: (_: unknown, r: IndicatorRow) => (
                      <Typography.Text title={pick(r.description)}>{pick(r.name)}</Typography.Text>
                    ),
                  },
                  {
                    title: t('source'),
                    key: 's',
                    width: 120,
                    render: (_: unknown, r: IndicatorRow) => of(SOURCE_NAMES, r.source),
                  },
                  {
                    title: t('value'),
                    key: 'v',
                    width: 150,
                    render: (_: unknown, r: IndicatorRow) => value(r),
                  },
                  {
                    title: t('score'),
                    key: 'sc',
                    width: 70,
                    align: 'right' as const,
                    render: (_: unknown, r: IndicatorRow) => score(r.score),
                  },
                  {
                    title: t('weight'),
                    key: 'w',
                    width: 70,
                    align: 'right' as const,
                    render: (_: unknown, r: IndicatorRow) => r.weight,
                  },
                  {
                    title: t('contribution'),
                    key: 'c',
                    width: 80,
                    align: 'right' as const,
                    render: (_: unknown, r: IndicatorRow) => score(r.contribution),
                  },
                  {
                    title: t('note'),
                    key: 'no',
                    render: (_: unknown, r: IndicatorRow) => r.note || r.evidence || t('none'),
                  },
                  {
                    title: '',
                    key: 'r',
                    width: 150,
                    render: (_: unknown, r: IndicatorRow) => actions(r),
                  },
                ]
          }
        />
      </Card>
      <Card size="small" title={t('appeal')} style={{ marginBottom: 12 }} data-testid="appeal-card">
        {d.appeal ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Space wrap>
              <Tag
                color={
                  d.appeal.state === 'open' ? 'orange' : d.appeal.state === 'upheld' ? 'green' : 'default'
                }
                data-testid="appeal-state"
              >
                {of(APPEAL_STATES, d.appeal.state)}
              </Tag>
              {d.appeal.indicator && (
                <span>{pick(d.indicators.find((i) => i.indicator === d.appeal?.indicator)?.name)}</span>
              )}
            </Space>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
              {d.appeal.reason}
            </Typography.Paragraph>
            {d.appeal.state !== 'open' && (
              <Alert
                type={d.appeal.state === 'upheld' ? 'success' : 'info'}
                message={`${t('decision')}：${d.appeal.decision}`}
                description={`${t('before')} ${score(d.appeal.totalBefore)}（${of(d.grades, d.appeal.gradeBefore)}）${
                  d.appeal.totalAfter !== null
                    ? `　${t('after')} ${score(d.appeal.totalAfter)}（${of(d.grades, d.appeal.gradeAfter)}）`
                    : ''
                }`}
              />
            )}
            {d.appeal.state === 'open' && can('assessment:manage') && (
              <Form
                form={decideForm}
                layout="vertical"
                initialValues={{ outcome: 'rejected' }}
                style={{ maxWidth: 640 }}
                onFinish={(v) =>
                  submit(
                    () =>
                      assessmentApi.decide(d.appeal?.id ?? 0, {
                        outcome: v.outcome,
                        decision: v.decision,
                        ...(v.outcome === 'upheld' && v.indicator && v.score !== undefined
                          ? { corrections: [{ indicator: v.indicator, score: v.score }] }
                          : {}),
                      }),
                    t('decided'),
                  )
                }
              >
                <Form.Item name="outcome" label={t('outcome')}>
                  <Radio.Group
                    options={[
                      { value: 'upheld', label: t('upheld') },
                      { value: 'rejected', label: t('rejected') },
                    ]}
                  />
                </Form.Item>
                {outcome === 'upheld' && (
                  <Space wrap>
                    <Form.Item
                      name="indicator"
                      label={t('correctIndicator')}
                      rules={[{ required: true, message: t('required') }]}
                    >
                      <Select
                        style={{ width: 220 }}
                        options={d.indicators.map((i) => ({ value: i.indicator, label: pick(i.name) }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name="score"
                      label={t('correctScore')}
                      rules={[{ required: true, message: t('required') }]}
                    >
                      <InputNumber min={0} max={100} />
                    </Form.Item>
                  </Space>
                )}
                <Form.Item
                  name="decision"
                  label={t('decision')}
                  rules={[{ required: true, min: 2, message: t('required') }]}
                >
                  <Input.TextArea rows={3} data-testid="appeal-decision" />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={busy} data-testid="appeal-decide">
                  {t('decide')}
                </Button>
              </Form>
            )}
          </Space>
        ) : appealOpen && can('assessment:submit') ? (
          <Form
            form={appealForm}
            layout="vertical"
            style={{ maxWidth: 640 }}
            onFinish={(v) => submit(() => assessmentApi.appeal(d.id, v.reason, v.indicator), t('filed'))}
          >
            <Form.Item name="indicator" label={t('appealIndicator')}>
              <Select
                allowClear
                options={d.indicators.map((i) => ({ value: i.indicator, label: pick(i.name) }))}
              />
            </Form.Item>
            <Form.Item
              name="reason"
              label={t('appealReason')}
              rules={[{ required: true, min: 5, message: t('required') }]}
            >
              <Input.TextArea rows={4} data-testid="appeal-reason" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="appeal-submit">
              {t('fileAppeal')}
            </Button>
          </Form>
        ) : (
          <Typography.Text type="secondary">{t('none')}</Typography.Text>
        )}
      </Card>
      <Card size="small" title={t('history')}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={d.history}
          {...phoneListProps(phone, 640)}
          columns={
            phone
              ? historyPhoneColumns
              : [
                  {
                    title: t('year'),
                    key: 'y',
                    render: (_: unknown, r: HistoryRow) => yearCell(r),
                  },
                  {
                    title: t('total'),
                    key: 't',
                    align: 'right' as const,
                    render: (_: unknown, r: HistoryRow) => score(r.total),
                  },
                  {
                    title: t('rank'),
                    key: 'r',
                    align: 'right' as const,
                    render: (_: unknown, r: HistoryRow) => `${r.rank} / ${r.groupSize}`,
                  },
                  {
                    title: t('grade'),
                    key: 'g',
                    render: (_: unknown, r: HistoryRow) => gradeTag(r),
                  },
                  {
                    title: t('allowance'),
                    key: 'a',
                    align: 'right' as const,
                    render: (_: unknown, r: HistoryRow) => yuan(r.allowanceFen),
                  },
                  {
                    title: t('basis'),
                    key: 'b',
                    render: (_: unknown, r: HistoryRow) => of(BASIS_NAMES, r.basis),
                  },
                ]
          }
        />
      </Card>
      <RecordsDrawer assessmentId={d.id} indicator={drawer} onClose={() => setDrawer(null)} />
      <Modal
        open={rating !== null}
        title={rating ? `${t('rate')} · ${pick(rating.name)}` : ''}
        onCancel={() => setRating(null)}
        confirmLoading={busy}
        destroyOnHidden
        onOk={async () => {
          const v = await rateForm.validateFields();
          if (!rating) return;
          await submit(
            () => assessmentApi.manualScore(d.id, rating.indicator, v.score, v.evidence),
            t('rated'),
          );
          setRating(null);
        }}
      >
        <Form form={rateForm} layout="vertical">
          <Form.Item name="score" label={t('score')} rules={[{ required: true, message: t('required') }]}>
            <InputNumber min={0} max={100} />
          </Form.Item>
          <Form.Item
            name="evidence"
            label={t('evidence')}
            rules={[{ required: true, message: t('required') }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
