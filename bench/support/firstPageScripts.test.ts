import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { firstPageScripts } from './firstPageScripts';

let dist: string;

function build(files: Record<string, string>) {
  dist = mkdtempSync(join(tmpdir(), 'first-page-scripts-'));
  mkdirSync(join(dist, 'assets'));
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dist, path), text);
}

afterEach(() => rmSync(dist, { recursive: true, force: true }));

describe('firstPageScripts', () => {
  it('follows static imports from index.html, and leaves import() chunks out', () => {
    build({
      'index.html':
        '<script type="module" crossorigin src="/assets/index-a.js"></script>' +
        '<link rel="modulepreload" crossorigin href="/assets/react-b.js">' +
        '<link rel="stylesheet" href="/assets/index-c.css">',
      'assets/index-a.js':
        'import{a as e}from"./react-b.js";import"./side-d.js";' +
        'const t=()=>import("./Lazy-e.js"),n=["assets/Other-f.js"];',
      'assets/react-b.js': 'export{x as a}from"./shared-g.js";',
      'assets/side-d.js': 'import{a}from"./react-b.js";',
      'assets/shared-g.js': 'export const x=1;',
      'assets/Lazy-e.js': 'import{a}from"./react-b.js";',
      'assets/Other-f.js': '',
    });
    expect(firstPageScripts(dist)).toEqual([
      'assets/index-a.js',
      'assets/react-b.js',
      'assets/side-d.js',
      'assets/shared-g.js',
    ]);
  });
});
