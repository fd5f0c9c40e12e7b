// One person's recruitment: the applicant, the 25 steps as a timeline (dates, notes, late flags), the
// form of the next step, and the events between steps.

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, Row, Segmented, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { keys } from '../api/query-keys.ts';
import { useFeedback } from '../shell/feedback.ts';
import { PageTitle } from '../shell/page-title.tsx';
import { EventsPanel } from './events-panel.tsx';
import { type Detail, recruitmentApi } from './recruitment-api.ts';
import { type RecruitmentMessageKey, useRecruitmentText } from './recruitment-messages.ts';
import { StepForm } from './step-form.tsx';
import './recruitment.css';

function Reveal({ id, field, masked }: { id: number; field: 'idNumber' | 'phone'; masked: string }) {
  const { t } = useRecruitmentText();
  const feedback = useFeedback();
  const [value, setValue] = useState<string | null>(null);
  return (
    <span>
      {value ?? masked}{' '}
      {!value && (
        <Button
          size="small"
          type="link"
          onClick={() => recruitmentApi.reveal(id, field).then((r) => setValue(r.value), feedback.error)}
        >
          {t('r.reveal')}
        </Button>
      )}
    </span>
  );
}

function StepTimeline({ detail }: { detail: Detail }) {
  const { t, lang } = useRecruitmentText();
  return (
    <Timeline
      className="qj-recruit-steps"
      items={detail.steps.map((s) => {
        const done = s.records.length > 0;
        const next = detail.nextSteps.includes(s.no) && !done;
        return {
          color: done ? 'green' : next ? 'blue' : 'gray',
          children: (
            <div data-step={s.no}>
              <span className="qj-recruit-step-title">
                {s.no}. {lang === 'en' ? s.en : s.zh}
              </span>{' '}
              {s.no === 1 || s.no === 3 || s.no === 7 || s.no === 12 || s.no === 19 ? (
                <Tag>{t(`r.stage.${s.stage}` as RecruitmentMessageKey)}</Tag>
              ) : null}
              {s.records.map((r) => (
                <div key={r.id} className="qj-recruit-step-meta">
                  {r.on}
                  {r.late && (
                    <Tag color="orange" style={{ marginLeft: 6 }}>
                      {t('r.late')}
                    </Tag>
                  )}
                  {r.note ? ` · ${r.note}` : ''}
                  {r.attachments.length ? ` · ${r.attachments.join('，')}` : ''}
                  {r.recordedBy ? ` · ${t('r.recordedBy', { name: r.recordedBy })}` : ''}
                </div>
              ))}
            </div>
          ),
        };
      })}
    />
  );
}

function NextStepCard({ detail, onSaved }: { detail: Detail; onSaved: (d: Detail) => void }) {
  const { t, lang } = useRecruitmentText();
  const [chosen, setChosen] = useState<number | undefined>();
  const choices = detail.nextSteps;
  const step = chosen !== undefined && choices.includes(chosen) ? chosen : choices[choices.length - 1];
  const name = (no: number) => {
    const def = detail.steps[no - 1];
    return def ? (lang === 'en' ? def.en : def.zh) : '';
  };
  return (
    <Card
      size="small"
      data-testid="next-step-card"
      title={
        step
          ? t(step === detail.lastStep ? 'r.repeat' : 'r.nextStep', { no: step, name: name(step) })
          : t('r.noNext')
      }
    >
      {choices.length > 1 && (
        <Segmented<number>
          style={{ marginBottom: 12 }}
          value={step}
          onChange={setChosen}
          options={choices.map((no) => ({ value: no, label: `${no}. ${name(no)}` }))}
        />
      )}
      {step ? (
        <StepForm
          key={`${step}-${detail.version}`}
          detail={detail}
          step={step}
          onSaved={(d) => {
            setChosen(undefined);
            onSaved(d);
          }}
        />
      ) : null}
    </Card>
  );
}

export default function RecruitmentPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { t } = useRecruitmentText();
  const feedback = useFeedback();
  const client = useQueryClient();
  const loaded = useQuery({
    queryKey: keys.recruitment.detail(Number(id)),
    queryFn: () => recruitmentApi.detail(Number(id)),
  });
  const detail = loaded.data;
  // a step's answer is the applicant as now stored: it replaces the cached one; the lists ask again
  const setDetail = (next: Detail) => {
    client.setQueryData(keys.recruitment.detail(next.id), next);
    void client.invalidateQueries({ queryKey: keys.recruitment.all, refetchType: 'none' });
  };
  useEffect(() => {
    if (loaded.error) feedback.error(loaded.error);
  }, [loaded.error, feedback]);
  if (!detail) return <Skeleton active />;

  const a = detail.applicant;
  return (
    <div>
      <PageTitle
        title={`${a.name} · ${t(`r.stage.${detail.stage}` as RecruitmentMessageKey)}`}
        extra={<Button onClick={() => navigate('/recruitment')}>{t('r.backToList')}</Button>}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('r.person')}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('r.field.branch')}>{detail.org.name}</Descriptions.Item>
              <Descriptions.Item label={t('r.field.idNumber')}>
                <Reveal id={detail.id} field="idNumber" masked={a.idNumberMasked} />
              </Descriptions.Item>
              <Descriptions.Item label={t('r.field.phone')}>
                <Reveal id={detail.id} field="phone" masked={a.phoneMasked} />
              </Descriptions.Item>
              <Descriptions.Item label={t('r.col.applied')}>
                {detail.steps[0]?.records[0]?.on}
              </Descriptions.Item>
              {detail.due && (
                <Descriptions.Item label={t('r.col.due')}>
                  {t('r.dueOn', {
                    kind: t(`r.due.${detail.due.kind}` as RecruitmentMessageKey),
                    date: detail.due.on,
                  })}{' '}
                  {detail.due.overdue && <Tag color="red">{t('r.overdue')}</Tag>}
                </Descriptions.Item>
              )}
              {detail.mentors.length > 0 && (
                <Descriptions.Item label={t('r.mentors')}>
                  {detail.mentors.map((m) => m.name).join('、')}
                </Descriptions.Item>
              )}
              {detail.sponsors.length > 0 && (
                <Descriptions.Item label={t('r.sponsors')}>
                  {detail.sponsors.map((m) => m.name).join('、')}
                </Descriptions.Item>
              )}
              {detail.probationEndsOn && (
                <Descriptions.Item label={t('r.stage.full')}>
                  {t('r.probationEnds', { date: detail.probationEndsOn })}
                </Descriptions.Item>
              )}
              {detail.memberId && (
                <Descriptions.Item label={t('r.memberCreated')}>
                  <Tag color="red">
                    {detail.status === 'completed' ? t('r.completed') : t('r.stage.probationary')}
                  </Tag>
                </Descriptions.Item>
              )}
            </Descriptions>
            <Typography.Text type="secondary">{t('r.trainingTotals', detail.trainingTotals)}</Typography.Text>
          </Card>
          <Card size="small" title={t('r.timeline')} style={{ marginTop: 16 }} data-testid="timeline-card">
            <StepTimeline detail={detail} />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <NextStepCard detail={detail} onSaved={setDetail} />
          {detail.status === 'active' && (
            <Card size="small" title={t('r.events')} style={{ marginTop: 16 }} data-testid="events-card">
              <EventsPanel detail={detail} onSaved={setDetail} />
            </Card>
          )}
        </Col>
      </Row>
    </div>
  );
}
