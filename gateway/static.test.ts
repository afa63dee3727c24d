import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { createStaticHandler } from "./static";

describe("the browser app's static handler", () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "avantika-static-"));
  const dist = path.join(base, "dist");
  let server: http.Server;
  let url: string;

  beforeAll(async () => {
    fs.mkdirSync(path.join(dist, "assets"), { recursive: true });
    fs.writeFileSync(path.join(dist, "index.html"), "<!doctype html><title>app</title><div id=root></div>");
    fs.writeFileSync(path.join(dist, "assets", "index-AbC123.js"), `console.log(${JSON.stringify("x".repeat(5000))});`);
    fs.writeFileSync(path.join(dist, "favicon.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
    fs.writeFileSync(path.join(dist, ".env"), "SECRET=1");
    fs.writeFileSync(path.join(base, "secret.txt"), "outside");
    fs.symlinkSync(path.join(base, "secret.txt"), path.join(dist, "assets", "link.txt"));
    const serve = createStaticHandler(dist);
    server = http.createServer((req, res) =>
      serve(req, res, () => {
        res.statusCode = 404;
        res.setHeader("Content-Type", "application/json");
        res.end('{"error":{"type":"NOT_FOUND"}}');
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(base, { recursive: true, force: true });
  });

  /** A raw request: fetch would normalise the dot segments we want to send. */
  function get(pathname: string, headers: Record<string, string> = {}, method = "GET") {
    return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const req = http.request(`${url}/`, { method, headers, path: pathname }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on("error", reject);
      req.end();
    });
  }

  it("serves index.html for / and for the routes a browser navigates to, revalidated on every load", async () => {
    for (const [route, accept] of [["/", "*/*"], ["/problems/pair-sum-count", "text/html,application/xhtml+xml,*/*;q=0.8"], ["/dashboard?x=1", "text/html"]] as const) {
      const res = await get(route, { accept });
      expect(res.status).toBe(200);
      expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(res.headers["cache-control"]).toBe("no-cache");
      expect(res.body.toString()).toContain("<div id=root>");
    }
  });

  it("caches hashed assets for a year, with the right type, gzipped when asked", async () => {
    const res = await get("/assets/index-AbC123.js", { "accept-encoding": "gzip, br" });
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(res.body).toString()).toMatch(/^console\.log/);
    const svg = await get("/favicon.svg");
    expect(svg.headers["content-type"]).toBe("image/svg+xml");
  });

  it("answers 304 to a matching If-None-Match", async () => {
    const first = await get("/");
    const again = await get("/", { "if-none-match": String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it("leaves /api paths, missing files and other methods to the API's 404", async () => {
    for (const pathname of ["/api/nope", "/api", "/assets/missing-123.js", "/robots.txt"]) {
      const res = await get(pathname);
      expect({ pathname, status: res.status, type: res.headers["content-type"] }).toEqual({ pathname, status: 404, type: "application/json" });
    }
    expect((await get("/", {}, "POST")).status).toBe(404);
    // Not a page request (an API client probing a path): the JSON 404, not the app.
    expect((await get("/$node/list", { accept: "application/json" })).status).toBe(404);
    expect((await get("/api/nope", { accept: "text/html" })).status).toBe(404);
  });

  it("never serves a file outside dist, through dot segments, escapes, symlinks or dotfiles", async () => {
    for (const pathname of ["/../secret.txt", "/%2e%2e/secret.txt", "/assets/..%2f..%2fsecret.txt", "/assets/link.txt", "/.env", "/%00", "/assets/%E0%A4%A"]) {
      const res = await get(pathname, { accept: "text/html" });
      expect(res.body.toString()).not.toContain("outside");
      expect(res.body.toString()).not.toContain("SECRET");
      expect(res.status === 404 || res.headers["content-type"] === "text/html; charset=utf-8").toBe(true);
    }
  });

  it("goes by the original URL when moleculer-web has stripped the /api prefix from req.url", async () => {
    const serve = createStaticHandler(dist);
    const next = jest.fn();
    const req = Object.assign(new http.IncomingMessage(null as never), { method: "GET", url: "/nope", originalUrl: "/api/nope" });
    serve(req, {} as http.ServerResponse, next);
    await new Promise((r) => setTimeout(r, 50));
    expect(next).toHaveBeenCalled();
  });

  it("passes everything on while the app is not built", async () => {
    const serve = createStaticHandler(path.join(base, "not-built"));
    const next = jest.fn();
    serve(Object.assign(new http.IncomingMessage(null as never), { method: "GET", url: "/" }), {} as http.ServerResponse, next);
    await new Promise((r) => setTimeout(r, 50));
    expect(next).toHaveBeenCalled();
  });
});
