// UI strings of the patrol pages (巡查打卡, 巡查覆盖), in Chinese and English.
import { useCallback } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

export const zh = {
  'patrol.title': '巡查打卡',
  'patrol.idle': '未在巡查',
  'patrol.active': '巡查中',
  'patrol.start': '开始巡查',
  'patrol.end': '结束巡查',
  'patrol.checkin': '打卡',
  'patrol.locating': '正在定位…',
  'patrol.gpsFailed': '无法获取定位（{reason}），请在地图上点选位置后打卡。',
  'patrol.pickTitle': '在地图上选择打卡位置',
  'patrol.pickConfirm': '在此打卡',
  'patrol.pickNone': '请先在地图上点选位置',
  'patrol.offline': '当前离线：打卡将保存在手机上，联网后自动发送。',
  'patrol.pending': '待发送 {count} 条',
  'patrol.sendNow': '立即发送',
  'patrol.failed': '发送失败：{reason}',
  'patrol.discard': '放弃',
  'patrol.elapsed': '已用时',
  'patrol.distance': '里程',
  'patrol.checkins': '打卡次数',
  'patrol.route': '今日路线',
  'patrol.list': '今日打卡',
  'patrol.none': '今天还没有打卡',
  'patrol.queued': '待发送',
  'patrol.outside': '不在本人网格',
  'patrol.checkedIn': '已打卡：{grid}',
  'patrol.checkedInQueued': '已保存，联网后发送',
  'patrol.started': '巡查已开始',
  'patrol.ended': '巡查已结束：{distance}，{duration}',
  'patrol.history': '今日巡查',
  'patrol.minutes': '{n} 分钟',
  'patrol.meters': '{n} 米',
  'patrol.km': '{n} 公里',
  'coverage.title': '巡查覆盖',
  'coverage.grids': '网格数',
  'coverage.patrolled': '本周已巡查',
  'coverage.stale': '{days} 天未巡查',
  'coverage.staleDays': '未巡查天数',
  'coverage.tabGrids': '网格',
  'coverage.tabWorkers': '网格员',
  'coverage.grid': '网格',
  'coverage.village': '村（社区）',
  'coverage.lastAt': '最近打卡',
  'coverage.weekCheckins': '本周打卡',
  'coverage.status': '状态',
  'coverage.statusPatrolled': '本周已巡查',
  'coverage.statusQuiet': '本周未巡查',
  'coverage.statusStale': '超期未巡查',
  'coverage.worker': '网格员',
  'coverage.weekPatrols': '本周巡查',
  'coverage.weekOutside': '网格外打卡',
  'coverage.weekDistance': '本周里程',
  'coverage.never': '无记录',
  'coverage.onlyStale': '只看未巡查',
};

export type PatrolMessageKey = keyof typeof zh;

export const en: Record<PatrolMessageKey, string> = {
  'patrol.title': 'Patrol check-in',
  'patrol.idle': 'Not on patrol',
  'patrol.active': 'On patrol',
  'patrol.start': 'Start patrol',
  'patrol.end': 'End patrol',
  'patrol.checkin': 'Check in',
  'patrol.locating': 'Locating…',
  'patrol.gpsFailed': 'No location ({reason}): pick the point on the map to check in.',
  'patrol.pickTitle': 'Pick where you are on the map',
  'patrol.pickConfirm': 'Check in here',
  'patrol.pickNone': 'Pick a point on the map first',
  'patrol.offline': 'Offline: check-ins are kept on the phone and sent when the network returns.',
  'patrol.pending': '{count} waiting to be sent',
  'patrol.sendNow': 'Send now',
  'patrol.failed': 'Not sent: {reason}',
  'patrol.discard': 'Discard',
  'patrol.elapsed': 'Elapsed',
  'patrol.distance': 'Distance',
  'patrol.checkins': 'Check-ins',
  'patrol.route': "Today's route",
  'patrol.list': "Today's check-ins",
  'patrol.none': 'No check-in yet today',
  'patrol.queued': 'Waiting',
  'patrol.outside': 'Outside own grid',
  'patrol.checkedIn': 'Checked in: {grid}',
  'patrol.checkedInQueued': 'Saved: it will be sent when online',
  'patrol.started': 'Patrol started',
  'patrol.ended': 'Patrol ended: {distance}, {duration}',
  'patrol.history': "Today's patrols",
  'patrol.minutes': '{n} min',
  'patrol.meters': '{n} m',
  'patrol.km': '{n} km',
  'coverage.title': 'Patrol coverage',
  'coverage.grids': 'Grids',
  'coverage.patrolled': 'Patrolled this week',
  'coverage.stale': 'Not patrolled for {days} days',
  'coverage.staleDays': 'Days without patrol',
  'coverage.tabGrids': 'Grids',
  'coverage.tabWorkers': 'Grid workers',
  'coverage.grid': 'Grid',
  'coverage.village': 'Village',
  'coverage.lastAt': 'Last check-in',
  'coverage.weekCheckins': 'Check-ins this week',
  'coverage.status': 'Status',
  'coverage.statusPatrolled': 'Patrolled this week',
  'coverage.statusQuiet': 'Not this week',
  'coverage.statusStale': 'Overdue',
  'coverage.worker': 'Grid worker',
  'coverage.weekPatrols': 'Patrols this week',
  'coverage.weekOutside': 'Outside own grid',
  'coverage.weekDistance': 'Distance this week',
  'coverage.never': 'Never',
  'coverage.onlyStale': 'Only not patrolled',
};

/** `t` for the patrol pages, in the language the user chose. */
export function usePatrolText() {
  const { lang } = useI18n();
  const t = useCallback(
    (key: PatrolMessageKey, params?: Record<string, string | number>) => {
      let text: string = (lang === 'en' ? en : zh)[key] ?? key;
      if (params) for (const [k, v] of Object.entries(params)) text = text.replaceAll(`{${k}}`, String(v));
      return text;
    },
    [lang],
  );
  return { t, lang };
}

export function formatDistance(t: ReturnType<typeof usePatrolText>['t'], meters: number): string {
  return meters >= 1000
    ? t('patrol.km', { n: (meters / 1000).toFixed(2) })
    : t('patrol.meters', { n: meters });
}

export function formatDuration(t: ReturnType<typeof usePatrolText>['t'], seconds: number): string {
  return t('patrol.minutes', { n: Math.round(seconds / 60) });
}
