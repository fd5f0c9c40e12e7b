// The SMS templates the platform uses. A Chinese SMS provider sends only templates registered (and
// approved) in advance with the signature (签名); these ids and texts are what a city registers.
// `{name}` marks a parameter; the provider fills them in ({sign} is the signature 签名).

export const SMS_TEMPLATES = {
  QJ_CASE_DISPATCHED: {
    zh: '【{sign}】案件{caseNo}“{title}”已派遣至贵单位，请于{deadline}前处置，详情请登录江门网格平台查看。',
    params: ['caseNo', 'title', 'deadline'],
  },
  QJ_CASE_SUMMONED: {
    zh: '【{sign}】案件{caseNo}“{title}”吹哨，请贵单位于{deadline}前报到，详情请登录江门网格平台查看。',
    params: ['caseNo', 'title', 'deadline'],
  },
  QJ_CASE_RED_CARD: {
    zh: '【{sign}】案件{caseNo}“{title}”已被红牌督办，请立即处置并反馈。',
    params: ['caseNo', 'title'],
  },
  QJ_CASE_RECEIVED: {
    zh: '【{sign}】您反映的问题已受理，案件编号{caseNo}，查询码{code}。凭编号和查询码查看办理进度：{link}',
    params: ['caseNo', 'code', 'link'],
  },
  QJ_CASE_CLOSED: {
    zh: '【{sign}】您反映的问题（案件{caseNo}）已处理办结，请对办理结果进行评价：{link}',
    params: ['caseNo', 'link'],
  },
} as const;

export type SmsTemplateId = keyof typeof SMS_TEMPLATES;

export function isTemplateId(id: string): id is SmsTemplateId {
  return Object.hasOwn(SMS_TEMPLATES, id);
}

/** The text a provider sends for a template (used by the loopback double and the dev log). */
export function renderSms(templateId: SmsTemplateId, params: Record<string, string>, sign: string): string {
  return SMS_TEMPLATES[templateId].zh.replace(/\{(\w+)\}/g, (_m, name: string) =>
    name === 'sign' ? sign : (params[name] ?? ''),
  );
}

/** SMS parameters are short: providers refuse long variables (commonly 20–35 characters). */
export function shortParam(text: string, max = 20): string {
  const chars = [...text.trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}
