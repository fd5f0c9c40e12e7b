import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';

export function ForbiddenPage() {
  const { t } = useI18n();
  return (
    <Result
      data-testid="forbidden"
      status="403"
      title={`403 · ${t('forbidden.title')}`}
      subTitle={t('forbidden.text')}
      extra={
        <Link to="/">
          <Button type="primary">{t('notFound.home')}</Button>
        </Link>
      }
    />
  );
}

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Result
      data-testid="not-found"
      status="404"
      title={`404 · ${t('notFound.title')}`}
      subTitle={t('notFound.text')}
      extra={
        <Link to="/">
          <Button type="primary">{t('notFound.home')}</Button>
        </Link>
      }
    />
  );
}
