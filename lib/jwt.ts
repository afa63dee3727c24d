/**
 * Access-token verification at the gateways, without a call per request: the auth service's
 * public keys (JWKS) are fetched once through `auth.jwks` and kept; an unknown `kid` (a rotated
 * key) triggers one re-fetch, at most every 30 s. Only EdDSA is accepted, so `alg: none` and
 * HMAC-confusion tokens fail. One cache lookup per request checks the revocation fast path.
 *
 * A verified token's claims are remembered (bounded, until the token expires): a signature check
 * costs ~50 µs of CPU, the largest share of an authenticated request at the gateway. Revocation is
 * still checked on every request.
 */
import { createLocalJWKSet, errors as joseErrors, jwtVerify, type JSONWebKeySet } from "jose";
import type { ServiceBroker } from "moleculer";
import { configOf } from "./config";
import { InvalidToken } from "./errors";
import type { Kv } from "./kv";
import type { AuthUser } from "../mixins/auth.middleware";

export interface TokenVerifier {
  verify(token: string): Promise<AuthUser>;
}

const VERIFIED_CACHE_SIZE = 10_000;

export function createTokenVerifier(broker: ServiceBroker, kv: Kv): TokenVerifier {
  const config = configOf(broker);
  const verified = new Map<string, { user: AuthUser; expiresAt: number }>();
  let keySet: ReturnType<typeof createLocalJWKSet> | undefined;
  let fetchedAt = 0;
  let inflight: Promise<void> | undefined;

  const load = () => {
    inflight ??= broker
      .call<JSONWebKeySet, Record<string, never>>("auth.jwks", {})
      .then((jwks) => {
        keySet = createLocalJWKSet(jwks);
        fetchedAt = Date.now();
      })
      .finally(() => {
        inflight = undefined;
      });
    return inflight;
  };

  const check = async (token: string) => {
    if (!keySet) await load();
    try {
      return await jwtVerify(token, keySet!, { issuer: config.auth.issuer, audience: "avantika", algorithms: ["EdDSA"] });
    } catch (err) {
      if (err instanceof joseErrors.JWKSNoMatchingKey && Date.now() - fetchedAt > 30_000) {
        await load();
        return jwtVerify(token, keySet!, { issuer: config.auth.issuer, audience: "avantika", algorithms: ["EdDSA"] });
      }
      throw err;
    }
  };

  return {
    async verify(token) {
      if (token.length > 4096) throw new InvalidToken();
      const known = verified.get(token);
      if (known && known.expiresAt > Date.now()) {
        if (known.user.sid && (await kv.get(`revoked:sid:${known.user.sid}`))) throw new InvalidToken("This session has been signed out");
        return known.user;
      }
      if (known) verified.delete(token);
      let payload;
      try {
        ({ payload } = await check(token));
      } catch (err) {
        if (err instanceof joseErrors.JWTExpired) throw new InvalidToken("The access token has expired");
        if (err instanceof joseErrors.JOSEError || err instanceof TypeError) throw new InvalidToken();
        throw err;
      }
      const sid = typeof payload.sid === "string" ? payload.sid : undefined;
      if (sid && (await kv.get(`revoked:sid:${sid}`))) throw new InvalidToken("This session has been signed out");
      const tier = payload.tier === "pro" || payload.tier === "enterprise" ? payload.tier : "free";
      if (typeof payload.sub !== "string" || typeof payload.tenantId !== "string" || !Array.isArray(payload.roles)) throw new InvalidToken();
      const user: AuthUser = {
        id: payload.sub,
        email: String(payload.email ?? ""),
        roles: payload.roles.map(String),
        tier,
        tenantId: payload.tenantId,
        sid,
      };
      if (typeof payload.exp === "number") {
        if (verified.size >= VERIFIED_CACHE_SIZE) verified.delete(verified.keys().next().value as string);
        verified.set(token, { user, expiresAt: payload.exp * 1000 });
      }
      return user;
    },
  };
}
