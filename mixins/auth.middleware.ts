/**
 * Access rules are declared on the action and enforced here, once, for every local action call:
 *   auth: "required" → a verified user must be in ctx.meta.user (set only by the gateways after
 *                      verifying the JWT), else 401;
 *   roles: [...]     → the user needs at least one of them, else 403.
 */
import type { Context, Middleware } from "moleculer";
import { Forbidden, Unauthorized } from "../lib/errors";

export type Role = "user" | "pro" | "enterprise" | "instructor" | "admin";

export interface AuthUser {
  id: string;
  email: string;
  roles: string[];
  tier: "free" | "pro" | "enterprise";
  tenantId: string;
  /** The refresh family the access token was minted from. */
  sid?: string;
}

export interface AuthMeta {
  user?: AuthUser;
  ip?: string;
  userAgent?: string;
}

declare module "moleculer" {
  interface ActionSchema {
    auth?: "required" | "optional";
    roles?: Role[];
  }
}

export function currentUser(ctx: Context<unknown, AuthMeta>): AuthUser {
  const user = ctx.meta.user;
  if (!user) throw new Unauthorized();
  return user;
}

export function isStaff(user: AuthUser): boolean {
  return user.roles.includes("admin") || user.roles.includes("instructor");
}

export function AuthMiddleware(): Middleware {
  return {
    name: "Auth",
    localAction(next: (ctx: Context) => Promise<unknown>, action: { auth?: string; roles?: string[] }) {
      if (!action.auth && !action.roles) return next;
      return function checkAccess(ctx: Context<unknown, AuthMeta>) {
        const user = ctx.meta.user;
        if ((action.auth === "required" || action.roles) && !user) return Promise.reject(new Unauthorized());
        if (action.roles && user && !action.roles.some((role) => user.roles.includes(role))) {
          return Promise.reject(new Forbidden());
        }
        return next(ctx);
      };
    },
  } as unknown as Middleware;
}
