import { screen } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { sessionStore } from "../../session/store";
import { fakeServer } from "../../test/fakeServer";
import { renderPage } from "../../test/render";
import DashboardPage from "./DashboardPage";

const problems = [
  { slug: "a", title: "Alpha", difficulty: "easy", tags: ["arrays"], solvedByMe: true },
  { slug: "b", title: "Bravo", difficulty: "easy", tags: [], solvedByMe: false },
  { slug: "c", title: "Charlie", difficulty: "medium", tags: [], solvedByMe: false },
  { slug: "d", title: "Delta", difficulty: "hard", tags: [], solvedByMe: true },
];

beforeEach(() => {
  sessionStore.set({ status: "signedIn", accessToken: "t", expiresAt: Date.now() + 3_600_000, user: { id: "u1", email: "a@b.c", fullName: "Ada Lovelace", roles: ["user"], tier: "free", tenantId: "t", emailVerified: true } });
});

describe("the dashboard", () => {
  it("counts solved problems by difficulty, lists recent submissions and picks the next problem", async () => {
    fakeServer({
      "GET /api/problems": { body: { items: problems, total: 4 } },
      "GET /api/submissions": {
        body: { items: [{ id: "s1", problem: "c", language: "cpp", status: "done", verdict: "WA", tests: [], createdAt: new Date().toISOString() }] },
      },
    });
    renderPage(<DashboardPage />);
    expect(await screen.findByRole("heading", { name: "Welcome, Ada" })).toBeInTheDocument();
    expect(screen.getByTestId("solved-count")).toHaveTextContent("2");
    expect(screen.getByTestId("solved-easy")).toHaveTextContent("1 / 2");
    expect(screen.getByTestId("solved-medium")).toHaveTextContent("0 / 1");
    expect(screen.getByTestId("solved-hard")).toHaveTextContent("1 / 1");
    // Charlie was attempted and is unsolved: finish it before starting Bravo.
    expect(screen.getByTestId("next-problem")).toHaveTextContent("Charlie");
    expect(await screen.findByTestId("recent-submissions")).toHaveTextContent(/Charlie.*C\+\+.*WA/);
  });
});
