# The Tally image (setup and worker in docker-compose.yml): built from the lock file, run unprivileged.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY jobs ./jobs
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
# The shipped terms and schedules, a fallback only: docker-compose.yml mounts the host's ./config
# over this folder, so a deployment's own files are read without rebuilding the image.
COPY config ./config
USER node
ENTRYPOINT ["node", "dist/src/cli/main.js"]
CMD ["worker"]
