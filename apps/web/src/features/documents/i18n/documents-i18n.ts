import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import i18n from '../../../shared/i18n/i18n';
import en from './en.json';
import zhCN from './zh-CN.json';

/**
 * The documents and co-editing texts live in their own i18next namespace, registered when the
 * feature's code loads: they travel with the (lazy) document pages instead of the first load.
 * Same i18next instance, so the app's language switch applies here too.
 */
export const DOCUMENTS_NS = 'documents';

i18n.addResourceBundle('zh-CN', DOCUMENTS_NS, zhCN, true, false);
i18n.addResourceBundle('en', DOCUMENTS_NS, en, true, false);

type StripPlural<K extends string> = K extends `${infer Base}_${'one' | 'other'}` ? Base : K;
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? StripPlural<`${P}${K}`> : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every key of the namespace, checked at compile time against the Chinese source. */
export type DocumentsKey = Leaves<typeof zhCN>;
export type DocumentsT = (key: DocumentsKey, options?: Record<string, unknown>) => string;

/** Like react-i18next's `t`, for the documents namespace; re-renders on a language change. */
export function useDocumentsT(): DocumentsT {
  const { i18n: instance } = useTranslation();
  const language = instance.language;
  return useMemo(() => {
    const getFixedT = instance.getFixedT.bind(instance) as unknown as (
      lng: string,
      ns: string,
    ) => (key: string, options?: object) => string;
    const fixed = getFixedT(language, DOCUMENTS_NS);
    return (key, options) => fixed(key, options);
  }, [instance, language]);
}

/** For code outside components (toasts after a mutation). */
export const documentsT: DocumentsT = (key, options) =>
  (i18n.t as unknown as (key: string, options?: object) => string)(key, { ns: DOCUMENTS_NS, ...options });
