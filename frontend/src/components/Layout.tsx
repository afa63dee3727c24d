import { useEffect, useRef, useState } from "react";
import { Link, Outlet, ScrollRestoration, useLocation, useMatches, useNavigation } from "react-router";
import { useSession } from "../session/store";
import { TopBar } from "./TopBar";

/** Pages that fill the window (the problem workspace) set `handle: { fullBleed: true }`. */
export function Layout() {
  const navigation = useNavigation();
  const matches = useMatches();
  const fullBleed = matches.some((m) => (m.handle as { fullBleed?: boolean } | undefined)?.fullBleed);
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  // After a client-side navigation, move focus to the new page (screen readers announce it).
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
  }, [location.pathname]);

  return (
    <div className={`app${fullBleed ? " app-full" : ""}`}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <TopBar />
      {navigation.state === "loading" && <div className="nav-progress" role="progressbar" aria-label="Loading page" />}
      <VerifyEmailBanner />
      <main id="main" ref={main} tabIndex={-1} className={fullBleed ? "main main-full" : "main"}>
        <Outlet />
      </main>
      {!fullBleed && (
        <footer className="footer">
          <span>© Avantika</span>
          <span className="muted">Practise, get judged, get hired.</span>
        </footer>
      )}
      <ScrollRestoration />
    </div>
  );
}

function VerifyEmailBanner() {
  const user = useSession((s) => s.user);
  const signedIn = useSession((s) => s.status === "signedIn");
  const [dismissed, setDismissed] = useState(false);
  if (!signedIn || !user || user.emailVerified || dismissed) return null;
  return (
    <div className="banner" role="status" data-testid="verify-email-notice">
      <span>
        <strong>Confirm your email.</strong> We sent a link to <strong>{user.email}</strong>; open it to verify your account.
      </span>
      <button type="button" className="btn btn-ghost btn-sm" onClick={() => setDismissed(true)} aria-label="Dismiss the email notice">
        Dismiss
      </button>
    </div>
  );
}

export function NotFoundPage() {
  return (
    <div className="page narrow center-text">
      <h1>Page not found</h1>
      <p className="muted">There is nothing at this address.</p>
      <Link to="/" className="btn btn-primary">
        Go home
      </Link>
    </div>
  );
}
