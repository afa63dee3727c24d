import { act, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import type { Problem, Submission } from "../../api/types";
import { FakeSocket } from "../../test/fakeSocket";
import { fakeServer } from "../../test/fakeServer";
import { renderPage, testRealtime } from "../../test/render";
import { SubmissionResult } from "./SubmissionResult";
import { mergeSubmission, useSubmission } from "./useSubmission";

const problem: Problem = {
  slug: "pair-sum-count",
  title: "Pairs With Target Sum",
  statement: "Count pairs.",
  difficulty: "easy",
  tags: ["hashing"],
  kind: "stdio",
  limits: { timeMs: 1000, memoryMb: 256 },
  samples: [
    { input: "6 7\n1 6 3 4 6 1\n", output: "5\n" },
    { input: "3 2\n1 1 1\n", output: "3\n" },
  ],
  checker: "tokens",
};

const base: Submission = { id: "s1", problem: "pair-sum-count", language: "python", status: "queued", tests: [], createdAt: "2025-01-01T00:00:00Z", source: "print(0)" };

function Tracker({ id }: { id: string }) {
  const { submission, live } = useSubmission(id);
  return submission ? <SubmissionResult submission={submission} problem={problem} live={live} /> : <p>loading</p>;
}

beforeEach(() => FakeSocket.reset());

describe("a submission being judged", () => {
  it("renders each streamed update: tests done, progress, then the verdict and the failing sample", async () => {
    let record: Submission = base;
    const server = fakeServer({
      "GET /api/submissions/s1": () => ({ body: record }),
      "POST /api/run": { body: { verdict: "AC", stdout: "0\n", stderr: "", exitCode: 0, timeMs: 20, memoryKb: 9000 } },
    });
    const realtime = testRealtime();
    realtime.start();
    await waitFor(() => expect(FakeSocket.instances).toHaveLength(1));
    const socket = FakeSocket.latest();
    act(() => socket.open());

    renderPage(<Tracker id="s1" />, { realtime });
    await waitFor(() => expect(socket.subscribedTopics()).toContain("submission:s1"));
    act(() => socket.push({ type: "subscribed", topic: "submission:s1" }));
    expect(await screen.findByText("Waiting for a judge…")).toBeInTheDocument();

    act(() => socket.push({ type: "submission.update", id: "s1", status: "running", tests: [{ index: 0, verdict: "AC", timeMs: 31, memoryKb: 8200 }], total: 4 }));
    expect(await screen.findByText(/1 of 4 tests judged/)).toBeInTheDocument();
    const progress = screen.getByRole("progressbar", { name: "Judging progress" });
    expect(progress).toHaveAttribute("aria-valuenow", "1");
    expect(progress).toHaveAttribute("aria-valuemax", "4");
    expect(screen.getAllByTestId("test-row")).toHaveLength(1);

    act(() =>
      socket.push({
        type: "submission.update",
        id: "s1",
        status: "running",
        tests: [
          { index: 0, verdict: "AC", timeMs: 31, memoryKb: 8200 },
          { index: 1, verdict: "WA", timeMs: 28, memoryKb: 8100 },
        ],
        total: 4,
      }),
    );
    expect(await screen.findByText(/2 of 4 tests judged/)).toBeInTheDocument();
    const rows = screen.getAllByTestId("test-row");
    expect(rows.map((r) => r.dataset.verdict)).toEqual(["AC", "WA"]);
    expect(within(rows[1]!).getByText(/Test 2/)).toHaveTextContent("sample");

    const tests = [0, 1, 2, 3].map((index) => ({ index, verdict: index === 1 ? ("WA" as const) : ("AC" as const), timeMs: 30, memoryKb: 8000 }));
    record = { ...base, status: "done", verdict: "WA", tests, timeMs: 31, memoryKb: 8200, judgedAt: "2025-01-01T00:00:02Z" };
    act(() => socket.push({ type: "submission.update", id: "s1", status: "done", verdict: "WA", tests }));

    expect(await screen.findByText("Wrong answer")).toBeInTheDocument();
    expect(screen.getByText(/3 of 4 tests passed/)).toBeInTheDocument();
    expect(screen.getByRole("progressbar", { name: "Judging progress" })).toHaveAttribute("aria-valuenow", "4");
    const failing = screen.getByTestId("failing-sample");
    expect(failing).toHaveTextContent("Sample 2 failed: wrong answer");
    expect(within(failing).getByText("Expected output").nextSibling).toHaveTextContent("3");
    expect(await within(failing).findByTestId("actual-output")).toHaveTextContent("0");
    expect(server.calls("POST", "/api/run")[0]?.body).toEqual({ language: "python", source: "print(0)", stdin: "3 2\n1 1 1\n" });
  });

  it("falls back to polling GET /api/submissions/:id while the socket is down", async () => {
    let calls = 0;
    fakeServer({
      "GET /api/submissions/s1": () => {
        calls += 1;
        return { body: calls < 2 ? base : { ...base, status: "done", verdict: "AC", tests: [{ index: 0, verdict: "AC", timeMs: 5, memoryKb: 100 }] } };
      },
    });
    renderPage(<Tracker id="s1" />); // its realtime client never connects
    expect(await screen.findByText("Accepted", {}, { timeout: 4000 })).toBeInTheDocument();
    expect(calls).toBeGreaterThanOrEqual(2);
  });
});

describe("merging submission updates", () => {
  it("never goes backwards: a stale GET cannot undo streamed progress or a verdict", () => {
    const running = { id: "s1", status: "running" as const, tests: [{ index: 0, verdict: "AC" as const }, { index: 1, verdict: "AC" as const }], total: 5 };
    const staleGet = { id: "s1", status: "running" as const, tests: [{ index: 0, verdict: "AC" as const }], source: "x" };
    const merged = mergeSubmission(running, staleGet);
    expect(merged.tests).toHaveLength(2);
    expect(merged.total).toBe(5);
    expect(merged.source).toBe("x");
    const done = mergeSubmission(merged, { id: "s1", status: "done", verdict: "AC", tests: running.tests });
    expect(mergeSubmission(done, staleGet)).toBe(done);
  });
});
