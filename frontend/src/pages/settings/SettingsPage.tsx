/** Profile and settings: name, default language, theme (PATCH /api/users/me). */
import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { ApiError } from "../../api/client";
import { api } from "../../api/endpoints";
import { LANGUAGE_IDS, type LanguageId, type ThemePreference } from "../../api/types";
import { focusFirstInvalid, FormError, SelectField, TextField } from "../../components/Field";
import { errorMessage, ErrorBlock, LoadingBlock } from "../../components/Status";
import { usePageTitle } from "../../components/usePageTitle";
import { LANGUAGE_LABELS } from "../../editor/languages";
import { sessionStore } from "../../session/store";
import { applyTheme } from "../../session/theme";

const THEMES: Array<{ value: ThemePreference; label: string }> = [
  { value: "system", label: "Match my system" },
  { value: "light", label: "Light" },
  { value: "dark", label: "Dark" },
];

export default function SettingsPage() {
  usePageTitle("Profile and settings");
  const me = useQuery({ queryKey: ["me"], queryFn: api.me });
  const [fullName, setFullName] = useState("");
  const [language, setLanguage] = useState<LanguageId>("python");
  const [theme, setTheme] = useState<ThemePreference>("system");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (!me.data) return;
    setFullName(me.data.fullName);
    setLanguage(me.data.preferences?.language ?? "python");
    setTheme(me.data.preferences?.theme ?? "system");
  }, [me.data]);

  const save = useMutation({
    mutationFn: () => api.updateMe({ fullName: fullName.trim(), preferences: { language, theme } }),
    onSuccess: (updated) => {
      sessionStore.setUser(updated);
      setSaved(true);
      void me.refetch();
    },
    onError: (err) => {
      if (err instanceof ApiError && err.status === 422) {
        const errors: Record<string, string> = {};
        for (const { field, message } of err.fields) errors[field.replace(/^preferences\./, "")] ??= message;
        setFieldErrors(errors);
        focusFirstInvalid(form.current);
      }
    },
  });

  if (me.isPending) return <LoadingBlock />;
  if (me.isError) return <ErrorBlock error={me.error} />;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    if (!fullName.trim()) {
      setFieldErrors({ fullName: "Enter your name." });
      focusFirstInvalid(form.current);
      return;
    }
    setFieldErrors({});
    save.mutate();
  }

  const user = me.data;
  return (
    <div className="page narrow">
      <header className="page-head">
        <div>
          <h1>Profile and settings</h1>
          <p className="muted">How you appear, and how Avantika works for you.</p>
        </div>
      </header>

      <section className="card account-card" aria-label="Account">
        <dl className="account-facts">
          <div>
            <dt>Email</dt>
            <dd>
              {user.email}{" "}
              {user.emailVerified ? <span className="pill pill-ok">verified</span> : <span className="pill pill-warn">not verified</span>}
            </dd>
          </div>
          <div>
            <dt>Plan</dt>
            <dd className="capitalize">{user.tier}</dd>
          </div>
          <div>
            <dt>Roles</dt>
            <dd>{user.roles.join(", ")}</dd>
          </div>
          <div>
            <dt>Member since</dt>
            <dd>{new Date(user.createdAt).toLocaleDateString(undefined, { year: "numeric", month: "long", day: "numeric" })}</dd>
          </div>
        </dl>
      </section>

      <form ref={form} className="card stack" onSubmit={onSubmit} noValidate>
        <FormError>{save.isError && !(save.error instanceof ApiError && save.error.status === 422) ? errorMessage(save.error) : undefined}</FormError>
        <TextField label="Full name" name="fullName" value={fullName} onChange={(e) => setFullName(e.target.value)} error={fieldErrors.fullName} autoComplete="name" />
        <SelectField
          label="Default language"
          name="language"
          hint="New problems open in this language."
          value={language}
          onChange={(e) => setLanguage(e.target.value as LanguageId)}
          error={fieldErrors.language}
        >
          {LANGUAGE_IDS.map((id) => (
            <option key={id} value={id}>
              {LANGUAGE_LABELS[id]}
            </option>
          ))}
        </SelectField>
        <fieldset className="field">
          <legend className="field-label">Theme</legend>
          <div className="radio-row">
            {THEMES.map((option) => (
              <label key={option.value} className="radio">
                <input
                  type="radio"
                  name="theme"
                  value={option.value}
                  checked={theme === option.value}
                  onChange={() => {
                    setTheme(option.value);
                    applyTheme(option.value); // preview at once; saved with the form
                  }}
                />
                {option.label}
              </label>
            ))}
          </div>
          {fieldErrors.theme && <p className="field-error">{fieldErrors.theme}</p>}
        </fieldset>
        <div className="row gap align-center">
          <button type="submit" className="btn btn-primary" disabled={save.isPending}>
            {save.isPending ? "Saving…" : "Save changes"}
          </button>
          {saved && (
            <span className="muted" role="status">
              Saved.
            </span>
          )}
        </div>
      </form>
    </div>
  );
}
