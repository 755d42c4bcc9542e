import type { ReactNode } from 'react';
import { commonMessages } from '@/lib/i18n';

/** The centred frame of the sign-in and sign-up pages. */
export function AuthCard({
  title,
  intro,
  children,
  footer,
}: {
  title: string;
  intro: string;
  children: ReactNode;
  footer: ReactNode;
}) {
  return (
    <main className="auth-page" id="contenu">
      <div className="auth-card">
        <p className="auth-brand">
          <img src="/favicon.svg" alt="" width="32" height="32" />
          <span>{commonMessages.appName}</span>
        </p>
        <h1>{title}</h1>
        <p className="auth-intro">{intro}</p>
        {children}
        <p className="auth-footer">{footer}</p>
      </div>
    </main>
  );
}
