import { Alert, Button } from 'antd';
import type { ErrorBody } from '../api';
import { useI18n } from '../i18n';

/** A calm banner for data that could not be read, with a retry. */
export function LoadError({ error, onRetry }: { error: ErrorBody; onRetry?: () => void }) {
  const { t, gloss } = useI18n();
  return (
    <Alert
      type="error"
      showIcon
      title={t('app.loadFailed')}
      description={gloss(error)}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('app.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
