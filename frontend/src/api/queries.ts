/** Server state through TanStack Query: one key per resource, shared by every page. */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useSession } from "../session/store";
import { loadConfig } from "./config";
import { api } from "./endpoints";
import type { Difficulty, ProblemSummary } from "./types";

export const keys = {
  config: ["config"] as const,
  languages: ["languages"] as const,
  problems: (userId: string | undefined, params: object) => ["problems", userId ?? "anonymous", params] as const,
  allProblems: (userId: string | undefined) => ["problems", userId ?? "anonymous", "all"] as const,
  problem: (slug: string) => ["problem", slug] as const,
  submissions: (problem?: string) => ["submissions", problem ?? "all"] as const,
  submission: (id: string) => ["submission", id] as const,
};

export function useConfig() {
  return useQuery({ queryKey: keys.config, queryFn: loadConfig, staleTime: Infinity });
}

export function useLanguages() {
  return useQuery({ queryKey: keys.languages, queryFn: api.languages, staleTime: 10 * 60_000 });
}

/** Lists that depend on who asks (solvedByMe) wait for the session to be known. */
function useViewer() {
  const status = useSession((s) => s.status);
  const userId = useSession((s) => s.user?.id);
  return { ready: status !== "restoring", userId };
}

export function useProblemList(params: { difficulty?: Difficulty; tag?: string; q?: string; page: number; pageSize: number }) {
  const viewer = useViewer();
  return useQuery({
    queryKey: keys.problems(viewer.userId, params),
    queryFn: () => api.problems(params),
    enabled: viewer.ready,
    placeholderData: keepPreviousData,
  });
}

/** Every problem (the API pages at 100): the dashboard's counts and the tag filter's options. */
export function useAllProblems() {
  const viewer = useViewer();
  return useQuery({
    queryKey: keys.allProblems(viewer.userId),
    enabled: viewer.ready,
    staleTime: 30_000,
    queryFn: async () => {
      const items: ProblemSummary[] = [];
      for (let page = 1; page <= 50; page += 1) {
        const answer = await api.problems({ page, pageSize: 100 });
        items.push(...answer.items);
        if (items.length >= answer.total || answer.items.length === 0) break;
      }
      return items;
    },
  });
}

export function useProblem(slug: string) {
  return useQuery({ queryKey: keys.problem(slug), queryFn: () => api.problem(slug), staleTime: 60_000 });
}

export function useSubmissions(problem?: string) {
  const signedIn = useSession((s) => s.status === "signedIn");
  return useQuery({ queryKey: keys.submissions(problem), queryFn: () => api.submissions({ problem }), enabled: signedIn });
}
