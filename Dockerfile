# syntax=docker/dockerfile:1
# Two images from one file (see docs/operations.md):
#   docker build .                  the production gateway (the last stage): no simulators, tests,
#                                   examples or secrets; exits with a message without CONFIG_FILE
#   docker build --target sandbox . the simulators and a gateway for them (compose profile sandbox)
# A test (test/docker-image.e2e-spec.ts) derives each image's file list from this file and
# .dockerignore and checks what it must not hold.

FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# the whole client workspace: installing runs its prepare script, which builds it
COPY client ./client
RUN npm ci --no-audit --no-fund

# Production code only: tsconfig.production.json compiles src/ (no specs), never sandbox/.
FROM deps AS build
COPY tsconfig.json tsconfig.build.json tsconfig.production.json ./
COPY src ./src
RUN npx tsc -p tsconfig.production.json && npm prune --omit=dev

# The gateway and the simulators: dist/src and dist/sandbox, as the folders sit in the repository.
FROM deps AS build-sandbox
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY sandbox ./sandbox
RUN npx tsc -p tsconfig.build.json && npm prune --omit=dev

FROM node:24-bookworm-slim AS sandbox
WORKDIR /app
COPY --from=build-sandbox /app/node_modules ./node_modules
COPY --from=build-sandbox /app/dist ./dist
COPY package.json ./
COPY config/default.yaml ./config/
USER node
EXPOSE 3000
CMD ["node", "dist/src/main"]

FROM node:24-bookworm-slim AS production
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
USER node
# 3000: the API, health probes. 9464: /metrics when `metrics.port` is set (not to be published).
EXPOSE 3000 9464
CMD ["node", "dist/main"]
