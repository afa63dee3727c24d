import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FakeSocket, fakeSocketFactory } from "../test/fakeSocket";
import { RealtimeClient, TOKEN_EXPIRED, type ServerMessage } from "./socket";

function client(tokens: string[] = ["t1", "t2", "t3", "t4"]) {
  const token = vi.fn(async ({ fresh }: { fresh: boolean }) => (fresh ? `fresh-${tokens.shift()}` : tokens[0]));
  const realtime = new RealtimeClient({
    url: async () => "ws://realtime.test/ws",
    token,
    createSocket: fakeSocketFactory,
    backoff: { initialMs: 100, maxMs: 1000 },
    random: () => 1,
  });
  return { realtime, token };
}

/** Lets the client's awaited url()/token() resolve. */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.reset();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("the realtime client", () => {
  it("sends the token as the subprotocol, not in the URL", async () => {
    const { realtime } = client();
    realtime.start();
    await settle();
    expect(FakeSocket.latest().url).toBe("ws://realtime.test/ws");
    expect(FakeSocket.latest().protocols).toEqual(["t1"]);
  });

  it("resubscribes every topic after a reconnect and tells each view it may have missed messages", async () => {
    const { realtime } = client();
    const seen: ServerMessage[] = [];
    const resubscribed = vi.fn();
    realtime.start();
    await settle();
    const first = FakeSocket.latest();
    first.open();
    realtime.subscribe("submission:s1", { onMessage: (m) => seen.push(m), onSubscribed: resubscribed });
    realtime.subscribe("user:u1");
    expect(first.subscribedTopics()).toEqual(["submission:s1", "user:u1"]);
    first.push({ type: "subscribed", topic: "submission:s1" });
    expect(resubscribed).toHaveBeenCalledTimes(1);

    first.drop();
    expect(realtime.status).toBe("reconnecting");
    expect(FakeSocket.instances).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(100); // first backoff step
    const second = FakeSocket.latest();
    expect(second).not.toBe(first);
    second.open();
    expect(realtime.status).toBe("open");
    expect(second.subscribedTopics()).toEqual(["submission:s1", "user:u1"]);
    second.push({ type: "subscribed", topic: "submission:s1" });
    expect(resubscribed).toHaveBeenCalledTimes(2);

    second.push({ type: "submission.update", id: "s1", status: "running", tests: [] });
    second.push({ type: "submission.update", id: "other", status: "running", tests: [] });
    expect(seen.map((m) => m.id)).toEqual(["s1"]);
  });

  it("backs off exponentially up to the maximum while the server stays away", async () => {
    const { realtime } = client();
    realtime.start();
    await settle();
    const delays: number[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const before = FakeSocket.instances.length;
      FakeSocket.latest().drop();
      let waited = 0;
      while (FakeSocket.instances.length === before) {
        await vi.advanceTimersByTimeAsync(50);
        waited += 50;
      }
      delays.push(waited);
    }
    expect(delays).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it("reconnects at once with a refreshed token when the server closes for an expired token (4401)", async () => {
    const { realtime, token } = client();
    realtime.start();
    await settle();
    FakeSocket.latest().open();
    FakeSocket.latest().drop(TOKEN_EXPIRED);
    await settle();
    expect(token).toHaveBeenLastCalledWith({ fresh: true });
    expect(FakeSocket.latest().protocols).toEqual(["fresh-t1"]);
    expect(FakeSocket.instances).toHaveLength(2);
  });

  it("unsubscribes a topic when its last holder lets go, and stays closed after stop()", async () => {
    const { realtime } = client();
    realtime.start();
    await settle();
    const socket = FakeSocket.latest();
    socket.open();
    const a = realtime.subscribe("submission:s1");
    const b = realtime.subscribe("submission:s1");
    a();
    expect(socket.sent).not.toContainEqual({ type: "unsubscribe", topic: "submission:s1" });
    b();
    expect(socket.sent).toContainEqual({ type: "unsubscribe", topic: "submission:s1" });

    realtime.stop();
    expect(socket.readyState).toBe(3);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(FakeSocket.instances).toHaveLength(1);
    expect(realtime.status).toBe("idle");
  });

  it("passes a refused subscription to the topic's holder", async () => {
    const { realtime } = client();
    const onError = vi.fn();
    realtime.start();
    await settle();
    FakeSocket.latest().open();
    realtime.subscribe("submission:nope", { onError });
    FakeSocket.latest().push({ type: "error", error: { type: "TOPIC_FORBIDDEN", message: "no", data: { topic: "submission:nope" } } });
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ type: "TOPIC_FORBIDDEN" }));
  });
});
