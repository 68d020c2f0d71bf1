import 'i18next';
import type zhCN from './zh-CN.json';

// Translation keys are checked at compile time against the Chinese resource (the source language).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}
