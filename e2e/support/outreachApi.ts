// Checks what the server really holds, straight from the emulator's API with a token minted by
// the project's own `npm run token` on the same DATA_DIR: no mocks between the test and the data.
import { execFileSync } from 'node:child_process';
import type { Role } from './signIn';

const JSON_API = 'application/vnd.api+json';

export type StoredPurpose = { id: number; name: string; order: number | null };

export function tokenFor(role: Role, dataDir: string): string {
  return execFileSync('npm', ['run', '--silent', 'token', '--', role], {
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
  }).trim();
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

  /** Every purpose, following `links.next` to the end. */
  async list(): Promise<StoredPurpose[]> {
    const purposes: StoredPurpose[] = [];
    let path: string | null = '/callPurposes?page%5Bsize%5D=1000';
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
