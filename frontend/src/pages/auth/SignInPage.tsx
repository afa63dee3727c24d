import { useState, type FormEvent } from "react";
import { Link, Navigate, useSearchParams } from "react-router";
import { FormError, TextField } from "../../components/Field";
import { usePageTitle } from "../../components/usePageTitle";
import { signIn } from "../../session/session";
import { useSession } from "../../session/store";
import { AuthCard } from "./AuthLayout";
import { useAuthForm } from "./useAuthForm";

export default function SignInPage() {
  usePageTitle("Sign in");
  const [params] = useSearchParams();
  const status = useSession((s) => s.status);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const oauthFailed = params.get("error") === "oauth_failed";
  const { next, busy, errors, secondsLeft, form, submit } = useAuthForm(
    ["email", "password"],
    oauthFailed ? "Signing in with that provider did not work. Try again or use your email." : undefined,
  );

  if (status === "signedIn" && !busy) return <Navigate to={next} replace />;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const invalid: Record<string, string> = {};
    if (!email.trim()) invalid.email = "Enter your email.";
    if (!password) invalid.password = "Enter your password.";
    void submit(invalid, () => signIn({ email: email.trim(), password }));
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
