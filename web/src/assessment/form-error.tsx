// The forms of issue 15 show what the server answered (its message in the user's language) inside the
// form, and run one submit at a time.
import { Alert } from 'antd';
import { useCallback, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { errorText } from '../shell/feedback.ts';

export function useSubmit() {
  const { lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (work: () => Promise<unknown>): Promise<boolean> => {
      setBusy(true);
      setError(null);
      try {
        await work();
        return true;
      } catch (e) {
        setError(errorText(e, lang));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [lang],
  );
  return { busy, error, run, clear: () => setError(null) };
}

export function FormError({ error, testId }: { error: string | null; testId?: string }) {
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      message={error}
      style={{ marginBottom: 12 }}
      data-testid={testId ?? 'form-error'}
    />
  );
}
