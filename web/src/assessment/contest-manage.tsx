// 擂台赛 management (issue 15) on the contests page: the county or town holds a contest; a village's
// secretary enters it (topic, promised goals, evidence); the organizer records each entry's judges'
// scores and audience votes, publishes the results, and follows up the promised goals. Every form
// shows the server's answer in the user's language.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Modal, Popconfirm, Select, Space } from 'antd';
import { useState } from 'react';
import { todayShanghai, useDictionary } from '../deliberation/village-text.ts';
import { useFeedback } from '../shell/feedback.ts';
import { type ContestDetail, type ContestEntry, contestApi } from './assessment-api.ts';
import { FormError, useSubmit } from './form-error.tsx';

const zh = {
  create: '举办擂台赛',
  createTitle: '举办一场擂台赛',
  year: '年度',
  yearOf: '{year} 年度',
  title: '名称',
  titleHint: '例如：2026 年村（社区）党组织书记擂台赛',
  theme: '主题',
  heldOn: '比赛日期',
  created: '已创建擂台赛',
  enter: '报名参赛',
  enterTitle: '本村（社区）报名参赛',
  topic: '参赛主题',
  evidence: '佐证材料',
  goals: '承诺目标',
  goal: '承诺目标 {n}',
  addGoal: '添加承诺目标',
  entered: '已报名',
  score: '评分',
  scoreTitle: '{village}：评委评分和群众投票',
  judge: '评委',
  judgeScore: '得分',
  addJudge: '添加评委',
  votes: '群众投票数',
  scored: '已保存评分',
  finish: '公布结果',
  finishConfirm: '公布后不能再报名或改分，确定公布排名和奖项？',
  finished: '已公布结果',
  followup: '跟进兑现',
  followupTitle: '{village}：承诺目标兑现情况',
  note: '说明',
  saved: '已保存兑现情况',
  save: '保存',
  cancel: '取消',
  required: '请填写{field}',
  'followup.pending': '待跟踪',
  'followup.met': '已兑现',
  'followup.partly_met': '部分兑现',
  'followup.not_met': '未兑现',
} as const;
type K = keyof typeof zh;
const en: Record<K, string> = {
  create: 'Hold a contest',
  createTitle: 'Hold a contest',
  year: 'Year',
  yearOf: '{year}',
  title: 'Title',
  titleHint: 'e.g. The 2026 village secretaries’ contest',
  theme: 'Theme',
  heldOn: 'Held on',
  created: 'Contest created',
  enter: 'Enter',
  enterTitle: 'Enter the contest',
  topic: 'Topic',
  evidence: 'Evidence',
  goals: 'Promised goals',
  goal: 'Goal {n}',
  addGoal: 'Add a goal',
  entered: 'Entered',
  score: 'Score',
  scoreTitle: '{village}: judges’ scores and votes',
  judge: 'Judge',
  judgeScore: 'Score',
  addJudge: 'Add a judge',
  votes: 'Audience votes',
  scored: 'Scores saved',
  finish: 'Publish the results',
  finishConfirm: 'No entry or score can change afterwards. Publish the ranking and awards?',
  finished: 'Results published',
  followup: 'Follow up',
  followupTitle: '{village}: goals kept',
  note: 'Note',
  saved: 'Follow-up saved',
  save: 'Save',
  cancel: 'Cancel',
  required: 'Enter the {field}',
  'followup.pending': 'Pending',
  'followup.met': 'Met',
  'followup.partly_met': 'Partly met',
  'followup.not_met': 'Not met',
};
const FOLLOWUPS = ['pending', 'met', 'partly_met', 'not_met'] as const;

/** The organizer's button: a new contest of this year or the last. */
export function NewContestButton({ onCreated }: { onCreated: (id: number) => void }) {
  const { t } = useDictionary<K>(zh, en);
  const feedback = useFeedback();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ year: number; title: string; theme?: string; heldOn: string }>();
  const { busy, error, run, clear } = useSubmit();
  const today = todayShanghai();
  const thisYear = Number(today.slice(0, 4));
  const submit = async (v: { year: number; title: string; theme?: string; heldOn: string }) => {
    let id = 0;
    const ok = await run(async () => {
      id = (await contestApi.create({ ...v, ...(v.theme ? { theme: v.theme } : {}) })).id;
    });
    if (!ok) return;
    feedback.success(t('created'));
    setOpen(false);
    form.resetFields();
    onCreated(id);
  };
  return (
    <>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        onClick={() => {
          clear();
          setOpen(true);
        }}
        data-testid="contest-create"
      >
        {t('create')}
      </Button>
      <Modal
        open={open}
        title={t('createTitle')}
        okText={t('save')}
        cancelText={t('cancel')}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <FormError error={error} testId="contest-create-error" />
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ year: thisYear, heldOn: today }}
          data-testid="contest-create-form"
        >
          <Form.Item name="year" label={t('year')} rules={[{ required: true }]}>
            <Select
              options={[thisYear, thisYear - 1].map((y) => ({ value: y, label: t('yearOf', { year: y }) }))}
            />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('title')}
            rules={[{ required: true, min: 2, max: 100, message: t('required', { field: t('title') }) }]}
          >
            <Input placeholder={t('titleHint')} maxLength={100} data-testid="contest-title" />
          </Form.Item>
          <Form.Item name="theme" label={t('theme')} rules={[{ max: 500 }]}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <Form.Item
            name="heldOn"
            label={t('heldOn')}
            rules={[{ required: true, message: t('required', { field: t('heldOn') }) }]}
          >
            <Input type="date" data-testid="contest-held-on" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** A village secretary's entry: topic, evidence and at least one promised goal. */
export function EntryButton({ contest, onDone }: { contest: ContestDetail; onDone: () => void }) {
  const { t } = useDictionary<K>(zh, en);
  const feedback = useFeedback();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ topic: string; evidence?: string; goals: string[] }>();
  const { busy, error, run, clear } = useSubmit();
  const submit = async (v: { topic: string; evidence?: string; goals: string[] }) => {
    const body = {
      topic: v.topic,
      goals: v.goals.filter((g) => g?.trim()),
      ...(v.evidence ? { evidence: v.evidence } : {}),
    };
    if (!(await run(() => contestApi.enter(contest.id, body)))) return;
    feedback.success(t('entered'));
    setOpen(false);
    onDone();
  };
  return (
    <>
      <Button
        type="primary"
        onClick={() => {
          clear();
          setOpen(true);
        }}
        data-testid="contest-enter"
      >
        {t('enter')}
      </Button>
      <Modal
        open={open}
        title={t('enterTitle')}
        okText={t('save')}
        cancelText={t('cancel')}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <FormError error={error} testId="contest-enter-error" />
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ goals: [''] }}>
          <Form.Item
            name="topic"
            label={t('topic')}
            rules={[{ required: true, min: 2, max: 100, message: t('required', { field: t('topic') }) }]}
          >
            <Input maxLength={100} data-testid="entry-topic" />
          </Form.Item>
          <Form.List name="goals">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item
                      name={f.name}
                      label={t('goal', { n: i + 1 })}
                      rules={[
                        { required: true, min: 2, max: 200, message: t('required', { field: t('goals') }) },
                      ]}
                      style={{ flex: 1, minWidth: 220 }}
                    >
                      <Input maxLength={200} data-testid="entry-goal" />
                    </Form.Item>
                    {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                  </Space>
                ))}
                {fields.length < 10 && (
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')} block>
                    {t('addGoal')}
                  </Button>
                )}
              </>
            )}
          </Form.List>
          <Form.Item name="evidence" label={t('evidence')} rules={[{ max: 2000 }]} style={{ marginTop: 12 }}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

interface ScoreForm {
  judges: { judge: string; score: number }[];
  votes: number;
}

/** The organizer's scores of one entry: each judge's score (0–100) and the audience's votes. */
export function ScoreButton({
  contest,
  entry,
  village,
  onDone,
}: {
  contest: ContestDetail;
  entry: ContestEntry;
  village: string;
  onDone: () => void;
}) {
  const { t } = useDictionary<K>(zh, en);
  const feedback = useFeedback();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<ScoreForm>();
  const { busy, error, run, clear } = useSubmit();
  const submit = async (v: ScoreForm) => {
    const body = {
      scores: v.judges.map((j) => ({ entryId: entry.id, judge: j.judge, score: j.score })),
      votes: [{ entryId: entry.id, votes: v.votes ?? 0 }],
    };
    if (!(await run(() => contestApi.scores(contest.id, body)))) return;
    feedback.success(t('scored'));
    setOpen(false);
    onDone();
  };
  const initial: ScoreForm = {
    judges: entry.scores.length ? entry.scores : [{ judge: '', score: undefined as unknown as number }],
    votes: entry.votes,
  };
  return (
    <>
      <Button
        size="small"
        onClick={() => {
          clear();
          setOpen(true);
        }}
        data-testid="entry-score"
      >
        {t('score')}
      </Button>
      <Modal
        open={open}
        title={t('scoreTitle', { village })}
        okText={t('save')}
        cancelText={t('cancel')}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <FormError error={error} testId="entry-score-error" />
        <Form form={form} layout="vertical" onFinish={submit} initialValues={initial}>
          <Form.List name="judges">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" wrap>
                    <Form.Item
                      name={[f.name, 'judge']}
                      label={t('judge')}
                      rules={[{ required: true, max: 20, message: t('required', { field: t('judge') }) }]}
                    >
                      <Input maxLength={20} style={{ width: 130 }} data-testid="score-judge" />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'score']}
                      label={t('judgeScore')}
                      rules={[{ required: true, message: t('required', { field: t('judgeScore') }) }]}
                    >
                      <InputNumber
                        min={0}
                        max={100}
                        step={0.5}
                        style={{ width: 100 }}
                        data-testid="score-value"
                      />
                    </Form.Item>
                    {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                  </Space>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ judge: '' })}
                  block
                  data-testid="score-add-judge"
                >
                  {t('addJudge')}
                </Button>
              </>
            )}
          </Form.List>
          <Form.Item name="votes" label={t('votes')} style={{ marginTop: 12 }}>
            <InputNumber
              min={0}
              max={10_000_000}
              precision={0}
              style={{ width: 160 }}
              data-testid="score-votes"
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** Publishes the ranking and awards; the server names any entry still without a judge's score. */
export function FinishButton({ contest, onDone }: { contest: ContestDetail; onDone: () => void }) {
  const { t } = useDictionary<K>(zh, en);
  const feedback = useFeedback();
  const { busy, error, run } = useSubmit();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Popconfirm
        title={t('finishConfirm')}
        okText={t('finish')}
        cancelText={t('cancel')}
        onConfirm={async () => {
          if (await run(() => contestApi.finish(contest.id))) {
            feedback.success(t('finished'));
            onDone();
          }
        }}
      >
        <Button type="primary" loading={busy} data-testid="contest-finish">
          {t('finish')}
        </Button>
      </Popconfirm>
      <FormError error={error} testId="contest-finish-error" />
    </Space>
  );
}

type FollowupForm = { goals: { followup: string; note?: string }[] };

/** The organizer (or a town above the village) records how far each promised goal was met. */
export function FollowupButton({
  entry,
  village,
  onDone,
}: {
  entry: ContestEntry;
  village: string;
  onDone: () => void;
}) {
  const { t } = useDictionary<K>(zh, en);
  const feedback = useFeedback();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<FollowupForm>();
  const { busy, error, run, clear } = useSubmit();
  const submit = async (v: FollowupForm) => {
    // the form holds the fields it shows; the goal's id is the entry's, in the same order
    const items = v.goals.map((g, i) => ({
      goalId: entry.goals[i]?.id ?? 0,
      followup: g.followup,
      ...(g.note ? { note: g.note } : {}),
    }));
    if (!(await run(() => contestApi.followups(items)))) return;
    feedback.success(t('saved'));
    setOpen(false);
    onDone();
  };
  return (
    <>
      <Button
        size="small"
        onClick={() => {
          clear();
          setOpen(true);
        }}
        data-testid="entry-followup"
      >
        {t('followup')}
      </Button>
      <Modal
        open={open}
        title={t('followupTitle', { village })}
        okText={t('save')}
        cancelText={t('cancel')}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <FormError error={error} testId="entry-followup-error" />
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{
            goals: entry.goals.map((g) => ({ followup: g.followup, note: g.note })),
          }}
        >
          <Form.List name="goals">
            {(fields) =>
              fields.map((f, i) => (
                <div key={f.key} style={{ marginBottom: 8 }}>
                  <div style={{ fontWeight: 500, marginBottom: 4 }}>{entry.goals[i]?.goal}</div>
                  <Space wrap align="baseline">
                    <Form.Item name={[f.name, 'followup']} noStyle>
                      <Select
                        style={{ width: 130 }}
                        options={FOLLOWUPS.map((k) => ({ value: k, label: t(`followup.${k}`) }))}
                        data-testid="followup-state"
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'note']} noStyle rules={[{ max: 200 }]}>
                      <Input placeholder={t('note')} maxLength={200} style={{ width: 200 }} />
                    </Form.Item>
                  </Space>
                </div>
              ))
            }
          </Form.List>
        </Form>
      </Modal>
    </>
  );
}
