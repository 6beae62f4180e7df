// Hiding a button is a courtesy; the server is the guard. An agent's hand-made writes are refused.
import { expect, test } from './support/fixtures';
import { signIn } from './support/signIn';

type Answer = { status: number; body: { errors?: { id?: string }[] } };

test('a crafted PATCH, POST and DELETE by an agent are refused by the server', async ({
  page,
  adminApi: api,
}) => {
  const before = await api.findByName('Demo');
  expect(before).toBeDefined();
  await signIn(page, 'agent');

  const answers = await page.evaluate(async (id): Promise<Answer[]> => {
    const send = async (path: string, method: string, body?: unknown): Promise<Answer> => {
      const response = await fetch(path, {
        method,
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/vnd.api+json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return {
        status: response.status,
        body: (await response.json().catch(() => ({}))) as Answer['body'],
      };
    };
    return [
      await send(`/api/v2/callPurposes/${id}`, 'PATCH', {
        data: { type: 'callPurpose', id, attributes: { name: 'Hacked by agent' } },
      }),
      await send('/api/v2/callPurposes', 'POST', {
        data: { type: 'callPurpose', attributes: { name: 'Agent purpose' } },
      }),
      await send(`/api/v2/callPurposes/${id}`, 'DELETE'),
    ];
  }, before?.id);

  for (const answer of answers) {
    expect(answer.status).toBe(403);
    expect(answer.body.errors?.[0]?.id).toBe('unauthorizedRequest');
  }
  expect(await api.findByName('Demo')).toEqual(before);
  expect(await api.findByName('Hacked by agent')).toBeUndefined();
  expect(await api.findByName('Agent purpose')).toBeUndefined();
});
