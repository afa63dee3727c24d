/**
 * Signing in and out, and keeping the access token fresh through the refresh cookie
 * (`avantika_refresh`, httpOnly, Path=/api/auth: JavaScript never sees it).
 *
 * - The token is refreshed before it expires (a timer at ~90% of its life, checked again when the
 *   tab becomes visible, because background tabs throttle timers).
 * - Refresh tokens are single-use: a second use revokes the whole session. So one refresh at a
 *   time in this tab (a shared promise) and across tabs (a Web Lock): a tab that waited for the
 *   lock sends the cookie the other tab just rotated.
 * - On page load the session is restored by a refresh, but only when this browser signed in
 *   before (a hint in localStorage) or just came back from an OAuth provider.
 */
import { ApiError, configureAuth } from "../api/client";
import { api } from "../api/endpoints";
import type { Me, RefreshAnswer, SessionAnswer } from "../api/types";
import { sessionStore } from "./store";

const HINT_KEY = "avantika:session";
/** Refresh when this little of the token's life is left, at the latest. */
const MIN_MARGIN_MS = 30_000;
const RETRY_AFTER_FAILURE_MS = 10_000;
/** Past this much remaining life a token counts as fresh, even when a socket was closed for expiry. */
const FRESH_MARGIN_MS = 120_000;

let inFlight: Promise<string | undefined> | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
let refreshAt = 0;

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function schedule(expiresInS: number): void {
  const lifeMs = expiresInS * 1000;
  const margin = Math.max(MIN_MARGIN_MS, lifeMs * 0.1);
  refreshAt = Date.now() + Math.max(5_000, lifeMs - margin);
  armTimer(refreshAt - Date.now());
}

function armTimer(delayMs: number): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = undefined;
    void refreshAccessToken();
  }, Math.max(0, delayMs));
}

function acceptToken(answer: RefreshAnswer | SessionAnswer): void {
  sessionStore.set({ accessToken: answer.accessToken, expiresAt: Date.now() + answer.expiresIn * 1000 });
  schedule(answer.expiresIn);
}

/** After sign-up or sign-in: the answer carries the user and the first access token. */
export function beginSession(answer: SessionAnswer): void {
  acceptToken(answer);
  sessionStore.set({ status: "signedIn" });
  sessionStore.setUser(answer.user);
  storage()?.setItem(HINT_KEY, "1");
  // The sign-in answer has no preferences (theme, language): fetch the profile behind it.
  void loadProfile();
}

async function loadProfile(): Promise<Me | undefined> {
  try {
    const me = await api.me();
    if (sessionStore.get().status === "signedIn") sessionStore.setUser(me);
    return me;
  } catch {
    return undefined;
  }
}

export function endSession(): void {
  if (timer) clearTimeout(timer);
  timer = undefined;
  storage()?.removeItem(HINT_KEY);
  sessionStore.clear();
}

async function withRefreshLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== "undefined" ? (navigator as Navigator & { locks?: LockManager }).locks : undefined;
  if (!locks?.request) return work();
  return locks.request("avantika:refresh", work) as Promise<T>;
}

/** A fresh access token through the refresh cookie; undefined when the session is over or unreachable. */
export function refreshAccessToken(): Promise<string | undefined> {
  inFlight ??= withRefreshLock(async () => {
    try {
      const answer = await api.refresh();
      acceptToken(answer);
      return answer.accessToken;
    } catch (err) {
      if (err instanceof ApiError && (err.status === 401 || err.status === 403)) {
        endSession();
      } else {
        // The server is unreachable or busy: keep the session and try again shortly.
        armTimer(err instanceof ApiError && err.retryAfterS ? err.retryAfterS * 1000 : RETRY_AFTER_FAILURE_MS);
      }
      return undefined;
    }
  }).finally(() => {
    inFlight = undefined;
  });
  return inFlight;
}

/**
 * The current token, refreshed first when it is about to expire. `fresh` (the realtime gateway
 * closed a socket for an expired token) widens the margin: the scheduled refresh has usually
 * replaced that token already, and then it is not rotated again for nothing.
 */
export async function currentToken(options: { fresh?: boolean } = {}): Promise<string | undefined> {
  const { accessToken, expiresAt } = sessionStore.get();
  if (!accessToken) return undefined;
  const margin = options.fresh ? FRESH_MARGIN_MS : MIN_MARGIN_MS;
  if (!expiresAt || expiresAt - Date.now() < margin) return refreshAccessToken();
  return accessToken;
}

/** On page load: restore the session from the refresh cookie, when there can be one. */
export async function restoreSession(location: Location = window.location): Promise<void> {
  const fromOAuth = new URLSearchParams(location.search).has("signedIn");
  if (!fromOAuth && storage()?.getItem(HINT_KEY) !== "1") {
    sessionStore.set({ status: "signedOut" });
    return;
  }
  const token = await refreshAccessToken();
  if (!token) {
    sessionStore.set({ status: "signedOut" });
    return;
  }
  storage()?.setItem(HINT_KEY, "1");
  const me = await loadProfileOrThrow().catch(() => undefined);
  if (!me) {
    sessionStore.set({ status: "signedOut" });
    return;
  }
  sessionStore.set({ status: "signedIn" });
}

async function loadProfileOrThrow(): Promise<Me> {
  const me = await api.me();
  sessionStore.setUser(me);
  return me;
}

export async function signIn(credentials: { email: string; password: string }): Promise<void> {
  beginSession(await api.login(credentials));
}

export async function signUp(body: { email: string; password: string; fullName: string }): Promise<void> {
  beginSession(await api.register(body));
}

export async function signOut(): Promise<void> {
  try {
    await api.logout();
  } catch {
    // Signed out here either way; the server forgets the session when its tokens expire.
  } finally {
    endSession();
  }
}

export function onVisible(): void {
  const { accessToken } = sessionStore.get();
  if (accessToken && refreshAt && Date.now() >= refreshAt) void refreshAccessToken();
}

/** Wires the API client to this session; call once at start-up. */
export function installSession(): void {
  configureAuth({ token: () => sessionStore.get().accessToken, refresh: refreshAccessToken });
  if (typeof document !== "undefined") {
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") onVisible();
    });
  }
}
