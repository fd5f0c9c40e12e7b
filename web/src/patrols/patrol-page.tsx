// 巡查 on the grid worker's phone: start and end a patrol, check in with the phone's position (or a
// point picked on the map), today's route on a small map and the list of check-ins. Every step goes
// through the patrol outbox, so it works offline and each step reaches the server once.
import { AimOutlined, CloudUploadOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, List, Modal, Space, Statistic, Tag, Typography } from 'antd';
import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { useInvalidate } from '../api/query.ts';
import { keys } from '../api/query-keys.ts';
import { formatTime } from '../cases/case-api.ts';
import { useFeedback } from '../shell/feedback.ts';
import { PageTitle } from '../shell/page-title.tsx';
import { myDay, type Patrol, type PatrolCheckin } from './patrol-api.ts';
import { formatDistance, formatDuration, usePatrolText } from './patrol-messages.ts';
import {
  discard,
  flush,
  newClientRequestId,
  onSent,
  type QueuedStep,
  queuedSteps,
  record,
  startPatrolOutbox,
  subscribe,
} from './patrol-outbox.ts';
import type { RoutePoint } from './route-map.tsx';
import './patrols.css';

const RouteMap = lazy(() => import('./route-map.tsx'));
const PointPicker = lazy(() => import('../cases/point-picker.tsx'));
const CURRENT_KEY = 'qj.patrols.current';

/** The patrol in progress as this phone knows it (its start may not have reached the server yet). */
interface Current {
  requestId?: string;
  patrolId?: number;
  startedAt: string;
}

function readCurrent(): Current | null {
  try {
    return JSON.parse(localStorage.getItem(CURRENT_KEY) ?? 'null') as Current | null;
  } catch {
    return null;
  }
}

function saveCurrent(current: Current | null): void {
  if (current) localStorage.setItem(CURRENT_KEY, JSON.stringify(current));
  else localStorage.removeItem(CURRENT_KEY);
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

function useNow(active: boolean): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

const RAD = Math.PI / 180;
function metersBetween(a: RoutePoint, b: RoutePoint): number {
  const s1 = Math.sin(((b.lat - a.lat) * RAD) / 2);
  const s2 = Math.sin(((b.lng - a.lng) * RAD) / 2);
  const h = s1 * s1 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * s2 * s2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

function routeMeters(points: RoutePoint[]): number {
  const sorted = [...points].sort((a, b) => a.at.localeCompare(b.at));
  let total = 0;
  for (let i = 1; i < sorted.length; i++)
    total += metersBetween(sorted[i - 1] as RoutePoint, sorted[i] as RoutePoint);
  return Math.round(total);
}

function clock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

interface ListItem {
  key: string;
  at: string;
  lng: number;
  lat: number;
  gridName: string | null;
  outside: boolean;
  status: 'sent' | QueuedStep['status'];
  error?: { zh: string; en: string } | undefined;
}

export default function PatrolPage() {
  const { t, lang } = usePatrolText();
  const feedback = useFeedback();
  const online = useOnline();
  const invalidate = useInvalidate();
  const day = useQuery({ queryKey: keys.patrols.myDay, queryFn: () => myDay() });
  const outbox = useSyncExternalStore(subscribe, queuedSteps);
  const [current, setCurrentState] = useState<Current | null>(readCurrent);
  const [locating, setLocating] = useState(false);
  const [gpsError, setGpsError] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  const [picked, setPicked] = useState<{ lng: number; lat: number } | null>(null);

  const setCurrent = useCallback((next: Current | null) => {
    saveCurrent(next);
    setCurrentState(next);
  }, []);

  // a sent step changes the day and the coverage
  const reload = useCallback(() => void invalidate(keys.patrols.all), [invalidate]);
  // after a step was sent, the day on screen is stale until it is read again
  const awaitingReload = useRef(false);
  useEffect(() => {
    startPatrolOutbox();
    return onSent(({ step, answer }) => {
      awaitingReload.current = true;
      reload();
      if (step.kind === 'checkin') {
        const grid = (answer as { checkin?: PatrolCheckin }).checkin?.gridName ?? '';
        feedback.success(t('patrol.checkedIn', { grid }));
      }
    });
  }, [reload, feedback, t]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new answer is what makes the day fresh
  useEffect(() => {
    awaitingReload.current = false;
  }, [day.data]);

  // once no start or end waits to be sent, the server's open patrol is the truth (it may have been
  // started on another phone, or a start sent from here may have been refused)
  const stepsWaiting = outbox.some((s) => s.kind !== 'checkin' && s.status !== 'failed');
  const serverOpen = day.data?.open ?? null;
  useEffect(() => {
    if (day.isFetching || !day.data || stepsWaiting || awaitingReload.current) return;
    if (serverOpen && current?.patrolId !== serverOpen.id)
      setCurrent({ patrolId: serverOpen.id, startedAt: serverOpen.startedAt });
    if (!serverOpen && current) setCurrent(null);
  }, [day.isFetching, day.data, stepsWaiting, current, serverOpen, setCurrent]);

  const now = useNow(Boolean(current));

  const items = useMemo<ListItem[]>(() => {
    const sent: ListItem[] = (day.data?.checkins ?? []).map((c) => ({
      key: `c${c.id}`,
      at: c.at,
      lng: c.lng,
      lat: c.lat,
      gridName: c.gridName,
      outside: c.outsideOwnGrids,
      status: 'sent',
    }));
    const queued: ListItem[] = outbox.flatMap((s) =>
      s.kind === 'checkin'
        ? [
            {
              key: s.id,
              at: s.body.at,
              lng: s.body.lng,
              lat: s.body.lat,
              gridName: null,
              outside: false,
              status: s.status,
              error: s.error,
            },
          ]
        : [],
    );
    return [...sent, ...queued].sort((a, b) => b.at.localeCompare(a.at));
  }, [day.data, outbox]);

  const points = useMemo<RoutePoint[]>(
    () =>
      items
        .filter((i) => i.status !== 'failed')
        .map((i) => ({ lng: i.lng, lat: i.lat, at: i.at, outside: i.outside, queued: i.status !== 'sent' })),
    [items],
  );
  const currentPoints = current ? points.filter((p) => p.at >= current.startedAt) : [];
  const failedSteps = outbox.filter((s) => s.status === 'failed');
  const waiting = outbox.filter((s) => s.status !== 'failed').length;

  function start() {
    const startedAt = new Date().toISOString();
    const requestId = newClientRequestId();
    setCurrent({ requestId, startedAt });
    void record({ kind: 'start', body: { startedAt, clientRequestId: requestId } });
    feedback.success(t('patrol.started'));
  }

  function end() {
    if (!current) return;
    const endedAt = new Date().toISOString();
    const body = current.patrolId ? { patrolId: current.patrolId } : { patrolRequestId: current.requestId };
    const distance = routeMeters(currentPoints);
    const duration = (Date.parse(endedAt) - Date.parse(current.startedAt)) / 1000;
    setCurrent(null);
    void record({ kind: 'end', body: { ...body, endedAt } });
    feedback.success(
      t('patrol.ended', { distance: formatDistance(t, distance), duration: formatDuration(t, duration) }),
    );
  }

  function checkInAt(point: { lng: number; lat: number }) {
    const body = {
      lng: Number(point.lng.toFixed(6)),
      lat: Number(point.lat.toFixed(6)),
      at: new Date().toISOString(),
      clientRequestId: newClientRequestId(),
    };
    void record({ kind: 'checkin', body });
    if (!navigator.onLine) feedback.success(t('patrol.checkedInQueued'));
  }

  function checkInByGps() {
    setGpsError(null);
    if (!('geolocation' in navigator)) {
      setGpsError(t('patrol.gpsFailed', { reason: 'geolocation' }));
      setPicking(true);
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        checkInAt({ lng: position.coords.longitude, lat: position.coords.latitude });
      },
      (error) => {
        setLocating(false);
        setGpsError(t('patrol.gpsFailed', { reason: error.message || String(error.code) }));
        setPicking(true);
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 0 },
    );
  }

  const onPick = useCallback((point: { lng: number; lat: number }) => setPicked(point), []);
  const finished = (day.data?.patrols ?? []).filter((p: Patrol) => p.endedAt);

  return (
    <div data-testid="patrol-page">
      <PageTitle title={t('patrol.title')} />
      {!online && (
        <Alert
          type="warning"
          showIcon
          message={t('patrol.offline')}
          data-testid="patrol-offline"
          style={{ marginBottom: 12 }}
        />
      )}
      {waiting > 0 && (
        <Alert
          type="info"
          data-testid="patrol-outbox"
          data-count={waiting}
          message={t('patrol.pending', { count: waiting })}
          action={
            <Button
              size="small"
              icon={<CloudUploadOutlined />}
              onClick={() => void flush()}
              disabled={!online}
            >
              {t('patrol.sendNow')}
            </Button>
          }
          style={{ marginBottom: 12 }}
        />
      )}
      {failedSteps.map((s) => (
        <Alert
          key={s.id}
          type="error"
          data-testid="patrol-failed"
          message={t('patrol.failed', { reason: (lang === 'en' ? s.error?.en : s.error?.zh) ?? '' })}
          action={
            <Button size="small" onClick={() => discard(s.id)}>
              {t('patrol.discard')}
            </Button>
          }
          style={{ marginBottom: 12 }}
        />
      ))}

      <Card
        size="small"
        className="qj-patrol-card"
        data-testid="patrol-status"
        data-state={current ? 'active' : 'idle'}
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Tag color={current ? 'red' : 'default'}>{current ? t('patrol.active') : t('patrol.idle')}</Tag>
            {current && <Typography.Text type="secondary">{formatTime(current.startedAt)}</Typography.Text>}
          </Space>
          {current && (
            <Space size="large" wrap>
              <Statistic title={t('patrol.elapsed')} value={clock(now - Date.parse(current.startedAt))} />
              <Statistic title={t('patrol.distance')} value={formatDistance(t, routeMeters(currentPoints))} />
              <Statistic
                title={t('patrol.checkins')}
                value={currentPoints.length}
                data-testid="patrol-count"
              />
            </Space>
          )}
          <Button
            type="primary"
            size="large"
            block
            icon={<AimOutlined />}
            loading={locating}
            onClick={checkInByGps}
            data-testid="patrol-checkin"
          >
            {locating ? t('patrol.locating') : t('patrol.checkin')}
          </Button>
          {current ? (
            <Button danger block onClick={end} data-testid="patrol-end">
              {t('patrol.end')}
            </Button>
          ) : (
            <Button block onClick={start} data-testid="patrol-start">
              {t('patrol.start')}
            </Button>
          )}
          {gpsError && <Alert type="warning" message={gpsError} data-testid="patrol-gps-error" />}
        </Space>
      </Card>

      <Card size="small" title={t('patrol.route')} className="qj-patrol-card">
        <Suspense fallback={null}>
          <RouteMap points={points} />
        </Suspense>
      </Card>

      <Card size="small" title={t('patrol.list')} className="qj-patrol-card">
        {items.length === 0 ? (
          <Empty description={t('patrol.none')} />
        ) : (
          <List
            size="small"
            dataSource={items}
            renderItem={(item) => (
              <List.Item
                data-testid="checkin-item"
                data-status={item.status}
                data-outside={item.outside ? 'true' : 'false'}
              >
                <Space wrap>
                  <EnvironmentOutlined />
                  <span>{formatTime(item.at)}</span>
                  {item.gridName && <span>{item.gridName}</span>}
                  {item.status !== 'sent' && (
                    <Tag color={item.status === 'failed' ? 'red' : 'default'}>{t('patrol.queued')}</Tag>
                  )}
                  {item.outside && <Tag color="orange">{t('patrol.outside')}</Tag>}
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>

      {finished.length > 0 && (
        <Card size="small" title={t('patrol.history')} className="qj-patrol-card">
          <List
            size="small"
            dataSource={finished}
            renderItem={(p) => (
              <List.Item data-testid="patrol-item" data-distance={p.distanceM} data-count={p.checkinCount}>
                <Space wrap>
                  <span>
                    {formatTime(p.startedAt)} – {formatTime(p.endedAt).slice(11)}
                  </span>
                  <Tag>{formatDistance(t, p.distanceM)}</Tag>
                  <Tag>{formatDuration(t, p.durationS)}</Tag>
                  <Tag>
                    {t('patrol.checkins')} {p.checkinCount}
                  </Tag>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      )}

      <Modal
        open={picking}
        title={t('patrol.pickTitle')}
        onCancel={() => setPicking(false)}
        okText={t('patrol.pickConfirm')}
        okButtonProps={{ disabled: !picked, 'data-testid': 'patrol-pick-confirm' } as never}
        onOk={() => {
          if (!picked) return;
          checkInAt(picked);
          setPicking(false);
          setPicked(null);
        }}
        destroyOnHidden
      >
        <Suspense fallback={null}>
          <PointPicker value={picked} onPick={onPick} />
        </Suspense>
        {!picked && <Typography.Text type="secondary">{t('patrol.pickNone')}</Typography.Text>}
      </Modal>
    </div>
  );
}
