/**
 * The built browser app (frontend/dist) for every GET that no API route matched:
 *
 * - files under /assets carry a content hash in their name: cached for a year, immutable;
 * - index.html is revalidated on every load (no-cache + ETag), so a deploy is picked up at once;
 * - `/` is index.html; any other path without a file extension, asked for as a page (Accept:
 *   text/html, what browsers send when navigating), is a client-side route: index.html (SPA
 *   fallback). Other clients keep the gateway's JSON 404;
 * - a missing file with an extension (a stale chunk after a deploy) is a 404, never index.html
 *   served as JavaScript; /api paths never reach this handler's fallback;
 * - nothing outside the dist directory is served (resolved and real paths checked), nor dotfiles;
 * - text assets are gzipped once per file version and kept in memory (dist is a few MB at most).
 *
 * The dist directory is looked up per request, so a build made after the gateway started is served.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import zlib from "node:zlib";

export type Next = (err?: unknown) => void;
export type StaticHandler = (req: IncomingMessage, res: ServerResponse, next: Next) => void;

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".wasm": "application/wasm",
};

const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".map", ".webmanifest", ".txt", ".svg"]);
const MIN_COMPRESS_BYTES = 1024;
const IMMUTABLE = "public, max-age=31536000, immutable";
const REVALIDATE = "no-cache";
const SHORT = "public, max-age=3600";

/** Paths the app must never answer with index.html: the API keeps its JSON 404. */
export function isApiPath(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/");
}

/** The absolute file for a URL path, or undefined when it would leave `root` or names a dotfile. */
export function resolveInside(root: string, pathname: string): string | undefined {
  if (pathname.includes("\0") || pathname.includes("\\")) return undefined;
  const segments = pathname.split("/").filter(Boolean);
  if (segments.some((s) => s.startsWith("."))) return undefined;
  const resolved = path.resolve(root, ...segments);
  return resolved === root || resolved.startsWith(root + path.sep) ? resolved : undefined;
}

function cacheControl(relative: string): string {
  if (relative === "index.html") return REVALIDATE;
  if (relative.startsWith(`assets${path.sep}`)) return IMMUTABLE;
  return SHORT;
}

interface Gzipped {
  version: string;
  body: Buffer;
}

export function createStaticHandler(distDir: string): StaticHandler {
  const root = path.resolve(distDir);
  const gzipCache = new Map<string, Gzipped>();

  async function realRoot(): Promise<string | undefined> {
    return fs.promises.realpath(root).catch(() => undefined);
  }

  async function fileStat(file: string): Promise<fs.Stats | undefined> {
    const stat = await fs.promises.stat(file).catch(() => undefined);
    return stat?.isFile() ? stat : undefined;
  }

  async function send(req: IncomingMessage, res: ServerResponse, file: string, stat: fs.Stats, realRootDir: string): Promise<void> {
    // A symlink inside dist must not lead out of it.
    const real = await fs.promises.realpath(file);
    if (real !== realRootDir && !real.startsWith(realRootDir + path.sep)) throw Object.assign(new Error("outside the app directory"), { code: "ENOENT" });
    const ext = path.extname(file).toLowerCase();
    const version = `${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}`;
    const etag = `"${createHash("sha1").update(`${real}:${version}`).digest("base64url").slice(0, 20)}"`;
    res.setHeader("Content-Type", CONTENT_TYPES[ext] ?? "application/octet-stream");
    res.setHeader("Cache-Control", cacheControl(path.relative(root, file)));
    res.setHeader("ETag", etag);
    res.setHeader("Last-Modified", stat.mtime.toUTCString());
    const compressible = COMPRESSIBLE.has(ext) && stat.size >= MIN_COMPRESS_BYTES;
    if (compressible) res.setHeader("Vary", "Accept-Encoding");

    const ifNoneMatch = req.headers["if-none-match"];
    if (ifNoneMatch && ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag)) {
      res.statusCode = 304;
      res.end();
      return;
    }

    let body: Buffer = await fs.promises.readFile(file);
    if (compressible && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
      let cached = gzipCache.get(file);
      if (cached?.version !== version) {
        cached = { version, body: zlib.gzipSync(body, { level: 9 }) };
        gzipCache.set(file, cached);
      }
      body = cached.body;
      res.setHeader("Content-Encoding", "gzip");
    }
    res.setHeader("Content-Length", String(body.length));
    res.statusCode = 200;
    res.end(req.method === "HEAD" ? undefined : body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse, next: Next): Promise<void> {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    let pathname: string;
    try {
      // moleculer-web strips a route's prefix from req.url before it gives up on a request: the
      // original URL tells /api/unknown (the API's 404) from /unknown (a page of the app).
      const url = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? "/";
      pathname = decodeURIComponent(new URL(url, "http://app.invalid").pathname);
    } catch {
      return next(); // a malformed escape: not a file of ours
    }
    if (isApiPath(pathname)) return next();
    const realRootDir = await realRoot();
    if (!realRootDir) return next(); // not built

    const file = resolveInside(root, pathname === "/" ? "/index.html" : pathname);
    const stat = file && file !== root ? await fileStat(file) : undefined;
    if (file && stat) return send(req, res, file, stat, realRootDir);

    // A missing file stays missing; a page a browser navigates to is a route of the app.
    if (path.posix.extname(pathname) !== "" || pathname.startsWith("/assets/")) return next();
    if (!/\btext\/html\b/.test(String(req.headers.accept ?? ""))) return next();
    const index = path.join(root, "index.html");
    const indexStat = await fileStat(index);
    if (!indexStat) return next();
    return send(req, res, index, indexStat, realRootDir);
  }

  return (req, res, next) => {
    handle(req, res, next).catch((err: unknown) => {
      if ((err as { code?: string }).code === "ENOENT" || (err as { code?: string }).code === "EISDIR") next();
      else next(err);
    });
  };
}
