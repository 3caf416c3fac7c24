import { defineConfig } from 'vitest/config';

/** API tests run on SQLite, or on PostgreSQL when TEST_DATABASE_URL is set (one fresh database per file). */
export default defineConfig({
    test: {
        projects: [
            {
                test: {
                    name: 'api',
                    include: ['test/api/**/*.test.ts'],
                    environment: 'node',
                    env: { DATABASE_URL: process.env.TEST_DATABASE_URL ?? '' },
                    testTimeout: 30_000,
                    hookTimeout: 60_000,
                    pool: 'forks',
                },
            },
            {
                test: {
                    name: 'browser',
                    include: ['test/browser/**/*.test.ts'],
                    environment: 'node',
                    env: { DATABASE_URL: '' },
                    testTimeout: 120_000,
                    hookTimeout: 300_000,
                    fileParallelism: false,
                },
            },
        ],
    },
});
