import { describe, expect, it } from 'vitest';
import { callPurposeListPath, showsCallPurposeList } from './firstPageRequests';

describe('showsCallPurposeList', () => {
  it('is true where the SPA shows the list (its dialogs included) and at /, which leads there', () => {
    for (const path of ['/', '/call-purposes', '/call-purposes/new', '/call-purposes/3/edit']) {
      expect(showsCallPurposeList(path)).toBe(true);
    }
  });

  it('is false elsewhere, a path that only starts with the same letters included', () => {
    for (const path of ['/sign-in', '/call-purposes-archive', '/nowhere', '']) {
      expect(showsCallPurposeList(path)).toBe(false);
    }
  });
});

describe('callPurposeListPath', () => {
  it('asks for the largest page, with the rights and creators the list shows', () => {
    const url = new URL(callPurposeListPath(), 'http://localhost');
    expect(url.pathname).toBe('/api/v2/callPurposes');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      provideAuthorizationMeta: 'true',
      include: 'creator',
      'page[size]': '1000',
    });
  });
});
