// One case: header, details, photos, the timeline of steps, 吹哨报到 parts and the actions the
// server allows this account.
import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Input,
  List,
  Modal,
  Result,
  Row,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useInvalidate } from '../api/query.ts';
import { keys } from '../api/query-keys.ts';
import type { CaseAction, CaseDetail, SummonsPartRow } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { errorText, useFeedback } from '../shell/feedback.ts';
import { useSession } from '../shell/session.tsx';
import { ActionDialog } from './action-dialog.tsx';
import { formatTime, getCase, summonsAction, transition } from './case-api.ts';
import { useClassifierText } from './classifier-messages.ts';
import { CaseSuggestionCard } from './classifier-panel.tsx';
import {
  ACTION_NAMES,
  CASE_ROLE_NAMES,
  CHANNEL_NAMES,
  EVALUATION_NAMES,
  STATE_NAMES,
  SUMMONS_STATE_NAMES,
} from './names.ts';
import { LightDot, Photos, StateTag, SupervisionTag } from './parts.tsx';

const DANGER: readonly CaseAction[] = ['reject', 'return', 'verify_fail', 'deny_extension', 'reopen'];
const PRIMARY: readonly CaseAction[] = ['file', 'dispatch', 'accept', 'feedback', 'verify_pass', 'evaluate'];

function SummonsParts({ detail, onChange }: { detail: CaseDetail; onChange: (next: CaseDetail) => void }) {
  const { t, name } = useI18n();
  const feedback = useFeedback();
  const { me } = useSession();
  const [completing, setCompleting] = useState<SummonsPartRow | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<number | null>(null);
  const canAct = me?.account.role === 'department_staff' || me?.account.role === 'org_admin';
  if (detail.summons.length === 0) return null;
  const done = detail.summons.filter((p) => p.state === 'done').length;

  async function act(part: SummonsPartRow, action: 'report' | 'complete', text: string) {
    setBusy(part.departmentId);
    try {
      onChange(await summonsAction(detail.id, part.departmentId, action, text));
      setCompleting(null);
      setNote('');
    } catch (error) {
      feedback.error(error);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Card
      variant="borderless"
      title={t('case.summons')}
      extra={
        <Tag color={done === detail.summons.length ? 'green' : 'orange'} data-testid="summons-progress">
          {t('case.summonsProgress', { done, total: detail.summons.length })}
        </Tag>
      }
      style={{ marginTop: 16 }}
      data-testid="case-summons"
    >
      <List
        dataSource={detail.summons}
        renderItem={(part) => (
          <List.Item
            data-testid="summons-part"
            data-department-id={part.departmentId}
            data-state={part.state}
            actions={
              canAct
                ? [
                    part.state === 'summoned' && (
                      <Button
                        key="report"
                        size="small"
                        loading={busy === part.departmentId}
                        onClick={() => void act(part, 'report', '')}
                        data-testid="summons-report"
                      >
                        {t('case.summonsReport')}
                      </Button>
                    ),
                    part.state === 'reported' && (
                      <Button
                        key="complete"
                        size="small"
                        type="primary"
                        onClick={() => setCompleting(part)}
                        data-testid="summons-complete"
                      >
                        {t('case.summonsComplete')}
                      </Button>
                    ),
                  ].filter(Boolean)
                : []
            }
          >
            <Space wrap>
              <b>{part.departmentName}</b>
              <Tag color={part.state === 'done' ? 'green' : part.state === 'reported' ? 'blue' : 'default'}>
                {name(SUMMONS_STATE_NAMES, part.state)}
              </Tag>
              {part.late && <Tag color="red">{t('case.summonsLate')}</Tag>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {part.reportDeadline && t('case.summonsDeadline', { time: formatTime(part.reportDeadline) })}
                {part.reportedAt &&
                  ` · ${t('case.summonsReportedAt', { time: formatTime(part.reportedAt) })}`}
                {part.doneAt && ` · ${t('case.summonsDoneAt', { time: formatTime(part.doneAt) })}`}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      <Modal
        open={completing !== null}
        title={`${t('case.summonsComplete')} · ${completing?.departmentName ?? ''}`}
        onCancel={() => setCompleting(null)}
        okButtonProps={{ disabled: !note.trim(), 'data-testid': 'summons-complete-submit' } as never}
        confirmLoading={busy !== null}
        onOk={() => completing && void act(completing, 'complete', note.trim())}
      >
        <Input.TextArea
          rows={3}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t('form.note')}
          data-testid="summons-note"
        />
      </Modal>
    </Card>
  );
}

export default function CasePage() {
  const { id } = useParams();
  const { t, name, lang } = useI18n();
  const feedback = useFeedback();
  const loaded = useQuery({ queryKey: keys.cases.detail(id ?? ''), queryFn: () => getCase(id ?? '') });
  const detail = loaded.data ?? null;
  const client = useQueryClient();
  const invalidate = useInvalidate();
  const reload = () => void invalidate(keys.cases.detail(id ?? ''));
  /** A write answered the case as it is now: show it, and the lists and figures ask again. */
  const setDetail = (next: CaseDetail) => {
    client.setQueryData(keys.cases.detail(id ?? ''), next);
    void invalidate(keys.cases.lists, keys.cases.map, keys.cases.allStats);
  };
  const [action, setAction] = useState<CaseAction | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [presetCategory, setPresetCategory] = useState<string | null>(null);
  const suggestText = useClassifierText().t;

  useEffect(() => {
    if (detail) document.title = `${detail.caseNo} · ${t('app.name')}`;
  }, [detail, t]);

  if (loaded.error && !detail) return <Result status="error" title={errorText(loaded.error, lang)} />;
  if (!detail) return <Card loading variant="borderless" />;

  const steps = [...detail.steps].sort((a, b) => a.at.localeCompare(b.at));
  const actions = detail.allowedActions;
  // the dispatcher deciding whether to file or reject sees the suggestions
  const deciding = actions.includes('file') || actions.includes('reject');

  async function rejectAsDuplicate(original: { id: number; caseNo: string }, note: string) {
    if (!detail) return;
    try {
      const next = await transition(detail.id, {
        action: 'reject',
        version: detail.version,
        rejectReason: 'duplicate',
        duplicateOf: original.id,
        note,
      });
      setDetail(next);
      feedback.success(suggestText('suggest.rejected', { caseNo: original.caseNo }));
    } catch (error) {
      feedback.error(error);
      reload();
    }
  }

  return (
    <div
      data-testid="case-page"
      data-case-id={detail.id}
      data-state={detail.state}
      data-version={detail.version}
    >
      <Space style={{ marginBottom: 12 }}>
        <Link to="/cases">
          <Button icon={<ArrowLeftOutlined />}>{t('case.back')}</Button>
        </Link>
        <Button icon={<ReloadOutlined />} onClick={reload}>
          {t('common.refresh')}
        </Button>
      </Space>
      <Card variant="borderless">
        <div className="qj-case-header">
          <LightDot light={detail.light} />
          <h2 data-testid="case-title">{detail.title}</h2>
          <span className="qj-case-no" data-testid="case-no">
            {detail.caseNo}
          </span>
          <StateTag state={detail.state} label={detail.stateName} />
          <SupervisionTag level={detail.supervision} />
          {detail.urgent && <Tag color="red">{t('cases.urgent')}</Tag>}
          {detail.categoryName && <Tag>{detail.categoryName}</Tag>}
          {detail.stepDeadline && (
            <Typography.Text type="secondary" data-testid="case-deadline">
              {t('case.deadline')}：{formatTime(detail.stepDeadline)}
            </Typography.Text>
          )}
        </div>
        {notice && (
          <Alert
            type="warning"
            showIcon
            title={notice}
            closable
            onClose={() => setNotice(null)}
            style={{ marginTop: 12 }}
          />
        )}
        <div style={{ marginTop: 16 }} data-testid="case-actions">
          {actions.length === 0 ? (
            <Typography.Text type="secondary">{t('case.noActions')}</Typography.Text>
          ) : (
            <Space wrap>
              {actions.map((a) => (
                <Button
                  key={a}
                  type={PRIMARY.includes(a) ? 'primary' : 'default'}
                  danger={DANGER.includes(a)}
                  onClick={() => setAction(a)}
                  data-testid={`action-${a}`}
                >
                  {name(ACTION_NAMES, a)}
                </Button>
              ))}
            </Space>
          )}
        </div>
      </Card>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} lg={14}>
          <Card variant="borderless" title={t('case.details')}>
            <Descriptions column={1} size="small" data-testid="case-details">
              <Descriptions.Item label={t('case.description')}>
                <span style={{ whiteSpace: 'pre-wrap' }}>{detail.description}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('cases.channel')}>
                {name(CHANNEL_NAMES, detail.channel)}
              </Descriptions.Item>
              <Descriptions.Item label={t('case.address')}>{detail.address || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('case.location')}>
                {detail.lng !== null && detail.lat !== null
                  ? `${detail.lng.toFixed(6)}, ${detail.lat.toFixed(6)}`
                  : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('case.town')}>{detail.townName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('case.village')}>{detail.village?.name ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('case.grid')}>
                {detail.grid ? `${detail.grid.name}（${detail.grid.code}）` : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('cases.department')}>
                <span data-testid="case-department">{detail.departmentName ?? '—'}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('case.reporter')}>
                {[detail.reporter?.nameMasked, detail.reporter?.phoneMasked].filter(Boolean).join(' ') || '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('cases.createdAt')}>
                {formatTime(detail.createdAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t('case.counters')}>
                {t('case.countersText', {
                  redispatch: detail.counters?.redispatch ?? 0,
                  rework: detail.counters?.rework ?? 0,
                  extension: detail.counters?.extension ?? 0,
                  reopen: detail.counters?.reopen ?? 0,
                })}
              </Descriptions.Item>
              {detail.evaluation && (
                <Descriptions.Item label={t('case.evaluation')}>
                  <Tag
                    color={detail.evaluation === 'dissatisfied' ? 'red' : 'green'}
                    data-testid="case-evaluation"
                  >
                    {name(EVALUATION_NAMES, detail.evaluation)}
                  </Tag>
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
          <Card variant="borderless" title={t('case.photos')} style={{ marginTop: 16 }}>
            {detail.photos.length ? (
              <Photos ids={detail.photos} />
            ) : (
              <Empty description={t('case.noPhotos')} />
            )}
          </Card>
          <SummonsParts detail={detail} onChange={setDetail} />
          {deciding && (
            <CaseSuggestionCard
              detail={detail}
              onUseCategory={(code) => {
                if (!actions.includes('file')) return;
                setPresetCategory(code);
                setAction('file');
              }}
              onRejectDuplicate={
                actions.includes('reject') ? (d, note) => rejectAsDuplicate(d, note) : undefined
              }
            />
          )}
        </Col>
        <Col xs={24} lg={10}>
          <Card variant="borderless" title={t('case.timeline')} data-testid="case-timeline">
            <Timeline
              items={steps.map((s, i) => ({
                key: `${s.at}-${i}`,
                color:
                  s.action === 'reject' || s.action === 'verify_fail' || s.action === 'return'
                    ? 'red'
                    : i === steps.length - 1
                      ? 'green'
                      : 'blue',
                title: formatTime(s.at),
                content: (
                  <div data-testid="timeline-step" data-action={s.action}>
                    <b>{lang === 'zh' && s.actionName ? s.actionName : name(ACTION_NAMES, s.action)}</b>
                    {s.toState && (
                      <Typography.Text type="secondary"> → {name(STATE_NAMES, s.toState)}</Typography.Text>
                    )}
                    <div style={{ fontSize: 12, color: '#666' }}>
                      {s.actorName}
                      {s.actorRole ? `（${name(CASE_ROLE_NAMES, s.actorRole)}）` : ''}
                    </div>
                    {s.note && <div style={{ whiteSpace: 'pre-wrap' }}>{s.note}</div>}
                    {s.attachments?.length ? <Photos ids={s.attachments} /> : null}
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      <ActionDialog
        detail={detail}
        action={action}
        presetCategory={presetCategory}
        onClose={() => {
          setAction(null);
          setPresetCategory(null);
        }}
        onDone={(next, error) => {
          if (next) {
            setDetail(next);
            setAction(null);
            setPresetCategory(null);
            feedback.success(t('case.done', { action: name(ACTION_NAMES, action ?? '') }));
          } else {
            // a conflict: show what the server said and what the case is now
            if (error) setNotice(`${errorText(error, lang)} ${t('case.stale')}`);
            reload();
          }
        }}
      />
    </div>
  );
}
