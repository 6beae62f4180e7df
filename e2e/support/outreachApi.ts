// Checks what the server really holds, straight from the emulator's API with a token minted by
// the project's own `npm run token` on the same DATA_DIR: no mocks between the test and the data.
import { execFileSync } from 'node:child_process';
import { expect } from '@playwright/test';
import type { Role } from './signIn';

const JSON_API = 'application/vnd.api+json';

export type StoredPurpose = { id: number; name: string; order: number | null };

/**
 * A token for a seeded user; `scope` as `npm run token -- --scope` takes it (default
 * callPurposes.all), `ttlSeconds` shortens its life (default: the emulator's).
 */
export function tokenFor(
  role: Role,
  dataDir: string,
  { ttlSeconds, scope = 'callPurposes.all' }: { ttlSeconds?: number; scope?: string } = {},
): string {
  const ttl = ttlSeconds === undefined ? {} : { EMULATOR_TOKEN_TTL_SECONDS: String(ttlSeconds) };
  return execFileSync('npm', ['run', '--silent', 'token', '--', role, '--scope', scope], {
    env: { ...process.env, DATA_DIR: dataDir, ...ttl },
    encoding: 'utf8',
  }).trim();
}

/**
 * Moves the clock of the emulator at `emulatorUrl` (started with EMULATOR_TEST_CLOCK=true; when
 * embedded, the app server's clock moves with it) `seconds` forward: every token issued so far
 * with a shorter life is then expired, without waiting for it in real time.
 */
export async function moveEmulatorClock(emulatorUrl: string, seconds: number): Promise<void> {
  const response = await fetch(`${emulatorUrl}/test/clock`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ seconds }),
  });
  expect(response.status, await response.text()).toBe(200);
}

type Resource = { id: number | string; attributes: { name: string; order: number | null } };

export class OutreachApi {
  constructor(
    private readonly apiUrl: string,
    private readonly token: string,
  ) {}

  async request(path: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
    return fetch(`${this.apiUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        Authorization: `Bearer ${this.token}`,
        Accept: JSON_API,
        ...(init.body === undefined ? {} : { 'Content-Type': JSON_API }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  }

  /** Every purpose, following `links.next` to the end; `sort` as the API takes it. */
  async list(sort?: string): Promise<StoredPurpose[]> {
    const purposes: StoredPurpose[] = [];
    let path: string | null =
      `/callPurposes?page%5Bsize%5D=1000${sort === undefined ? '' : `&sort=${sort}`}`;
    while (path !== null) {
      const response = await this.request(path);
      if (!response.ok) throw new Error(`list answered ${response.status}`);
      const page = (await response.json()) as { data: Resource[]; links?: { next?: string } };
      purposes.push(...page.data.map(toStored));
      const next = page.links?.next;
      path = next ? next.slice(next.indexOf('/api/v2') + '/api/v2'.length) : null;
    }
    return purposes;
  }

  async findByName(name: string): Promise<StoredPurpose | undefined> {
    return (await this.list()).find((purpose) => purpose.name === name);
  }

  async create(name: string): Promise<StoredPurpose> {
    const response = await this.request('/callPurposes', {
      method: 'POST',
      body: { data: { type: 'callPurpose', attributes: { name } } },
    });
    if (response.status !== 201) throw new Error(`create answered ${response.status}`);
    return toStored(((await response.json()) as { data: Resource }).data);
  }

  /** `meta.count` of the calls logged with this purpose (the token needs `calls.read`). */
  async callCount(purposeId: number): Promise<number> {
    const response = await this.request(
      `/calls?filter%5BcallPurpose%5D%5Bid%5D=${purposeId}&page%5Bsize%5D=1&count=true`,
    );
    if (!response.ok) throw new Error(`calls answered ${response.status}`);
    return ((await response.json()) as { meta: { count: number } }).meta.count;
  }

  async rename(id: number, name: string): Promise<void> {
    const response = await this.request(`/callPurposes/${id}`, {
      method: 'PATCH',
      body: { data: { type: 'callPurpose', id, attributes: { name } } },
    });
    if (response.status !== 200) throw new Error(`rename answered ${response.status}`);
  }

  async status(path: string): Promise<number> {
    const response = await this.request(path);
    await response.arrayBuffer();
    return response.status;
  }
}

function toStored(resource: Resource): StoredPurpose {
  return {
    id: Number(resource.id),
    name: resource.attributes.name,
    order: resource.attributes.order,
  };
}
