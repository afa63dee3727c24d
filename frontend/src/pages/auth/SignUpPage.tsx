import { useState, type FormEvent } from "react";
import { Link, Navigate } from "react-router";
import { FormError, TextField } from "../../components/Field";
import { usePageTitle } from "../../components/usePageTitle";
import { signUp } from "../../session/session";
import { useSession } from "../../session/store";
import { AuthCard } from "./AuthLayout";
import { useAuthForm } from "./useAuthForm";

const MIN_PASSWORD = 10;

export default function SignUpPage() {
  usePageTitle("Sign up");
  const status = useSession((s) => s.status);
  const [fullName, setFullName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const { next, busy, errors, secondsLeft, form, submit } = useAuthForm(["fullName", "email", "password"]);

  if (status === "signedIn" && !busy) return <Navigate to={next} replace />;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const invalid: Record<string, string> = {};
    if (!fullName.trim()) invalid.fullName = "Enter your name.";
    if (!email.trim()) invalid.email = "Enter your email.";
    if (password.length < MIN_PASSWORD) invalid.password = `Use at least ${MIN_PASSWORD} characters.`;
    void submit(invalid, () => signUp({ fullName: fullName.trim(), email: email.trim(), password }));
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
