import { configDefaults, defineConfig } from "vitest/config";

/**
 * Tests that spend their time in child processes: the soaks, the generator (and refresh:catalog) run
 * through its CLI, and the Redis outage and budget lease tests (a redis-server killed and restarted, a
 * client process killed mid-call), whose deadlines must not compete with the whole unit suite for CPU,
 * the packed-package test (`npm run build`, `npm pack`, consumers of the installed tarball), and the
 * bundling of the built package by esbuild and webpack.
 * They are the `slow` project (`npm run test:slow`), so `npm test` (the `unit` project) stays quick;
 * CI runs both, and `npx vitest run` runs both.
 */
const SLOW = [
  "test/soak/**/*.test.ts",
  "test/scripts/refresh-catalog.test.ts",
  "test/codegen/generate-files.test.ts",
  "test/codegen/write-output.test.ts",
  "test/codegen/validate-registry.test.ts",
  "test/hardening/store-outage-redis.test.ts",
  "test/hardening/budget-leases.test.ts",
  "test/gateway/gateway-processes.test.ts",
  "test/hardening/owned-redis-server.test.ts",
  "test/package/packed-package.test.ts",
  "test/bundling/bundle-entries.test.ts",
];

export default defineConfig({
  test: {
    typecheck: { enabled: false },
    testTimeout: 20_000,
    pool: "forks",
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...SLOW],
        },
      },
      { extends: true, test: { name: "slow", include: SLOW } },
    ],
  },
});
