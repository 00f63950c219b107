import { Alert, Button } from 'antd';
import { t } from '../i18n';
import { errorMessage } from '../lib/form-errors';

/** A list that failed to load says why (in the server's words) and offers to try again. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t('common.loadFailed')}
      description={errorMessage(error)}
      action={<Button onClick={onRetry}>{t('common.retry')}</Button>}
      style={{ marginBottom: 16 }}
    />
  );
}
