/** A WebSocket test client that keeps every frame and waits for one matching a predicate. */
import WebSocket from "ws";

export type Frame = Record<string, unknown>;

export class WsClient {
  readonly frames: Frame[] = [];
  private readonly listeners = new Set<() => void>();

  private constructor(readonly socket: WebSocket) {
    socket.on("message", (data: Buffer) => {
      this.frames.push(JSON.parse(data.toString("utf8")) as Frame);
      for (const listener of this.listeners) listener();
    });
  }

  static async connect(url: string, token: string): Promise<WsClient> {
    const socket = new WebSocket(`${url}?token=${encodeURIComponent(token)}`);
    await new Promise<void>((resolve, reject) => {
      socket.once("open", () => resolve());
      socket.once("error", reject);
    });
    return new WsClient(socket);
  }

  send(value: unknown): void {
    this.socket.send(JSON.stringify(value));
  }

  /** Resolves with the first frame (already received or arriving) that matches. */
  waitFor(match: (frame: Frame) => boolean, timeoutMs = 30_000, what = "a frame"): Promise<Frame> {
    const found = this.frames.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new Error(`no ${what} within ${timeoutMs} ms; got ${JSON.stringify(this.frames.slice(-5))}`));
      }, timeoutMs);
      const check = () => {
        const frame = this.frames.find(match);
        if (!frame) return;
        clearTimeout(timer);
        this.listeners.delete(check);
        resolve(frame);
      };
      this.listeners.add(check);
    });
  }

  close(): void {
    this.socket.close();
  }
}
