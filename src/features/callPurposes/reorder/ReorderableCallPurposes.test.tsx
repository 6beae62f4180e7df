// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { http, HttpResponse, type JsonBodyType } from 'msw';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ToastProvider } from '../../../components/toast/ToastProvider';
import { paths } from '../../../lib/paths';
import { sessionQueryOptions, type Session } from '../../../lib/session';
import { mswServer, withMswServer } from '../../../testing/mswServer';
import { CallPurposeListPage } from '../components/CallPurposeListPage';
import { loadReorderTools } from './ReorderableCallPurposes';
import { TAIL_STEP } from './planReorder';
import {
  LAST_ORDER,
  LOCKED_COUNT,
  SEEDED_NAMES,
  TOP_ORDER,
  seededOrder,
} from './seededList.testing';

const NAMES = [...SEEDED_NAMES];

type Row = { id: number; name: string; order: number | null; locked: boolean };

/** The app server's answers, over MSW: a list GET and order PATCHes. */
function serveList({ admin }: { admin: boolean }) {
  const rows: Row[] = NAMES.map((name, index) => ({
    id: index + 1,
    name,
    order: seededOrder(index),
    locked: index < LOCKED_COUNT,
  }));
  const resource = (row: Row) => ({
    type: 'callPurpose',
    id: row.id,
    attributes: {
      name: row.name,
      order: row.order,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    },
    relationships: { creator: { data: { type: 'user', id: 1 } } },
    meta: { canWrite: admin || !row.locked, canDelete: admin },
  });
  const patches: { id: number; order: number }[] = [];
  const refuse = new Set<number>();
  const json = (body: JsonBodyType, status = 200) =>
    HttpResponse.json(body, {
      status,
      headers: { 'Content-Type': 'application/vnd.api+json' },
    });
  mswServer.use(
    http.get('/api/v2/callPurposes', () => json({ data: rows.map(resource), links: {} })),
    http.patch('/api/v2/callPurposes/:id', async ({ params, request }) => {
      const row = rows.find((candidate) => candidate.id === Number(params.id));
      if (!row) return json({ errors: [{ id: 'notFound', title: 'Not found' }] }, 404);
      if (refuse.has(row.id)) {
        const detail = `You may not edit ${row.name}`;
        return json({ errors: [{ id: 'unauthorizedRequest', title: 'Forbidden', detail }] }, 403);
      }
      const body = (await request.json()) as { data: { attributes: { order: number } } };
      row.order = body.data.attributes.order;
      patches.push({ id: row.id, order: row.order });
      return json({ data: resource(row) });
    }),
  );
  return { patches, refuse };
}

const SESSION: Session = {
  user: { id: 2, name: 'Maria Chen', email: 'maria.chen@example.com' },
  scopes: ['callPurposes.all'],
  expiresAt: '2030-01-01T00:00:00.000Z',
};

/** The real list page, as the router shows it to a signed-in user, over the fake network. */
async function renderList({ admin = false, search = '', waitForHandles = true } = {}) {
  const api = serveList({ admin });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  // <RequireSession> loads the session above the page; here it is known from the start.
  queryClient.setQueryData(sessionQueryOptions().queryKey, SESSION);
  const listPath = paths.callPurposes.list.href();
  render(
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <MemoryRouter initialEntries={[listPath]}>
          <Routes>
            <Route path={listPath} element={<CallPurposeListPage />} />
          </Routes>
        </MemoryRouter>
      </ToastProvider>
    </QueryClientProvider>,
  );
  // A condition, not a delay: the deadline only matters on a machine under heavy load.
  const loaded = { timeout: 10_000 };
  await screen.findByRole('table', {}, loaded);
  // The drag code loads after the table shows.
  if (waitForHandles) await screen.findAllByRole('button', { name: /^Reorder / }, loaded);
  if (search !== '') await userEvent.type(screen.getByLabelText('Search call purposes'), search);
  const names = () => screen.getAllByRole('rowheader').map((cell) => cell.textContent ?? '');
  return { api, queryClient, names };
}

// The reorder chunk is transformed once, up front, rather than inside the first test's wait.
beforeAll(async () => {
  await loadReorderTools();
}, 30_000);

beforeEach(() => {
  // jsdom has no modal dialogs; the Sort A–Z confirmation only needs `open` to flip.
  const dialog = HTMLDialogElement.prototype;
  if (!Reflect.has(dialog, 'showModal')) {
    dialog.showModal = function showModal(this: HTMLDialogElement) {
      this.open = true;
    };
  }
  if (!Reflect.has(dialog, 'close')) {
    dialog.close = function close(this: HTMLDialogElement) {
      this.open = false;
    };
  }
});

withMswServer();
afterEach(cleanup);

describe('ReorderableCallPurposes', () => {
  it('gives a named drag handle to each row the user may move, and none to locked rows', async () => {
    await renderList();
    expect(screen.queryByRole('button', { name: 'Reorder Initial Contact' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Reorder Follow Up' })).toBeNull();
    const handle = screen.getByRole('button', { name: 'Reorder Demo' });
    expect(handle.getAttribute('aria-roledescription')).toBe('sortable');
    await waitFor(() =>
      expect(
        document.getElementById(handle.getAttribute('aria-describedby') ?? '')?.textContent,
      ).toContain('press Space or Enter to pick up'),
    );
    expect(screen.queryByRole('button', { name: 'More actions for Initial Contact' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sort A–Z' })).toBeNull();
  });

  it('moves a purpose to the top from the row menu with one PATCH, and announces it', async () => {
    const user = userEvent.setup();
    const { api, names } = await renderList();
    await user.click(screen.getByRole('button', { name: 'More actions for Demo' }));
    const menu = screen.getByRole('menu');
    expect(document.activeElement).toBe(
      within(menu).getByRole('menuitem', { name: 'Move to top' }),
    );
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('menu')).toBeNull();
    await waitFor(() => expect(names()[0]).toBe('Demo'));
    const announcement = await screen.findByText('Demo moved to position 1 of 8.');
    expect(announcement.getAttribute('role')).toBe('status');
    expect(api.patches).toEqual([{ id: 4, order: TOP_ORDER }]);
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'More actions for Demo' }),
    );
  });

  it('moves to the bottom; the menu keys wrap and Escape closes', async () => {
    const user = userEvent.setup();
    const { api, names } = await renderList();
    const button = screen.getByRole('button', { name: 'More actions for Discovery Call' });
    button.focus();
    await user.keyboard('{ArrowDown}');
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.textContent).toBe('Move to bottom');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);

    await user.click(button);
    await user.click(screen.getByRole('menuitem', { name: 'Move to bottom' }));
    await waitFor(() => expect(names().at(-1)).toBe('Discovery Call'));
    expect(api.patches).toEqual([{ id: 3, order: LAST_ORDER + TAIL_STEP }]);
  });

  it('turns reordering off while the search filters the list, and says so', async () => {
    const user = userEvent.setup();
    await renderList({ search: 'd' });
    expect(screen.getByText(/^Reordering is off/).textContent).toBe(
      'Reordering is off while the search filters the list. Clear the search to reorder.',
    );
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Reorder Demo' }).disabled).toBe(
      true,
    );
    await user.click(screen.getByRole('button', { name: 'More actions for Demo' }));
    expect(
      screen.getByRole('menuitem', { name: 'Move to top' }).getAttribute('aria-disabled'),
    ).toBe('true');
  });

  it('lets someone who may move everything sort A–Z, after confirming', async () => {
    const user = userEvent.setup();
    const { api, names } = await renderList({ admin: true });
    // An admin may move the locked system purposes too.
    const lockedHandle = screen.getByRole<HTMLButtonElement>('button', {
      name: 'Reorder Initial Contact',
    });
    expect(lockedHandle.disabled).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Sort A–Z' }));
    const dialog = screen.getByRole('dialog', { name: 'Sort call purposes A–Z?' });
    expect(dialog.textContent).toContain('all 8 call purposes');
    await user.click(within(dialog).getByRole('button', { name: 'Sort A–Z' }));
    await waitFor(() => expect(names()).toEqual([...NAMES].sort()));
    expect(api.patches.length).toBeGreaterThan(0);
    expect(api.patches.length).toBeLessThan(8);
  });

  it('on a refused write shows the server order and a toast naming the purpose, with Retry', async () => {
    const user = userEvent.setup();
    const { api, names } = await renderList();
    const before = names();
    api.refuse.add(8);
    await user.click(screen.getByRole('button', { name: 'More actions for Renewal' }));
    await user.click(screen.getByRole('menuitem', { name: 'Move to top' }));
    const failure = await screen.findByText(
      "Couldn't save moving Renewal to the top. Renewal: You may not edit Renewal. The list shows the order saved on the server.",
    );
    expect(failure.closest('[data-tone]')?.getAttribute('data-tone')).toBe('error');
    expect(names()).toEqual(before);

    api.refuse.clear();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(names()[0]).toBe('Renewal'));
    expect(api.patches).toEqual([{ id: 8, order: TOP_ORDER }]);
  });

  it('reorders by keyboard, announcing each step with names and positions', async () => {
    const user = userEvent.setup();
    const { api, names } = await renderList();
    const live = () => document.getElementById('reorder-announcements')?.textContent;
    const handle = screen.getByRole('button', { name: 'Reorder Demo' });
    act(() => handle.focus());

    await user.keyboard(' ');
    await waitFor(() => expect(handle.getAttribute('aria-pressed')).toBe('true'));
    await waitFor(() => expect(live()).toBe('Picked up Demo, position 4 of 8.'));
    await user.keyboard('{ArrowUp}');
    await waitFor(() => expect(live()).toBe('Demo moved to position 3 of 8.'));
    await user.keyboard('{ArrowUp}');
    await waitFor(() => expect(live()).toBe('Demo moved to position 2 of 8.'));
    await user.keyboard(' ');
    await waitFor(() => expect(live()).toBe('Demo dropped at position 2 of 8.'));
    await waitFor(() =>
      expect(names().slice(0, 3)).toEqual(['Initial Contact', 'Demo', 'Follow Up']),
    );
    await waitFor(() => expect(api.patches).toEqual([{ id: 4, order: 15 }]));
    // The row moved in the DOM; the handle that carried it keeps focus.
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Reorder Demo' })),
    );
  });

  it('the table is mounted once: a menu opened before the drag code arrives stays open', async () => {
    const user = userEvent.setup();
    await renderList({ waitForHandles: false });
    const button = screen.getByRole('button', { name: 'More actions for Demo' });
    const row = button.closest('tr');
    await user.click(button);
    const item = within(screen.getByRole('menu')).getByRole('menuitem', { name: 'Move to top' });
    expect(document.activeElement).toBe(item);
    await screen.findAllByRole('button', { name: /^Reorder / }, { timeout: 10_000 });
    expect(screen.getByRole('menu')).toBeTruthy();
    expect(document.activeElement).toBe(item);
    expect(screen.getByRole('button', { name: 'More actions for Demo' }).closest('tr')).toBe(row);
  });

  it('cancels a keyboard drag with Escape and leaves the order alone', async () => {
    const user = userEvent.setup();
    const { api, names } = await renderList();
    const before = names();
    const handle = screen.getByRole('button', { name: 'Reorder Demo' });
    act(() => handle.focus());
    await user.keyboard(' ');
    await waitFor(() => expect(handle.getAttribute('aria-pressed')).toBe('true'));
    await user.keyboard('{Escape}');
    await waitFor(() =>
      expect(document.getElementById('reorder-announcements')?.textContent).toBe(
        'Reordering cancelled. Demo returned to position 4 of 8.',
      ),
    );
    expect(names()).toEqual(before);
    expect(api.patches).toEqual([]);
  });
});
