import { useRef, useState, type FormEvent } from "react";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { focusFirstInvalid, FormError, TextField } from "../../components/Field";
import { safeNext } from "../../components/Guards";
import { usePageTitle } from "../../components/usePageTitle";
import { signUp } from "../../session/session";
import { useSession } from "../../session/store";
import { AuthCard } from "./AuthLayout";
import { authErrors, useSecondsLeft, type FormErrors } from "./authErrors";

const MIN_PASSWORD = 10;

export default function SignUpPage() {
  usePageTitle("Sign up");
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const status = useSession((s) => s.status);
  const [fullName, setFullName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [retryUntil, setRetryUntil] = useState<number>();
  const secondsLeft = useSecondsLeft(retryUntil);
  const form = useRef<HTMLFormElement>(null);
  const next = safeNext(params.get("next"));

  if (status === "signedIn" && !busy) return <Navigate to={next} replace />;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const fields: Record<string, string> = {};
    if (!fullName.trim()) fields.fullName = "Enter your name.";
    if (!email.trim()) fields.email = "Enter your email.";
    if (password.length < MIN_PASSWORD) fields.password = `Use at least ${MIN_PASSWORD} characters.`;
    if (Object.keys(fields).length) {
      setErrors({ fields });
      focusFirstInvalid(form.current);
      return;
    }
    setBusy(true);
    setErrors({ fields: {} });
    try {
      await signUp({ fullName: fullName.trim(), email: email.trim(), password });
      navigate(next, { replace: true });
    } catch (err) {
      const found = authErrors(err, ["fullName", "email", "password"]);
      setErrors(found);
      if (found.retryAfterS) setRetryUntil(Date.now() + found.retryAfterS * 1000);
      focusFirstInvalid(form.current);
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthCard
      title="Create your account"
      subtitle="Free to start. Solve problems, get judged, see your progress."
      footer={
        <>
          Already have an account? <Link to="/signin">Sign in</Link>
        </>
      }
    >
      <form ref={form} onSubmit={onSubmit} noValidate className="stack">
        <FormError>{errors.form}</FormError>
        <TextField label="Full name" name="fullName" autoComplete="name" value={fullName} onChange={(e) => setFullName(e.target.value)} error={errors.fields.fullName} required />
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.fields.email}
          required
        />
        {errors.fields.email?.startsWith("An account") && (
          <p className="field-hint">
            <Link to="/signin">Sign in instead</Link>
          </p>
        )}
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          hint={`At least ${MIN_PASSWORD} characters.`}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.fields.password}
          required
        />
        <button type="submit" className="btn btn-primary btn-block" disabled={busy || secondsLeft > 0}>
          {busy ? "Creating your account…" : secondsLeft > 0 ? `Try again in ${secondsLeft} s` : "Create account"}
        </button>
      </form>
    </AuthCard>
  );
}
