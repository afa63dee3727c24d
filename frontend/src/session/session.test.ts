import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { request } from "../api/client";
import { apiError, fakeServer } from "../test/fakeServer";
import { beginSession, currentToken, endSession, installSession, refreshAccessToken, restoreSession } from "./session";
import { sessionStore } from "./store";

const user = { id: "u1", email: "ada@example.com", fullName: "Ada", roles: ["user"], tier: "free" as const, tenantId: "t", emailVerified: true };
const me = { ...user, createdAt: "2025-01-01T00:00:00Z", preferences: { theme: "dark" } };

beforeEach(() => {
  installSession();
  endSession();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("the session", () => {
  it("refreshes the access token through the cookie before it expires", async () => {
    vi.useFakeTimers();
    let n = 0;
    const server = fakeServer({ "POST /api/auth/token/refresh": () => ({ body: { accessToken: `fresh-${(n += 1)}`, expiresIn: 600 } }), "GET /api/users/me": { body: me } });
    beginSession({ user, accessToken: "first", expiresIn: 600 });
    await vi.advanceTimersByTimeAsync(500_000);
    expect(server.calls("POST", "/api/auth/token/refresh")).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(45_000); // 540 s: 90 % of the token's life
    expect(server.calls("POST", "/api/auth/token/refresh")).toHaveLength(1);
    expect(sessionStore.get().accessToken).toBe("fresh-1");
    expect(server.calls("POST", "/api/auth/token/refresh")[0]?.headers.get("authorization")).toBeNull();
  });

  it("sends one refresh for concurrent callers (a refresh token is single-use)", async () => {
    let release: () => void = () => undefined;
    const server = fakeServer({
      "POST /api/auth/token/refresh": () => new Promise((resolve) => (release = () => resolve({ body: { accessToken: "fresh", expiresIn: 3600 } }))),
    });
    const calls = [refreshAccessToken(), refreshAccessToken(), refreshAccessToken()];
    await vi.waitFor(() => expect(server.calls("POST", "/api/auth/token/refresh")).toHaveLength(1));
    release();
    expect(await Promise.all(calls)).toEqual(["fresh", "fresh", "fresh"]);
  });

  it("restores the session on reload from the refresh cookie, profile included", async () => {
    window.localStorage.setItem("avantika:session", "1");
    fakeServer({ "POST /api/auth/token/refresh": { body: { accessToken: "restored", expiresIn: 3600 } }, "GET /api/users/me": { body: me } });
    await restoreSession({ search: "" } as Location);
    expect(sessionStore.get()).toMatchObject({ status: "signedIn", accessToken: "restored", user: { fullName: "Ada", preferences: { theme: "dark" } } });
  });

  it("does not call refresh for a visitor who never signed in here", async () => {
    const server = fakeServer({});
    await restoreSession({ search: "" } as Location);
    expect(sessionStore.get().status).toBe("signedOut");
    expect(server.requests).toHaveLength(0);
  });

  it("ends the session when the refresh cookie is refused", async () => {
    window.localStorage.setItem("avantika:session", "1");
    fakeServer({ "POST /api/auth/token/refresh": apiError(401, "INVALID_TOKEN", "expired") });
    await restoreSession({ search: "" } as Location);
    expect(sessionStore.get().status).toBe("signedOut");
    expect(window.localStorage.getItem("avantika:session")).toBeNull();
  });

  it("gives the realtime client a token it can use: refreshed only when it is about to expire", async () => {
    const server = fakeServer({ "POST /api/auth/token/refresh": { body: { accessToken: "rotated", expiresIn: 3600 } } });
    sessionStore.set({ status: "signedIn", accessToken: "current", expiresAt: Date.now() + 3_000_000 });
    expect(await currentToken({ fresh: true })).toBe("current");
    sessionStore.set({ accessToken: "old", expiresAt: Date.now() + 60_000 });
    expect(await currentToken()).toBe("old");
    expect(await currentToken({ fresh: true })).toBe("rotated");
    expect(server.calls("POST", "/api/auth/token/refresh")).toHaveLength(1);
  });

  it("retries a request once with a fresh token after a 401", async () => {
    sessionStore.set({ status: "signedIn", accessToken: "stale", expiresAt: Date.now() + 3_600_000 });
    const server = fakeServer({
      "POST /api/auth/token/refresh": { body: { accessToken: "fresh", expiresIn: 3600 } },
      "GET /api/users/me": ({ headers }) => (headers.get("authorization") === "Bearer fresh" ? { body: me } : apiError(401, "INVALID_TOKEN", "expired")),
    });
    await expect(request("/users/me")).resolves.toMatchObject({ id: "u1" });
    expect(server.calls("GET", "/api/users/me").map((r) => r.headers.get("authorization"))).toEqual(["Bearer stale", "Bearer fresh"]);
  });
});
