import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../../../shared/i18n/i18n';

/** For pages outside the shell (login, invitation): one button that flips zh-CN ⇄ en. */
export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  const next = i18n.language === 'en' ? 'zh-CN' : 'en';
  return (
    <Button
      type="text"
      icon={<GlobalOutlined aria-hidden />}
      lang={next}
      onClick={() => void changeLanguage(next)}
      data-testid="language-switch"
    >
      {t(next === 'en' ? 'language.en' : 'language.zh-CN')}
    </Button>
  );
}
