// `npm run emulator`: the emulator alone, at Outreach's paths (/api/v2, /oauth). The only place
// the standalone emulator reads its environment; everything below takes options.
import closeWithGrace from 'close-with-grace';
import { movableClock } from '../clock';
import { buildEmulatorServer } from './app';
import { formatEmulatorConfigErrors, parseEmulatorConfig } from './config';

const parsed = parseEmulatorConfig(process.env);
if (!parsed.ok) {
  console.error(formatEmulatorConfigErrors(parsed.errors));
  process.exit(1);
}
const config = parsed.config;
const testClock = config.testClock ? { movableClock: movableClock() } : {};
const app = await buildEmulatorServer(
  { ...config.options, ...testClock },
  {
    logger: { level: config.logLevel },
    forceCloseConnections: 'idle',
  },
);

// SIGTERM/SIGINT: stop accepting, let in-flight requests finish, then close SQLite cleanly
// (onClose). A second signal, or 10 s, forces the exit.
closeWithGrace({ delay: 10_000 }, async ({ err }) => {
  if (err !== undefined) app.log.error({ err }, 'emulator crashed');
  await app.close();
});

await app.listen({ port: config.port, host: config.host });
const address = app.server.address();
const port = typeof address === 'object' && address !== null ? address.port : config.port;
// Tests and scripts read this line to learn the port when EMULATOR_PORT=0.
console.log(
  `Outreach emulator listening on http://${config.host}:${port} (data: ${config.options.dataDir})`,
);
