import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from './i18n';

/**
 * Keeps dayjs (date formatting and antd's date pickers) in the UI language. Imported by the
 * modules that use dates, so the first load does not carry dayjs.
 */
const dayjsLocale = (language: string) => (language === 'en' ? 'en' : 'zh-cn');

dayjs.locale(dayjsLocale(i18n.language));
i18n.on('languageChanged', (language) => dayjs.locale(dayjsLocale(language)));

export { dayjs };
