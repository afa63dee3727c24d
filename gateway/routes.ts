/**
 * The public REST surface (CONTRACT.md), one table: "METHOD /path" → action. It is at once the
 * gateway's whitelist, its alias list and the index of the OpenAPI document.
 */
export interface RouteSpec {
  action: string;
  summary: string;
  /** HTTP status of a success, when it is not 200. */
  status?: number;
}

export type RouteTable = Record<string, RouteSpec>;

export const ROUTES: { auth: RouteTable; api: RouteTable; code: RouteTable; authoring: RouteTable } = {
  auth: {
    "POST /auth/register": { action: "auth.register", summary: "Create an account; signs in", status: 201 },
    "POST /auth/login": { action: "auth.login", summary: "Sign in with email and password" },
    "POST /auth/token/refresh": { action: "auth.refresh", summary: "Rotate the refresh token, get a new access token" },
    "POST /auth/logout": { action: "auth.logout", summary: "Sign out: revokes the refresh family", status: 204 },
    "GET /auth/oauth/:provider": { action: "auth.oauthStart", summary: "Start Google or GitHub sign-in", status: 302 },
    "GET /auth/oauth/:provider/callback": { action: "auth.oauthCallback", summary: "Finish Google or GitHub sign-in", status: 302 },
    "POST /auth/verify-email": { action: "auth.verifyEmail", summary: "Confirm an email address", status: 204 },
    "GET /auth/jwks.json": { action: "auth.jwks", summary: "The public keys that sign access tokens" },
  },
  api: {
    "GET /health": { action: "api.health", summary: "Liveness and cluster view" },
    "GET /health/ready": { action: "api.ready", summary: "Readiness: 503 until the core services are up" },
    "GET /config": { action: "api.clientConfig", summary: "Where the realtime gateway is and what is switched on" },
    "GET /openapi.json": { action: "api.openapi", summary: "This document" },
    "GET /users/me": { action: "users.me", summary: "The signed-in user" },
    "PATCH /users/me": { action: "users.update", summary: "Change your name or preferences" },
    "GET /users/:id": { action: "users.profile", summary: "Another user's public profile (same tenant)" },
    "PUT /users/:id/tier": { action: "users.setTier", summary: "Set a user's subscription tier (admin)" },
    "GET /languages": { action: "sandbox.languages", summary: "The judged languages and their versions" },
    "GET /problems": { action: "practice.listProblems", summary: "Problems, filtered by difficulty, tag and text, paged" },
    "GET /problems/:slug": { action: "practice.getProblem", summary: "One problem: statement, limits and samples (never the secret tests)" },
    "GET /submissions/:id": { action: "practice.getSubmission", summary: "A submission of yours, with per-test verdicts" },
    "GET /submissions": { action: "practice.listSubmissions", summary: "Your submissions, newest first" },
  },
  /** Code in, up to 64 KiB of source and 1 MiB of stdin (CONTRACT): JSON escaping can grow that several times. */
  code: {
    "POST /run": { action: "sandbox.run", summary: "Run code once on custom input (nothing stored)" },
    "POST /submissions": { action: "practice.submit", summary: "Submit a solution for judging", status: 202 },
  },
  /** Instructor authoring: problems carry their tests, so these take larger bodies. */
  authoring: {
    "POST /problems": { action: "practice.createProblem", summary: "Create a problem (instructor or admin)", status: 201 },
    "PUT /problems/:slug": { action: "practice.replaceProblem", summary: "Replace a problem (instructor or admin)" },
    "POST /problems/dry-run": { action: "practice.dryRun", summary: "Judge reference solutions against a problem before publishing it (nothing stored)" },
  },
};
