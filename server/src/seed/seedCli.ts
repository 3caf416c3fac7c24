/**
 * `npm run seed`                        the demo data set (refuses a database that has data)
 * `npm run seed -- --reset`             empties every table and the stored files first
 * `npm run seed -- --disputes 1000000`  adds a bulk volume for benchmarks (after the demo when empty)
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { openDataSource } from '../db/dataSource';
import { describeDatabase } from '../db/dbKind';
import { duration } from './progress';
import { dataCounts, resetDatabase } from '../db/resetDatabase';
import { seedBulk } from './seedBulk';
import { seedDemo, type DemoSummary } from './seedDemo';

const USAGE = `Usage: npm run seed -- [--reset] [--disputes N]
  (no flags)      seed the demo data set into an empty database
  --reset         empty every table and the stored files first (destroys all data)
  --disputes N    add N generated disputes for benchmarks, on top of the demo data`;

function fail(message: string): never {
    console.error(message);
    process.exit(1);
}

function parseOptions() {
    try {
        const { values } = parseArgs({
            options: {
                reset: { type: 'boolean', default: false },
                disputes: { type: 'string' },
                help: { type: 'boolean', short: 'h', default: false },
            },
        });
        if (values.help) {
            console.log(USAGE);
            process.exit(0);
        }
        const disputes = values.disputes === undefined ? null : Number(values.disputes.replaceAll('_', ''));
        if (disputes !== null && (!Number.isSafeInteger(disputes) || disputes <= 0)) {
            fail(`--disputes needs a positive whole number, got "${values.disputes}"\n${USAGE}`);
        }
        return { reset: values.reset, disputes };
    } catch (error) {
        fail(`${(error as Error).message}\n${USAGE}`);
    }
}

function describe(summary: DemoSummary): string {
    const statuses = Object.entries(summary.byStatus)
        .map(([status, n]) => `${status} ${n}`)
        .join(', ');
    return (
        `Demo data: ${summary.staff} staff, ${summary.buyers} buyers, ${summary.sellers} sellers, ` +
        `${summary.orders} orders, ${summary.disputes} disputes (${statuses}), ${summary.attachments} attachments.\n` +
        'Staff: support@example.com, mediator@example.com, mediator2@example.com, supervisor@example.com ' +
        '(password: dispute-desk-demo)'
    );
}

async function main(): Promise<void> {
    const options = parseOptions();
    const config = loadConfig();
    const connection = { databaseUrl: config.databaseUrl, dataDir: config.dataDir };
    let dataSource = await openDataSource(connection);
    const where = describeDatabase(connection);
    try {
        if (options.reset) {
            console.log(`Emptying ${where} ...`);
            dataSource = await resetDatabase(dataSource, connection);
        }
        const counts = await dataCounts(dataSource);
        const empty = Object.values(counts).every((n) => n === 0);
        if (!empty && options.disputes === null) {
            const found = Object.entries(counts)
                .map(([table, n]) => `${n} ${table}`)
                .join(', ');
            fail(
                `The database in ${where} already has data (${found}).\n` +
                    'Run `npm run seed -- --reset` to empty it first (this deletes everything), ' +
                    'or `npm run seed -- --disputes N` to add bulk data on top.'
            );
        }
        if (empty) console.log(describe(await seedDemo(dataSource, config)));
        if (options.disputes !== null) {
            const summary = await seedBulk(dataSource, config, options.disputes);
            console.log(
                `Bulk data: ${summary.disputes.toLocaleString('en-US')} disputes and orders, ` +
                    `${summary.buyers.toLocaleString('en-US')} buyers, ${summary.sellers.toLocaleString('en-US')} sellers ` +
                    `in ${duration(summary.seconds)}.`
            );
        }
    } finally {
        await dataSource.destroy();
    }
}

try {
    await main();
} catch (error) {
    console.error(`Seeding failed: ${(error as Error).message}`);
    process.exitCode = 1;
}
