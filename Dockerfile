# syntax=docker/dockerfile:1.7
#
# One image for every pod: the Deployment picks the service group with SERVICES=...
# (k8s/base). The judge's toolchains and runsc are in the image too, because the sandbox
# pods run the same image; see k8s/README.md for the size trade-off.
#
# Build:  docker build -t avantika:$(git rev-parse --short HEAD) .
# Run:    docker run --rm -p 8080:8080 -p 8081:8081 avantika   (embedded shape, no servers)

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build: full dependency tree, compile TypeScript, then drop dev dependencies ----------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# python3/make/g++ for native addons that build from source (node-gyp).
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
 && rm -rf /var/lib/apt/lists/*
# npm workspaces: the browser app's package.json must be there for `npm ci` to install its tree.
COPY package.json package-lock.json ./
COPY frontend/package.json frontend/
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY . .
# TypeScript → dist/, and the browser app → frontend/dist/ (build:frontend).
RUN npm run build
# tsc emits only .js: mirror the non-TypeScript files that code loads next to itself
# (SQL migrations via path.join(__dirname, "migrations"), sandbox/native/*, problem
# packages) into dist/ with the same layout.
RUN for dir in lib mixins services gateway sandbox problems; do \
      [ -d "$dir" ] || continue; \
      find "$dir" -type f ! -name '*.ts' ! -name '*.tsx' -exec cp --parents {} dist/ \; ; \
    done
RUN npm prune --omit=dev --no-audit --no-fund

# ---- runtime ------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
# tini: PID 1 that forwards SIGTERM to node (graceful broker.stop) and reaps the runsc /
# compiler children that the sandbox group spawns.
# runsc + toolchains: what the judge runs submissions with (ARCHITECTURE.md section 5, paths
# as in sandbox/languages.ts). libc6-dev: the judge builds its supervisor with gcc -static.
# /usr/bin/node: submissions' JS/TS run on /usr/bin/node inside the box, where /usr/local
# (the base image's node) is masked, so the same Node 20 binary is copied there (a symlink
# would point into the masked directory).
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      tini ca-certificates \
      runsc python3 gcc g++ libc6-dev openjdk-17-jdk-headless golang-go \
 && rm -rf /var/lib/apt/lists/* \
 && cp /usr/local/bin/node /usr/bin/node
ENV NODE_ENV=production \
    PORT=8080 \
    WS_PORT=8081 \
    METRICS_PORT=3030 \
    DATA_DIR=/app/data
WORKDIR /app
COPY --from=build --chown=root:root /app/package.json /app/package-lock.json ./
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --from=build --chown=root:root /app/frontend/dist ./frontend/dist
# The code is owned by root and read-only to the app; only DATA_DIR is writable (and in
# Kubernetes the root filesystem is read-only anyway, with emptyDirs for /app/data and /tmp).
RUN mkdir -p /app/data && chown 1000:1000 /app/data
# The "node" user of the base image, by number so that runAsNonRoot can verify it.
USER 1000:1000
EXPOSE 8080 8081 3030
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/runner.js"]
