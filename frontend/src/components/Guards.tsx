import { Navigate, Outlet, useLocation } from "react-router";
import { hasRole, useSession } from "../session/store";
import { LoadingBlock } from "./Status";

/** Pages for signed-in users: wait for the session, else send to sign-in and back afterwards. */
export function RequireAuth() {
  const status = useSession((s) => s.status);
  const location = useLocation();
  if (status === "restoring") return <LoadingBlock label="Restoring your session…" />;
  if (status === "signedOut") return <Navigate to={`/signin?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <Outlet />;
}

export function RequireRole({ roles }: { roles: string[] }) {
  const user = useSession((s) => s.user);
  if (!hasRole(user, ...roles)) {
    return (
      <div className="page narrow">
        <h1>Instructors only</h1>
        <p className="muted">Problem authoring is open to instructors and administrators.</p>
      </div>
    );
  }
  return <Outlet />;
}

/** Where to go after signing in: only a path on this site. */
export function safeNext(next: string | null, fallback = "/dashboard"): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : fallback;
}
