// `npm run emulator`: the emulator alone, at Outreach's paths (/api/v2, /oauth).
import { readEmulatorConfig } from './config';
import { buildEmulatorServer } from './app';

const config = readEmulatorConfig(process.env);
const app = await buildEmulatorServer(config, {
  logger: { level: process.env.EMULATOR_LOG_LEVEL ?? 'warn' },
});

// Close on SIGTERM/SIGINT so SQLite checkpoints and closes cleanly; a second signal forces exit.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    process.once(signal, () => process.exit(1));
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

await app.listen({ port: config.port, host: config.host });
const address = app.server.address();
const port = typeof address === 'object' && address !== null ? address.port : config.port;
// Tests and scripts read this line to learn the port when EMULATOR_PORT=0.
console.log(
  `Outreach emulator listening on http://${config.host}:${port} (data: ${config.dataDir})`,
);
