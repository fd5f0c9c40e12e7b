import { useI18n } from '../i18n/i18n.tsx';
import { PageTitle } from '../shell/page-title.tsx';
import { ReportForm } from './report-form.tsx';

export default function ReportPage() {
  const { t } = useI18n();
  return (
    <div data-testid="report-page">
      <PageTitle title={t('report.title')} />
      <ReportForm />
    </div>
  );
}
