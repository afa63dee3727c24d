/** A fake REST server behind a stubbed fetch: "METHOD /api/path" → answer. Records every request. */
import { vi } from "vitest";

export interface FakeAnswer {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type FakeRoute = FakeAnswer | ((request: { body: unknown; url: URL; headers: Headers }) => FakeAnswer | Promise<FakeAnswer>);

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
  headers: Headers;
}

export function fakeServer(routes: Record<string, FakeRoute>) {
  const requests: RecordedRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), "http://localhost");
    const method = (init?.method ?? "GET").toUpperCase();
    const headers = new Headers(init?.headers);
    const body = typeof init?.body === "string" ? JSON.parse(init.body) : undefined;
    requests.push({ method, path: url.pathname + url.search, body, headers });
    const route = routes[`${method} ${url.pathname}`] ?? routes[`${method} ${url.pathname}${url.search}`];
    if (!route) return new Response(JSON.stringify({ error: { type: "NOT_FOUND", message: `no fake for ${method} ${url.pathname}` } }), { status: 404 });
    const answer = typeof route === "function" ? await route({ body, url, headers }) : route;
    const status = answer.status ?? 200;
    return new Response(status === 204 ? null : JSON.stringify(answer.body ?? {}), {
      status,
      headers: { "Content-Type": "application/json", ...answer.headers },
    });
  });
  vi.stubGlobal("fetch", fetchMock);
  return { requests, fetchMock, calls: (method: string, path: string) => requests.filter((r) => r.method === method && r.path.startsWith(path)) };
}

export const apiError = (status: number, type: string, message: string, data?: unknown, headers?: Record<string, string>): FakeAnswer => ({
  status,
  body: { error: data === undefined ? { type, message } : { type, message, data } },
  headers,
});
