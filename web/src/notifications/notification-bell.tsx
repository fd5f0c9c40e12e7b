// The bell in the app header: the unread count (polled every 30 s while someone uses the page) and a
// drawer with the latest notifications, each opening its case or the page of its matter; and the
// account's SMS phone.
import { BellOutlined } from '@ant-design/icons';
import { App, Badge, Button, Drawer, Empty, Input, List, Space, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../api/client.ts';
import { type NotificationItem, notificationApi, type SmsContact } from './notification-api.ts';
import { notificationLink } from './notification-links.ts';
import { useNoticeText } from './notification-messages.ts';
import './notifications.css';

const POLL_MS = 30_000;

export function NotificationBell() {
  const { t, lang } = useNoticeText();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<NotificationItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reason = useCallback((e: unknown) => (e instanceof ApiError ? e.localized(lang) : String(e)), [lang]);
  const refreshCount = useCallback(async () => {
    try {
      setUnread((await notificationApi.unreadCount()).unread);
    } catch {
      // the next poll tries again; a lost session is handled by the api client
    }
  }, []);
  const loadList = useCallback(async () => {
    try {
      setError(null);
      setItems((await notificationApi.list()).items);
    } catch (e) {
      setError(t('notice.failed', { reason: reason(e) }));
    }
  }, [t, reason]);

  // Poll only while someone is at the page: a poll touches the session, and an unattended tab must
  // still reach the idle timeout (security setting) and be signed out.
  useEffect(() => {
    let lastActivity = Date.now();
    const active = () => {
      lastActivity = Date.now();
    };
    const events = ['pointerdown', 'pointermove', 'keydown', 'touchstart', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, active, { passive: true });
    void refreshCount();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible' && Date.now() - lastActivity < 2 * POLL_MS)
        void refreshCount();
    }, POLL_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') {
        active();
        void refreshCount();
      }
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      for (const e of events) window.removeEventListener(e, active);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refreshCount]);

  useEffect(() => {
    if (open) void loadList();
  }, [open, loadList]);

  const openItem = async (n: NotificationItem) => {
    if (!n.readAt) {
      try {
        await notificationApi.markRead(n.id);
        setItems(
          (list) =>
            list?.map((x) => (x.id === n.id ? { ...x, readAt: new Date().toISOString() } : x)) ?? null,
        );
        setUnread((u) => Math.max(0, u - 1));
      } catch (e) {
        void message.error(reason(e));
      }
    }
    const link = notificationLink(n);
    if (link) {
      setOpen(false);
      navigate(link);
    }
  };

  const readAll = async () => {
    try {
      await notificationApi.markAllRead();
      setUnread(0);
      await loadList();
    } catch (e) {
      void message.error(reason(e));
    }
  };

  return (
    <>
      <Badge count={unread} size="small" overflowCount={99} offset={[-4, 4]}>
        <Button
          type="text"
          className="qj-header-button"
          icon={<BellOutlined />}
          aria-label={t('notice.bell')}
          onClick={() => setOpen(true)}
          data-testid="notification-bell"
        />
      </Badge>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={t('notice.title')}
        width={400}
        extra={
          <Button
            size="small"
            onClick={() => void readAll()}
            disabled={unread === 0}
            data-testid="notification-read-all"
          >
            {t('notice.readAll')}
          </Button>
        }
        footer={<SmsContactForm />}
      >
        <Typography.Text type="secondary" data-testid="notification-unread">
          {t('notice.unread', { n: unread })}
        </Typography.Text>
        {error ? <Typography.Paragraph type="danger">{error}</Typography.Paragraph> : null}
        <List
          loading={items === null && !error}
          locale={{ emptyText: <Empty description={t('notice.none')} /> }}
          dataSource={items ?? []}
          data-testid="notification-list"
          renderItem={(n) => (
            <List.Item
              key={n.id}
              className={n.readAt ? 'qj-notice' : 'qj-notice qj-notice-unread'}
              onClick={() => void openItem(n)}
              data-testid={`notification-${n.id}`}
            >
              <List.Item.Meta
                title={<span className="qj-notice-title">{n.title}</span>}
                description={
                  <>
                    <div>{n.body}</div>
                    <Typography.Text type="secondary" className="qj-notice-time">
                      {dayjs(n.createdAt).format('YYYY-MM-DD HH:mm')}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Drawer>
    </>
  );
}

function SmsContactForm() {
  const { t, lang } = useNoticeText();
  const { message } = App.useApp();
  const [contact, setContact] = useState<SmsContact | null>(null);
  const [editing, setEditing] = useState(false);
  const [phone, setPhone] = useState('');
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    notificationApi.smsContact().then(setContact, () => setContact({ phoneMasked: null, enabled: false }));
  }, []);

  const save = async (body: { phone?: string; enabled: boolean }) => {
    setSaving(true);
    try {
      setContact(await notificationApi.setSmsContact(body));
      setEditing(false);
      setPhone('');
      void message.success(t('notice.smsSaved'));
    } catch (e) {
      void message.error(e instanceof ApiError ? e.localized(lang) : String(e));
    } finally {
      setSaving(false);
    }
  };

  if (!contact) return null;
  return (
    <div className="qj-notice-sms" data-testid="sms-contact">
      <Typography.Text strong>{t('notice.sms')}</Typography.Text>
      <div className="qj-notice-sms-row">
        <span>
          {t('notice.smsPhone')}：
          <span data-testid="sms-phone">{contact.phoneMasked ?? t('notice.smsNone')}</span>
        </span>
        {editing ? null : (
          <Button size="small" type="link" onClick={() => setEditing(true)} data-testid="sms-edit">
            {t('notice.smsEdit')}
          </Button>
        )}
        {contact.phoneMasked ? (
          <Space size={4}>
            <Switch
              size="small"
              checked={contact.enabled}
              loading={saving}
              onChange={(enabled) => void save({ enabled })}
              data-testid="sms-enabled"
            />
            {t('notice.smsEnabled')}
          </Space>
        ) : null}
      </div>
      {editing ? (
        <Space.Compact className="qj-notice-sms-edit">
          <Input
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            inputMode="tel"
            maxLength={20}
            placeholder="138xxxxxxxx"
            data-testid="sms-phone-input"
          />
          <Button
            type="primary"
            loading={saving}
            onClick={() => void save({ phone, enabled: true })}
            data-testid="sms-save"
          >
            {t('notice.smsSave')}
          </Button>
          <Button onClick={() => setEditing(false)}>{t('notice.smsCancel')}</Button>
        </Space.Compact>
      ) : null}
      <Typography.Paragraph type="secondary" className="qj-notice-sms-hint">
        {t('notice.smsHint')}
      </Typography.Paragraph>
    </div>
  );
}
