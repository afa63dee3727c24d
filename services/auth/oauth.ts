/**
 * Google (OpenID Connect, discovered from its issuer) and GitHub (plain OAuth 2 + its user API)
 * sign-in: authorization-code flow with PKCE (S256), state and (OIDC) nonce, via openid-client.
 */
import { generators, Issuer, type Client } from "openid-client";
import type { OAuthProviderConfig } from "../../lib/config";

export type ProviderId = "google" | "github";

export interface OAuthIdentity {
  subject: string;
  email: string;
  emailVerified: boolean;
  fullName: string;
}

export interface PendingAuthorization {
  provider: ProviderId;
  verifier: string;
  nonce: string;
}

export class OAuthProvider {
  private client?: Promise<Client>;

  constructor(
    readonly id: ProviderId,
    private readonly cfg: OAuthProviderConfig,
    private readonly redirectUri: string,
  ) {}

  private getClient(): Promise<Client> {
    this.client ??= (async () => {
      const issuer = this.cfg.issuer
        ? await Issuer.discover(this.cfg.issuer)
        : new Issuer({
            issuer: this.id,
            authorization_endpoint: this.cfg.authorizationUrl,
            token_endpoint: this.cfg.tokenUrl,
            userinfo_endpoint: this.cfg.userinfoUrl,
          });
      return new issuer.Client({
        client_id: this.cfg.clientId,
        client_secret: this.cfg.clientSecret,
        redirect_uris: [this.redirectUri],
        response_types: ["code"],
      });
    })().catch((err: unknown) => {
      this.client = undefined;
      throw err;
    });
    return this.client;
  }

  /** The URL to send the browser to, and what must be remembered until the callback. */
  async start(state: string): Promise<{ url: string; pending: PendingAuthorization }> {
    const client = await this.getClient();
    const verifier = generators.codeVerifier();
    const nonce = generators.nonce();
    const url = client.authorizationUrl({
      scope: this.cfg.scope,
      state,
      ...(this.cfg.issuer ? { nonce } : {}),
      code_challenge: generators.codeChallenge(verifier),
      code_challenge_method: "S256",
    });
    return { url, pending: { provider: this.id, verifier, nonce } };
  }

  async finish(params: Record<string, string>, state: string, pending: PendingAuthorization): Promise<OAuthIdentity> {
    const client = await this.getClient();
    if (this.cfg.issuer) {
      const tokens = await client.callback(this.redirectUri, params, { state, nonce: pending.nonce, code_verifier: pending.verifier });
      const claims = tokens.claims();
      if (!claims.email) throw new Error("the provider returned no email");
      return {
        subject: claims.sub,
        email: String(claims.email),
        emailVerified: claims.email_verified === true,
        fullName: String(claims.name ?? claims.email),
      };
    }
    const tokens = await client.oauthCallback(this.redirectUri, params, { state, code_verifier: pending.verifier });
    if (!tokens.access_token) throw new Error("the provider returned no access token");
    const profile = await client.userinfo<{ id?: number | string; sub?: string; login?: string; name?: string; email?: string | null }>(tokens.access_token);
    let email = profile.email ?? undefined;
    let verified = Boolean(email);
    if (!email && this.cfg.emailsUrl) {
      const emails = (await client.requestResource(this.cfg.emailsUrl, tokens.access_token)).body;
      const list = JSON.parse(emails?.toString() ?? "[]") as Array<{ email: string; primary: boolean; verified: boolean }>;
      const primary = list.find((e) => e.primary && e.verified) ?? list.find((e) => e.verified);
      email = primary?.email;
      verified = Boolean(primary?.verified);
    }
    const subject = String(profile.id ?? profile.sub ?? "");
    if (!subject || !email) throw new Error("the provider returned no account id or email");
    return { subject, email, emailVerified: verified, fullName: profile.name ?? profile.login ?? email };
  }
}
