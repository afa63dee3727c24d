import { useEffect, useRef, useState } from "react";
import { Link, NavLink, useNavigate } from "react-router";
import { api } from "../api/endpoints";
import { useRealtimeStatus } from "../realtime/RealtimeContext";
import { signOut } from "../session/session";
import { isAuthor, useSession } from "../session/store";
import { applyTheme, useTheme } from "../session/theme";

export function TopBar() {
  const status = useSession((s) => s.status);
  const user = useSession((s) => s.user);
  return (
    <header className="topbar">
      <div className="topbar-inner">
        <Link to={status === "signedIn" ? "/dashboard" : "/"} className="brand" aria-label="Avantika home">
          <span className="brand-mark" aria-hidden="true">
            A
          </span>
          <span className="brand-name">Avantika</span>
        </Link>
        <nav className="topnav" aria-label="Main">
          {status === "signedIn" && <NavLink to="/dashboard">Dashboard</NavLink>}
          <NavLink to="/problems">Problems</NavLink>
          {isAuthor(user) && <NavLink to="/author/new">Author</NavLink>}
        </nav>
        <div className="topbar-actions">
          {status === "signedIn" && <LiveIndicator />}
          <ThemeToggle />
          {status === "signedIn" && user ? (
            <UserMenu name={user.fullName || user.email} email={user.email} />
          ) : status === "signedOut" ? (
            <>
              <Link to="/signin" className="btn btn-ghost btn-sm">
                Sign in
              </Link>
              <Link to="/signup" className="btn btn-primary btn-sm">
                Sign up
              </Link>
            </>
          ) : null}
        </div>
      </div>
    </header>
  );
}

function LiveIndicator() {
  const status = useRealtimeStatus();
  const label = status === "open" ? "Live" : status === "connecting" ? "Connecting…" : status === "reconnecting" ? "Reconnecting…" : "Offline";
  return (
    <span className={`live-indicator live-${status}`} title={status === "open" ? "Live verdicts are on" : "Live verdicts are reconnecting; results still arrive"} role="status">
      <span className="live-indicator-dot" aria-hidden="true" />
      <span className="live-indicator-label">{label}</span>
    </span>
  );
}

function ThemeToggle() {
  const { effective } = useTheme();
  const signedIn = useSession((s) => s.status === "signedIn");
  const next = effective === "dark" ? "light" : "dark";
  return (
    <button
      type="button"
      className="btn btn-icon"
      aria-label={`Switch to ${next} theme`}
      title={`Switch to ${next} theme`}
      onClick={() => {
        applyTheme(next);
        if (signedIn) void api.updateMe({ preferences: { theme: next } }).catch(() => undefined);
      }}
    >
      <span aria-hidden="true">{effective === "dark" ? "☀" : "☾"}</span>
    </button>
  );
}

function UserMenu({ name, email }: { name: string; email: string }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  useEffect(() => {
    if (!open) return;
    const onDown = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setOpen(false);
        root.current?.querySelector<HTMLButtonElement>(".user-menu-button")?.focus();
      }
    };
    document.addEventListener("mousedown", onDown);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("mousedown", onDown);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);
  const initials = name
    .split(/\s+/)
    .map((part) => part[0] ?? "")
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return (
    <div className="user-menu" ref={root}>
      <button type="button" className="user-menu-button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
        <span className="avatar" aria-hidden="true">
          {initials || "?"}
        </span>
        <span className="user-menu-name">{name}</span>
      </button>
      {open && (
        <div className="user-menu-popover" role="menu">
          <div className="user-menu-email">{email}</div>
          <Link to="/settings" role="menuitem" className="menu-item" onClick={() => setOpen(false)}>
            Profile and settings
          </Link>
          <button
            type="button"
            role="menuitem"
            className="menu-item"
            onClick={async () => {
              setOpen(false);
              await signOut();
              navigate("/signin", { replace: true });
            }}
          >
            Sign out
          </button>
        </div>
      )}
    </div>
  );
}
