import { Alert, Button } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';
import { PageSpinner } from './PageSpinner';

const StatusPage = lazy(() => import('./StatusPage').then((m) => ({ default: m.StatusPage })));

/**
 * What a page shows when its main query failed: 403/404 render their status page in place
 * (the URL stays, so reload works once access is granted); anything else offers a retry.
 */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (ApiError.is(error) && (error.status === 404 || error.status === 403)) {
    return (
      <Suspense fallback={<PageSpinner />}>
        <StatusPage status={error.status} />
      </Suspense>
    );
  }
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      className="xs-query-error"
      title={t('errors.loadFailed')}
      description={error instanceof Error ? error.message : undefined}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    />
  );
}
