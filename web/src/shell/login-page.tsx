import { LockOutlined, TranslationOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError, api, setCsrfToken } from '../api/client.ts';
import type { LoginResult } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { errorText } from './feedback.ts';
import { useSession } from './session.tsx';
import './login-page.css';

interface LoginState {
  from?: string;
  reason?: unknown;
}

export default function LoginPage() {
  const { t, lang, setLang } = useI18n();
  const { status, refresh } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as LoginState;
  const [error, setError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);

  useEffect(() => {
    document.title = `${t('login.title')} · ${t('app.name')}`;
  }, [t]);

  if (status === 'signed_in' && !submitting) return <Navigate to={state.from ?? '/'} replace />;

  const reason =
    state.reason instanceof ApiError && state.reason.code !== 'AUTH_REQUIRED' ? state.reason : null;
  const shown = error ?? reason;
  const lockedUntil =
    shown?.code === 'AUTH_LOCKED'
      ? (shown.details as { lockedUntil?: string } | undefined)?.lockedUntil
      : undefined;

  async function submit(values: { username: string; password: string }) {
    setSubmitting(true);
    setError(null);
    try {
      const result = await api.post<LoginResult>('/api/auth/login', {
        username: values.username.trim(),
        password: values.password,
      });
      setCsrfToken(result.csrfToken);
      await refresh();
      navigate(state.from && state.from !== '/login' ? state.from : '/', { replace: true });
    } catch (err) {
      setError(
        err instanceof ApiError
          ? err
          : new ApiError(0, 'UNKNOWN', errorText(err, 'zh'), errorText(err, 'en')),
      );
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <div className="qj-login">
      <Button
        className="qj-login-lang"
        type="text"
        icon={<TranslationOutlined />}
        onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
        data-testid="lang-switch"
      >
        {t('shell.language')}
      </Button>
      <div className="qj-login-brand">
        <div className="qj-login-emblem">强</div>
        <h1>{t('app.name')}</h1>
        <p>{t('app.subtitle')}</p>
      </div>
      <Card className="qj-login-card" title={t('login.title')}>
        {shown && (
          <Alert
            data-testid="login-error"
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={shown.localized(lang)}
            description={
              lockedUntil
                ? t('login.lockedUntil', { time: dayjs(lockedUntil).format('YYYY-MM-DD HH:mm') })
                : undefined
            }
          />
        )}
        <Form layout="vertical" size="large" onFinish={submit} requiredMark={false} autoComplete="on">
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" data-testid="login-username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" className="qj-login-hint" data-testid="demo-hint">
          {t('login.demoHint')}
        </Typography.Paragraph>
      </Card>
      <div className="qj-login-footer">{t('login.footer')}</div>
    </div>
  );
}
