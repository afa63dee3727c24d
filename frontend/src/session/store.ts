/** The session: who is signed in and the access token. A tiny zustand store; the logic is in session.ts. */
import { create } from "zustand";
import type { Me, Preferences, User } from "../api/types";

export type SessionStatus = "restoring" | "signedOut" | "signedIn";

export interface SessionState {
  status: SessionStatus;
  user?: User & { preferences?: Preferences; createdAt?: string };
  accessToken?: string;
  /** Epoch ms when the access token expires. */
  expiresAt?: number;
}

export const useSession = create<SessionState>(() => ({ status: "restoring" }));

export const sessionStore = {
  get: () => useSession.getState(),
  set: (next: Partial<SessionState>) => useSession.setState(next),
  setUser: (user: Me | User) => useSession.setState((state) => ({ user: { ...state.user, ...user } })),
  clear: () => useSession.setState({ status: "signedOut", user: undefined, accessToken: undefined, expiresAt: undefined }, false),
};

export function hasRole(user: SessionState["user"], ...roles: string[]): boolean {
  return Boolean(user?.roles.some((role) => roles.includes(role)));
}

export const isAuthor = (user: SessionState["user"]) => hasRole(user, "instructor", "admin");
