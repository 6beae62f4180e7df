import pg from 'pg';
import { startTestPostgres } from '/work/wt19/server/app/test/postgresServer';
const t = Date.now();
const server = await startTestPostgres();
console.log('started in', Date.now()-t, server.url);
const pool = new pg.Pool({ connectionString: server.url });
console.log((await pool.query('select version()')).rows[0]);
await pool.end(); await server.stop(); console.log('stopped');
