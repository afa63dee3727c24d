/**
 * The learner's code, kept per problem and language in localStorage, so a reload, a sign-out or a
 * language switch never loses it. Writes are debounced and flushed on unmount and page hide.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { LanguageId } from "../api/types";

const PREFIX = "avantika:draft:v1:";
const SAVE_DELAY_MS = 250;

export function draftKey(slug: string, language: LanguageId): string {
  return `${PREFIX}${slug}:${language}`;
}

export function loadDraft(slug: string, language: LanguageId): string | undefined {
  try {
    return window.localStorage.getItem(draftKey(slug, language)) ?? undefined;
  } catch {
    return undefined;
  }
}

export function saveDraft(slug: string, language: LanguageId, code: string): void {
  try {
    window.localStorage.setItem(draftKey(slug, language), code);
  } catch {
    // Storage full or disabled: the draft lives as long as the page.
  }
}

export function clearDraft(slug: string, language: LanguageId): void {
  try {
    window.localStorage.removeItem(draftKey(slug, language));
  } catch {
    // ignore
  }
}

/** The last language used on a problem, so coming back opens the same draft. */
export function loadLastLanguage(slug: string): LanguageId | undefined {
  try {
    return (window.localStorage.getItem(`${PREFIX}${slug}:language`) as LanguageId | null) ?? undefined;
  } catch {
    return undefined;
  }
}

export function saveLastLanguage(slug: string, language: LanguageId): void {
  try {
    window.localStorage.setItem(`${PREFIX}${slug}:language`, language);
  } catch {
    // ignore
  }
}

/**
 * [code, setCode, reset]: the draft of `slug` in `language`, starting from `starter` when there is
 * none. Switching problem or language swaps to that draft.
 */
export function useDraft(slug: string, language: LanguageId, starter: string): [string, (code: string) => void, () => void] {
  const key = draftKey(slug, language);
  const [state, setState] = useState(() => ({ key, code: loadDraft(slug, language) ?? starter }));
  const pending = useRef<{ slug: string; language: LanguageId; code: string } | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = undefined;
    const draft = pending.current;
    pending.current = undefined;
    if (draft) saveDraft(draft.slug, draft.language, draft.code);
  }, []);

  let current = state;
  if (state.key !== key) {
    // Another problem or language: save what was typed, then show that one's draft.
    flush();
    current = { key, code: loadDraft(slug, language) ?? starter };
    setState(current);
  }

  const setCode = useCallback(
    (code: string) => {
      setState({ key, code });
      pending.current = { slug, language, code };
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, SAVE_DELAY_MS);
    },
    [key, slug, language, flush],
  );

  const reset = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = undefined;
    pending.current = undefined;
    clearDraft(slug, language);
    setState({ key, code: starter });
  }, [key, slug, language, starter]);

  useEffect(() => {
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      flush();
    };
  }, [flush]);

  return [current.code, setCode, reset];
}
