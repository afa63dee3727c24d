/**
 * The routes. Every page is its own chunk (route `lazy`), so the first load carries only the shell;
 * the problem page's loader starts the editor chunk and the problem's fetch while its chunk loads.
 * Areas to come (interviews, AI interviewer, learning paths, analytics) add a folder under pages/
 * and a line here.
 */
import type { QueryClient } from "@tanstack/react-query";
import { createBrowserRouter, type RouteObject } from "react-router";
import { api } from "./api/endpoints";
import { keys } from "./api/queries";
import { RequireAuth, RequireRole } from "./components/Guards";
import { Layout, NotFoundPage } from "./components/Layout";
import { LoadingBlock } from "./components/Status";
import { RouteError } from "./components/RouteError";
import { preloadEditor } from "./editor/CodeEditor";

type PageModule = { default: React.ComponentType };
const page = (load: () => Promise<PageModule>) => async () => ({ Component: (await load()).default });

export function routes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      element: <Layout />,
      errorElement: <RouteError />,
      hydrateFallbackElement: <LoadingBlock />,
      children: [
        { index: true, lazy: page(() => import("./pages/landing/LandingPage")) },
        { path: "signin", lazy: page(() => import("./pages/auth/SignInPage")) },
        { path: "signup", lazy: page(() => import("./pages/auth/SignUpPage")) },
        { path: "verify-email", lazy: page(() => import("./pages/auth/VerifyEmailPage")) },
        { path: "problems", lazy: page(() => import("./pages/problems/ProblemsPage")) },
        {
          path: "problems/:slug",
          handle: { fullBleed: true },
          loader: ({ params }) => {
            preloadEditor();
            const slug = params.slug ?? "";
            void queryClient.prefetchQuery({ queryKey: keys.problem(slug), queryFn: () => api.problem(slug), staleTime: 60_000 });
            return null;
          },
          lazy: page(() => import("./pages/problems/ProblemPage")),
        },
        {
          element: <RequireAuth />,
          children: [
            { path: "dashboard", lazy: page(() => import("./pages/dashboard/DashboardPage")) },
            { path: "settings", lazy: page(() => import("./pages/settings/SettingsPage")) },
            {
              element: <RequireRole roles={["instructor", "admin"]} />,
              children: [{ path: "author/new", lazy: page(() => import("./pages/authoring/AuthoringPage")) }],
            },
          ],
        },
        { path: "*", element: <NotFoundPage /> },
      ],
    },
  ];
}

export function createRouter(queryClient: QueryClient) {
  return createBrowserRouter(routes(queryClient));
}
