// Follow a case by its number and tracking code (POST /api/cases/track: the one public rule, no
// personal data, no notes); the SMS link carries both (?code=). The reporter, signed in, evaluates here.

import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Radio, Result, Timeline } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError, api } from '../api/client.ts';
import { keys } from '../api/query-keys.ts';
import type { CaseDetail, Evaluation, PublicCase } from '../api/types.ts';
import { formatTime, getCase, listCases, transition } from '../cases/case-api.ts';
import { ACTION_NAMES, EVALUATION_NAMES, STATE_NAMES } from '../cases/names.ts';
import { StateTag } from '../cases/parts.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { errorText, useFeedback } from '../shell/feedback.ts';
import { useSession } from '../shell/session.tsx';
import { useUrlState } from '../shell/use-url-state.ts';
import { SignInLink } from './public-layout.tsx';
import { trackingPath, useTrackingText } from './tracking-messages.ts';

function Evaluate({ caseNo, onDone }: { caseNo: string; onDone: () => void }) {
  const { t, name } = useI18n();
  const feedback = useFeedback();
  const { status, can } = useSession();
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [value, setValue] = useState<Evaluation>();
  const [busy, setBusy] = useState(false);
  const signedIn = status === 'signed_in' && can('case:read');
  useEffect(() => {
    if (!signedIn) return;
    let cancelled = false;
    listCases({ q: caseNo, pageSize: 5 })
      .then(async (page) => {
        const row = page.items.find((c) => c.caseNo === caseNo);
        if (row && !cancelled) setDetail(await getCase(row.id));
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [caseNo, signedIn]);
  if (!detail?.allowedActions.includes('evaluate')) return null;
  return (
    <Card
      variant="borderless"
      style={{ marginTop: 16 }}
      title={t('case.evaluation')}
      data-testid="public-evaluate"
    >
      <p>{t('public.evaluateHint')}</p>
      <Radio.Group
        optionType="button"
        buttonStyle="solid"
        value={value}
        onChange={(e) => setValue(e.target.value)}
      >
        {(Object.keys(EVALUATION_NAMES) as Evaluation[]).map((e) => (
          <Radio key={e} value={e}>
            <span data-testid={`evaluation-${e}`}>{name(EVALUATION_NAMES, e)}</span>
          </Radio>
        ))}
      </Radio.Group>
      <Button
        type="primary"
        style={{ marginLeft: 12 }}
        disabled={!value}
        loading={busy}
        data-testid="public-evaluate-submit"
        onClick={async () => {
          if (!value) return;
          setBusy(true);
          try {
            await transition(detail.id, { action: 'evaluate', evaluation: value, version: detail.version });
            feedback.success(t('public.evaluated'));
            setDetail(null);
            onDone();
          } catch (error) {
            feedback.error(error);
          } finally {
            setBusy(false);
          }
        }}
      >
        {t('form.submit')}
      </Button>
    </Card>
  );
}

export default function PublicTrackPage() {
  const { caseNo } = useParams();
  const code = useUrlState().get('code') ?? '';
  const navigate = useNavigate();
  const { t, name, lang } = useI18n();
  const tt = useTrackingText();
  const { status } = useSession();
  const asked = Boolean(caseNo && code);
  const found = useQuery({
    queryKey: keys.publicTrack(caseNo, code),
    queryFn: () => api.post<PublicCase>('/api/cases/track', { caseNo: caseNo ?? '', code }),
    enabled: asked,
  });
  const data = asked ? found.data : undefined;
  const notFound = found.error instanceof ApiError && found.error.status === 404;

  return (
    <div data-testid="public-track-page">
      <Card variant="borderless" title={t('public.trackTitle')}>
        <p>{tt('track.hint')}</p>
        <Form
          layout="inline"
          initialValues={{ caseNo, code }}
          onFinish={(v: { caseNo: string; code: string }) =>
            navigate(trackingPath(v.caseNo.trim(), v.code.trim()))
          }
        >
          <Form.Item
            name="caseNo"
            rules={[{ required: true, whitespace: true, message: t('form.required') }]}
            style={{ flex: 1 }}
          >
            <Input placeholder={t('public.caseNoPlaceholder')} data-testid="track-case-no" />
          </Form.Item>
          <Form.Item
            name="code"
            rules={[{ required: true, whitespace: true, message: t('form.required') }]}
            style={{ width: 220 }}
          >
            <Input
              placeholder={tt('track.codePlaceholder')}
              aria-label={tt('track.code')}
              data-testid="track-code"
              autoComplete="off"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="track-submit">
            {t('public.track')}
          </Button>
        </Form>
        {status === 'signed_out' && (
          <Alert
            type="info"
            style={{ marginTop: 12 }}
            title={t('public.signInHint')}
            action={<SignInLink from={caseNo ? trackingPath(caseNo, code) : '/public/track'} />}
          />
        )}
      </Card>
      {asked && found.isFetching && <Card loading variant="borderless" style={{ marginTop: 16 }} />}
      {asked && notFound && (
        <Result status="404" title={tt('track.notFound')} data-testid="track-not-found" />
      )}
      {asked && found.error && !notFound ? <Alert type="error" title={errorText(found.error, lang)} /> : null}
      {data && (
        <Card
          variant="borderless"
          style={{ marginTop: 16 }}
          data-testid="track-result"
          data-state={data.state}
        >
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('public.caseNo')}>{data.caseNo}</Descriptions.Item>
            <Descriptions.Item label={t('cases.state')}>
              <StateTag state={data.state} label={data.stateName} />
            </Descriptions.Item>
            <Descriptions.Item label={t('cases.category')}>{data.category ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('cases.createdAt')}>{formatTime(data.createdAt)}</Descriptions.Item>
            {data.closedAt && (
              <Descriptions.Item label={t('public.closedAt')}>{formatTime(data.closedAt)}</Descriptions.Item>
            )}
          </Descriptions>
          <h4>{t('public.progress')}</h4>
          <Timeline
            items={[...data.steps]
              .sort((a, b) => a.at.localeCompare(b.at))
              .map((s, i) => ({
                key: `${s.at}-${i}`,
                title: formatTime(s.at),
                content: (
                  <span data-testid="track-step" data-action={s.action}>
                    {lang === 'zh' && s.actionName ? s.actionName : name(ACTION_NAMES, s.action)}
                  </span>
                ),
              }))}
          />
          <span style={{ display: 'none' }}>{name(STATE_NAMES, data.state)}</span>
        </Card>
      )}
      {data && <Evaluate caseNo={data.caseNo} onDone={() => void found.refetch()} />}
    </div>
  );
}
