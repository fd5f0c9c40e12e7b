// UI strings of the training pages (培训 / 党校, 万名党员进党校), zh and en.
import { useCallback } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

export const zh = {
  't.title': '党员培训',
  't.classes': '培训班',
  't.new': '开设培训班',
  't.name': '名称',
  't.level': '类别',
  't.level.city_key': '市级重点培训',
  't.level.county_general': '县级普训',
  't.level.grassroots': '基层培训',
  't.provider': '承办单位（如 双水党校）',
  't.partySchool': '党校培训（计入万名党员进党校）',
  't.period': '起止日期',
  't.org': '组织单位',
  't.enrolled': '学员',
  't.create': '开设',
  't.created': '培训班已开设',
  't.progress': '万名党员进党校 {year} 年进度',
  't.trained': '已培训',
  't.target': '目标',
  't.setTarget': '设定目标',
  't.sessions': '课程',
  't.addSession': '增加课程',
  't.heldOn': '日期',
  't.topic': '内容',
  't.hours': '学时',
  't.people': '学员与学时',
  't.kind.member': '党员',
  't.kind.applicant': '申请人',
  't.days': '天数',
  't.enroll': '报名（党员编号，逗号分隔）',
  't.enrollApplicants': '报名（申请人编号，逗号分隔）',
  't.attend': '登记出勤',
  't.attendFor': '为所选学员登记本次课程出勤',
  't.saved': '已保存',
  't.open': '查看',
};
export type TrainingMessageKey = keyof typeof zh;

export const en: Record<TrainingMessageKey, string> = {
  't.title': 'Training',
  't.classes': 'Classes',
  't.new': 'Open a class',
  't.name': 'Title',
  't.level': 'Level',
  't.level.city_key': 'City key training',
  't.level.county_general': 'County general training',
  't.level.grassroots': 'Grassroots training',
  't.provider': 'Provider (e.g. 双水党校)',
  't.partySchool': 'Party school (counts for 万名党员进党校)',
  't.period': 'Dates',
  't.org': 'Organizer',
  't.enrolled': 'Enrolled',
  't.create': 'Open',
  't.created': 'Class opened',
  't.progress': '万名党员进党校 progress {year}',
  't.trained': 'Trained',
  't.target': 'Target',
  't.setTarget': 'Set target',
  't.sessions': 'Sessions',
  't.addSession': 'Add a session',
  't.heldOn': 'Date',
  't.topic': 'Topic',
  't.hours': 'Class hours',
  't.people': 'Trainees and hours',
  't.kind.member': 'Member',
  't.kind.applicant': 'Applicant',
  't.days': 'Days',
  't.enroll': 'Enroll members (ids, comma separated)',
  't.enrollApplicants': 'Enroll applicants (ids, comma separated)',
  't.attend': 'Record attendance',
  't.attendFor': 'Record the selected trainees at this session',
  't.saved': 'Saved',
  't.open': 'Open',
};

export function useTrainingText() {
  const { lang } = useI18n();
  const t = useCallback(
    (key: TrainingMessageKey, params?: Record<string, string | number>) => {
      let text: string = (lang === 'en' ? en : zh)[key] ?? key;
      if (params) for (const [k, v] of Object.entries(params)) text = text.replaceAll(`{${k}}`, String(v));
      return text;
    },
    [lang],
  );
  return { t, lang };
}
