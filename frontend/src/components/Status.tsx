import type { ReactNode } from "react";
import { ApiError } from "../api/client";

export function Spinner({ label = "Loading" }: { label?: string }) {
  return (
    <span className="spinner" role="status">
      <span className="visually-hidden">{label}</span>
    </span>
  );
}

export function LoadingBlock({ label = "Loading…" }: { label?: string }) {
  return (
    <div className="loading-block" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 429 && error.retryAfterS) return `${error.message} (try again in ${error.retryAfterS} s)`;
    return error.message;
  }
  return error instanceof Error ? error.message : "Something went wrong";
}

export function ErrorBlock({ error, title = "Something went wrong", action }: { error: unknown; title?: string; action?: ReactNode }) {
  return (
    <div className="error-block" role="alert">
      <strong>{title}</strong>
      <p>{errorMessage(error)}</p>
      {action}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <strong>{title}</strong>
      {children && <div>{children}</div>}
    </div>
  );
}
