import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyServerOptions,
} from 'fastify';
import type { EmulatorConfig } from './config';
import { healthzRouteSchema } from './http/schemas';
import { emulatorPlugin } from './plugin';

/**
 * The standalone emulator server (used by main.ts and the tests): the plugin at the root,
 * `/healthz`, and JSON:API answers even for requests the router rejects before any plugin runs.
 */
export async function buildEmulatorServer(
  config: Pick<EmulatorConfig, 'dataDir'> & Partial<EmulatorConfig>,
  serverOptions: FastifyServerOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    ...serverOptions,
    frameworkErrors: (error, _request, reply) => {
      (reply as FastifyReply)
        .status(400)
        .type('application/vnd.api+json')
        .send({ errors: [{ id: 'badRequest', title: 'Bad Request', detail: error.message }] });
    },
  });
  app.get('/healthz', { schema: healthzRouteSchema }, () => ({ ok: true }));
  await app.register(emulatorPlugin, {
    dataDir: config.dataDir,
    ...(config.tokenTtlSeconds === undefined ? {} : { tokenTtlSeconds: config.tokenTtlSeconds }),
    ...(config.refreshTokenTtlSeconds === undefined
      ? {}
      : { refreshTokenTtlSeconds: config.refreshTokenTtlSeconds }),
    ...(config.rateLimit === undefined ? {} : { rateLimit: config.rateLimit }),
    ...(config.codeTtlSeconds === undefined ? {} : { codeTtlSeconds: config.codeTtlSeconds }),
  });
  return app;
}
