// Before `npm start`: build the browser app (frontend/dist) when it is missing or older than the
// frontend's sources, so a fresh clone serves the app with no extra step. Quick when up to date.
const fs = require("node:fs");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

const frontend = path.join(__dirname, "..", "frontend");
const index = path.join(frontend, "dist", "index.html");
const INPUTS = ["src", "public", "index.html", "vite.config.ts", "package.json", "tsconfig.json"];

function newestMtime(target) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function main() {
  if (!fs.existsSync(path.join(frontend, "src"))) return 0; // an image with the built app only
  const builtAt = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  const changedAt = Math.max(...INPUTS.map((input) => newestMtime(path.join(frontend, input))));
  if (builtAt >= changedAt) return 0;

  let vite;
  try {
    const manifest = require.resolve("vite/package.json", { paths: [frontend] });
    vite = path.join(path.dirname(manifest), require(manifest).bin.vite);
  } catch {
    console.error("ensure-frontend: vite is not installed; run `npm install` first (it installs the frontend workspace too).");
    return builtAt ? 0 : 1;
  }
  console.log(builtAt ? "ensure-frontend: frontend/ changed since the last build; rebuilding frontend/dist…" : "ensure-frontend: building the browser app into frontend/dist (first start)…");
  const started = Date.now();
  // A production build whatever NODE_ENV the caller runs under (jest sets "test": React's dev build).
  const env = { ...process.env, NODE_ENV: "production" };
  const result = spawnSync(process.execPath, [vite, "build", "--logLevel", "warn"], { cwd: frontend, stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`ensure-frontend: the frontend build failed (exit ${result.status ?? result.signal}).`);
    // With an older build still there, start anyway and serve that one.
    return builtAt ? 0 : 1;
  }
  console.log(`ensure-frontend: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

process.exit(main());
