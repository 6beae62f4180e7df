// Liveness and readiness for both servers. `/healthz` says the process answers (restart it if
// not); `/readyz` says it can do its work: each part adds the checks it depends on (a database
// is open, the upstream answers) and a load balancer sends traffic only while all pass.
import type Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';

export type ReadinessCheck = () => boolean | Promise<boolean>;
export type CheckOutcome = 'ok' | 'failing';
export type Readiness = {
  ready: boolean;
  checks: Record<string, CheckOutcome>;
  counters: Record<string, number>;
};

export class ReadinessChecks {
  private readonly checks = new Map<string, ReadinessCheck>();
  private readonly counters = new Map<string, () => number>();

  add(name: string, check: ReadinessCheck): void {
    this.checks.set(name, check);
  }

  /**
   * A figure shown on /readyz's body without deciding readiness: failures the server survives
   * (a history entry it could not record) but an operator should see.
   */
  count(name: string, read: () => number): void {
    this.counters.set(name, read);
  }

  /** Runs every check at once; a check that throws is failing, never a 500. */
  async run(): Promise<Readiness> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, check]): Promise<[string, CheckOutcome]> => {
        try {
          return [name, (await check()) ? 'ok' : 'failing'];
        } catch {
          return [name, 'failing'];
        }
      }),
    );
    return {
      ready: entries.every(([, outcome]) => outcome === 'ok'),
      checks: Object.fromEntries(entries),
      counters: Object.fromEntries([...this.counters].map(([name, read]) => [name, read()])),
    };
  }
}

/** A SQLite handle that is open and answers a query. */
export function sqliteAnswers(db: Database.Database): boolean {
  return db.open && db.prepare('SELECT 1').pluck().get() === 1;
}

/**
 * Any HTTP answer short of a server error (a 401 included) means the upstream is reachable; a
 * refused or cut connection, a DNS failure, a 5xx or no answer within `timeoutMs` counts as down.
 */
export function answersHttp(url: string, timeoutMs: number): ReadinessCheck {
  return async () => {
    const response = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(timeoutMs) });
    await response.arrayBuffer();
    return response.status < 500;
  };
}

const healthzSchema = {
  response: {
    200: {
      type: 'object',
      description: 'The process is alive.',
      required: ['ok'],
      properties: { ok: { type: 'boolean' } },
    },
  },
} as const;

const readinessDocument = {
  type: 'object',
  required: ['ok', 'checks'],
  properties: {
    ok: { type: 'boolean' },
    checks: {
      type: 'object',
      description: 'Each dependency by name.',
      additionalProperties: { type: 'string', enum: ['ok', 'failing'] },
    },
    counters: {
      type: 'object',
      description: 'Failures the server survived since it started, by name.',
      additionalProperties: { type: 'integer' },
    },
  },
} as const;

const readyzSchema = {
  response: {
    200: { ...readinessDocument, description: 'Every dependency answers.' },
    503: { ...readinessDocument, description: 'At least one dependency is failing.' },
  },
} as const;

export function registerHealthRoutes(app: FastifyInstance, readiness: ReadinessChecks): void {
  app.get('/healthz', { schema: healthzSchema }, () => ({ ok: true }));
  app.get('/readyz', { schema: readyzSchema }, async (_request, reply) => {
    const { ready, checks, counters } = await readiness.run();
    return reply
      .code(ready ? 200 : 503)
      .header('cache-control', 'no-store')
      .send({ ok: ready, checks, counters });
  });
}
