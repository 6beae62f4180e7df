// @vitest-environment jsdom
// Issue 17, point 2: a public demo (EMULATOR_PUBLIC_DEMO) says on every page that anyone can
// sign in as anyone; the SPA learns it from GET /auth/config, which needs no session.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { forgetSession } from '../lib/session';
import { deferred } from '../testing/deferred';
import { mswServer, withMswServer } from '../testing/mswServer';
import { PublicDemoNotice } from './PublicDemoNotice';

withMswServer();
afterEach(cleanup);

/** Renders the notice against a server whose config says `publicDemo`; resolves once asked. */
async function renderWith(publicDemo: boolean) {
  let asked = false;
  mswServer.use(
    http.get('/auth/config', () => {
      asked = true;
      return HttpResponse.json({ publicDemo });
    }),
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <PublicDemoNotice />
    </QueryClientProvider>,
  );
  await waitFor(() => expect(asked).toBe(true));
  await waitFor(() => expect(client.isFetching()).toBe(0));
}

describe('PublicDemoNotice', () => {
  it('says "Demo: anyone can sign in as anyone" on a public demo', async () => {
    await renderWith(true);
    expect(await screen.findByRole('note')).toHaveProperty(
      'textContent',
      'Demo: anyone can sign in as anyone',
    );
  });

  it('stays when a session ends while the config is on its way (the sign-in page shows it too)', async () => {
    const asked = deferred();
    const answer = deferred();
    mswServer.use(
      http.get('/auth/config', async () => {
        asked.resolve();
        await answer.promise;
        return HttpResponse.json({ publicDemo: true });
      }),
    );
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    client.setQueryData(['session'], { user: { name: 'Alex' } });
    render(
      <QueryClientProvider client={client}>
        <PublicDemoNotice />
      </QueryClientProvider>,
    );
    await asked.promise;
    // What the app does on a 401 or a sign-out: the signed-in user's answers go, the config stays.
    forgetSession(client);
    answer.resolve();
    expect(await screen.findByRole('note')).toHaveProperty(
      'textContent',
      'Demo: anyone can sign in as anyone',
    );
    expect(client.getQueryData(['session'])).toBeUndefined();
  });

  it('shows nothing otherwise', async () => {
    await renderWith(false);
    expect(screen.queryByRole('note')).toBeNull();
  });
});
