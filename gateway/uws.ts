/**
 * The one place that imports uWebSockets.js. The package installed is `uwebsockets@3.0.6`, a third
 * party's republish of upstream's prebuilt binaries (TOOLCHAIN.md): everything the realtime service
 * needs goes through the small surface below, so upstream's binaries can be dropped in here alone.
 *
 * The uWS rules that are about HTTP requests live here too: the request is copied synchronously
 * (it is stack-allocated and dies with the callback), `onAborted` is attached before the service's
 * handler can await anything, and the deferred upgrade or refusal is corked and happens at most once.
 */
import * as uWS from "uWebSockets.js";

/** The socket operations the service uses; a uWS WebSocket satisfies it. Valid from open to close only. */
export interface Socket<U> {
  /** 1 sent, 0 sent but buffered (backpressure), 2 dropped (over maxBackpressure). */
  send(message: string): number;
  getBufferedAmount(): number;
  /** Graceful close with a close frame; the close handler runs synchronously. */
  end(code?: number, reason?: string): void;
  subscribe(topic: string): boolean;
  unsubscribe(topic: string): boolean;
  /** Publishes to every subscriber of `topic` on this server except this socket. */
  publish(topic: string, message: string): boolean;
  getUserData(): U;
}

/** What the service may know about an upgrade request: copied before the handler runs. */
export interface UpgradeRequest {
  /** The raw query string, without `?`. */
  query: string;
  /** `Sec-WebSocket-Protocol` as sent (possibly a comma-separated list), or "". */
  protocol: string;
}

export interface PendingUpgrade<U> {
  /** The client went away; accept/refuse are then no-ops. */
  readonly aborted: boolean;
  /** Completes the handshake; `protocol` is echoed in `Sec-WebSocket-Protocol` when given. False when too late. */
  accept(userData: U, protocol?: string): boolean;
  /** Answers the upgrade request with a plain HTTP response; no socket is opened. */
  refuse(status: string, body: string): void;
}

export interface SocketServerOptions<U> {
  host: string;
  port: number;
  /** Route of the WebSocket endpoint, e.g. "/ws"; everything else is answered 404. */
  path: string;
  maxPayloadLength: number;
  maxBackpressure: number;
  closeOnBackpressureLimit: boolean;
  idleTimeout: number;
  sendPingsAutomatically: boolean;
  upgrade(request: UpgradeRequest, pending: PendingUpgrade<U>): void;
  open(socket: Socket<U>): void;
  message(socket: Socket<U>, data: ArrayBuffer, isBinary: boolean): void;
  drain(socket: Socket<U>): void;
  close(socket: Socket<U>, code: number): void;
  /** Only called by uWS builds that report messages dropped by backpressure (this build does not). */
  dropped?(socket: Socket<U>): void;
}

export interface SocketServer {
  /** The port actually bound (differs from the requested one when that was 0). */
  readonly port: number;
  /** Sends `message` to every socket subscribed to `topic` on this server; slow receivers are skipped. */
  publish(topic: string, message: string): boolean;
  subscribers(topic: string): number;
  /** Stops listening and force-closes whatever sockets are still open. */
  close(): void;
}

export function startSocketServer<U>(opts: SocketServerOptions<U>): Promise<SocketServer> {
  const app = uWS.App();
  app.ws<U>(opts.path, {
    maxPayloadLength: opts.maxPayloadLength,
    maxBackpressure: opts.maxBackpressure,
    // The typings say number, the addon reads an int32: 0/1 is what it means.
    closeOnBackpressureLimit: opts.closeOnBackpressureLimit ? 1 : 0,
    idleTimeout: opts.idleTimeout,
    sendPingsAutomatically: opts.sendPingsAutomatically,
    compression: uWS.DISABLED,

    upgrade(res, req, context) {
      const key = req.getHeader("sec-websocket-key");
      const extensions = req.getHeader("sec-websocket-extensions");
      const request: UpgradeRequest = { query: req.getQuery() ?? "", protocol: req.getHeader("sec-websocket-protocol") };
      let aborted = false;
      let settled = false;
      res.onAborted(() => {
        aborted = true;
      });
      const pending: PendingUpgrade<U> = {
        get aborted() {
          return aborted;
        },
        accept(userData, protocol) {
          if (aborted || settled) return false;
          settled = true;
          res.cork(() => res.upgrade(userData, key, protocol ?? "", extensions, context));
          return true;
        },
        refuse(status, body) {
          if (aborted || settled) return;
          settled = true;
          res.cork(() => {
            res.writeStatus(status).writeHeader("Content-Type", "application/json").writeHeader("Cache-Control", "no-store").end(body);
          });
        },
      };
      opts.upgrade(request, pending);
    },
    open: (ws) => opts.open(ws),
    message: (ws, data, isBinary) => opts.message(ws, data, isBinary),
    drain: (ws) => opts.drain(ws),
    close: (ws, code) => opts.close(ws, code),
    ...(opts.dropped ? { dropped: (ws: uWS.WebSocket<U>) => opts.dropped?.(ws) } : {}),
  });
  app.any("/*", (res) => {
    res.writeStatus("404 Not Found").writeHeader("Content-Type", "application/json").end('{"error":{"type":"NOT_FOUND","message":"Not found"}}');
  });

  return new Promise((resolve, reject) => {
    app.listen(opts.host, opts.port, (listenSocket) => {
      if (!listenSocket) {
        reject(new Error(`The WebSocket server cannot listen on ${opts.host}:${opts.port}`));
        return;
      }
      let open = true;
      resolve({
        port: uWS.us_socket_local_port(listenSocket),
        publish: (topic, message) => app.publish(topic, message),
        subscribers: (topic) => app.numSubscribers(topic),
        close() {
          if (!open) return;
          open = false;
          uWS.us_listen_socket_close(listenSocket);
          app.close();
        },
      });
    });
  });
}
