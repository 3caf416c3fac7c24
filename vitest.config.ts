import { defineConfig } from 'vitest/config';

/**
 * How long `expect.poll` waits for an eventual state (a list refreshed, a job run, a file written in the
 * background) before it fails. vitest's default of one second is shorter than a busy CI machine can be
 * slow; polling ends as soon as the state is reached, so a longer limit costs a passing test nothing.
 */
const expectations = { poll: { timeout: 15_000, interval: 50 } };

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
                    expect: expectations,
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
                    expect: expectations,
                    hookTimeout: 300_000,
                    fileParallelism: false,
                },
            },
        ],
    },
});
