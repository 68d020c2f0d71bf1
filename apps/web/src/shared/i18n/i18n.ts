import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import zhCN from './zh-CN.json';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type UiLanguage = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'xs.language';

export function isUiLanguage(value: unknown): value is UiLanguage {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

function storedLanguage(): UiLanguage {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isUiLanguage(value) ? value : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

// Chinese, the default, ships with the first load; English is fetched when chosen.
const bundles: Record<UiLanguage, () => Promise<Record<string, unknown>>> = {
  'zh-CN': () => Promise.resolve(zhCN),
  en: () => import('./en.json').then((m) => m.default),
};

async function ensureBundle(language: UiLanguage) {
  if (!i18n.hasResourceBundle(language, 'translation')) {
    i18n.addResourceBundle(language, 'translation', await bundles[language]());
  }
}

function applyLanguage(language: UiLanguage) {
  document.documentElement.lang = language;
  document.title = i18n.t('app.documentTitle');
}

/** Resolves once the stored language's texts are loaded; render after it. */
export const i18nReady: Promise<void> = (async () => {
  const language = storedLanguage();
  await i18n.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN } },
    partialBundledLanguages: true,
    lng: 'zh-CN',
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  try {
    await ensureBundle(language);
    await i18n.changeLanguage(language);
  } catch {
    // The English bundle could not be fetched (offline): stay in Chinese.
  }
  applyLanguage(i18n.language as UiLanguage);
})();

/** Switches the UI language and remembers it on this device. */
export async function changeLanguage(language: UiLanguage) {
  await ensureBundle(language);
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  await i18n.changeLanguage(language);
  applyLanguage(language);
}

export default i18n;
