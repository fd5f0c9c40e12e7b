// One village matter: whether it was validly made (and which rules broke), the procedure's steps
// with what each recorded (date, body, attendees, counts, vote, minutes, publications), and — for
// the village — the form that records the next step.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Input,
  Modal,
  Result,
  Row,
  Space,
  Steps,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useInvalidate } from '../api/query.ts';
import { keys } from '../api/query-keys.ts';
import { errorText, useFeedback } from '../shell/feedback.ts';
import { PageSpin } from '../shell/page-spin.tsx';
import { PageTitle } from '../shell/page-title.tsx';
import { useSession } from '../shell/session.tsx';
import { deliberationApi, type MatterStep } from './deliberation-api.ts';
import { useDeliberationText } from './deliberation-messages.ts';
import { StatusTag, ValidityTag } from './deliberations-page.tsx';
import { StepForm } from './step-form.tsx';
import { yuan } from './village-text.ts';

function StepRecord({ s }: { s: MatterStep }) {
  const { t, lang } = useDeliberationText();
  return (
    <div data-testid={`step-${s.step}`}>
      <b>{lang === 'en' ? s.nameEn : s.nameZh}</b>
      {s.mergedWith && <span> {t('mergedConsult')}</span>}
      <Typography.Text type="secondary">
        {' '}
        · {s.heldOn} · {lang === 'en' ? s.bodyNameEn : s.bodyNameZh}
        {s.place ? ` · ${s.place}` : ''}
      </Typography.Text>
      {s.dueCount !== null && s.presentCount !== null && (
        <div style={{ fontSize: 13 }}>
          {t('counts', { due: s.dueCount, present: s.presentCount })}
          {s.householdsDue
            ? `，${t('householdCounts', { due: s.householdsDue, present: s.householdsPresent ?? 0 })}`
            : ''}
          {s.votes && `；${t('votes', { ...s.votes })}`}
          {s.quorumMet === false && (
            <Tag color="red" style={{ marginLeft: 6 }}>
              {t('noQuorum')}
            </Tag>
          )}
          {s.passed === true && (
            <Tag color="green" style={{ marginLeft: 6 }}>
              {t('passed')}
            </Tag>
          )}
          {s.passed === false && (
            <Tag color="orange" style={{ marginLeft: 6 }}>
              {t('notPassed')}
            </Tag>
          )}
        </div>
      )}
      {s.attendees.length > 0 && (
        <div style={{ fontSize: 12, color: '#595959' }}>{s.attendees.map((a) => a.name).join('、')}</div>
      )}
      {s.minutes && <div style={{ fontSize: 13, marginTop: 4 }}>{s.minutes}</div>}
      {s.content && <div style={{ fontSize: 13, marginTop: 4, whiteSpace: 'pre-wrap' }}>{s.content}</div>}
      {s.publicity && (
        <div style={{ fontSize: 12 }}>
          {t('publicityRange', { from: s.publicity.startsOn, to: s.publicity.endsOn })}
        </div>
      )}
      {s.implementedOn && <div style={{ fontSize: 12 }}>{t('implemented', { date: s.implementedOn })}</div>}
      {s.attachments.map((a) => (
        <a
          key={a.id}
          href={`/api/village-attachments/${a.id}`}
          target="_blank"
          rel="noreferrer"
          style={{ marginRight: 8, fontSize: 12 }}
        >
          {a.fileName || `附件 ${a.id}`}
        </a>
      ))}
    </div>
  );
}

export default function MatterPage() {
  const { t, lang } = useDeliberationText();
  const { id } = useParams();
  const { can } = useSession();
  const feedback = useFeedback();
  const invalidate = useInvalidate();
  const matter = useQuery({
    queryKey: keys.deliberations.detail(Number(id)),
    queryFn: () => deliberationApi.get(Number(id)),
  });
  const changed = () => void invalidate(keys.deliberations.all);
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState('');
  const m = matter.data;
  if (matter.error)
    return (
      <Result
        status="warning"
        title={errorText(matter.error, lang)}
        extra={<Link to="/deliberations">{t('back')}</Link>}
      />
    );
  if (!m) return <PageSpin />;
  const canRecord = can('village:manage') && m.status === 'open';
  const current = m.templateSteps.findIndex((s) => s.state === 'next');
  const status = m.validity === 'invalid' ? 'error' : m.status === 'open' ? 'process' : 'finish';

  return (
    <div data-testid="matter-page">
      <PageTitle
        title={
          <Space wrap>
            <Link to="/deliberations">
              <ArrowLeftOutlined />
            </Link>
            <span data-testid="matter-title">{m.title}</span>
            <ValidityTag m={m} />
            <StatusTag status={m.status} />
          </Space>
        }
        extra={
          canRecord ? (
            <Button danger onClick={() => setWithdrawing(true)}>
              {t('withdraw')}
            </Button>
          ) : null
        }
      />
      {m.validity === 'invalid' ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('breaches')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="matter-breaches">
              {m.breaches.map((b) => (
                <li key={`${b.code}-${b.step}`}>{lang === 'en' ? b.messageEn : b.messageZh}</li>
              ))}
            </ul>
          }
        />
      ) : (
        <Alert
          type={m.validity === 'valid' ? 'success' : 'info'}
          showIcon
          style={{ marginBottom: 16 }}
          message={m.validity === 'valid' ? t('valid') : t('pending')}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card title={t('detail')} size="small">
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('colVillage')}>{m.org.name}</Descriptions.Item>
              <Descriptions.Item label={t('colTemplate')}>{m.templateName}</Descriptions.Item>
              <Descriptions.Item label={t('colCategory')}>{m.categoryName}</Descriptions.Item>
              <Descriptions.Item label={t('amount')}>{yuan(m.amountFen)}</Descriptions.Item>
              {m.grid && <Descriptions.Item label={t('group')}>{m.grid.name}</Descriptions.Item>}
              <Descriptions.Item label={t('colProposed')}>{m.proposedOn}</Descriptions.Item>
              {m.oneShoulder && (
                <Descriptions.Item label={t('oneShoulder')}>
                  <Tag color="blue" data-testid="one-shoulder">
                    {t('oneShoulderYes')}
                  </Tag>
                </Descriptions.Item>
              )}
            </Descriptions>
            {m.description && (
              <Typography.Paragraph style={{ marginTop: 8 }}>{m.description}</Typography.Paragraph>
            )}
          </Card>
          <Card title={t('steps')} size="small" style={{ marginTop: 16 }}>
            <Steps
              direction="vertical"
              size="small"
              current={current === -1 ? m.templateSteps.length : current}
              status={status}
              items={m.templateSteps.map((s) => ({ title: lang === 'en' ? s.nameEn : s.nameZh }))}
              data-testid="template-steps"
            />
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          {canRecord && <StepForm key={`${m.next?.key}:${m.version}`} matter={m} onRecorded={changed} />}
          <Card size="small" style={{ marginTop: canRecord ? 16 : 0 }} data-testid="recorded-steps">
            {m.steps.length === 0 ? (
              <Typography.Text type="secondary">{t('noSteps')}</Typography.Text>
            ) : (
              <Timeline
                items={m.steps.map((s) => ({
                  key: s.seq,
                  color: s.passed === false || s.quorumMet === false ? 'red' : 'green',
                  children: <StepRecord s={s} />,
                }))}
              />
            )}
          </Card>
        </Col>
      </Row>
      <Modal
        open={withdrawing}
        title={t('withdraw')}
        onCancel={() => setWithdrawing(false)}
        okButtonProps={{ disabled: !reason.trim() }}
        onOk={async () => {
          try {
            await deliberationApi.withdraw(m.id, reason.trim());
            feedback.success(t('withdrawn'));
            setWithdrawing(false);
            changed();
          } catch (error) {
            feedback.error(error);
          }
        }}
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          placeholder={t('withdrawReason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </div>
  );
}
