// @vitest-environment jsdom
import { NavigationType } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createBlockableHistory,
  type BlockableHistory,
  type HistoryUpdate,
} from './blockableHistory';

let history: BlockableHistory;
let updates: HistoryUpdate[];
let stopListening: () => void;

const path = () => window.location.pathname + window.location.search;

beforeEach(() => {
  window.history.replaceState(null, '', '/start');
  history = createBlockableHistory(window);
  updates = [];
  stopListening = history.listen((update) => updates.push(update));
});

afterEach(() => stopListening());

describe('createBlockableHistory', () => {
  it('pushes and replaces entries, telling its listener', () => {
    history.push({ pathname: '/list', search: '?q=a', hash: '' });
    expect(path()).toBe('/list?q=a');
    expect(history.location).toMatchObject({ pathname: '/list', search: '?q=a' });
    history.replace('/other', { from: 'test' });
    expect(path()).toBe('/other');
    expect(history.location.state).toEqual({ from: 'test' });
    expect(updates.map((update) => [update.action, update.location.pathname])).toEqual([
      [NavigationType.Push, '/list'],
      [NavigationType.Replace, '/other'],
    ]);
  });

  it('reports Back as a pop to the earlier entry', async () => {
    history.push('/a');
    history.push('/b');
    history.go(-1);
    await vi.waitFor(() => expect(history.location.pathname).toBe('/a'));
    expect(history.action).toBe(NavigationType.Pop);
    expect(path()).toBe('/a');
  });

  it('holds a push back while a blocker says so, and lets it go on retry', () => {
    const held: { retry?: () => void } = {};
    const seen: string[] = [];
    history.block(({ from, to }, retry) => {
      seen.push(`${from.pathname} → ${to.pathname}`);
      held.retry = retry;
      return true;
    });
    history.push('/elsewhere');
    expect(path()).toBe('/start');
    expect(updates).toHaveLength(0);
    expect(seen).toEqual(['/start → /elsewhere']);

    held.retry?.();
    expect(path()).toBe('/elsewhere');
    expect(updates.map((update) => update.location.pathname)).toEqual(['/elsewhere']);
    // Retrying does not ask again.
    expect(seen).toHaveLength(1);
  });

  it('puts the address back after a held-back Back, and goes back on retry', async () => {
    history.push('/list');
    history.push('/list/7/edit');
    updates.length = 0;
    const held: { retry?: () => void } = {};
    const unblock = history.block((_, retry) => {
      held.retry = retry;
      return true;
    });

    history.go(-1);
    await vi.waitFor(() => expect(held.retry).toBeDefined());
    // The browser moved first; the history returns it to the form's entry, and the router
    // hears of nothing.
    await vi.waitFor(() => expect(path()).toBe('/list/7/edit'));
    expect(updates).toHaveLength(0);
    expect(history.location.pathname).toBe('/list/7/edit');

    unblock();
    held.retry?.();
    await vi.waitFor(() => expect(history.location.pathname).toBe('/list'));
    expect(path()).toBe('/list');
    expect(updates.map((update) => [update.action, update.location.pathname])).toEqual([
      [NavigationType.Pop, '/list'],
    ]);
  });

  it('lets everything through once the blocker is removed or says no', () => {
    const unblock = history.block(({ to }) => to.pathname === '/held');
    history.push('/free');
    expect(path()).toBe('/free');
    history.push('/held');
    expect(path()).toBe('/free');
    unblock();
    history.push('/held');
    expect(path()).toBe('/held');
  });
});
