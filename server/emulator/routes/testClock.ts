// `POST /test/clock` moves the emulator's clock forward, so an end-to-end test can outlive a
// token without waiting in real time. Served only with EMULATOR_TEST_CLOCK=true, which the
// settings refuse outside NODE_ENV=test on a loopback HOST.
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { MovableClock } from '../../clock';
import { errorResponses } from '../http/schemas';

const testClockRouteSchema = {
  body: Type.Object({ seconds: Type.Integer({ minimum: 0, maximum: 10 * 365 * 24 * 3600 }) }),
  response: {
    200: Type.Object({ now: Type.String({ format: 'date-time' }) }),
    ...errorResponses(400, 415),
  },
};

export const testClockRoutes: FastifyPluginCallbackTypebox<{ clock: MovableClock }> = (
  app,
  { clock },
  done,
) => {
  app.post('/test/clock', { schema: testClockRouteSchema }, (request) => {
    clock.advance(request.body.seconds * 1000);
    return { now: new Date(clock.now()).toISOString() };
  });
  done();
};
