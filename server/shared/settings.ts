// Settings from the environment: one TypeBox schema per server, whose `Static` type is the
// settings' type, validated by env-schema and reported all at once, so a person fixing a
// deployment sees every problem in one message instead of one per restart. The message for a
// refused value is derived from its schema (range, enum, format, `examples`); `writeOnly` marks a
// secret, whose length is shown instead of it, and `hint` says how to put a value right.
import type { Ajv } from 'ajv';
import envSchema from 'env-schema';
import Type, { type Static, type TObject } from 'typebox';

export type Env = Record<string, string | undefined>;

/** Digits only (no sign, exponent, hex or point), within range; always has a default. */
export const wholeNumber = (minimum: number, maximum: number, fallback: number, about: string) =>
  Type.Integer({ minimum, maximum, default: fallback, description: about });

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
export const logLevel = (fallback: string, description: string) =>
  Type.Enum(LOG_LEVELS, { default: fallback, description });

type Extra = { format?: keyof typeof FORMATS; examples?: string[]; minLength?: number };

/** An optional string; `format` names one of FORMATS. */
export const text = (about: string, extra: Extra & Secret = {}) =>
  Type.Optional(Type.String({ description: about, ...extra }));

export const textOr = (fallback: string, about: string) =>
  Type.String({ default: fallback, description: about });

export const httpUrl = (example: string, about: string) =>
  text(about, { format: 'http-url', examples: [example] });

/** `true` or `false` only, off unless asked for by name. */
export const flag = (about: string) => Type.Boolean({ default: false, description: about });

const asHttpUrl = (value: string) => {
  const url = URL.parse(value);
  return url?.protocol === 'http:' || url?.protocol === 'https:' ? url : undefined;
};

export const splitList = (value = '') =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

/** Each format: what it asks for, and its check. */
const FORMATS = {
  'http-url': ['an http(s) URL', (value: string) => asHttpUrl(value) !== undefined],
  'http-origin': [
    'an origin without a path, query or fragment',
    (value: string) => `${asHttpUrl(value)?.origin}/` === asHttpUrl(value)?.href,
  ],
  'redis-url': [
    'a redis:// or rediss:// URL',
    (value: string) => /^rediss?:\/\/\S+$/.test(value) && URL.canParse(value),
  ],
  'postgres-url': [
    'a postgres:// or postgresql:// URL',
    (value: string) => /^postgres(?:ql)?:\/\/\S+$/.test(value) && URL.canParse(value),
  ],
  // Redirect URIs never carry a fragment (RFC 6749 §3.1.2).
  'http-url-list': [
    'comma-separated http(s) URLs without a fragment',
    (value: string) => splitList(value).every((uri) => asHttpUrl(uri)?.hash === ''),
  ],
} as const;

type Setting = Extra & { type?: string; enum?: string[]; minimum?: number; maximum?: number };
/** `writeOnly`: a secret, whose length a message gives instead of it; `hint`: how to put it right. */
type Secret = { writeOnly?: boolean; hint?: string };

/** One sentence per refused setting, naming it and the value it got (or a secret's length). */
function describe(name: string, setting: Setting & Secret, raw = '') {
  const { minimum, maximum, format, examples } = setting;
  const mustBe =
    setting.type === 'integer'
      ? `a whole number from ${minimum} to ${maximum}`
      : setting.type === 'boolean'
        ? 'true or false'
        : setting.enum !== undefined
          ? `one of ${setting.enum.join(', ')}`
          : format === undefined
            ? `at least ${setting.minLength} characters long`
            : `${FORMATS[format][0]}${examples === undefined ? '' : ` such as ${examples[0]}`}`;
  const got = setting.writeOnly ? `it has ${raw.length} characters` : `got "${raw}"`;
  return `${name} must be ${mustBe} (${got})${setting.hint === undefined ? '.' : `; ${setting.hint}`}`;
}

/** Blank means unset, and surrounding spaces are a copy-paste accident, not part of the value. */
export const isSet = (env: Env, name: string): boolean => (env[name]?.trim() ?? '') !== '';

/**
 * Validates the settings `schema` names (and only those) and fills in defaults. Whole numbers
 * must be digits before ajv's coercion turns them into numbers, so "1e3" or "+80" never pass.
 */
export function readSettings<S extends TObject>(schema: S, env: Env) {
  const settings = schema.properties as Record<string, Setting & Secret>;
  const given: Env = {};
  const refused = new Set<string>();
  for (const [name, setting] of Object.entries(settings)) {
    if (!isSet(env, name)) continue;
    given[name] = env[name]?.trim();
    if (setting.type === 'integer' && !/^\d+$/.test(given[name] ?? '')) refused.add(name);
  }
  const withFormats = (ajv: Ajv) => {
    for (const [name, [, check]] of Object.entries(FORMATS)) ajv.addFormat(name, check);
    return ajv.addKeyword('hint');
  };
  try {
    const data = { ...given };
    const ajv = { customOptions: withFormats };
    const values = envSchema<Static<S>>({ schema: structuredClone(schema), data, env: false, ajv });
    if (refused.size === 0) return { ok: true as const, values };
  } catch (error) {
    const { errors } = error as { errors?: { instancePath: string }[] };
    if (errors === undefined) throw error;
    for (const { instancePath } of errors) refused.add(instancePath.slice(1));
  }
  const names = Object.keys(settings).filter((name) => refused.has(name));
  const errors = names.map((name) => describe(name, settings[name] ?? {}, given[name]));
  return { ok: false as const, errors };
}

/** One message naming everything that is wrong, for the console; both servers use it. */
export function formatSettingErrors(server: string, errors: readonly string[], advice = '') {
  const count = errors.length === 1 ? 'one setting needs' : `${errors.length} settings need`;
  const lines = errors.map((error) => `  - ${error}`);
  return [`${server} cannot start: ${count} fixing.`, ...lines, advice].join('\n').trimEnd();
}
