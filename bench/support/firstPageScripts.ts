// The JavaScript a browser fetches before the app can run, read from a build: index.html's
// module script and modulepreloads, and every chunk they import statically, transitively.
// Chunks loaded with `import()` (lazy routes, writers' dialogs, the reorder code) are left out:
// the list page never waits for one, which firstPage.bench.ts confirms from the network.
import { readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';

/** `import{a}from"./x.js"`, `import"./x.js"`, `export{a}from"./x.js"`; never `import("./x.js")`. */
const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+\.js)["']/g;

/** Paths relative to `dist`, e.g. `assets/index-abc.js`, in the order first met. */
export function firstPageScripts(dist: string): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const queue = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="\/([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\/([^"]+\.js)"/g),
  ].map((match) => match[1] as string);
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    for (const match of code.matchAll(STATIC_IMPORT)) {
      queue.push(posix.normalize(posix.join(dirname(file), match[1] as string)));
    }
  }
  return [...seen];
}
