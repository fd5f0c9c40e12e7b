import { Alert, Card, Result } from 'antd';
import { ReportForm } from '../cases/report-form.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../shell/session.tsx';
import { SignInLink } from './public-layout.tsx';

export default function PublicReportPage() {
  const { t } = useI18n();
  const { status, can } = useSession();
  return (
    <Card variant="borderless" title={t('public.reportTitle')} data-testid="public-report-page">
      {status === 'signed_in' && can('case:report') ? (
        <ReportForm withGrids={false} />
      ) : status === 'signed_in' ? (
        <Result status="403" title={t('forbidden.title')} subTitle={t('forbidden.text')} />
      ) : (
        <Alert
          type="info"
          showIcon
          title={t('public.signInHint')}
          action={<SignInLink from="/public/report" />}
          data-testid="public-sign-in-hint"
        />
      )}
    </Card>
  );
}
