import type { ReactNode } from "react";
import { useConfig } from "../../api/queries";

const PROVIDER_NAMES: Record<string, string> = { google: "Google", github: "GitHub" };

export function AuthCard({ title, subtitle, children, footer }: { title: string; subtitle?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  return (
    <div className="auth-page">
      <div className="auth-card card">
        <h1>{title}</h1>
        {subtitle && <p className="muted">{subtitle}</p>}
        <OAuthButtons />
        {children}
      </div>
      {footer && <p className="auth-footer">{footer}</p>}
    </div>
  );
}

/** Shown only for the providers the server has switched on (`features.oauth`). */
function OAuthButtons() {
  const config = useConfig();
  const providers = config.data?.features.oauth ?? [];
  if (providers.length === 0) return null;
  return (
    <>
      <div className="oauth-buttons">
        {providers.map((provider) => (
          <a key={provider} className="btn btn-oauth" href={`/api/auth/oauth/${encodeURIComponent(provider)}`}>
            Continue with {PROVIDER_NAMES[provider] ?? provider}
          </a>
        ))}
      </div>
      <div className="divider" role="separator">
        <span>or with email</span>
      </div>
    </>
  );
}
