// The emulator's answers are JSON and two small HTML pages (consent, rejected request): nothing
// of theirs may run script, be framed or sniffed. The pages widen `style-src` to their one
// inline stylesheet by hash (oauth/consentPage.ts); no `form-action`, because the consent
// form's answer redirects to the client's own origin.
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    // Served over plain http on a laptop; the app server sets HSTS for its public origin.
    strictTransportSecurity: false,
  });
}
