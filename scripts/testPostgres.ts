// A private PostgreSQL for the end-to-end run (Playwright starts it as a web server, on the port
// given, and stops it with SIGTERM): a new cluster in a temporary directory, removed on exit.
import { startTestPostgres } from '../server/app/test/postgresServer';

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0) throw new Error('usage: testPostgres.ts <port>');
const postgres = await startTestPostgres(port);
console.log(`PostgreSQL for the e2e run at ${postgres.url}`);
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    void postgres.stop().then(() => process.exit(0));
  });
}
