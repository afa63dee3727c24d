/**
 * Google and GitHub sign-in against a real local OpenID Connect provider (oidc-provider in a child
 * process, test/fixtures/oidc-provider.mjs), driven like a browser: fetch with manual redirects
 * and cookies. The node is cluster-style (PostgreSQL, Redis, NATS) and must know its own public
 * URL before it starts, so PORT is picked with freePort().
 *
 * GitHub runs on the same provider: its authorize and token endpoints are plain OAuth 2 there, and
 * the fixture serves GitHub's `GET /user` shape at /github/user.
 */
import { createTestDatabase, type TestDatabase } from "../harness/db";
import { freePort } from "../harness/servers";
import { startTestNode, uniqueNamespace, type TestNode } from "../support/node";
import { CookieJar, fetchSetCookies, findCookie, request } from "../support/http";
import { bearer, PASSWORD, REFRESH_COOKIE, register } from "../fixtures/accounts";
import { signInAtProvider, startOidcProvider, type OidcProvider } from "../fixtures/oidc";

const STATE_COOKIE = "avantika_oauth_state";

const ACCOUNTS = {
  alice: { email: "alice.oidc@example.test", email_verified: true, name: "Alice Oidc" },
  linked: { email: "linked.oidc@example.test", email_verified: true, name: "Linked Person" },
  unverified: { email: "taken.oidc@example.test", email_verified: false, name: "Mallory" },
  octo: { email: "octo.cat@example.test", email_verified: true, name: "Octo Cat" },
};

let db: TestDatabase;
let node: TestNode;
let oidc: OidcProvider;
let base: string;

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  oidc = await startOidcProvider({
    redirectUris: [`${base}/api/auth/oauth/google/callback`, `${base}/api/auth/oauth/github/callback`],
    accounts: ACCOUNTS,
    githubRedirectPrefix: `${base}/api/auth/oauth/github/callback`,
  });
  db = await createTestDatabase("auth_oauth");
  node = await startTestNode({
    services: ["api", "auth", "users"],
    namespace: uniqueNamespace("oauth"),
    databaseUrl: db.url,
    env: {
      PORT: String(port),
      PUBLIC_URL: base,
      AUTH_RATE_LIMIT_PER_MINUTE: "100000",
      OAUTH_GOOGLE_CLIENT_ID: oidc.clientId,
      OAUTH_GOOGLE_CLIENT_SECRET: oidc.clientSecret,
      OAUTH_GOOGLE_ISSUER: oidc.issuer,
      OAUTH_GITHUB_CLIENT_ID: oidc.clientId,
      OAUTH_GITHUB_CLIENT_SECRET: oidc.clientSecret,
      OAUTH_GITHUB_AUTHORIZATION_URL: `${oidc.issuer}/auth`,
      OAUTH_GITHUB_TOKEN_URL: `${oidc.issuer}/token`,
      OAUTH_GITHUB_USERINFO_URL: `${oidc.issuer}/github/user`,
      OAUTH_GITHUB_EMAILS_URL: `${oidc.issuer}/github/emails`,
    },
  });
  expect(node.baseUrl).toBe(base);
}, 30_000);

afterAll(async () => {
  await node?.stop();
  await db?.drop();
  await oidc?.stop();
});

interface Started {
  authorizeUrl: URL;
  state: string;
  jar: CookieJar;
}

/** GET /api/auth/oauth/:provider → 302 to the provider, with the state cookie. */
async function startSignIn(provider: "google" | "github"): Promise<Started> {
  const res = await fetch(`${base}/api/auth/oauth/${provider}`, { redirect: "manual" });
  expect(res.status).toBe(302);
  const authorizeUrl = new URL(res.headers.get("location") ?? "");
  const jar = new CookieJar();
  jar.store(fetchSetCookies(res));
  const state = authorizeUrl.searchParams.get("state") ?? "";
  const cookie = findCookie(fetchSetCookies(res), STATE_COOKIE);
  expect(cookie?.value).toBe(state);
  expect(cookie?.attributes).toHaveProperty("httponly");
  return { authorizeUrl, state, jar };
}

/** Calls the app's callback like the browser would: with the jar's cookies, no redirect following. */
async function callback(url: string, cookieHeader: string) {
  const res = await fetch(url, { redirect: "manual", headers: cookieHeader ? { Cookie: cookieHeader } : {} });
  return { status: res.status, location: res.headers.get("location") ?? "", setCookies: fetchSetCookies(res) };
}

async function accessTokenFromCookie(refresh: string): Promise<string> {
  const res = await request(`${base}/api/auth/token/refresh`, { method: "POST", headers: { Cookie: `${REFRESH_COOKIE}=${refresh}` } });
  expect(res.status).toBe(200);
  return (res.json as { accessToken: string }).accessToken;
}

async function meWith(token: string) {
  const res = await request(`${base}/api/users/me`, { headers: bearer(token) });
  expect(res.status).toBe(200);
  return res.json as { id: string; email: string; fullName: string; emailVerified: boolean; roles: string[] };
}

async function fullSignIn(provider: "google" | "github", login: string) {
  const started = await startSignIn(provider);
  const back = await signInAtProvider(started.authorizeUrl.toString(), login, `${base}/api/auth/oauth/${provider}/callback`);
  return { started, back, result: await callback(back, started.jar.header()) };
}

describe("Google (OpenID Connect)", () => {
  it("redirects to the provider with PKCE S256, state and nonce", async () => {
    const { authorizeUrl, state } = await startSignIn("google");
    expect(authorizeUrl.origin + authorizeUrl.pathname).toBe(`${oidc.issuer}/auth`);
    const q = authorizeUrl.searchParams;
    expect(q.get("client_id")).toBe(oidc.clientId);
    expect(q.get("response_type")).toBe("code");
    expect(q.get("redirect_uri")).toBe(`${base}/api/auth/oauth/google/callback`);
    expect(q.get("scope")?.split(" ")).toEqual(expect.arrayContaining(["openid", "email"]));
    expect(q.get("code_challenge_method")).toBe("S256");
    expect(q.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(state.length).toBeGreaterThanOrEqual(20);
    expect(q.get("nonce")?.length).toBeGreaterThanOrEqual(20);
  });

  it("signs a new user in: callback → 302 into the app with the refresh cookie → refresh gives the OIDC user's token", async () => {
    const { result } = await fullSignIn("google", "alice");
    expect(result.status).toBe(302);
    expect(result.location).toBe(`${base}/?signedIn=google`);
    const refresh = findCookie(result.setCookies, REFRESH_COOKIE);
    expect(refresh?.value).toBeTruthy();
    expect(refresh?.attributes).toHaveProperty("httponly");
    expect(refresh?.attributes.samesite?.toLowerCase()).toBe("strict");
    expect(refresh?.attributes.path).toBe("/api/auth");
    // The one-time state cookie is cleared.
    expect(findCookie(result.setCookies, STATE_COOKIE)?.attributes["max-age"]).toBe("0");

    const me = await meWith(await accessTokenFromCookie(refresh!.value));
    expect(me).toMatchObject({ email: ACCOUNTS.alice.email, fullName: ACCOUNTS.alice.name, emailVerified: true, roles: ["user"] });

    // Signing in again finds the same account through the link.
    const again = await fullSignIn("google", "alice");
    expect(again.result.location).toBe(`${base}/?signedIn=google`);
    const second = await meWith(await accessTokenFromCookie(findCookie(again.result.setCookies, REFRESH_COOKIE)!.value));
    expect(second.id).toBe(me.id);
  });

  it("links to an existing password account when the provider verified the email", async () => {
    const { session } = await register(base, { email: ACCOUNTS.linked.email, password: PASSWORD, fullName: "Linked Person" });
    const { result } = await fullSignIn("google", "linked");
    expect(result.location).toBe(`${base}/?signedIn=google`);
    const me = await meWith(await accessTokenFromCookie(findCookie(result.setCookies, REFRESH_COOKIE)!.value));
    expect(me.id).toBe(session.user.id);
  });

  it("refuses to take over an existing account with an address the provider did not verify", async () => {
    await register(base, { email: ACCOUNTS.unverified.email, password: PASSWORD, fullName: "Owner" });
    const { result } = await fullSignIn("google", "unverified");
    expect(result.status).toBe(302);
    expect(result.location).toBe(`${base}/signin?error=oauth_failed`);
    expect(findCookie(result.setCookies, REFRESH_COOKIE)?.value ?? "").toBe("");
  });

  it("refuses a callback without the state cookie, with a wrong or missing state, or replayed", async () => {
    const failed = `${base}/signin?error=oauth_failed`;
    const started = await startSignIn("google");
    const back = new URL(await signInAtProvider(started.authorizeUrl.toString(), "alice", `${base}/api/auth/oauth/google/callback`));
    expect(back.searchParams.get("state")).toBe(started.state);
    expect(back.searchParams.get("code")).toBeTruthy();

    const expectRefused = (r: { status: number; location: string; setCookies: string[] }) => {
      expect(r.status).toBe(302);
      expect(r.location).toBe(failed);
      expect(findCookie(r.setCookies, REFRESH_COOKIE)?.value ?? "").toBe("");
    };

    // No state cookie (a login-CSRF attempt: the code is pushed into another browser).
    expectRefused(await callback(back.toString(), ""));
    // State cookie of another sign-in.
    const other = await startSignIn("google");
    expectRefused(await callback(back.toString(), other.jar.header()));
    // Wrong state in the URL, the right cookie.
    const wrong = new URL(back);
    wrong.searchParams.set("state", other.state);
    expectRefused(await callback(wrong.toString(), started.jar.header()));
    // A forged state that matches a forged cookie, but was never issued.
    const forged = new URL(back);
    forged.searchParams.set("state", "f".repeat(43));
    expectRefused(await callback(forged.toString(), `${STATE_COOKIE}=${"f".repeat(43)}`));
    // No state at all.
    const missing = new URL(back);
    missing.searchParams.delete("state");
    expectRefused(await callback(missing.toString(), started.jar.header()));
    // No code.
    const noCode = new URL(back);
    noCode.searchParams.delete("code");
    expectRefused(await callback(noCode.toString(), started.jar.header()));
    // An error answer from the provider.
    expectRefused(await callback(`${base}/api/auth/oauth/google/callback?error=access_denied&state=${started.state}`, started.jar.header()));

    // The genuine callback still works once (the refusals above did not consume it)...
    const ok = await callback(back.toString(), started.jar.header());
    expect(ok.location).toBe(`${base}/?signedIn=google`);
    expect(findCookie(ok.setCookies, REFRESH_COOKIE)?.value).toBeTruthy();
    // ...and only once.
    expectRefused(await callback(back.toString(), started.jar.header()));
  });

  it("answers 422 for an unknown provider", async () => {
    const unknown = await request(`${base}/api/auth/oauth/facebook`);
    expect(unknown.status).toBe(422);
  });

  it("advertises the configured providers in /api/config", async () => {
    const res = await request(`${base}/api/config`);
    expect((res.json as { features: { oauth: string[] } }).features.oauth.sort()).toEqual(["github", "google"]);
  });
});

describe("GitHub (OAuth 2 + user API) against the same provider", () => {
  it("signs a new user in through the authorize, token and user endpoints", async () => {
    const started = await startSignIn("github");
    const q = started.authorizeUrl.searchParams;
    expect(q.get("code_challenge_method")).toBe("S256");
    expect(q.get("redirect_uri")).toBe(`${base}/api/auth/oauth/github/callback`);
    expect(q.get("nonce")).toBeNull();

    const back = await signInAtProvider(started.authorizeUrl.toString(), "octo", `${base}/api/auth/oauth/github/callback`);
    const result = await callback(back, started.jar.header());
    expect(result.location).toBe(`${base}/?signedIn=github`);
    const me = await meWith(await accessTokenFromCookie(findCookie(result.setCookies, REFRESH_COOKIE)!.value));
    expect(me).toMatchObject({ email: ACCOUNTS.octo.email, fullName: ACCOUNTS.octo.name, emailVerified: true });
  });

  it("refuses a GitHub callback carrying Google's state", async () => {
    const google = await startSignIn("google");
    const back = new URL(await signInAtProvider(google.authorizeUrl.toString(), "alice", `${base}/api/auth/oauth/google/callback`));
    const swapped = `${base}/api/auth/oauth/github/callback${back.search}`;
    const res = await fetch(swapped, { redirect: "manual", headers: { Cookie: google.jar.header() } });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`${base}/signin?error=oauth_failed`);
    expect(findCookie(fetchSetCookies(res), REFRESH_COOKIE)?.value ?? "").toBe("");
  });
});
