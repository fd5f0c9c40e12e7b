// UI strings of the member pages (党员档案, adding and editing a member), zh and en.
import { useCallback } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

export const zh = {
  'p.title': '党员档案',
  'p.basic': '基本信息',
  'p.name': '姓名',
  'p.gender': '性别',
  'p.ethnicity': '民族',
  'p.birthDate': '出生日期',
  'p.idNumber': '身份证号',
  'p.phone': '手机号码',
  'p.education': '学历',
  'p.occupation': '人员类别',
  'p.status': '党员类别',
  'p.joinedOn': '入党日期',
  'p.convertedOn': '转正日期',
  'p.org': '所在党组织',
  'p.history': '组织关系历史',
  'p.historyDerived': '（按入党日期推定，尚无转接记录）',
  'p.since': '{from} 起',
  'p.period': '{from} 至 {to}',
  'p.reason.register': '登记入册',
  'p.reason.transfer_in': '转入',
  'p.reason.transfer_out': '转出',
  'p.transfers': '组织关系转接',
  'p.noTransfers': '没有转接记录',
  'p.letterNo': '介绍信编号',
  'p.fromTo': '转出 → 接收',
  'p.issuedOn': '开具日期',
  'p.state': '状态',
  'p.recruitment': '发展党员记录',
  'p.recruitmentLink': '查看发展过程（{on} 提出入党申请）',
  'p.noRecruitment': '非经本系统发展入党（导入或登记）',
  'p.reveal': '查看',
  'p.revealTip': '查看完整信息将被记录到审计日志',
  'p.notFound': '在您的管辖范围内找不到这名党员',
  'p.edit': '修改信息',
  'p.add': '新增党员',
  'p.save': '保存',
  'p.saved': '已保存',
  'p.added': '已新增党员 {name}',
  'p.required': '必填',
  'p.idNumberFixed': '身份证号登记后不可修改；如有错误请联系上级组织部门核实。',
  'p.statusByRecruitment': '预备党员转正请在“发展党员”中办理（第 23 步）。',
  'p.convertedOnHint': '正式党员必填；须在入党 1 年以后',
  'p.phoneHint': '11 位手机号码',
  'p.back': '返回',
  'p.nothingChanged': '没有修改任何内容',
};
export type MemberMessageKey = keyof typeof zh;

export const en: Record<MemberMessageKey, string> = {
  'p.title': 'Member profile',
  'p.basic': 'Details',
  'p.name': 'Name',
  'p.gender': 'Gender',
  'p.ethnicity': 'Ethnicity',
  'p.birthDate': 'Born',
  'p.idNumber': 'ID number',
  'p.phone': 'Mobile',
  'p.education': 'Education',
  'p.occupation': 'Occupation',
  'p.status': 'Status',
  'p.joinedOn': 'Joined',
  'p.convertedOn': 'Converted',
  'p.org': 'Organization',
  'p.history': 'Membership history',
  'p.historyDerived': '(from the joining date; no transfer recorded yet)',
  'p.since': 'since {from}',
  'p.period': '{from} to {to}',
  'p.reason.register': 'Registered',
  'p.reason.transfer_in': 'Transferred in',
  'p.reason.transfer_out': 'Transferred out',
  'p.transfers': 'Transfers',
  'p.noTransfers': 'No transfer',
  'p.letterNo': 'Letter no.',
  'p.fromTo': 'From → to',
  'p.issuedOn': 'Issued',
  'p.state': 'State',
  'p.recruitment': 'Recruitment',
  'p.recruitmentLink': 'Open the recruitment (applied {on})',
  'p.noRecruitment': 'Not recruited through this system (imported or registered)',
  'p.reveal': 'Show',
  'p.revealTip': 'Showing the full value is written to the audit log',
  'p.notFound': 'No such member within your scope',
  'p.edit': 'Edit',
  'p.add': 'Add a member',
  'p.save': 'Save',
  'p.saved': 'Saved',
  'p.added': 'Added {name}',
  'p.required': 'Required',
  'p.idNumberFixed':
    'The ID number cannot be changed once registered; ask the organization department to correct it.',
  'p.statusByRecruitment': 'A probationary member is converted in Recruitment (step 23).',
  'p.convertedOnHint': 'Required for a full member; at least 1 year after joining',
  'p.phoneHint': '11-digit mobile number',
  'p.back': 'Back',
  'p.nothingChanged': 'Nothing changed',
};

/** 学历 codes of the register (the import template's words in Chinese). */
export const EDUCATION_NAMES: Record<string, { zh: string; en: string }> = {
  postgraduate: { zh: '研究生', en: 'Postgraduate' },
  bachelor: { zh: '大学本科', en: 'Bachelor' },
  junior_college: { zh: '大学专科', en: 'Junior college' },
  secondary_vocational: { zh: '中专', en: 'Secondary vocational' },
  senior_high: { zh: '高中', en: 'Senior high school' },
  junior_high_or_below: { zh: '初中及以下', en: 'Junior high or below' },
};

/** 人员类别 codes of the register. */
export const OCCUPATION_NAMES: Record<string, { zh: string; en: string }> = {
  in_service: { zh: '在岗职工', en: 'Employed' },
  retired: { zh: '离退休人员', en: 'Retired' },
  farmer: { zh: '农牧渔民', en: 'Farmer or fisher' },
  student: { zh: '学生', en: 'Student' },
  unemployed: { zh: '失业人员', en: 'Unemployed' },
  gig_worker: { zh: '新就业群体', en: 'Gig worker' },
  self_employed: { zh: '个体工商户', en: 'Self-employed' },
};

export function useMemberText() {
  const { lang } = useI18n();
  const t = useCallback(
    (key: MemberMessageKey, params?: Record<string, string | number>) => {
      let text = (lang === 'en' ? en : zh)[key] ?? key;
      if (params) for (const [k, v] of Object.entries(params)) text = text.replaceAll(`{${k}}`, String(v));
      return text;
    },
    [lang],
  );
  return { t, lang };
}
