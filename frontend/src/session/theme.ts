/**
 * Light, dark or the system's choice. The choice is applied as `data-theme` on <html> (CSS
 * variables do the rest) and remembered in localStorage, so a reload paints the right colours
 * before the profile (with `preferences.theme`) arrives.
 */
import { useSyncExternalStore } from "react";
import type { ThemePreference } from "../api/types";

const KEY = "avantika:theme";
const listeners = new Set<() => void>();

function stored(): ThemePreference {
  try {
    const value = window.localStorage.getItem(KEY);
    return value === "light" || value === "dark" ? value : "system";
  } catch {
    return "system";
  }
}

let preference: ThemePreference = typeof window === "undefined" ? "system" : stored();

function systemDark(): boolean {
  return typeof window !== "undefined" && typeof window.matchMedia === "function" && window.matchMedia("(prefers-color-scheme: dark)").matches;
}

export function effectiveTheme(pref: ThemePreference = preference): "light" | "dark" {
  return pref === "system" ? (systemDark() ? "dark" : "light") : pref;
}

export function applyTheme(pref: ThemePreference): void {
  preference = pref;
  const root = document.documentElement;
  if (pref === "system") delete root.dataset.theme;
  else root.dataset.theme = pref;
  try {
    if (pref === "system") window.localStorage.removeItem(KEY);
    else window.localStorage.setItem(KEY, pref);
  } catch {
    // Private mode: the choice lasts for this page.
  }
  for (const listener of listeners) listener();
}

export function initTheme(): void {
  applyTheme(stored());
  if (typeof window.matchMedia === "function") {
    window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", () => {
      for (const listener of listeners) listener();
    });
  }
}

export function useTheme(): { preference: ThemePreference; effective: "light" | "dark" } {
  const snapshot = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => `${preference}:${effectiveTheme()}`,
    () => "system:light",
  );
  const [pref, effective] = snapshot.split(":") as [ThemePreference, "light" | "dark"];
  return { preference: pref, effective };
}
