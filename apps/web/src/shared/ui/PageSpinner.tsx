import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';

export function PageSpinner() {
  const { t } = useTranslation();
  return (
    <div className="xs-page-spinner" role="status" aria-live="polite">
      <Spin size="large" />
      <span className="xs-visually-hidden">{t('common.loading')}</span>
    </div>
  );
}
