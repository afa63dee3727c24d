import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { RealtimeProvider } from "../realtime/RealtimeContext";
import { RealtimeClient } from "../realtime/socket";
import { fakeSocketFactory } from "./fakeSocket";

export function testRealtime(token = "token-1") {
  return new RealtimeClient({
    url: async () => "ws://realtime.test/ws",
    token: async () => token,
    createSocket: fakeSocketFactory,
    backoff: { initialMs: 100, maxMs: 1000 },
    random: () => 1,
  });
}

/** Renders `element` at `path` (a route pattern) opened at `url`, with every provider the pages use. */
export function renderPage(element: ReactElement, { path = "/", url = path, realtime = testRealtime() }: { path?: string; url?: string; realtime?: RealtimeClient } = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const router = createMemoryRouter(
    [
      { path, element },
      { path: "*", element: <p>elsewhere</p> },
    ],
    { initialEntries: [url] },
  );
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RealtimeProvider client={realtime}>
        <RouterProvider router={router} />
      </RealtimeProvider>
    </QueryClientProvider>,
  );
  return { ...view, router, queryClient, realtime };
}
