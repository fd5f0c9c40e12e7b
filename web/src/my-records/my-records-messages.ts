// UI strings of "my records" (我的档案), zh and en.
import { useCallback } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

export const zh = {
  'r.title': '我的档案',
  'r.membership': '组织关系',
  'r.name': '姓名',
  'r.org': '所在党组织',
  'r.status': '党员状态',
  'r.status.full': '正式党员',
  'r.status.probationary': '预备党员',
  'r.joinedOn': '入党日期',
  'r.convertedOn': '转正日期',
  'r.idNumber': '身份证号',
  'r.phone': '手机号',
  'r.history': '组织关系变动',
  'r.historyNone': '没有组织关系变动记录',
  'r.reason.register': '登记',
  'r.reason.transfer_in': '转入',
  'r.reason.transfer_out': '转出',
  'r.meetings': '参加组织生活',
  'r.attended': '出席 {n} 次',
  'r.meetingsNone': '还没有会议签到记录',
  'r.att.present': '出席',
  'r.att.absent': '缺席',
  'r.att.on_leave': '请假',
  'r.dues': '我的党费',
  'r.duesNone': '还没有党费交纳记录',
  'r.duesLine': '应交 {due} 元，实交 {paid} 元（{on}）',
  'r.paid': '已交清',
  'r.owing': '未交清',
  'r.training': '我的培训',
  'r.trainingNone': '还没有培训记录',
  'r.hours': '{n} 学时',
  'r.partySchool': '党校',
};
export type MyRecordsMessageKey = keyof typeof zh;

export const en: Record<MyRecordsMessageKey, string> = {
  'r.title': 'My records',
  'r.membership': 'Membership',
  'r.name': 'Name',
  'r.org': 'Party organization',
  'r.status': 'Status',
  'r.status.full': 'Full member',
  'r.status.probationary': 'Probationary member',
  'r.joinedOn': 'Joined',
  'r.convertedOn': 'Converted',
  'r.idNumber': 'ID number',
  'r.phone': 'Phone',
  'r.history': 'Membership history',
  'r.historyNone': 'No changes of membership recorded',
  'r.reason.register': 'Registered',
  'r.reason.transfer_in': 'Transferred in',
  'r.reason.transfer_out': 'Transferred out',
  'r.meetings': 'Organizational life',
  'r.attended': 'attended {n}',
  'r.meetingsNone': 'No sign-ins recorded yet',
  'r.att.present': 'Present',
  'r.att.absent': 'Absent',
  'r.att.on_leave': 'On leave',
  'r.dues': 'My dues',
  'r.duesNone': 'No dues payments recorded yet',
  'r.duesLine': 'due {due} yuan, paid {paid} yuan ({on})',
  'r.paid': 'Paid',
  'r.owing': 'Not fully paid',
  'r.training': 'My training',
  'r.trainingNone': 'No training recorded yet',
  'r.hours': '{n} class hours',
  'r.partySchool': 'Party school',
};

export function useMyRecordsText() {
  const { lang } = useI18n();
  const t = useCallback(
    (key: MyRecordsMessageKey, params?: Record<string, string | number>) => {
      let text: string = (lang === 'en' ? en : zh)[key] ?? key;
      if (params) for (const [k, v] of Object.entries(params)) text = text.replaceAll(`{${k}}`, String(v));
      return text;
    },
    [lang],
  );
  return { t, lang };
}
