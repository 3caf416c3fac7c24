/* Prints how many disputes the bench database holds (0 when it does not exist yet). */
import { loadConfig } from '../../server/src/config';
import { openDataSource } from '../../server/src/db/dataSource';

const config = loadConfig();
const dataSource = await openDataSource({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const [row] = await dataSource.query('SELECT COUNT(*) AS n FROM dispute');
console.log(Number(row.n));
await dataSource.destroy();
