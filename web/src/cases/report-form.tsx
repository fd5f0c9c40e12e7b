// The report form of grid workers (/cases/new) and residents (/public/report): phone first.
import { AimOutlined, BulbOutlined, CloudUploadOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Cascader, Form, Input, List, Space, Spin, Tag, Typography } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { Link } from 'react-router';
import { keys } from '../api/query-keys.ts';
import type { CaseCategories, NewCaseInput } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { trackingPath, useTrackingText } from '../resident/tracking-messages.ts';
import { errorText, useFeedback } from '../shell/feedback.ts';
import { categoriesQuery, formatTime, placeOfPoint } from './case-api.ts';
import { type ClassifierSuggestion, suggestCase } from './classifier-api.ts';
import { SuggestionPanel } from './classifier-panel.tsx';
import {
  discard,
  enqueue,
  flush,
  isNetworkError,
  newClientRequestId,
  onSent,
  type QueuedReport,
  queuedReports,
  retry,
  type SentReport,
  sendReport,
  startOutbox,
  subscribe,
} from './offline-queue.ts';
import { PhotoInput } from './parts.tsx';

const PointPicker = lazy(() => import('./point-picker.tsx'));

interface Values {
  category?: string[];
  title: string;
  description: string;
  address?: string;
}

interface Located {
  lng: number;
  lat: number;
  source: 'gps' | 'map';
  accuracy?: number;
}

function useOnline(): boolean {
  return useSyncExternalStore(
    (notify) => {
      window.addEventListener('online', notify);
      window.addEventListener('offline', notify);
      return () => {
        window.removeEventListener('online', notify);
        window.removeEventListener('offline', notify);
      };
    },
    () => navigator.onLine,
  );
}

let outboxSnapshot: QueuedReport[] = [];
let outboxText = '';
function outboxItems(): QueuedReport[] {
  const next = queuedReports();
  const text = JSON.stringify(next.map((i) => [i.clientRequestId, i.status, i.error?.zh]));
  if (text !== outboxText) {
    outboxText = text;
    outboxSnapshot = next;
  }
  return outboxSnapshot;
}

export function categoryOptions(catalog: CaseCategories | undefined) {
  return (catalog?.classes ?? []).map((c) => ({
    value: c.code,
    label: c.name,
    children: c.subcategories.map((s) => ({ value: s.code, label: s.urgent ? `${s.name} ⚡` : s.name })),
  }));
}

export function ReportForm({ withGrids = true }: { withGrids?: boolean }) {
  const { t, lang } = useI18n();
  const tt = useTrackingText();
  const feedback = useFeedback();
  const [form] = Form.useForm<Values>();
  const online = useOnline();
  const catalog = useQuery(categoriesQuery);
  const [photos, setPhotos] = useState<string[]>([]);
  const [located, setLocated] = useState<Located | null>(null);
  const [locating, setLocating] = useState(false);
  const [picking, setPicking] = useState(false);
  const [locationError, setLocationError] = useState<string | null>(null);
  const [suggestion, setSuggestion] = useState<ClassifierSuggestion | null>(null);
  const [suggesting, setSuggesting] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [sent, setSent] = useState<SentReport[]>([]);
  const outbox = useSyncExternalStore(subscribe, outboxItems);
  // where the point lies, in words, before the report is sent (a wrong pick shows at once)
  const place = useQuery({
    queryKey: keys.place(located?.lng, located?.lat),
    queryFn: () => (located ? placeOfPoint(located.lng, located.lat) : Promise.resolve(null)),
    enabled: Boolean(located) && online,
  });

  useEffect(() => {
    startOutbox();
    return onSent((report) => {
      setSent((list) => [report, ...list]);
      feedback.success(t('report.sentQueued', { caseNo: report.caseNo }));
    });
  }, [feedback, t]);

  const options = useMemo(() => categoryOptions(catalog.data), [catalog.data]);

  function locateByGps() {
    setLocationError(null);
    if (!('geolocation' in navigator)) {
      setLocationError(t('report.gpsFailed', { reason: 'geolocation' }));
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        setLocated({
          lng: Number(position.coords.longitude.toFixed(6)),
          lat: Number(position.coords.latitude.toFixed(6)),
          source: 'gps',
          accuracy: Math.round(position.coords.accuracy),
        });
      },
      (error) => {
        setLocating(false);
        setLocationError(t('report.gpsFailed', { reason: error.message || String(error.code) }));
        setPicking(true);
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  }

  const onPick = useCallback((point: { lng: number; lat: number }) => {
    setLocated({ ...point, source: 'map' });
    setLocationError(null);
  }, []);

  async function runSuggest() {
    const values = form.getFieldsValue();
    const text = `${values.title ?? ''} ${values.description ?? ''}`.trim();
    if (!text) return;
    setSuggesting(true);
    try {
      setSuggestion(
        await suggestCase({ text, lng: located?.lng, lat: located?.lat, categoryCode: values.category?.[1] }),
      );
    } catch (error) {
      feedback.error(error);
    } finally {
      setSuggesting(false);
    }
  }

  function applyCategory(code: string) {
    const klass = catalog.data?.classes.find((c) => c.subcategories.some((s) => s.code === code));
    if (klass) form.setFieldValue('category', [klass.code, code]);
  }

  async function submit(values: Values) {
    if (!located) {
      setLocationError(t('report.noLocation'));
      return;
    }
    const input: Omit<NewCaseInput, 'photos' | 'clientRequestId'> = {
      title: values.title.trim(),
      description: values.description.trim(),
      lng: located.lng,
      lat: located.lat,
      coordSystem: 'wgs84',
      ...(values.category?.[1] ? { categoryCode: values.category[1] } : {}),
      ...(values.address?.trim() ? { address: values.address.trim() } : {}),
    };
    const item = { clientRequestId: newClientRequestId(), input, photos };
    const reset = () => {
      form.resetFields();
      setPhotos([]);
      setSuggestion(null);
    };
    if (!navigator.onLine) {
      void enqueue(item);
      feedback.success(t('report.queued'));
      reset();
      return;
    }
    setSubmitting(true);
    try {
      const report = await sendReport(item);
      setSent((list) => [report, ...list]);
      feedback.success(t('report.sent', { caseNo: report.caseNo }));
      reset();
    } catch (error) {
      if (isNetworkError(error)) {
        void enqueue(item);
        feedback.success(t('report.queued'));
        reset();
      } else {
        feedback.error(error);
      }
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <div className="qj-report" data-testid="report-form">
      {!online && (
        <Alert
          type="warning"
          showIcon
          title={t('report.offline')}
          style={{ marginBottom: 12 }}
          data-testid="offline-banner"
        />
      )}
      {outbox.length > 0 && (
        <List
          size="small"
          bordered
          style={{ marginBottom: 12, background: '#fffbe6' }}
          header={<b>{t('report.queue')}</b>}
          data-testid="outbox"
          dataSource={outbox}
          renderItem={(item) => (
            <List.Item
              data-testid="outbox-item"
              data-status={item.status}
              actions={
                item.status === 'failed'
                  ? [
                      <Button key="retry" size="small" onClick={() => void retry(item.clientRequestId)}>
                        {t('report.sendNow')}
                      </Button>,
                      <Button key="discard" size="small" danger onClick={() => discard(item.clientRequestId)}>
                        {t('report.discard')}
                      </Button>,
                    ]
                  : item.status === 'pending' && online
                    ? [
                        <Button key="send" size="small" onClick={() => void flush()}>
                          {t('report.sendNow')}
                        </Button>,
                      ]
                    : []
              }
            >
              <Space orientation="vertical" size={0}>
                <span>{item.input.title}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatTime(item.queuedAt)} ·{' '}
                  <Tag color={item.status === 'failed' ? 'red' : item.status === 'sending' ? 'blue' : 'gold'}>
                    {item.status === 'failed'
                      ? t('report.failed', { reason: item.error?.[lang] ?? '' })
                      : t(item.status === 'sending' ? 'report.sending' : 'report.pending')}
                  </Tag>
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark="optional">
        <Form.Item name="category" label={t('report.category')}>
          <Cascader
            options={options}
            placeholder={t('report.categoryPlaceholder')}
            showSearch
            loading={catalog.isFetching}
            data-testid="report-category"
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('report.titleLabel')}
          rules={[{ required: true, whitespace: true, message: t('form.required') }, { max: 100 }]}
        >
          <Input placeholder={t('report.titlePlaceholder')} maxLength={100} data-testid="report-title" />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('report.description')}
          rules={[{ required: true, whitespace: true, message: t('form.required') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="report-description" />
        </Form.Item>
        <Form.Item label={t('form.photos')}>
          <PhotoInput
            value={photos}
            onChange={setPhotos}
            onTooLarge={(name) => feedback.error(new Error(t('report.photoTooLarge', { name })))}
            testId="report-photos"
          />
        </Form.Item>
        <Form.Item label={t('report.location')} required>
          <Space wrap>
            <Button icon={<AimOutlined />} loading={locating} onClick={locateByGps} data-testid="report-gps">
              {locating ? t('report.locating') : t('report.useGps')}
            </Button>
            <Button
              icon={<EnvironmentOutlined />}
              onClick={() => setPicking((p) => !p)}
              type={picking ? 'primary' : 'default'}
              ghost={picking}
              data-testid="report-pick"
            >
              {t('report.pickOnMap')}
            </Button>
          </Space>
          {located && (
            <div
              style={{ marginTop: 6 }}
              data-testid="report-location"
              data-lng={located.lng}
              data-lat={located.lat}
            >
              <Tag color="green" icon={<EnvironmentOutlined />}>
                {located.lng.toFixed(5)}, {located.lat.toFixed(5)}
              </Tag>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {located.source === 'gps'
                  ? t('report.gpsSource', { m: located.accuracy ?? '?' })
                  : t('report.mapSource')}
              </Typography.Text>
              {place.data ? (
                <div data-testid="report-place" style={{ marginTop: 4 }}>
                  <EnvironmentOutlined />{' '}
                  {[place.data.county, place.data.town, place.data.village, place.data.grid]
                    .filter(Boolean)
                    .join(' · ')}
                </div>
              ) : null}
            </div>
          )}
          {locationError && <Alert type="error" title={locationError} style={{ marginTop: 6 }} showIcon />}
          {picking && (
            <div style={{ marginTop: 8 }}>
              <Suspense fallback={<Spin />}>
                <PointPicker value={located} onPick={onPick} withGrids={withGrids} />
              </Suspense>
            </div>
          )}
        </Form.Item>
        <Form.Item name="address" label={t('report.address')}>
          <Input maxLength={200} data-testid="report-address" />
        </Form.Item>
        <Form.Item>
          <Button
            icon={<BulbOutlined />}
            onClick={() => void runSuggest()}
            loading={suggesting}
            disabled={!online}
            data-testid="report-suggest"
          >
            {t('report.suggest')}
          </Button>
        </Form.Item>
        {suggestion && (
          <Alert
            type="info"
            style={{ marginBottom: 14 }}
            data-testid="report-suggestion"
            title={
              <SuggestionPanel
                suggestion={suggestion}
                onUseCategory={applyCategory}
                located={located !== null}
              />
            }
          />
        )}
        <Button
          type="primary"
          htmlType="submit"
          block
          icon={<CloudUploadOutlined />}
          loading={submitting}
          className="qj-report-submit"
          data-testid="report-submit"
        >
          {t('report.submit')}
        </Button>
      </Form>
      {catalog.error ? (
        <Alert type="error" title={errorText(catalog.error, lang)} style={{ marginTop: 12 }} />
      ) : null}
      {sent.length > 0 && (
        <List
          size="small"
          style={{ marginTop: 16 }}
          header={<b>{t('report.recent')}</b>}
          dataSource={sent}
          data-testid="report-recent"
          renderItem={(s) => (
            <List.Item
              data-testid="report-sent"
              data-case-no={s.caseNo}
              data-case-id={s.caseId}
              data-tracking-code={s.trackingCode ?? ''}
            >
              <Link to={withGrids ? `/cases/${s.caseId}` : trackingPath(s.caseNo, s.trackingCode)}>
                {s.caseNo}
              </Link>
              <span>{s.title}</span>
              {s.trackingCode && !withGrids ? (
                <span data-testid="report-tracking-code">
                  {tt('track.receipt', { code: s.trackingCode })}
                </span>
              ) : null}
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
