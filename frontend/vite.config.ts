import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/** Readable names for the lazy vendor chunks: the editor core, one per language mode, markdown. */
function vendorChunk(id: string): string | null {
  if (!id.includes("node_modules")) return null;
  const language = /[\\/](?:@codemirror[\\/]lang-|@lezer[\\/])(python|cpp|java|go|javascript)[\\/]/.exec(id);
  if (language) return `lang-${language[1]}`;
  // Only what the editor itself loads; what one language mode needs (lint for JavaScript) stays with it.
  if (/[\\/](@codemirror[\\/](state|view|commands|language|autocomplete|search)|@lezer[\\/](common|highlight|lr)|@marijn|style-mod|w3c-keyname|crelt)[\\/]/.test(id)) return "codemirror";
  if (/[\\/](marked|dompurify)[\\/]/.test(id)) return "markdown";
  return null;
}

export default defineConfig({
  plugins: [react()],
  build: {
    target: "es2022",
    outDir: "dist",
    assetsDir: "assets",
    // The editor and its language modes are lazy chunks; keep the warning for anything else that grows.
    chunkSizeWarningLimit: 600,
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: vendorChunk }] } } },
  },
  server: {
    // `npm run dev -w frontend` next to `npm start`: the API (and its refresh cookie) stay same-origin.
    proxy: { "/api": { target: "http://localhost:8080", changeOrigin: false } },
  },
  test: {
    environment: "jsdom",
    setupFiles: [here("src/test/setup.ts")],
    include: ["src/**/*.test.{ts,tsx}"],
    restoreMocks: true,
    reporters: ["default", "json"],
    outputFile: { json: here("../test-results/vitest.json") },
  },
});
