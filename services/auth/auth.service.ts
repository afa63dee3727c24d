/**
 * auth: credentials, refresh-token families, OAuth links, email verification; mints access tokens.
 *
 * Refresh tokens are opaque, stored as SHA-256 hashes, grouped in families and rotated on every
 * use; presenting a used token again means it was stolen (or replayed), so the whole family is
 * revoked. Login throttling counts failures per (account, client IP) and per IP: an attacker can
 * lock only themselves out, never the account's owner on another address.
 */
import crypto from "node:crypto";
import path from "node:path";
import argon2 from "argon2";
import type { Context, ServiceSchema } from "moleculer";
import { Errors } from "moleculer";
import type { PoolClient } from "pg";
import { configOf, type Config } from "../../lib/config";
import { Conflict, InvalidCredentials, InvalidToken, NotFound, TooManyRequests } from "../../lib/errors";
import { acquireKv, releaseKv, type Kv } from "../../lib/kv";
import { createTokenVerifier } from "../../lib/jwt";
import { lifecycle } from "../../lib/service";
import type { AuthMeta, AuthUser } from "../../mixins/auth.middleware";
import { OutboxMixin, type OutboxService } from "../../mixins/outbox.mixin";
import { loadSigningKey, type SigningKey } from "./keys";
import { Mailer } from "./mailer";
import { OAuthProvider, type OAuthIdentity, type PendingAuthorization, type ProviderId } from "./oauth";
import { hashToken, newOpaqueToken, signAccessToken } from "./tokens";

/** OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane. */
const ARGON2 = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
export const REFRESH_COOKIE = "avantika_refresh";
const OAUTH_COOKIE = "avantika_oauth_state";
const VERIFICATION_TTL_S = 48 * 3600;

interface AccountRow {
  id: string;
  email: string;
  password_hash: string | null;
  full_name: string;
  roles: string[];
  tier: AuthUser["tier"];
  tenant_id: string;
  email_verified: boolean;
  created_at: Date;
}

export interface PublicUser {
  id: string;
  email: string;
  fullName: string;
  roles: string[];
  tier: AuthUser["tier"];
  tenantId: string;
  emailVerified: boolean;
}

interface HttpMeta extends AuthMeta {
  cookies?: Record<string, string>;
  $statusCode?: number;
  $location?: string;
  $responseHeaders?: Record<string, string | string[]>;
}

interface AuthService extends OutboxService {
  config: Config;
  kv: Kv;
  signingKey: SigningKey;
  mailer: Mailer;
  dummyHash: string;
  providers: Map<ProviderId, OAuthProvider>;
  toPublic(row: AccountRow): PublicUser;
  findByEmail(client: Pick<PoolClient, "query"> | null, email: string): Promise<AccountRow | undefined>;
  createAccount(client: PoolClient, input: NewAccount): Promise<{ row: AccountRow; verificationToken?: string }>;
  startSession(client: PoolClient, row: AccountRow): Promise<{ refreshToken: string; familyId: string }>;
  issueSession(ctx: Context<{ cookie?: boolean } | Record<string, string>, HttpMeta>, row: AccountRow, provider: string): Promise<Record<string, unknown>>;
  accessToken(row: AccountRow, familyId: string): Promise<string>;
  revokeFamily(client: Pick<PoolClient, "query">, familyId: string, reason: string): Promise<void>;
  refreshCookie(token: string, maxAgeS: number): string;
  sendVerification(email: string, token: string): Promise<void>;
  throttleKey(email: string, ip: string): { account: string; ip: string };
  seed(): Promise<void>;
}

interface NewAccount {
  email: string;
  fullName: string;
  passwordHash: string | null;
  roles: string[];
  emailVerified: boolean;
  provider: "password" | "google" | "github";
}

const email = { type: "string", format: "email", maxLength: 254 };
const password = { type: "string", minLength: 10, maxLength: 1024 };
const opaqueToken = { type: "string", minLength: 20, maxLength: 200 };

const AuthServiceSchema: ServiceSchema = {
  name: "auth",
  mixins: [OutboxMixin({ schema: "auth", migrations: path.join(__dirname, "migrations") })],

  actions: {
    register: {
      params: {
        type: "object",
        properties: { email, password, fullName: { type: "string", minLength: 1, maxLength: 200, pattern: "\\S" }, cookie: { type: "boolean" } },
        required: ["email", "password", "fullName"],
        additionalProperties: false,
      },
      async handler(this: AuthService, ctx: Context<{ email: string; password: string; fullName: string; cookie?: boolean }, HttpMeta>) {
        const { email: address, password: secret, fullName } = ctx.params;
        const passwordHash = await argon2.hash(secret, ARGON2);
        const { row, verificationToken } = await this.db.tx(async (client) => {
          if (await this.findByEmail(client, address)) throw new Conflict("An account with this email already exists", "EMAIL_TAKEN");
          return this.createAccount(client, { email: address, fullName: fullName.trim(), passwordHash, roles: ["user"], emailVerified: false, provider: "password" });
        });
        if (verificationToken) await this.sendVerification(row.email, verificationToken);
        const body = await this.issueSession(ctx, row, "password");
        ctx.meta.$statusCode = 201;
        return body;
      },
    },

    login: {
      params: {
        type: "object",
        properties: { email: { type: "string", minLength: 1, maxLength: 254 }, password: { type: "string", minLength: 1, maxLength: 1024 }, cookie: { type: "boolean" } },
        required: ["email", "password"],
        additionalProperties: false,
      },
      async handler(this: AuthService, ctx: Context<{ email: string; password: string; cookie?: boolean }, HttpMeta>) {
        const ip = ctx.meta.ip ?? "unknown";
        const keys = this.throttleKey(ctx.params.email, ip);
        const { loginMaxFailuresPerAccount, loginMaxFailuresPerIp, loginWindowS } = this.config.auth;
        const [accountFailures, ipFailures] = await Promise.all([this.kv.get(keys.account), this.kv.get(keys.ip)]);
        if (Number(accountFailures ?? 0) >= loginMaxFailuresPerAccount || Number(ipFailures ?? 0) >= loginMaxFailuresPerIp) {
          const { ttlS } = await this.kv.incr(Number(ipFailures ?? 0) >= loginMaxFailuresPerIp ? keys.ip : keys.account, loginWindowS);
          throw new TooManyRequests(ttlS, "Too many failed sign-in attempts, try again later");
        }
        const row = await this.findByEmail(null, ctx.params.email);
        // An unknown email costs the same argon2 verification as a known one: same answer, same time.
        const ok = await argon2.verify(row?.password_hash ?? this.dummyHash, ctx.params.password).catch(() => false);
        if (!row || !row.password_hash || !ok) {
          await Promise.all([this.kv.incr(keys.account, loginWindowS), this.kv.incr(keys.ip, loginWindowS)]);
          throw new InvalidCredentials();
        }
        await this.kv.del(keys.account);
        return this.issueSession(ctx, row, "password");
      },
    },

    refresh: {
      params: { type: "object", properties: { refreshToken: opaqueToken }, additionalProperties: false },
      async handler(this: AuthService, ctx: Context<{ refreshToken?: string }, HttpMeta>) {
        const presented = ctx.params.refreshToken ?? ctx.meta.cookies?.[REFRESH_COOKIE];
        if (!presented) throw new InvalidToken("No refresh token was presented");
        const fromCookie = !ctx.params.refreshToken;
        const outcome = await this.db.tx(async (client) => {
          const found = await client.query<{ family_id: string; expires_at: Date; used_at: Date | null; revoked_at: Date | null; account_id: string }>(
            `SELECT t.family_id, t.expires_at, t.used_at, f.revoked_at, f.account_id
               FROM auth.refresh_tokens t JOIN auth.refresh_families f ON f.id = t.family_id
              WHERE t.token_hash = $1 FOR UPDATE OF t`,
            [hashToken(presented)],
          );
          const token = found.rows[0];
          if (!token || token.revoked_at || token.expires_at.getTime() <= Date.now()) return { kind: "invalid" as const };
          if (token.used_at) {
            await this.revokeFamily(client, token.family_id, "reuse");
            return { kind: "reused" as const };
          }
          await client.query("UPDATE auth.refresh_tokens SET used_at = now() WHERE token_hash = $1", [hashToken(presented)]);
          const next = newOpaqueToken();
          await client.query("INSERT INTO auth.refresh_tokens (token_hash, family_id, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3))", [
            hashToken(next),
            token.family_id,
            this.config.auth.refreshTokenTtlS,
          ]);
          const account = await client.query<AccountRow>("SELECT * FROM auth.accounts WHERE id = $1", [token.account_id]);
          return { kind: "ok" as const, next, familyId: token.family_id, row: account.rows[0] };
        });
        if (outcome.kind === "reused") {
          ctx.meta.$responseHeaders = { "Set-Cookie": this.refreshCookie("", 0) };
          throw new InvalidToken("This refresh token was already used; every session of its family has been signed out");
        }
        if (outcome.kind === "invalid" || !outcome.row) throw new InvalidToken("The refresh token is invalid or has expired");
        const accessToken = await this.accessToken(outcome.row, outcome.familyId);
        const body: Record<string, unknown> = { accessToken, expiresIn: this.config.auth.accessTokenTtlS };
        if (fromCookie) ctx.meta.$responseHeaders = { "Set-Cookie": this.refreshCookie(outcome.next, this.config.auth.refreshTokenTtlS) };
        else body.refreshToken = outcome.next;
        return body;
      },
    },

    logout: {
      params: { type: "object", properties: { refreshToken: opaqueToken }, additionalProperties: false },
      async handler(this: AuthService, ctx: Context<{ refreshToken?: string }, HttpMeta>) {
        const presented = ctx.params.refreshToken ?? ctx.meta.cookies?.[REFRESH_COOKIE];
        if (presented) {
          await this.db.tx(async (client) => {
            const found = await client.query<{ family_id: string }>("SELECT family_id FROM auth.refresh_tokens WHERE token_hash = $1", [hashToken(presented)]);
            const familyId = found.rows[0]?.family_id;
            if (familyId) await this.revokeFamily(client, familyId, "logout");
          });
        }
        const sid = ctx.meta.user?.sid;
        if (sid) await this.db.tx((client) => this.revokeFamily(client, sid, "logout"));
        ctx.meta.$responseHeaders = { "Set-Cookie": this.refreshCookie("", 0) };
        ctx.meta.$statusCode = 204;
        return null;
      },
    },

    verifyEmail: {
      params: { type: "object", properties: { token: opaqueToken }, required: ["token"], additionalProperties: false },
      async handler(this: AuthService, ctx: Context<{ token: string }, HttpMeta>) {
        const verified = await this.db.tx(async (client) => {
          const found = await client.query<{ account_id: string; tenant_id: string }>(
            `UPDATE auth.email_verifications v SET used_at = now()
               FROM auth.accounts a
              WHERE v.token_hash = $1 AND v.used_at IS NULL AND v.expires_at > now() AND a.id = v.account_id
              RETURNING v.account_id, a.tenant_id`,
            [hashToken(ctx.params.token)],
          );
          const hit = found.rows[0];
          if (!hit) return false;
          await client.query("UPDATE auth.accounts SET email_verified = true WHERE id = $1", [hit.account_id]);
          await this.outbox.add(client, "user.email.verified", { userId: hit.account_id, tenantId: hit.tenant_id });
          return true;
        });
        if (!verified) throw new Errors.MoleculerClientError("The verification link is invalid, used or expired", 400, "INVALID_VERIFICATION_TOKEN");
        this.outbox.kick();
        ctx.meta.$statusCode = 204;
        return null;
      },
    },

    jwks: {
      cache: false,
      handler(this: AuthService) {
        return { keys: [this.signingKey.publicJwk] };
      },
    },

    oauthStart: {
      params: { type: "object", properties: { provider: { enum: ["google", "github"] } }, required: ["provider"], additionalProperties: false },
      async handler(this: AuthService, ctx: Context<{ provider: ProviderId }, HttpMeta>) {
        const provider = this.providers.get(ctx.params.provider);
        if (!provider) throw new NotFound(`Sign-in provider '${ctx.params.provider}'`);
        const state = newOpaqueToken();
        const { url, pending } = await provider.start(state);
        await this.kv.set(`oauth:state:${state}`, JSON.stringify(pending), 600);
        ctx.meta.$statusCode = 302;
        ctx.meta.$location = url;
        ctx.meta.$responseHeaders = { "Set-Cookie": `${OAUTH_COOKIE}=${state}; HttpOnly; SameSite=Lax; Path=/api/auth/oauth; Max-Age=600${this.config.http.publicUrl.startsWith("https") ? "; Secure" : ""}` };
        return null;
      },
    },

    oauthCallback: {
      params: {
        type: "object",
        properties: { provider: { enum: ["google", "github"] }, code: { type: "string", maxLength: 2048 }, state: { type: "string", maxLength: 200 } },
        required: ["provider"],
        additionalProperties: { type: "string", maxLength: 2048 },
      },
      async handler(this: AuthService, ctx: Context<Record<string, string> & { provider: ProviderId }, HttpMeta>) {
        const fail = (reason: string) => {
          this.logger.warn(`OAuth sign-in with ${ctx.params.provider} failed: ${reason}`);
          ctx.meta.$statusCode = 302;
          ctx.meta.$location = `${this.config.http.publicUrl}/signin?error=oauth_failed`;
          return null;
        };
        const provider = this.providers.get(ctx.params.provider);
        if (!provider) throw new NotFound(`Sign-in provider '${ctx.params.provider}'`);
        const state = ctx.params.state;
        if (!state || !ctx.params.code || ctx.meta.cookies?.[OAUTH_COOKIE] !== state) return fail("state missing or not bound to this browser");
        const saved = await this.kv.take(`oauth:state:${state}`);
        if (!saved) return fail("unknown or already used state");
        const pending = JSON.parse(saved) as PendingAuthorization;
        if (pending.provider !== provider.id) return fail("state issued for another provider");
        const { provider: _provider, ...callbackParams } = ctx.params;
        let identity: OAuthIdentity;
        try {
          identity = await provider.finish(callbackParams, state, pending);
        } catch (err) {
          return fail((err as Error).message);
        }
        const row = await this.db.tx(async (client) => {
          const linked = await client.query<AccountRow>(
            "SELECT a.* FROM auth.oauth_links l JOIN auth.accounts a ON a.id = l.account_id WHERE l.provider = $1 AND l.subject = $2",
            [provider.id, identity.subject],
          );
          if (linked.rows[0]) return linked.rows[0];
          let account = await this.findByEmail(client, identity.email);
          // Linking to an existing account by email is safe only when the provider vouches for the address.
          if (account && !identity.emailVerified) return undefined;
          if (!account) {
            account = (await this.createAccount(client, { email: identity.email, fullName: identity.fullName, passwordHash: null, roles: ["user"], emailVerified: identity.emailVerified, provider: provider.id })).row;
          } else if (!account.email_verified) {
            await client.query("UPDATE auth.accounts SET email_verified = true WHERE id = $1", [account.id]);
          }
          await client.query("INSERT INTO auth.oauth_links (provider, subject, account_id) VALUES ($1, $2, $3)", [provider.id, identity.subject, account.id]);
          return account;
        });
        if (!row) return fail("an account with this email exists and the provider did not verify the address");
        await this.issueSession(ctx, row, provider.id);
        ctx.meta.$statusCode = 302;
        ctx.meta.$location = `${this.config.http.publicUrl}/?signedIn=${provider.id}`;
        const cookies = ctx.meta.$responseHeaders?.["Set-Cookie"];
        ctx.meta.$responseHeaders = { "Set-Cookie": [...(Array.isArray(cookies) ? cookies : cookies ? [cookies] : []), `${OAUTH_COOKIE}=; HttpOnly; SameSite=Lax; Path=/api/auth/oauth; Max-Age=0`] };
        return null;
      },
    },

    /** Server-side check of an access token, for callers that cannot verify JWTs themselves (the REPL). */
    resolveToken: {
      visibility: "public",
      params: { type: "object", properties: { token: { type: "string", maxLength: 4096 } }, required: ["token"], additionalProperties: false },
      async handler(this: AuthService, ctx: Context<{ token: string }>) {
        return createTokenVerifier(this.broker, this.kv).verify(ctx.params.token);
      },
    },

    providers: {
      visibility: "public",
      handler(this: AuthService) {
        return [...this.providers.keys()];
      },
    },
  },

  methods: {
    toPublic(this: AuthService, row: AccountRow): PublicUser {
      return { id: row.id, email: row.email, fullName: row.full_name, roles: row.roles, tier: row.tier, tenantId: row.tenant_id, emailVerified: row.email_verified };
    },

    async findByEmail(this: AuthService, client: Pick<PoolClient, "query"> | null, address: string) {
      const q = "SELECT * FROM auth.accounts WHERE lower(email) = lower($1)";
      const result = client ? await client.query<AccountRow>(q, [address]) : await this.db.query<AccountRow>(q, [address]);
      return result.rows[0];
    },

    async createAccount(this: AuthService, client: PoolClient, input: NewAccount) {
      const id = crypto.randomUUID();
      const tenantId = this.config.auth.defaultTenant;
      let row: AccountRow | undefined;
      try {
        const inserted = await client.query<AccountRow>(
          `INSERT INTO auth.accounts (id, email, password_hash, full_name, roles, tenant_id, email_verified)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
          [id, input.email.trim(), input.passwordHash, input.fullName, input.roles, tenantId, input.emailVerified],
        );
        row = inserted.rows[0];
      } catch (err) {
        if ((err as { code?: string }).code === "23505") throw new Conflict("An account with this email already exists", "EMAIL_TAKEN");
        throw err;
      }
      if (!row) throw new Error("account insert returned nothing");
      let verificationToken: string | undefined;
      if (!input.emailVerified) {
        verificationToken = newOpaqueToken();
        await client.query("INSERT INTO auth.email_verifications (token_hash, account_id, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3))", [
          hashToken(verificationToken),
          row.id,
          VERIFICATION_TTL_S,
        ]);
      }
      await this.outbox.add(client, "user.registered", {
        userId: row.id,
        email: row.email,
        fullName: row.full_name,
        tier: row.tier,
        provider: input.provider,
        roles: row.roles,
        emailVerified: row.email_verified,
        tenantId: row.tenant_id,
      });
      return { row, verificationToken };
    },

    async startSession(this: AuthService, client: PoolClient, row: AccountRow) {
      const familyId = crypto.randomUUID();
      const refreshToken = newOpaqueToken();
      await client.query("INSERT INTO auth.refresh_families (id, account_id) VALUES ($1, $2)", [familyId, row.id]);
      await client.query("INSERT INTO auth.refresh_tokens (token_hash, family_id, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3))", [
        hashToken(refreshToken),
        familyId,
        this.config.auth.refreshTokenTtlS,
      ]);
      return { refreshToken, familyId };
    },

    async issueSession(this: AuthService, ctx: Context<{ cookie?: boolean } | Record<string, string>, HttpMeta>, row: AccountRow, provider: string) {
      const { refreshToken, familyId } = await this.db.tx(async (client) => {
        const session = await this.startSession(client, row);
        await this.outbox.add(client, "user.login", { userId: row.id, provider, ip: ctx.meta.ip ?? "unknown", tenantId: row.tenant_id });
        return session;
      });
      this.outbox.kick();
      const body: Record<string, unknown> = {
        user: this.toPublic(row),
        accessToken: await this.accessToken(row, familyId),
        expiresIn: this.config.auth.accessTokenTtlS,
      };
      if ("cookie" in ctx.params && ctx.params.cookie === false) body.refreshToken = refreshToken;
      else ctx.meta.$responseHeaders = { "Set-Cookie": this.refreshCookie(refreshToken, this.config.auth.refreshTokenTtlS) };
      return body;
    },

    accessToken(this: AuthService, row: AccountRow, familyId: string) {
      return signAccessToken(this.signingKey, this.config.auth.issuer, this.config.auth.accessTokenTtlS, {
        id: row.id,
        email: row.email,
        roles: row.roles,
        tier: row.tier,
        tenantId: row.tenant_id,
        sid: familyId,
      });
    },

    async revokeFamily(this: AuthService, client: Pick<PoolClient, "query">, familyId: string, reason: string) {
      await client.query("UPDATE auth.refresh_families SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL", [familyId, reason]);
      // Access tokens minted from this family die too: the gateways look this key up per request.
      await this.kv.set(`revoked:sid:${familyId}`, reason, this.config.auth.accessTokenTtlS);
    },

    refreshCookie(this: AuthService, token: string, maxAgeS: number) {
      const secure = this.config.http.publicUrl.startsWith("https") ? "; Secure" : "";
      return `${REFRESH_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/api/auth; Max-Age=${maxAgeS}${secure}`;
    },

    async sendVerification(this: AuthService, to: string, token: string) {
      const link = `${this.config.http.publicUrl}/verify-email?token=${encodeURIComponent(token)}`;
      try {
        await this.mailer.send({
          to,
          subject: "Confirm your email for Avantika",
          text: `Welcome to Avantika!\n\nConfirm your email address by opening this link:\n${link}\n\nThe link works for 48 hours. If you did not sign up, ignore this message.\n`,
        });
      } catch (err) {
        // The account exists either way; a later "resend" can retry. Never fail the sign-up on mail.
        this.logger.warn(`Could not send the verification email: ${(err as Error).message}`);
      }
    },

    throttleKey(this: AuthService, address: string, ip: string) {
      const account = crypto.createHash("sha256").update(address.trim().toLowerCase()).digest("hex").slice(0, 32);
      return { account: `login:fail:acct:${account}:${ip}`, ip: `login:fail:ip:${ip}` };
    },

    async seed(this: AuthService) {
      const wanted: Array<{ email: string; password: string; fullName: string; roles: string[] }> = [];
      const { adminEmail, adminPassword, demo } = this.config.seed;
      if (adminEmail && adminPassword) wanted.push({ email: adminEmail, password: adminPassword, fullName: "Administrator", roles: ["admin", "instructor", "user"] });
      if (demo) wanted.push({ email: "demo@avantika.local", password: "demo-password-123", fullName: "Demo Learner", roles: ["user"] });
      for (const account of wanted) {
        if (await this.findByEmail(null, account.email)) continue;
        const passwordHash = await argon2.hash(account.password, ARGON2);
        await this.db
          .tx((client) => this.createAccount(client, { ...account, passwordHash, emailVerified: true, provider: "password" }))
          .then(() => this.logger.info(`Created the account ${account.email} (${account.roles.join(", ")})`))
          .catch((err: unknown) => {
            if (!(err instanceof Conflict)) throw err;
          });
      }
      this.outbox.kick();
    },
  },

  ...lifecycle<AuthService>({
  async created() {
    this.config = configOf(this.broker);
  },

  async started() {
    this.kv = acquireKv(this.config.redis.url, this.config.namespace);
    this.signingKey = await loadSigningKey(this.config.auth.jwtPrivateKeyPem, this.config.auth.jwtKeyFile);
    this.mailer = new Mailer(this.config.mail);
    this.dummyHash = await argon2.hash(crypto.randomBytes(16).toString("hex"), ARGON2);
    this.providers = new Map();
    for (const id of ["google", "github"] as const) {
      const cfg = this.config.oauth[id];
      if (cfg) this.providers.set(id, new OAuthProvider(id, cfg, `${this.config.http.publicUrl}/api/auth/oauth/${id}/callback`));
    }
    await this.seed();
  },

  async stopped() {
    this.mailer?.close();
    await releaseKv(this.config.redis.url);
  },
  }),
};

export default AuthServiceSchema;
