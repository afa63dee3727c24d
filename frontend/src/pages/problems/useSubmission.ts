/**
 * Follows one submission until its verdict: live over the WebSocket (`submission:<id>`), with
 * `GET /api/submissions/:id` as the record. The GET runs once per (re)subscription, to catch what
 * was judged before the subscription held, and as polling when the socket is down (every second)
 * or, slowly, as a safety net while it is up. Updates never go backwards (see mergeSubmission).
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api } from "../../api/endpoints";
import { keys } from "../../api/queries";
import type { Submission, SubmissionStatus, SubmissionUpdate } from "../../api/types";
import { useRealtimeStatus, useTopic } from "../../realtime/RealtimeContext";

export interface TrackedSubmission extends Partial<Submission> {
  id: string;
  status: SubmissionStatus;
  tests: NonNullable<Submission["tests"]>;
  /** How many tests the problem has, once the judge has said (progress updates carry it). */
  total?: number;
}

const RANK: Record<SubmissionStatus, number> = { queued: 0, running: 1, done: 2 };

/** The newer of what we have and what arrived: a later status wins, then more finished tests. */
export function mergeSubmission(current: TrackedSubmission | undefined, incoming: TrackedSubmission): TrackedSubmission {
  if (!current || current.id !== incoming.id) return incoming;
  if (RANK[incoming.status] < RANK[current.status]) return current;
  if (incoming.status === current.status && incoming.status !== "done" && incoming.tests.length < current.tests.length) {
    return { ...current, ...withoutUndefined({ ...incoming, tests: current.tests }) };
  }
  return { ...current, ...withoutUndefined(incoming), total: incoming.total ?? current.total, source: incoming.source ?? current.source };
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function fromUpdate(update: SubmissionUpdate): TrackedSubmission {
  return { id: update.id, status: update.status, verdict: update.verdict, tests: update.tests ?? [], total: update.total };
}

export function useSubmission(id: string | undefined, options: { onDone?: (submission: TrackedSubmission) => void } = {}) {
  const queryClient = useQueryClient();
  const socketStatus = useRealtimeStatus();
  const [subscribed, setSubscribed] = useState(false);
  const [refused, setRefused] = useState(false);
  const live = socketStatus === "open" && subscribed && !refused;
  const key = keys.submission(id ?? "none");

  useEffect(() => {
    setSubscribed(false);
    setRefused(false);
  }, [id]);
  useEffect(() => {
    if (socketStatus !== "open") setSubscribed(false);
  }, [socketStatus]);

  const query = useQuery({
    queryKey: key,
    enabled: Boolean(id),
    queryFn: async () => {
      const fresh = await api.submission(id ?? "");
      return mergeSubmission(queryClient.getQueryData<TrackedSubmission>(key), fresh);
    },
    refetchInterval: (q) => (q.state.data?.status === "done" ? false : live ? 5_000 : 1_000),
    refetchOnWindowFocus: false,
  });

  useTopic(id ? `submission:${id}` : undefined, {
    onMessage: (message) => {
      if (message.type !== "submission.update") return;
      const update = message as unknown as SubmissionUpdate;
      queryClient.setQueryData<TrackedSubmission>(key, (current) => mergeSubmission(current, fromUpdate(update)));
      // The final push carries the verdict and tests; times and compiler output come with the record.
      if (update.status === "done") void queryClient.invalidateQueries({ queryKey: key });
    },
    onSubscribed: () => {
      setSubscribed(true);
      setRefused(false);
      void queryClient.invalidateQueries({ queryKey: key });
    },
    onError: () => setRefused(true),
  });

  const submission = query.data;
  const done = submission?.status === "done";
  const { onDone } = options;
  useEffect(() => {
    if (done && submission) onDone?.(submission);
    // Once per submission reaching "done".
  }, [done, submission?.id]);

  return { submission, error: query.error, live };
}
