// README's configuration table is the operator's view of the two settings schemas: every
// variable either schema reads has a row, every row names a variable one of them reads, and a
// default the schema gives is the default the row shows.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appSettingsSchema } from './app/config';
import { emulatorSettingsSchema } from './emulator/config';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const table = readme.slice(
  readme.indexOf('## Configuration'),
  readme.indexOf('\n## ', readme.indexOf('## Configuration') + 1),
);
/** Row by variable; a row may name two (`A` / `B`). */
const rows = new Map(
  table
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => {
      const [names = '', fallback = ''] = line
        .split('|')
        .slice(1)
        .map((cell) => cell.trim());
      return [...names.matchAll(/`(\w+)`/g)].map(([, name]) => [name ?? '', fallback] as const);
    }),
);
const settings = { ...appSettingsSchema.properties, ...emulatorSettingsSchema.properties };

describe("README's configuration table", () => {
  it('names exactly the variables the schemas read', () => {
    expect([...rows.keys()].sort()).toEqual(Object.keys(settings).sort());
  });

  it.each(Object.entries(settings))('shows the default %s has', (name, schema) => {
    const fallback = (schema as { default?: string | number }).default;
    if (fallback === undefined) expect(rows.get(name)).not.toMatch(/^`[^`$]*`$/);
    else expect(rows.get(name)).toBe(`\`${String(fallback)}\``);
  });

  it('agrees between the servers on the settings both read', () => {
    for (const name of ['HOST', 'DATA_DIR'] as const) {
      expect((appSettingsSchema.properties[name] as { default?: string }).default).toBe(
        (emulatorSettingsSchema.properties[name] as { default?: string }).default,
      );
    }
  });
});
