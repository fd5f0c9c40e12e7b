// UI strings of "my branch" (我的支部) and of the org checks, zh and en.
import { useCallback } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

export const zh = {
  'b.title': '我的支部',
  'b.members': '党员',
  'b.total': '党员总数',
  'b.full': '正式党员',
  'b.probationary': '预备党员',
  'b.memberList': '查看党员名册',
  'b.pipeline': '发展党员',
  'b.stage.applicant': '入党申请人',
  'b.stage.activist': '积极分子',
  'b.stage.candidate': '发展对象',
  'b.stage.probationary': '预备党员',
  'b.stage.full': '转正',
  'b.openPipeline': '进入发展党员',
  'b.checklist': '本月组织生活清单',
  'b.checklistDone': '已完成 {done} / {total}',
  'b.checklistNone': '本月没有下发的清单事项',
  'b.state.done': '已完成',
  'b.state.open': '待完成',
  'b.state.overdue': '已逾期',
  'b.due': '期限 {date}',
  'b.openChecklist': '进入清单',
  'b.meetings': '最近会议',
  'b.meetingsThisMonth': '本月已开 {n} 次',
  'b.meetingsNone': '还没有会议记录',
  'b.openMeetings': '进入组织生活',
  'b.dues': '本月党费',
  'b.duesPlaceholder': '党费收缴数据将在党费模块上线后显示在这里（应缴、已缴、欠缴）。',
  'b.warnings': '预警',
  'b.warningsNone': '没有发现组织设置和换届问题',
  'b.kind.too_few_full': '正式党员不足 3 名',
  'b.kind.too_many': '党员超过 50 名',
  'b.kind.committee_size': '委员会人数不符',
  'b.kind.no_term': '无换届记录',
  'b.kind.term_due': '换届将到期',
  'b.kind.term_overdue': '换届已逾期',
  'b.attendance': '出席 {present}/{expected}',
  'b.duesDue': '应交（元）',
  'b.duesPaid': '已交（元）',
  'b.duesUnpaid': '未交清人数',
  'b.duesArrears': '累计欠交（元）',
  'b.sixMonths': '连续 6 个月未交党费或未参加组织生活：{n} 人',
  'b.sixDues': '未交党费',
  'b.sixLife': '未参加组织生活',
};
export type MyBranchMessageKey = keyof typeof zh;

export const en: Record<MyBranchMessageKey, string> = {
  'b.title': 'My branch',
  'b.members': 'Members',
  'b.total': 'All members',
  'b.full': 'Full members',
  'b.probationary': 'Probationary',
  'b.memberList': 'Open the member list',
  'b.pipeline': 'Recruitment',
  'b.stage.applicant': 'Applicants',
  'b.stage.activist': 'Activists',
  'b.stage.candidate': 'Candidates',
  'b.stage.probationary': 'Probationary',
  'b.stage.full': 'Converting',
  'b.openPipeline': 'Open recruitment',
  'b.checklist': 'This month’s checklist',
  'b.checklistDone': '{done} of {total} done',
  'b.checklistNone': 'No checklist items this month',
  'b.state.done': 'Done',
  'b.state.open': 'Open',
  'b.state.overdue': 'Overdue',
  'b.due': 'due {date}',
  'b.openChecklist': 'Open the checklist',
  'b.meetings': 'Last meetings',
  'b.meetingsThisMonth': '{n} this month',
  'b.meetingsNone': 'No meetings recorded yet',
  'b.openMeetings': 'Open organizational life',
  'b.dues': 'Dues this month',
  'b.duesPlaceholder': 'The dues figures (due, paid, in arrears) come here with the dues module.',
  'b.warnings': 'Warnings',
  'b.warningsNone': 'No organization or election problems found',
  'b.kind.too_few_full': 'Fewer than 3 full members',
  'b.kind.too_many': 'More than 50 members',
  'b.kind.committee_size': 'Wrong committee size',
  'b.kind.no_term': 'No election recorded',
  'b.kind.term_due': 'Election due',
  'b.kind.term_overdue': 'Election overdue',
  'b.attendance': 'present {present}/{expected}',
  'b.duesDue': 'Due (yuan)',
  'b.duesPaid': 'Paid (yuan)',
  'b.duesUnpaid': 'Members not fully paid',
  'b.duesArrears': 'Arrears (yuan)',
  'b.sixMonths': 'Six months without dues or organizational life: {n}',
  'b.sixDues': 'no dues',
  'b.sixLife': 'no organizational life',
};

export function useMyBranchText() {
  const { lang } = useI18n();
  const t = useCallback(
    (key: MyBranchMessageKey, params?: Record<string, string | number>) => {
      let text: string = (lang === 'en' ? en : zh)[key] ?? key;
      if (params) for (const [k, v] of Object.entries(params)) text = text.replaceAll(`{${k}}`, String(v));
      return text;
    },
    [lang],
  );
  return { t, lang };
}
