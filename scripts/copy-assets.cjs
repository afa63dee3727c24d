// After `tsc`: copy what the compiled code loads from beside itself (SQL migrations, sandbox natives).
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
const out = path.join(root, "dist");
let copied = 0;

function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (["node_modules", "dist", "data", "frontend", ".git"].includes(entry.name)) continue;
      walk(full);
    } else if (entry.name.endsWith(".sql") || full.includes(`${path.sep}native${path.sep}`)) {
      const target = path.join(out, path.relative(root, full));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(full, target);
      copied += 1;
    }
  }
}

for (const dir of ["services", "sandbox"]) if (fs.existsSync(path.join(root, dir))) walk(path.join(root, dir));
console.log(`copied ${copied} asset files into dist/`);
