import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router/dom";
import { ApiError } from "./api/client";
import { RealtimeProvider } from "./realtime/RealtimeContext";
import { createAppRealtime } from "./realtime/client";
import { createRouter } from "./router";
import { installSession, restoreSession } from "./session/session";
import { useSession } from "./session/store";
import { applyTheme, initTheme } from "./session/theme";
import "./styles/tokens.css";
import "./styles/base.css";
import "./styles/components.css";
import "./styles/pages.css";

initTheme();
installSession();

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      // 4xx answers are final; retry only what may pass on a second try.
      retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
});

// Signing out forgets everything fetched for that user; the saved theme follows the profile.
useSession.subscribe((state, previous) => {
  if (previous.status === "signedIn" && state.status !== "signedIn") queryClient.clear();
  const theme = state.user?.preferences?.theme;
  if (theme && theme !== previous.user?.preferences?.theme) applyTheme(theme);
});

const realtime = createAppRealtime();
const router = createRouter(queryClient);
void restoreSession();

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RealtimeProvider client={realtime}>
        <RouterProvider router={router} />
      </RealtimeProvider>
    </QueryClientProvider>
  </StrictMode>,
);
