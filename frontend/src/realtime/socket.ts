/**
 * The one WebSocket to the realtime gateway (CONTRACT.md "Realtime").
 *
 * - The access token goes in the Sec-WebSocket-Protocol header (not the URL, which proxies log).
 * - Closed for any reason while wanted → reconnect with exponential backoff and jitter; a 4401
 *   close (token expired) reconnects at once with a refreshed token.
 * - Subscriptions are reference-counted per topic and re-sent on every (re)connect; each
 *   `subscribed` ack is passed on, so a view can refetch what it may have missed meanwhile.
 * - Server messages carry no topic: `submission.update` is routed to `submission:<id>`,
 *   room messages to `room:<room>`; every message also reaches the global listeners.
 */

export type RealtimeStatus = "idle" | "connecting" | "open" | "reconnecting";

export interface ServerMessage {
  type: string;
  [field: string]: unknown;
}

export interface RealtimeError {
  type: string;
  message: string;
}

export interface TopicHandlers {
  onMessage?: (message: ServerMessage) => void;
  /** The server confirmed the subscription (again after each reconnect). */
  onSubscribed?: () => void;
  onError?: (error: RealtimeError) => void;
}

/** The part of the browser's WebSocket this client uses (a fake one in tests). */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export interface RealtimeOptions {
  url: () => Promise<string>;
  /** The access token; `fresh` asks for a refreshed one (after a 4401 close). */
  token: (options: { fresh: boolean }) => Promise<string | undefined>;
  createSocket?: (url: string, protocols: string[]) => SocketLike;
  backoff?: { initialMs: number; maxMs: number };
  random?: () => number;
}

const OPEN = 1;
export const TOKEN_EXPIRED = 4401;

export function topicOf(message: ServerMessage): string | undefined {
  if (message.type === "submission.update" && typeof message.id === "string") return `submission:${message.id}`;
  if (typeof message.room === "string") return `room:${message.room}`;
  return undefined;
}

export class RealtimeClient {
  private socket?: SocketLike;
  private timer?: ReturnType<typeof setTimeout>;
  private wanted = false;
  private attempt = 0;
  private freshToken = false;
  private readonly topics = new Map<string, Set<TopicHandlers>>();
  private readonly listeners = new Set<(message: ServerMessage) => void>();
  private readonly statusListeners = new Set<(status: RealtimeStatus) => void>();
  private currentStatus: RealtimeStatus = "idle";

  constructor(private readonly options: RealtimeOptions) {}

  get status(): RealtimeStatus {
    return this.currentStatus;
  }

  /** Connects (and stays connected) until stop(). */
  start(): void {
    if (this.wanted) return;
    this.wanted = true;
    this.attempt = 0;
    void this.open();
  }

  stop(): void {
    this.wanted = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const socket = this.socket;
    this.socket = undefined;
    socket?.close(1000, "Signed out");
    this.setStatus("idle");
  }

  /** Reconnects now instead of at the end of the backoff (the browser came back online). */
  retryNow(): void {
    if (!this.wanted || this.socket) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    void this.open();
  }

  subscribe(topic: string, handlers: TopicHandlers = {}): () => void {
    let set = this.topics.get(topic);
    const first = !set;
    if (!set) {
      set = new Set();
      this.topics.set(topic, set);
    }
    set.add(handlers);
    if (first) this.send({ type: "subscribe", topic });
    else if (this.socket?.readyState === OPEN) handlers.onSubscribed?.();
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      const current = this.topics.get(topic);
      current?.delete(handlers);
      if (current && current.size === 0) {
        this.topics.delete(topic);
        this.send({ type: "unsubscribe", topic });
      }
    };
  }

  onMessage(listener: (message: ServerMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onStatus(listener: (status: RealtimeStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  private setStatus(status: RealtimeStatus): void {
    if (status === this.currentStatus) return;
    this.currentStatus = status;
    for (const listener of this.statusListeners) listener(status);
  }

  private send(message: object): void {
    if (this.socket?.readyState === OPEN) this.socket.send(JSON.stringify(message));
  }

  private async open(): Promise<void> {
    this.setStatus(this.attempt === 0 ? "connecting" : "reconnecting");
    let url: string;
    let token: string | undefined;
    try {
      url = await this.options.url();
      token = await this.options.token({ fresh: this.freshToken });
    } catch {
      this.scheduleReconnect();
      return;
    }
    if (!this.wanted || this.socket) return;
    if (!token) {
      this.scheduleReconnect();
      return;
    }
    this.freshToken = false;
    const create = this.options.createSocket ?? ((u: string, protocols: string[]) => new WebSocket(u, protocols) as SocketLike);
    let socket: SocketLike;
    try {
      socket = create(url, [token]);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      if (this.socket !== socket) return;
      this.attempt = 0;
      this.setStatus("open");
      for (const topic of this.topics.keys()) socket.send(JSON.stringify({ type: "subscribe", topic }));
    };
    socket.onmessage = (event) => {
      if (this.socket === socket) this.dispatch(event.data);
    };
    socket.onerror = () => {
      // A close event follows; reconnecting is decided there.
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      if (!this.wanted) return;
      if (event.code === TOKEN_EXPIRED) {
        this.freshToken = true;
        this.attempt = 0;
      }
      this.scheduleReconnect(event.code === TOKEN_EXPIRED ? 0 : undefined);
    };
  }

  private scheduleReconnect(delayMs?: number): void {
    if (!this.wanted) return;
    const { initialMs, maxMs } = this.options.backoff ?? { initialMs: 500, maxMs: 15_000 };
    const random = this.options.random ?? Math.random;
    const base = Math.min(maxMs, initialMs * 2 ** this.attempt);
    const delay = delayMs ?? Math.round(base * (0.5 + random() / 2));
    this.attempt += 1;
    this.setStatus("reconnecting");
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.open();
    }, delay);
  }

  private dispatch(data: unknown): void {
    let message: ServerMessage;
    try {
      message = JSON.parse(String(data)) as ServerMessage;
    } catch {
      return;
    }
    if (!message || typeof message.type !== "string") return;
    if (message.type === "subscribed" && typeof message.topic === "string") {
      for (const handlers of this.topics.get(message.topic) ?? []) handlers.onSubscribed?.();
      return;
    }
    if (message.type === "error") {
      const error = message.error as (RealtimeError & { data?: { topic?: unknown } }) | undefined;
      const topic = error?.data?.topic;
      if (error && typeof topic === "string") for (const handlers of this.topics.get(topic) ?? []) handlers.onError?.(error);
    } else {
      const topic = topicOf(message);
      if (topic) for (const handlers of this.topics.get(topic) ?? []) handlers.onMessage?.(message);
    }
    for (const listener of this.listeners) listener(message);
  }
}
