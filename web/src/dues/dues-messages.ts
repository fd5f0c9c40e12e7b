// UI strings of the dues pages (党费), zh and en.
import { useCallback } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

export const zh = {
  'd.title': '党费收缴',
  'd.rates': '党费比例表',
  'd.month': '月份',
  'd.member': '党员',
  'd.category': '类别',
  'd.base': '基数（元）',
  'd.due': '应交（元）',
  'd.paid': '实交（元）',
  'd.pay': '本次交纳（元）',
  'd.arrears': '欠交',
  'd.arrearsMonths': '{n} 个月 · {amount} 元',
  'd.record': '登记本月交纳',
  'd.fillDue': '按应交填写未交者',
  'd.recorded': '已登记 {n} 人的党费',
  'd.declare': '申报基数',
  'd.declared': '基数已申报',
  'd.totals': '应交 {due} 元 · 实交 {paid} 元 · 欠交合计 {arrears} 元 · 未交 {unpaid} 人',
  'd.warnings': '连续6个月未交党费或未参加组织生活（{from} 至 {to}）',
  'd.noWarnings': '无',
  'd.noDues': '未交党费',
  'd.noLife': '未参加组织生活',
  'd.cat.in_service': '在岗',
  'd.cat.retired': '离退休',
  'd.cat.farmer': '农民',
  'd.cat.student': '学生',
  'd.cat.unemployed': '失业',
  'd.cat.low_income': '低保',
  'd.effective': '生效月份',
  'd.inService': '在岗职工（上限元 → 比例%）',
  'd.retired': '离退休（上限元 → 比例%）',
  'd.fixed': '定额（元/月）',
  'd.noLimit': '以上',
  'd.newVersion': '新增版本',
  'd.save': '保存',
  'd.saved': '比例表已保存',
  'd.note': '依据',
};
export type DuesMessageKey = keyof typeof zh;

export const en: Record<DuesMessageKey, string> = {
  'd.title': 'Party dues',
  'd.rates': 'Dues rate table',
  'd.month': 'Month',
  'd.member': 'Member',
  'd.category': 'Category',
  'd.base': 'Base (yuan)',
  'd.due': 'Due (yuan)',
  'd.paid': 'Paid (yuan)',
  'd.pay': 'Payment (yuan)',
  'd.arrears': 'Arrears',
  'd.arrearsMonths': '{n} month(s) · {amount} yuan',
  'd.record': "Record this month's payments",
  'd.fillDue': 'Fill the due for the unpaid',
  'd.recorded': 'Dues of {n} member(s) recorded',
  'd.declare': 'Declare base',
  'd.declared': 'Base declared',
  'd.totals': 'Due {due} · paid {paid} · arrears {arrears} yuan · {unpaid} unpaid',
  'd.warnings': 'Six months without dues or organizational life ({from} to {to})',
  'd.noWarnings': 'None',
  'd.noDues': 'no dues',
  'd.noLife': 'no organizational life',
  'd.cat.in_service': 'In service',
  'd.cat.retired': 'Retired',
  'd.cat.farmer': 'Farmer',
  'd.cat.student': 'Student',
  'd.cat.unemployed': 'Unemployed',
  'd.cat.low_income': 'Low income',
  'd.effective': 'Effective month',
  'd.inService': 'In service (limit yuan → rate %)',
  'd.retired': 'Retired (limit yuan → rate %)',
  'd.fixed': 'Fixed (yuan a month)',
  'd.noLimit': 'and above',
  'd.newVersion': 'New version',
  'd.save': 'Save',
  'd.saved': 'Rate table saved',
  'd.note': 'Basis',
};

export function useDuesText() {
  const { lang } = useI18n();
  const t = useCallback(
    (key: DuesMessageKey, params?: Record<string, string | number>) => {
      let text: string = (lang === 'en' ? en : zh)[key] ?? key;
      if (params) for (const [k, v] of Object.entries(params)) text = text.replaceAll(`{${k}}`, String(v));
      return text;
    },
    [lang],
  );
  return { t, lang };
}
