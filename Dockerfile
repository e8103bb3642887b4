# Multi-stage build for docker-compose.yml (deployment only).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY api/package.json api/
COPY web-public/package.json web-public/
COPY web-admin/package.json web-admin/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-bookworm-slim AS api
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
COPY api/package.json api/
COPY web-public/package.json web-public/
COPY web-admin/package.json web-admin/
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
