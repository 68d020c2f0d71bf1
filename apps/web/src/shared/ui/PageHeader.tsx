import { ArrowLeftOutlined } from '@ant-design/icons';
import { Flex } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

interface Props {
  title: ReactNode;
  /** Where the back link goes; no back link when omitted. */
  back?: string;
  subtitle?: ReactNode;
  actions?: ReactNode;
}

/** The one heading of a page (h1), with an optional back link and actions that wrap on phones. */
export function PageHeader({ title, back, subtitle, actions }: Props) {
  const { t } = useTranslation();
  return (
    <header className="xs-page-header">
      {back && (
        <Link to={back} className="xs-back-link">
          <ArrowLeftOutlined aria-hidden /> {t('common.back')}
        </Link>
      )}
      <Flex wrap justify="space-between" align="flex-start" gap={12}>
        <div className="xs-page-header-text">
          <h1 className="xs-page-title">{title}</h1>
          {subtitle && <div className="xs-page-subtitle">{subtitle}</div>}
        </div>
        {actions && (
          <Flex wrap gap={8}>
            {actions}
          </Flex>
        )}
      </Flex>
    </header>
  );
}
