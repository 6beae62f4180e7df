// The composed server (buildApp: the app server with its embedded emulator, or a real upstream)
// as the integration tests start it: settings parsed from an environment as `npm start` parses
// them, a fresh DATA_DIR and a fake dist/, listening on a free port (unless `listen: false`,
// for tests that only inject requests).
import { rmSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { buildApp, type BuildOptions } from '../buildApp';
import { parseAppConfig, type AppConfig } from '../app/config';
import { resolveSessionSecret } from '../app/sessionSecret';
import { fakeDist, freePort, tempDir } from '../app/test/harness';

export interface ComposedServer {
  app: FastifyInstance;
  config: AppConfig;
  /** `http://localhost:<port>` (the public URL unless PUBLIC_URL says otherwise). */
  url: string;
  port: number;
  dataDir: string;
  distDir: string;
  /** Closes the server and removes its DATA_DIR and dist/. */
  stop(): Promise<void>;
}

export interface ComposedOptions {
  /** Settings as environment variables, besides PORT, DATA_DIR and NODE_ENV=test. */
  env?: Record<string, string>;
  build?: BuildOptions;
  /** Config values no setting reaches (short upstream timeouts). */
  override?: Partial<AppConfig>;
  port?: number;
  dataDir?: string;
  distDir?: string;
  listen?: boolean;
}

export async function startComposed(options: ComposedOptions = {}): Promise<ComposedServer> {
  const { env = {}, build = {}, override = {}, listen = true } = options;
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? tempDir('data');
  const distDir = options.distDir ?? fakeDist();
  const parsed = parseAppConfig(
    { PORT: String(port), DATA_DIR: dataDir, NODE_ENV: 'test', ...env },
    { distDir },
  );
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const config = { ...resolveSessionSecret(parsed.config), ...override };
  const app = await buildApp(config, build);
  if (listen) await app.listen({ port, host: config.HOST });
  return {
    app,
    config,
    url: `http://localhost:${port}`,
    port,
    dataDir,
    distDir,
    async stop() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(distDir, { recursive: true, force: true });
    },
  };
}
