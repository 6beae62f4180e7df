// @vitest-environment jsdom
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ToastProvider } from '../../../components/toast/ToastProvider';
import { callPurposesQueryOptions } from '../api/getCallPurposes';
import { CallPurposeTable } from '../components/CallPurposeTable';
import { ReorderableCallPurposes } from './ReorderableCallPurposes';

const NAMES = [
  'Initial Contact',
  'Follow Up',
  'Discovery Call',
  'Demo',
  'Pricing Discussion',
  'Negotiation',
  'Check-in',
  'Renewal',
];

type Row = { id: number; name: string; order: number | null; locked: boolean };

/** The network, as the app server would answer: a list GET and order PATCHes. */
function fakeApi({ admin }: { admin: boolean }) {
  const rows: Row[] = NAMES.map((name, index) => ({
    id: index + 1,
    name,
    order: (index + 1) * 10,
    locked: index < 2,
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
  const json = (body: unknown, status = 200) =>
    Promise.resolve(
      new Response(JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/vnd.api+json' },
      }),
    );
  const fetch = vi.fn((input: string, init?: RequestInit) => {
    const url = new URL(input, 'http://app.test');
    if ((init?.method ?? 'GET') === 'GET' && url.pathname === '/api/v2/callPurposes') {
      return json({ data: rows.map(resource), links: {} });
    }
    const match = /^\/api\/v2\/callPurposes\/(\d+)$/.exec(url.pathname);
    const row = rows.find((candidate) => candidate.id === Number(match?.[1]));
    if (init?.method === 'PATCH' && row && refuse.has(row.id)) {
      const detail = `You may not edit ${row.name}`;
      return json({ errors: [{ id: 'unauthorizedRequest', title: 'Forbidden', detail }] }, 403);
    }
    if (init?.method === 'PATCH' && row) {
      if (typeof init.body !== 'string') throw new Error('PATCH without a JSON body');
      const order = (JSON.parse(init.body) as { data: { attributes: { order: number } } }).data
        .attributes.order;
      row.order = order;
      patches.push({ id: row.id, order });
      return json({ data: resource(row) });
    }
    return json({ errors: [{ id: 'notFound', title: 'Not found' }] }, 404);
  });
  return { fetch, patches, refuse };
}

function List({ search = '' }: { search?: string }) {
  const { data } = useQuery(callPurposesQueryOptions());
  if (!data) return <p>Loading</p>;
  const visible = data.filter((purpose) => purpose.name.toLowerCase().includes(search));
  return (
    <ReorderableCallPurposes
      purposes={data}
      filtered={search !== ''}
      renderTable={(Row) => (
        <CallPurposeTable
          purposes={visible}
          positionOf={(purpose) => data.indexOf(purpose) + 1}
          onEdit={() => undefined}
          onDelete={() => undefined}
          Row={Row}
        />
      )}
    />
  );
}

async function renderList({ admin = false, search = '' } = {}) {
  const api = fakeApi({ admin });
  vi.stubGlobal('fetch', api.fetch);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <List search={search} />
      </ToastProvider>
    </QueryClientProvider>,
  );
  await screen.findByRole('table');
  // The drag-and-drop chunk loads after the table shows.
  await screen.findAllByRole('button', { name: /^Reorder / });
  const names = () => screen.getAllByRole('rowheader').map((cell) => cell.textContent ?? '');
  return { api, queryClient, names };
}

beforeEach(() => {
  // jsdom has no modal dialogs; the Sort A–Z confirmation only needs `open` to flip.
  // Compared, not read with `??=`: a method read off the prototype would be an unbound method.
  const dialog = HTMLDialogElement.prototype;
  if (dialog.showModal === undefined) {
    dialog.showModal = function showModal(this: HTMLDialogElement) {
      this.open = true;
    };
  }
  if (dialog.close === undefined) {
    dialog.close = function close(this: HTMLDialogElement) {
      this.open = false;
    };
  }
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

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
    await waitFor(() => expect(screen.getByText('Demo moved to position 1 of 8.')).toBeTruthy());
    expect(api.patches).toEqual([{ id: 4, order: 5 }]);
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
    expect(api.patches).toEqual([{ id: 3, order: 1080 }]);
  });

  it('turns reordering off while the search filters the list, and says so', async () => {
    const user = userEvent.setup();
    await renderList({ search: 'd' });
    expect(
      screen.getByText(
        'Reordering is off while the search filters the list. Clear the search to reorder.',
      ),
    ).toBeTruthy();
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
    expect(screen.getByRole('button', { name: 'Reorder Initial Contact' })).toBeTruthy();
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
    expect(
      await screen.findByText(
        "Couldn't save the new order. Renewal: You may not edit Renewal. The list shows the order saved on the server.",
      ),
    ).toBeTruthy();
    expect(names()).toEqual(before);

    api.refuse.clear();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(names()[0]).toBe('Renewal'));
    expect(api.patches).toEqual([{ id: 8, order: 5 }]);
  });

  it('reorders by keyboard, announcing each step with names and positions', async () => {
    // jsdom lays nothing out: give each row a 48 px slot by its position, as a browser would.
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (
      this: Element,
    ) {
      const row = this.closest('tbody tr');
      const index = row ? [...(row.parentElement?.children ?? [])].indexOf(row) : 0;
      return DOMRect.fromRect({ x: 0, y: row ? index * 48 : 0, width: 600, height: row ? 48 : 0 });
    });
    const user = userEvent.setup();
    const { api, names } = await renderList();
    const live = () => document.querySelector('[id^="DndLiveRegion"]')?.textContent;
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
      expect(document.querySelector('[id^="DndLiveRegion"]')?.textContent).toBe(
        'Reordering cancelled. Demo returned to position 4 of 8.',
      ),
    );
    expect(names()).toEqual(before);
    expect(api.patches).toEqual([]);
  });
});
