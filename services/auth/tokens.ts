import crypto from "node:crypto";
import { SignJWT } from "jose";
import type { AuthUser } from "../../mixins/auth.middleware";
import type { SigningKey } from "./keys";

export function newOpaqueToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

export async function signAccessToken(key: SigningKey, issuer: string, ttlS: number, user: AuthUser): Promise<string> {
  return new SignJWT({ email: user.email, roles: user.roles, tier: user.tier, tenantId: user.tenantId, sid: user.sid })
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: "JWT" })
    .setSubject(user.id)
    .setIssuer(issuer)
    .setAudience("avantika")
    .setIssuedAt()
    .setJti(crypto.randomUUID())
    .setExpirationTime(`${ttlS}s`)
    .sign(key.privateKey);
}
