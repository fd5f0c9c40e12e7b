// UI strings of the notification bell and list, in Chinese and English.
import { useCallback } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

export const zh = {
  'notice.bell': '通知',
  'notice.title': '我的通知',
  'notice.unread': '{n} 条未读',
  'notice.none': '暂无通知',
  'notice.readAll': '全部已读',
  'notice.openCase': '查看案件',
  'notice.failed': '通知加载失败：{reason}',
  'notice.sms': '短信提醒',
  'notice.smsPhone': '接收号码',
  'notice.smsNone': '未设置',
  'notice.smsEdit': '修改',
  'notice.smsSave': '保存',
  'notice.smsCancel': '取消',
  'notice.smsEnabled': '接收短信',
  'notice.smsSaved': '短信接收号码已保存',
  'notice.smsHint': '案件派遣到本部门、红牌督办时发送短信。号码加密保存，仅显示脱敏号码。',
};

export type NoticeMessageKey = keyof typeof zh;

export const en: Record<NoticeMessageKey, string> = {
  'notice.bell': 'Notifications',
  'notice.title': 'My notifications',
  'notice.unread': '{n} unread',
  'notice.none': 'No notifications',
  'notice.readAll': 'Mark all read',
  'notice.openCase': 'Open case',
  'notice.failed': 'Could not load notifications: {reason}',
  'notice.sms': 'SMS alerts',
  'notice.smsPhone': 'Phone',
  'notice.smsNone': 'Not set',
  'notice.smsEdit': 'Change',
  'notice.smsSave': 'Save',
  'notice.smsCancel': 'Cancel',
  'notice.smsEnabled': 'Receive SMS',
  'notice.smsSaved': 'SMS phone saved',
  'notice.smsHint':
    'Sent when a case is dispatched to your department or gets a red card. Stored encrypted; only the masked number is shown.',
};

export function useNoticeText() {
  const { lang } = useI18n();
  const t = useCallback(
    (key: NoticeMessageKey, params?: Record<string, string | number>) => {
      let text: string = (lang === 'en' ? en : zh)[key] ?? key;
      if (params) for (const [k, v] of Object.entries(params)) text = text.replaceAll(`{${k}}`, String(v));
      return text;
    },
    [lang],
  );
  return { t, lang };
}
