/**
 * users: profiles, preferences, tier and tenant. A profile is created from `user.registered`
 * (idempotent on eventId). Every query runs scoped to the caller's tenant, and row-level security
 * enforces the same scope inside PostgreSQL.
 */
import path from "node:path";
import type { Context, ServiceSchema } from "moleculer";
import type { PoolClient } from "pg";
import { NotFound } from "../../lib/errors";
import { currentUser, type AuthMeta } from "../../mixins/auth.middleware";
import { consume, OutboxMixin, type OutboxService } from "../../mixins/outbox.mixin";

interface ProfileRow {
  id: string;
  tenant_id: string;
  email: string;
  full_name: string;
  roles: string[];
  tier: "free" | "pro" | "enterprise";
  email_verified: boolean;
  preferences: Record<string, unknown>;
  created_at: Date;
}

interface UsersService extends OutboxService {
  findProfile(tenantId: string, id: string): Promise<ProfileRow | undefined>;
  forget(userId: string): Promise<void>;
}

const preferences = {
  type: "object",
  properties: {
    theme: { enum: ["light", "dark", "system"] },
    language: { enum: ["python", "cpp", "c", "java", "go", "javascript", "typescript"] },
    emailNotifications: { type: "boolean" },
    editorKeymap: { enum: ["default", "vim", "emacs"] },
  },
  additionalProperties: false,
};

function toMe(row: ProfileRow) {
  return {
    id: row.id,
    email: row.email,
    fullName: row.full_name,
    roles: row.roles,
    tier: row.tier,
    tenantId: row.tenant_id,
    emailVerified: row.email_verified,
    createdAt: row.created_at.toISOString(),
    preferences: row.preferences,
  };
}

const UsersServiceSchema: ServiceSchema = {
  name: "users",
  mixins: [OutboxMixin({ schema: "users", migrations: path.join(__dirname, "migrations") })],

  actions: {
    me: {
      auth: "required",
      // Read on every page load; cleaned whenever the profile changes (see forget()).
      cache: { keys: ["#user.id", "#user.tenantId"], ttl: 300 },
      async handler(this: UsersService, ctx: Context<unknown, AuthMeta>) {
        const user = currentUser(ctx);
        // Right after sign-up the user.registered event may still be in flight: wait for it briefly.
        for (let attempt = 0; attempt < 20; attempt += 1) {
          const row = await this.findProfile(user.tenantId, user.id);
          if (row) return toMe(row);
          await new Promise((r) => setTimeout(r, 100));
        }
        throw new NotFound("Profile");
      },
    },

    update: {
      auth: "required",
      params: {
        type: "object",
        properties: { fullName: { type: "string", minLength: 1, maxLength: 200, pattern: "\\S" }, preferences },
        additionalProperties: false,
      },
      async handler(this: UsersService, ctx: Context<{ fullName?: string; preferences?: Record<string, unknown> }, AuthMeta>) {
        const user = currentUser(ctx);
        const row = await this.db.withTenant(user.tenantId, async (client) => {
          const updated = await client.query<ProfileRow>(
            `UPDATE users.profiles
                SET full_name = COALESCE($3, full_name),
                    preferences = preferences || COALESCE($4::jsonb, '{}'::jsonb),
                    updated_at = now()
              WHERE id = $1 AND tenant_id = $2 RETURNING *`,
            [user.id, user.tenantId, ctx.params.fullName?.trim() ?? null, ctx.params.preferences ? JSON.stringify(ctx.params.preferences) : null],
          );
          const profile = updated.rows[0];
          if (profile) await this.outbox.add(client, "user.profile.updated", { userId: profile.id, fullName: profile.full_name, tenantId: profile.tenant_id });
          return profile;
        });
        if (!row) throw new NotFound("Profile");
        this.outbox.kick();
        await this.forget(row.id);
        return toMe(row);
      },
    },

    /** Another user's public profile, within the caller's tenant only. */
    profile: {
      auth: "required",
      params: { type: "object", properties: { id: { type: "string", format: "uuid" } }, required: ["id"], additionalProperties: false },
      async handler(this: UsersService, ctx: Context<{ id: string }, AuthMeta>) {
        const user = currentUser(ctx);
        const row = await this.findProfile(user.tenantId, ctx.params.id);
        if (!row) throw new NotFound("User");
        return { id: row.id, fullName: row.full_name, createdAt: row.created_at.toISOString() };
      },
    },

    setTier: {
      roles: ["admin"],
      params: {
        type: "object",
        properties: { id: { type: "string", format: "uuid" }, tier: { enum: ["free", "pro", "enterprise"] } },
        required: ["id", "tier"],
        additionalProperties: false,
      },
      async handler(this: UsersService, ctx: Context<{ id: string; tier: ProfileRow["tier"] }, AuthMeta>) {
        const admin = currentUser(ctx);
        const row = await this.db.withTenant(admin.tenantId, async (client) => {
          const before = await client.query<ProfileRow>("SELECT * FROM users.profiles WHERE id = $1 FOR UPDATE", [ctx.params.id]);
          const previous = before.rows[0];
          if (!previous) return undefined;
          const updated = await client.query<ProfileRow>("UPDATE users.profiles SET tier = $2, updated_at = now() WHERE id = $1 RETURNING *", [ctx.params.id, ctx.params.tier]);
          await this.outbox.add(client, "user.subscription.upgraded", { userId: previous.id, tier: ctx.params.tier, previousTier: previous.tier, tenantId: previous.tenant_id });
          return updated.rows[0];
        });
        if (!row) throw new NotFound("User");
        this.outbox.kick();
        await this.forget(row.id);
        return toMe(row);
      },
    },
  },

  channels: {
    "user.registered": consume("user.registered", async function (event, client: PoolClient) {
      await client.query("SELECT set_config('app.tenant_id', $1, true)", [event.tenantId]);
      await client.query("SET LOCAL ROLE avantika_tenant");
      await client.query(
        `INSERT INTO users.profiles (id, tenant_id, email, full_name, roles, tier, email_verified)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING`,
        [event.userId, event.tenantId, event.email, event.fullName, event.roles ?? ["user"], event.tier ?? "free", event.emailVerified === true],
      );
    }),
    "user.email.verified": consume("user.email.verified", async function (event, client: PoolClient) {
      await client.query("UPDATE users.profiles SET email_verified = true, updated_at = now() WHERE id = $1", [event.userId]);
      await this.forget(String(event.userId));
    }),
  },

  methods: {
    /** Drops the cached `users.me` of a user (its key is "users.me:<id>|<tenant>"). */
    async forget(this: UsersService, userId: string) {
      await this.broker.cacher?.clean(`users.me:${userId}|*`);
    },

    async findProfile(this: UsersService, tenantId: string, id: string) {
      return this.db.withTenant(tenantId, async (client) => {
        const result = await client.query<ProfileRow>("SELECT * FROM users.profiles WHERE id = $1", [id]);
        return result.rows[0];
      });
    },
  },
};

export default UsersServiceSchema;
