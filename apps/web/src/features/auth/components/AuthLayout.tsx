import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

/** The frame of the pages a visitor sees before signing in: brand, one card, language switch. */
export function AuthLayout({ title, subtitle, children }: { title: string; subtitle?: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="xs-auth-page">
      <div className="xs-auth-topbar">
        <LanguageSwitch />
      </div>
      <main className="xs-auth-main">
        <div className="xs-auth-brand">
          <span className="xs-brand-mark xs-brand-mark-large" aria-hidden>
            协
          </span>
          <div>
            <div className="xs-auth-brand-name">{t('app.name')}</div>
            <div className="xs-auth-brand-tagline">{t('app.tagline')}</div>
          </div>
        </div>
        <section className="xs-auth-card" aria-labelledby="xs-auth-title">
          <h1 id="xs-auth-title" className="xs-auth-title">
            {title}
          </h1>
          {subtitle && <p className="xs-auth-subtitle">{subtitle}</p>}
          {children}
        </section>
      </main>
    </div>
  );
}
