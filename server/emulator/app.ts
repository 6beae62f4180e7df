import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { registerHealthRoutes, ReadinessChecks } from '../shared/health';
import { frameworkErrorHandler } from '../shared/jsonApiErrors';
import { timeoutServerOptions } from '../shared/timeouts';
import { emulatorPlugin, type EmulatorOptions } from './plugin';

/**
 * The standalone emulator server (used by main.ts and the tests): the plugin at the root,
 * `/healthz` and `/readyz`, and JSON:API answers even for requests the router rejects before
 * any plugin runs. Building only: `main.ts` listens.
 */
export async function buildEmulatorServer(
  options: EmulatorOptions,
  serverOptions: FastifyServerOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    ...timeoutServerOptions(),
    ...serverOptions,
    frameworkErrors: frameworkErrorHandler,
  });
  const readiness = new ReadinessChecks();
  registerHealthRoutes(app, readiness);
  await app.register(emulatorPlugin, { ...options, readiness });
  return app;
}
