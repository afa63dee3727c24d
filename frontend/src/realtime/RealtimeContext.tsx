import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { RealtimeClient, type RealtimeStatus, type TopicHandlers } from "./socket";

const RealtimeContext = createContext<RealtimeClient | undefined>(undefined);

export function RealtimeProvider({ client, children }: { client: RealtimeClient; children: ReactNode }) {
  return <RealtimeContext.Provider value={client}>{children}</RealtimeContext.Provider>;
}

export function useRealtime(): RealtimeClient {
  const client = useContext(RealtimeContext);
  if (!client) throw new Error("useRealtime outside <RealtimeProvider>");
  return client;
}

export function useRealtimeStatus(): RealtimeStatus {
  const client = useRealtime();
  const [status, setStatus] = useState(client.status);
  useEffect(() => {
    setStatus(client.status);
    return client.onStatus(setStatus);
  }, [client]);
  return status;
}

/** Holds `topic` while mounted (and topic is set); the handlers may change between renders. */
export function useTopic(topic: string | undefined, handlers: TopicHandlers): void {
  const client = useRealtime();
  const [latest] = useState(() => ({ current: handlers }));
  latest.current = handlers;
  useEffect(() => {
    if (!topic) return;
    return client.subscribe(topic, {
      onMessage: (message) => latest.current.onMessage?.(message),
      onSubscribed: () => latest.current.onSubscribed?.(),
      onError: (error) => latest.current.onError?.(error),
    });
  }, [client, topic, latest]);
}
