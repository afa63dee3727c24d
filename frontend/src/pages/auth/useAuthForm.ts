import { useRef, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { focusFirstInvalid } from "../../components/Field";
import { safeNext } from "../../components/Guards";
import { authErrors, useSecondsLeft, type FormErrors } from "./authErrors";

/**
 * What the sign-in and sign-up forms share: the busy flag, errors placed next to their fields
 * (focus moved to the first), the 429 wait, and going on to `?next=` once signed in.
 */
export function useAuthForm(fieldNames: string[], initialError?: string) {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>({ fields: {}, form: initialError });
  const [retryUntil, setRetryUntil] = useState<number>();
  const secondsLeft = useSecondsLeft(retryUntil);
  const form = useRef<HTMLFormElement>(null);
  const next = safeNext(params.get("next"));

  /** `invalid`: what the form found itself (nothing is sent then); `send`: the request. */
  async function submit(invalid: Record<string, string>, send: () => Promise<unknown>) {
    if (Object.keys(invalid).length) {
      setErrors({ fields: invalid });
      focusFirstInvalid(form.current);
      return;
    }
    setBusy(true);
    setErrors({ fields: {} });
    try {
      await send();
      navigate(next, { replace: true });
    } catch (err) {
      const found = authErrors(err, fieldNames);
      setErrors(found);
      if (found.retryAfterS) setRetryUntil(Date.now() + found.retryAfterS * 1000);
      focusFirstInvalid(form.current);
    } finally {
      setBusy(false);
    }
  }

  return { params, next, busy, errors, secondsLeft, form, submit };
}
