import { useEffect, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { api } from "../../api/endpoints";
import { errorMessage } from "../../components/Status";
import { usePageTitle } from "../../components/usePageTitle";
import { sessionStore, useSession } from "../../session/store";

export default function VerifyEmailPage() {
  usePageTitle("Confirm your email");
  const [params] = useSearchParams();
  const token = params.get("token");
  const [state, setState] = useState<{ kind: "working" } | { kind: "done" } | { kind: "failed"; message: string }>(
    token ? { kind: "working" } : { kind: "failed", message: "This link has no token. Open the link from the email again." },
  );
  const signedIn = useSession((s) => s.status === "signedIn");
  const sent = useRef(false);

  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true; // the token is single-use: never post it twice (StrictMode runs effects twice)
    api.verifyEmail(token).then(
      () => {
        setState({ kind: "done" });
        const user = sessionStore.get().user;
        if (user) sessionStore.setUser({ ...user, emailVerified: true });
      },
      (err: unknown) => setState({ kind: "failed", message: errorMessage(err) }),
    );
  }, [token]);

  return (
    <div className="auth-page">
      <div className="auth-card card" role="status">
        {state.kind === "working" && <h1>Confirming your email…</h1>}
        {state.kind === "done" && (
          <>
            <h1>Email confirmed</h1>
            <p className="muted">Thanks — your account is verified.</p>
            <Link className="btn btn-primary" to={signedIn ? "/dashboard" : "/signin"}>
              {signedIn ? "Go to your dashboard" : "Sign in"}
            </Link>
          </>
        )}
        {state.kind === "failed" && (
          <>
            <h1>We could not confirm your email</h1>
            <p className="muted">{state.message}</p>
            <Link className="btn btn-ghost" to="/">
              Home
            </Link>
          </>
        )}
      </div>
    </div>
  );
}
