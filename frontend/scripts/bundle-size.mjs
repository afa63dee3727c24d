#!/usr/bin/env node
/**
 * The initial JavaScript a first visit downloads: every script and modulepreload that
 * dist/index.html references, gzipped. Lazy chunks (pages, the editor, language modes) are not
 * part of it. Budget: 250 KB gzipped. Prints one JSON line; exit 1 when over budget.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

export const BUDGET_KB = 250;

export function initialJs(distDir) {
  const html = fs.readFileSync(path.join(distDir, "index.html"), "utf8");
  const refs = new Set();
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js)"/g)) refs.add(match[1]);
  for (const match of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)) refs.add(match[1]);
  const files = [...refs].map((ref) => {
    const body = fs.readFileSync(path.join(distDir, ref.replace(/^\//, "")));
    return { file: ref, bytes: body.length, gzipBytes: zlib.gzipSync(body, { level: 9 }).length };
  });
  const gzipKb = files.reduce((sum, f) => sum + f.gzipBytes, 0) / 1024;
  const lazyKb =
    fs
      .readdirSync(path.join(distDir, "assets"))
      .filter((f) => f.endsWith(".js") && !refs.has(`/assets/${f}`))
      .reduce((sum, f) => sum + zlib.gzipSync(fs.readFileSync(path.join(distDir, "assets", f)), { level: 9 }).length, 0) / 1024;
  return { files, gzipKb: Math.round(gzipKb * 10) / 10, lazyGzipKb: Math.round(lazyKb * 10) / 10, budgetKb: BUDGET_KB };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const dist = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "dist"));
  const report = initialJs(dist);
  console.log(`initial JS: ${report.gzipKb} KB gzipped in ${report.files.length} files (budget ${BUDGET_KB} KB); lazy chunks: ${report.lazyGzipKb} KB gzipped`);
  console.log(JSON.stringify(report));
  if (report.gzipKb > BUDGET_KB) {
    console.error(`over budget by ${(report.gzipKb - BUDGET_KB).toFixed(1)} KB`);
    process.exit(1);
  }
}
