/** One function per REST route the app uses (gateway/routes.ts). */
import { queryString, request } from "./client";
import type {
  ClientConfig,
  Difficulty,
  DryRunResult,
  Language,
  LanguageId,
  Me,
  Preferences,
  Problem,
  ProblemDraft,
  ProblemPage,
  ReferenceSolution,
  RefreshAnswer,
  RunResult,
  SessionAnswer,
  Submission,
} from "./types";

export const api = {
  config: () => request<ClientConfig>("/config", { auth: false }),
  languages: () => request<Language[]>("/languages", { auth: false }),

  register: (body: { email: string; password: string; fullName: string }) => request<SessionAnswer>("/auth/register", { method: "POST", body, auth: false }),
  login: (body: { email: string; password: string }) => request<SessionAnswer>("/auth/login", { method: "POST", body, auth: false }),
  refresh: () => request<RefreshAnswer>("/auth/token/refresh", { method: "POST", body: {}, auth: false }),
  logout: () => request<void>("/auth/logout", { method: "POST", body: {} }),
  verifyEmail: (token: string) => request<void>("/auth/verify-email", { method: "POST", body: { token }, auth: false }),

  me: () => request<Me>("/users/me"),
  updateMe: (body: { fullName?: string; preferences?: Preferences }) => request<Me>("/users/me", { method: "PATCH", body }),

  problems: (params: { difficulty?: Difficulty; tag?: string; q?: string; page?: number; pageSize?: number }) =>
    request<ProblemPage>(`/problems${queryString(params)}`),
  problem: (slug: string) => request<Problem>(`/problems/${encodeURIComponent(slug)}`),
  createProblem: (body: ProblemDraft & { solutions?: ReferenceSolution[] }) => request<{ slug: string }>("/problems", { method: "POST", body }),
  replaceProblem: (body: ProblemDraft & { solutions?: ReferenceSolution[] }) =>
    request<{ slug: string }>(`/problems/${encodeURIComponent(body.slug)}`, { method: "PUT", body }),
  dryRun: (body: ProblemDraft & { solutions: ReferenceSolution[] }) => request<DryRunResult>("/problems/dry-run", { method: "POST", body }),

  submit: (body: { problem: string; language: LanguageId; source: string }) => request<{ id: string; status: "queued" }>("/submissions", { method: "POST", body }),
  submission: (id: string) => request<Submission>(`/submissions/${encodeURIComponent(id)}`),
  submissions: (params: { problem?: string; page?: number }) => request<{ items: Submission[] }>(`/submissions${queryString(params)}`),
  run: (body: { language: LanguageId; source: string; stdin: string }) => request<RunResult>("/run", { method: "POST", body }),
};
