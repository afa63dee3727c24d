/**
 * Headless Chromium through playwright-core (never `playwright install`: the Debian chromium), and
 * the few page helpers the end-to-end suite shares. Everything waits on visible states.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Locator, type Page } from "playwright-core";
import { root } from "./platform";

export const CHROMIUM = "/usr/bin/chromium";
export const SCREENSHOTS = path.join(root, "test-results", "screenshots");

/**
 * What page-side callbacks (page.evaluate, waitForFunction) use of the browser; the backend's
 * tsconfig has no DOM lib. A callback starts with `const { document } = globalThis as unknown as PageGlobals;`.
 */
export interface PageElement {
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
  textContent: string | null;
  dataset: Record<string, string | undefined>;
}

export interface PageGlobals {
  document: { querySelector(selector: string): PageElement | null; querySelectorAll(selector: string): ArrayLike<PageElement>; body: unknown; documentElement: PageElement };
  localStorage: { getItem(key: string): string | null };
  MutationObserver: new (callback: () => void) => { observe(target: unknown, options: object): void; disconnect(): void };
  [name: string]: unknown;
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "avantika-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    viewport: { width: 1366, height: 860 },
    colorScheme: "light",
  });
  context.setDefaultTimeout(30_000);
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (err) => process.stderr.write(`[browser] page error: ${err.message}\n`));
  page.on("console", (message) => {
    if (message.type() === "error") process.stderr.write(`[browser] console error: ${message.text()}\n`);
  });
  return {
    context,
    page,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: options.fullPage ?? false, animations: "disabled", caret: "hide" });
}

/** Replaces the code of the CodeMirror editor inside `scope` (typed as one input, like a paste). */
export async function setEditorCode(page: Page, code: string, scope: Locator = page.locator("body")): Promise<void> {
  await scope.locator(".cm-content").first().click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(code);
}

/** The text of the CodeMirror editor inside `scope`, line by line (CodeMirror renders one element per line). */
export async function editorCode(scope: Locator): Promise<string> {
  return scope.locator(".cm-content .cm-line").evaluateAll((lines) => lines.map((line) => (line.textContent ?? "").replace(/\u200b/g, "")).join("\n"));
}

/** Waits until the draft of `slug`/`language` in localStorage is `code` (saved after a short debounce). */
export async function waitForDraft(page: Page, slug: string, language: string, code: string): Promise<void> {
  await page.waitForFunction(([key, expected]) => (globalThis as unknown as PageGlobals).localStorage.getItem(key as string) === expected, [`avantika:draft:v1:${slug}:${language}`, code]);
}
