import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** 403 and 404, as pages and inline (a meeting the viewer may not see reads like a missing one). */
export function StatusPage({ status }: { status: 403 | 404 }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const copy =
    status === 403
      ? t('errors.forbiddenPage', { returnObjects: true })
      : t('errors.notFoundPage', { returnObjects: true });
  return (
    <Result
      status={status === 403 ? '403' : '404'}
      title={copy.title}
      subTitle={copy.text}
      extra={
        <Button type="primary" onClick={() => void navigate('/meetings')}>
          {t('errors.backToMeetings')}
        </Button>
      }
    />
  );
}
