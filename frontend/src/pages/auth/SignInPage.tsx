import { useRef, useState, type FormEvent } from "react";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { focusFirstInvalid, FormError, TextField } from "../../components/Field";
import { safeNext } from "../../components/Guards";
import { usePageTitle } from "../../components/usePageTitle";
import { signIn } from "../../session/session";
import { useSession } from "../../session/store";
import { AuthCard } from "./AuthLayout";
import { authErrors, useSecondsLeft, type FormErrors } from "./authErrors";

export default function SignInPage() {
  usePageTitle("Sign in");
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const status = useSession((s) => s.status);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const oauthFailed = params.get("error") === "oauth_failed";
  const [errors, setErrors] = useState<FormErrors>({ fields: {}, form: oauthFailed ? "Signing in with that provider did not work. Try again or use your email." : undefined });
  const [retryUntil, setRetryUntil] = useState<number>();
  const secondsLeft = useSecondsLeft(retryUntil);
  const form = useRef<HTMLFormElement>(null);
  const next = safeNext(params.get("next"));

  if (status === "signedIn" && !busy) return <Navigate to={next} replace />;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const fields: Record<string, string> = {};
    if (!email.trim()) fields.email = "Enter your email.";
    if (!password) fields.password = "Enter your password.";
    if (Object.keys(fields).length) {
      setErrors({ fields });
      focusFirstInvalid(form.current);
      return;
    }
    setBusy(true);
    setErrors({ fields: {} });
    try {
      await signIn({ email: email.trim(), password });
      navigate(next, { replace: true });
    } catch (err) {
      const found = authErrors(err, ["email", "password"]);
      setErrors(found);
      if (found.retryAfterS) setRetryUntil(Date.now() + found.retryAfterS * 1000);
      focusFirstInvalid(form.current);
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthCard
      title="Welcome back"
      subtitle="Sign in to pick up where you left off."
      footer={
        <>
          New to Avantika? <Link to={`/signup${params.get("next") ? `?next=${encodeURIComponent(next)}` : ""}`}>Create an account</Link>
        </>
      }
    >
      <form ref={form} onSubmit={onSubmit} noValidate className="stack">
        <FormError>{errors.form}</FormError>
        <TextField label="Email" name="email" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} error={errors.fields.email} required />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.fields.password}
          required
        />
        <button type="submit" className="btn btn-primary btn-block" disabled={busy || secondsLeft > 0}>
          {busy ? "Signing in…" : secondsLeft > 0 ? `Try again in ${secondsLeft} s` : "Sign in"}
        </button>
      </form>
    </AuthCard>
  );
}
