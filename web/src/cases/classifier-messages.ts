// UI strings of the dispatcher's help (suggested categories, department, likely duplicates), zh and en.
import { useCallback } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

export const zh = {
  'suggest.title': '智能建议',
  'suggest.categories': '可能的类别',
  'suggest.use': '采用',
  'suggest.model':
    '分类模型 v{version}：留出 {holdout} 件结案案件实测准确率 {accuracy}（前三项 {top3}），{samples} 件训练',
  'suggest.modelNoAccuracy': '分类模型 v{version}（{samples} 件结案案件训练）',
  'suggest.keywords': '尚无训练好的分类模型：按类别名称关键词推荐',
  'suggest.noCategory': '无法从文字判断类别',
  'suggest.department': '按属地派遣',
  'suggest.departmentHistory': '历史上多由此部门办结',
  'suggest.duplicates': '可能重复的案件',
  'suggest.duplicateRule': '同类别、{radius} 米内、{days} 天内、文字相似',
  'suggest.noDuplicates': '附近没有相似案件',
  'suggest.noLocation': '定位后可查找附近的重复案件',
  'suggest.distance': '{m} 米',
  'suggest.similarity': '相似度 {p}',
  'suggest.rejectDuplicate': '作为重复驳回',
  'suggest.rejectConfirm': '将本案作为 {caseNo} 的重复案件驳回？',
  'suggest.rejectNote': '与案件 {caseNo} 重复（{m} 米内，相似度 {p}）',
  'suggest.rejected': '已作为 {caseNo} 的重复案件驳回',
  'suggest.pickDuplicate': '选为原案件',
  'suggest.failed': '智能建议暂不可用：{reason}',
};

export type ClassifierMessageKey = keyof typeof zh;

export const en: Record<ClassifierMessageKey, string> = {
  'suggest.title': 'Suggestions',
  'suggest.categories': 'Likely categories',
  'suggest.use': 'Use',
  'suggest.model':
    'Classifier v{version}: accuracy {accuracy} measured on {holdout} held-out closed cases (top 3: {top3}); trained on {samples}',
  'suggest.modelNoAccuracy': 'Classifier v{version} (trained on {samples} closed cases)',
  'suggest.keywords': 'No trained classifier yet: suggested by the category names',
  'suggest.noCategory': 'The text does not suggest a category',
  'suggest.department': 'Routing in this area',
  'suggest.departmentHistory': 'Usually closed by this department',
  'suggest.duplicates': 'Likely duplicates',
  'suggest.duplicateRule': 'Same category, within {radius} m and {days} days, similar text',
  'suggest.noDuplicates': 'No similar cases nearby',
  'suggest.noLocation': 'Locate the case to look for duplicates nearby',
  'suggest.distance': '{m} m',
  'suggest.similarity': 'similarity {p}',
  'suggest.rejectDuplicate': 'Reject as duplicate',
  'suggest.rejectConfirm': 'Reject this case as a duplicate of {caseNo}?',
  'suggest.rejectNote': 'Duplicate of case {caseNo} (within {m} m, similarity {p})',
  'suggest.rejected': 'Rejected as a duplicate of {caseNo}',
  'suggest.pickDuplicate': 'Pick as original',
  'suggest.failed': 'Suggestions unavailable: {reason}',
};

/** `t` for the suggestion UI, in the language the user chose. */
export function useClassifierText() {
  const { lang } = useI18n();
  const t = useCallback(
    (key: ClassifierMessageKey, params?: Record<string, string | number>) => {
      let text: string = (lang === 'en' ? en : zh)[key] ?? key;
      if (params) for (const [k, v] of Object.entries(params)) text = text.replaceAll(`{${k}}`, String(v));
      return text;
    },
    [lang],
  );
  return { t, lang };
}

export const percent = (p: number | null | undefined) =>
  p === null || p === undefined ? '—' : `${Math.round(p * 100)}%`;
