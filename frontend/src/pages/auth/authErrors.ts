import { useEffect, useState } from "react";
import { ApiError } from "../../api/client";
import { errorMessage } from "../../components/Status";

export interface FormErrors {
  fields: Record<string, string>;
  form?: string;
  retryAfterS?: number;
}

/** Puts each server answer next to the field it is about (CONTRACT: 422 lists fields in error.data). */
export function authErrors(err: unknown, knownFields: string[]): FormErrors {
  if (!(err instanceof ApiError)) return { fields: {}, form: errorMessage(err) };
  if (err.status === 422) {
    const fields: Record<string, string> = {};
    const other: string[] = [];
    for (const { field, message } of err.fields) {
      if (knownFields.includes(field)) fields[field] ??= capitalize(message);
      else other.push(`${field} ${message}`);
    }
    return { fields, form: Object.keys(fields).length === 0 ? (other.join("; ") || err.message) : undefined };
  }
  if (err.status === 409) return { fields: { email: "An account with this email already exists." } };
  if (err.status === 401) return { fields: { password: "Email or password is incorrect." } };
  if (err.status === 429) {
    const wait = err.retryAfterS ?? 60;
    return { fields: {}, form: `Too many attempts. Try again in ${wait} seconds.`, retryAfterS: wait };
  }
  return { fields: {}, form: errorMessage(err) };
}

function capitalize(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) + (/[.!?]$/.test(text) ? "" : ".") : text;
}

/** Seconds left until `until` (epoch ms), ticking every second. */
export function useSecondsLeft(until: number | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!until || until <= Date.now()) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  return until ? Math.max(0, Math.ceil((until - now) / 1000)) : 0;
}
