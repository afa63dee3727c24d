import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { installSession } from "../../session/session";
import { sessionStore } from "../../session/store";
import { apiError, fakeServer } from "../../test/fakeServer";
import { renderPage } from "../../test/render";
import SignInPage from "./SignInPage";
import SignUpPage from "./SignUpPage";

const config = { body: { wsUrl: "ws://localhost:8081/ws", features: { oauth: ["github"] } } };

beforeEach(() => {
  installSession();
  sessionStore.clear();
});

async function fillSignUp(values: { name?: string; email?: string; password?: string }) {
  const user = userEvent.setup();
  if (values.name) await user.type(screen.getByLabelText("Full name"), values.name);
  if (values.email) await user.type(screen.getByLabelText("Email"), values.email);
  if (values.password) await user.type(screen.getByLabelText("Password"), values.password);
  await user.click(screen.getByRole("button", { name: "Create account" }));
}

describe("sign up", () => {
  it("shows each 422 field problem under its own field, and focuses the first", async () => {
    fakeServer({
      "GET /api/config": config,
      "POST /api/auth/register": apiError(422, "VALIDATION_ERROR", "Parameters validation error!", {
        fields: [
          { field: "email", message: 'must match format "email"' },
          { field: "password", message: "must NOT have fewer than 10 characters" },
        ],
      }),
    });
    renderPage(<SignUpPage />, { path: "/signup" });
    // A 10-character password passes the form's own check; the server still refuses it here.
    await fillSignUp({ name: "Ada Lovelace", email: "ada@", password: "0123456789" });

    const email = await screen.findByLabelText("Email");
    await waitFor(() => expect(email).toHaveAccessibleDescription(/must be a valid email address/i));
    expect(screen.getByLabelText("Password")).toHaveAccessibleDescription(/must be at least 10 characters/i);
    expect(email).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Full name")).not.toHaveAttribute("aria-invalid");
    await waitFor(() => expect(email).toHaveFocus());
  });

  it("puts a duplicate email (409) on the email field with a way to sign in", async () => {
    fakeServer({ "GET /api/config": config, "POST /api/auth/register": apiError(409, "EMAIL_TAKEN", "An account with this email already exists") });
    renderPage(<SignUpPage />, { path: "/signup" });
    await fillSignUp({ name: "Ada", email: "ada@example.com", password: "a-long-password" });
    await waitFor(() => expect(screen.getByLabelText("Email")).toHaveAccessibleDescription(/already exists/));
    expect(screen.getByRole("link", { name: "Sign in instead" })).toHaveAttribute("href", "/signin");
  });

  it("checks the password length before asking the server", async () => {
    const server = fakeServer({ "GET /api/config": config });
    renderPage(<SignUpPage />, { path: "/signup" });
    await fillSignUp({ name: "Ada", email: "ada@example.com", password: "short" });
    expect(screen.getByLabelText("Password")).toHaveAccessibleDescription(/At least 10 characters\. Use at least 10 characters\./);
    expect(server.calls("POST", "/api/auth/register")).toHaveLength(0);
  });

  it("offers the OAuth providers the server switched on", async () => {
    fakeServer({ "GET /api/config": config });
    renderPage(<SignUpPage />, { path: "/signup" });
    expect(await screen.findByRole("link", { name: "Continue with GitHub" })).toHaveAttribute("href", "/api/auth/oauth/github");
    expect(screen.queryByRole("link", { name: /Google/ })).toBeNull();
  });

  it("signs in and goes to the dashboard on success", async () => {
    fakeServer({
      "GET /api/config": config,
      "POST /api/auth/register": {
        status: 201,
        body: { user: { id: "u1", email: "ada@example.com", fullName: "Ada", roles: ["user"], tier: "free", tenantId: "t", emailVerified: false }, accessToken: "a.b.c", expiresIn: 3600 },
      },
      "GET /api/users/me": { body: { id: "u1", email: "ada@example.com", fullName: "Ada", roles: ["user"], tier: "free", tenantId: "t", emailVerified: false, createdAt: "2025-01-01T00:00:00Z", preferences: {} } },
    });
    const { router } = renderPage(<SignUpPage />, { path: "/signup" });
    await fillSignUp({ name: "Ada", email: "ada@example.com", password: "a-long-password" });
    await waitFor(() => expect(router.state.location.pathname).toBe("/dashboard"));
    expect(sessionStore.get()).toMatchObject({ status: "signedIn", accessToken: "a.b.c" });
  });
});

describe("sign in", () => {
  async function signIn(password = "wrong-password") {
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Email"), "ada@example.com");
    await user.type(screen.getByLabelText("Password"), password);
    await user.click(screen.getByRole("button", { name: "Sign in" }));
  }

  it("puts a wrong password (401) on the password field", async () => {
    fakeServer({ "GET /api/config": config, "POST /api/auth/login": apiError(401, "INVALID_CREDENTIALS", "Email or password is incorrect") });
    renderPage(<SignInPage />, { path: "/signin" });
    await signIn();
    await waitFor(() => expect(screen.getByLabelText("Password")).toHaveAccessibleDescription(/Email or password is incorrect/));
    expect(sessionStore.get().status).toBe("signedOut");
  });

  it("tells how long to wait after 429 and holds the button until then", async () => {
    fakeServer({ "GET /api/config": config, "POST /api/auth/login": apiError(429, "RATE_LIMITED", "Too many requests", { retryAfter: 42 }, { "Retry-After": "42" }) });
    renderPage(<SignInPage />, { path: "/signin" });
    await signIn();
    expect(await screen.findByRole("alert")).toHaveTextContent("Too many attempts. Try again in 42 seconds.");
    expect(screen.getByRole("button", { name: /Try again in 4\d s/ })).toBeDisabled();
  });

  it("says when an OAuth sign-in came back failed", async () => {
    fakeServer({ "GET /api/config": config });
    renderPage(<SignInPage />, { path: "/signin", url: "/signin?error=oauth_failed" });
    expect(await screen.findByRole("alert")).toHaveTextContent(/did not work/);
  });
});
