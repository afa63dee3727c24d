/**
 * Email verification and the local transporter.
 *
 * - Cluster-style node (NATS, Redis, PostgreSQL) with SMTP_URL on an in-process SMTP server:
 *   registration mails a link with a token; POST /auth/verify-email confirms it once.
 * - Embedded-style node: local transporter and in-process key-value store (nats:false,
 *   redis:false), no SMTP_URL: the message is written as an .eml under DATA_DIR/mail, and the
 *   basic register → login → /users/me flow works without NATS.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "../harness/db";
import { startTestNode, uniqueNamespace, type TestNode } from "../support/node";
import { expectErrorShape, findCookie, request } from "../support/http";
import { bearer, eventually, login, PASSWORD, REFRESH_COOKIE, register, uniqueEmail, type Session } from "../fixtures/accounts";
import { mailSubject, mailText, startMailSink, verificationToken, type MailSink } from "../fixtures/smtp";

interface Me {
  id: string;
  email: string;
  emailVerified: boolean;
  createdAt: string;
  preferences: Record<string, unknown>;
}

describe("email verification over SMTP (cluster-style node)", () => {
  let db: TestDatabase;
  let node: TestNode;
  let smtp: MailSink;
  const publicUrl = "http://app.avantika.test";

  beforeAll(async () => {
    smtp = await startMailSink();
    db = await createTestDatabase("auth_email");
    node = await startTestNode({
      services: ["api", "auth", "users"],
      namespace: uniqueNamespace("mail"),
      databaseUrl: db.url,
      env: { SMTP_URL: smtp.url, PUBLIC_URL: publicUrl, MAIL_FROM: "Avantika <no-reply@avantika.test>" },
    });
  });

  afterAll(async () => {
    await node?.stop();
    await db?.drop();
    await smtp?.close();
  });

  it("mails a link with a token; verify-email confirms it once, and /users/me shows emailVerified", async () => {
    const { email, session } = await register(node.baseUrl);
    expect(session.user.emailVerified).toBe(false);

    const mail = await smtp.waitFor(email);
    expect(mail.to).toEqual([email]);
    expect(mail.from).toBe("no-reply@avantika.test");
    expect(mailSubject(mail.raw)).toMatch(/confirm/i);
    const { link, token } = verificationToken(mail.raw);
    expect(link.startsWith(`${publicUrl}/verify-email?token=`)).toBe(true);
    expect(mailText(mail.raw)).not.toContain(PASSWORD);

    const before = await request(`${node.baseUrl}/api/users/me`, { headers: bearer(session.accessToken) });
    expect((before.json as Me).emailVerified).toBe(false);

    const verified = await request(`${node.baseUrl}/api/auth/verify-email`, { body: { token } });
    expect(verified.status).toBe(204);
    expect(verified.text).toBe("");

    await eventually(
      async () => {
        const res = await request(`${node.baseUrl}/api/users/me`, { headers: bearer(session.accessToken) });
        return (res.json as Me).emailVerified ? true : undefined;
      },
      10_000,
      "the profile to show emailVerified",
    );
    const again = await login(node.baseUrl, email, PASSWORD);
    expect((again.json as Session).user.emailVerified).toBe(true);

    const reused = await request(`${node.baseUrl}/api/auth/verify-email`, { body: { token } });
    expect(reused.status).toBe(400);
    expect(expectErrorShape(reused.json, reused.text).error.type).toBe("INVALID_VERIFICATION_TOKEN");
  });

  it("refuses an unknown or malformed verification token", async () => {
    const unknown = await request(`${node.baseUrl}/api/auth/verify-email`, { body: { token: "z".repeat(43) } });
    expect(unknown.status).toBe(400);
    expectErrorShape(unknown.json, unknown.text);
    const malformed = await request(`${node.baseUrl}/api/auth/verify-email`, { body: { token: 5 } });
    expect(malformed.status).toBe(422);
    expectErrorShape(malformed.json, malformed.text);
    const missing = await request(`${node.baseUrl}/api/auth/verify-email`, { body: {} });
    expect(missing.status).toBe(422);
  });
});

describe("embedded-style node: local transporter, no SMTP_URL", () => {
  let db: TestDatabase;
  let node: TestNode;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "avantika-mail-"));
    db = await createTestDatabase("auth_local");
    node = await startTestNode({
      services: ["api", "auth", "users"],
      namespace: uniqueNamespace("local"),
      databaseUrl: db.url,
      nats: false,
      redis: false,
      env: { DATA_DIR: dataDir },
    });
  });

  afterAll(async () => {
    await node?.stop();
    await db?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("uses no transporter and the local channel adapter", () => {
    expect(node.config.transport.natsUrl).toBeUndefined();
    expect(node.config.channels.adapter).toBe("local");
    expect(node.config.redis.url).toBeUndefined();
  });

  it("registers, signs in, refreshes and reads /users/me", async () => {
    const { email, session, refreshCookie } = await register(node.baseUrl, { fullName: "Local Learner" });
    expect(refreshCookie).toBeDefined();
    const signedIn = await login(node.baseUrl, email, PASSWORD);
    expect(signedIn.status).toBe(200);
    const token = (signedIn.json as Session).accessToken;

    const me = await request(`${node.baseUrl}/api/users/me`, { headers: bearer(token) });
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ id: session.user.id, email, fullName: "Local Learner", emailVerified: false, preferences: {} });
    expect(typeof (me.json as Me).createdAt).toBe("string");

    const refreshed = await request(`${node.baseUrl}/api/auth/token/refresh`, { method: "POST", headers: { Cookie: `${REFRESH_COOKIE}=${refreshCookie!}` } });
    expect(refreshed.status).toBe(200);
    expect(findCookie(refreshed.setCookies, REFRESH_COOKIE)?.value).toBeTruthy();

    const noToken = await request(`${node.baseUrl}/api/users/me`);
    expect(noToken.status).toBe(401);
    expect(expectErrorShape(noToken.json, noToken.text).error.type).toBe("UNAUTHORIZED");
  });

  it("revokes the session's access tokens on logout through the in-process store", async () => {
    const { session, refreshCookie } = await register(node.baseUrl);
    const out = await request(`${node.baseUrl}/api/auth/logout`, { method: "POST", headers: { Cookie: `${REFRESH_COOKIE}=${refreshCookie!}` } });
    expect(out.status).toBe(204);
    expect((await request(`${node.baseUrl}/api/users/me`, { headers: bearer(session.accessToken) })).status).toBe(401);
  });

  it("writes the verification mail as an .eml under DATA_DIR/mail; its token verifies the address", async () => {
    const email = uniqueEmail("eml");
    const { session } = await register(node.baseUrl, { email });
    const mailDir = path.join(dataDir, "mail");
    const file = await eventually(
      async () => (fs.existsSync(mailDir) ? fs.readdirSync(mailDir).find((f) => f.endsWith(".eml") && f.includes(email)) : undefined),
      5_000,
      "the .eml file",
    );
    const raw = fs.readFileSync(path.join(mailDir, file), "utf8");
    expect(raw).toMatch(new RegExp(`^To: ${email.replace(/[.]/g, "\\.")}`, "m"));
    const { token } = verificationToken(raw);
    expect((await request(`${node.baseUrl}/api/auth/verify-email`, { body: { token } })).status).toBe(204);
    await eventually(
      async () => {
        const res = await request(`${node.baseUrl}/api/users/me`, { headers: bearer(session.accessToken) });
        return (res.json as Me).emailVerified ? true : undefined;
      },
      5_000,
      "emailVerified",
    );
    expect((await request(`${node.baseUrl}/api/auth/verify-email`, { body: { token } })).status).toBe(400);
  });
});
