// Checks what the server really holds, straight from the emulator's API with a token minted by
// the project's own `npm run token` on the same DATA_DIR: no mocks between the test and the data.
import { execFileSync } from 'node:child_process';
import type { Role } from './signIn';

const JSON_API = 'application/vnd.api+json';

export type StoredPurpose = { id: number; name: string; order: number | null };

export function tokenFor(role: Role, dataDir: string, scope = 'callPurposes.all'): string {
  return execFileSync('npm', ['run', '--silent', 'token', '--', role, '--scope', scope], {
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
