// Settings from the environment: one TypeBox schema per server, whose `Static` type is the
// settings' type, validated by env-schema and reported all at once, so a person fixing a
// deployment sees every problem in one message instead of one per restart. Each setting says
// what it must be (`mustBe`), and that sentence is the whole error message.
import type { Ajv } from 'ajv';
import envSchema from 'env-schema';
import Type, { type Static, type TObject } from 'typebox';

export type Env = Record<string, string | undefined>;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
/** `hint`: how to put a refused value right; `secret`: the message gives its length, not it. */
type Extra = { hint?: string; secret?: true };

/** Digits only (no sign, exponent, hex or point), within range; always has a default. */
export const wholeNumber = (minimum: number, maximum: number, fallback: number, about: string) =>
  Type.Integer({ minimum, maximum, default: fallback, description: about });

export const text = (about: string, options: { minLength?: number } & Extra = {}) =>
  Type.Optional(Type.String({ description: about, ...options }));

export const textOr = (fallback: string, about: string) =>
  Type.String({ default: fallback, description: about });

/** `true` or `false` only, off unless asked for by name. */
export const flag = (about: string) =>
  Type.Boolean({ default: false, description: about, mustBe: 'must be true or false' });

export const oneOf = <const V extends string[]>(values: V, fallback: V[number], about: string) =>
  Type.Enum(values, { default: fallback, description: about });

/** A string in one of `formats`; `mustBe` says what the format asks for. */
const formatted = (format: keyof typeof formats, about: string, mustBe: string, extra?: Extra) =>
  Type.Optional(Type.String({ format, description: about, mustBe, ...extra }));

export const httpUrl = (example: string, about: string) =>
  formatted('http-url', about, `must be an http(s) URL such as ${example}`);

export const httpOrigin = (about: string, hint: string) =>
  formatted('http-origin', about, 'must be an origin without a path, query or fragment', { hint });

/** Comma-separated http(s) URLs without fragments (RFC 6749 §3.1.2 redirect URIs). */
export const httpUrlList = (about: string) =>
  formatted('http-url-list', about, 'must be comma-separated http(s) URLs without a fragment');

/** Never echoed back: it may hold a password. */
export const redisUrl = (about: string) =>
  formatted(
    'redis-url',
    about,
    'must be a redis:// or rediss:// URL such as redis://localhost:6379/0',
    {
      secret: true,
    },
  );

/** Never echoed back: it may hold a password. */
export const postgresUrl = (about: string) =>
  formatted(
    'postgres-url',
    about,
    'must be a postgres:// or postgresql:// URL such as postgres://app@localhost:5432/callpurposes',
    { secret: true },
  );

export const splitList = (value = ''): string[] =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

const asHttpUrl = (value: string) => {
  const url = URL.parse(value);
  return url?.protocol === 'http:' || url?.protocol === 'https:' ? url : undefined;
};

const formats = {
  'http-url': (value: string) => asHttpUrl(value) !== undefined,
  'http-origin': (value: string) => `${asHttpUrl(value)?.origin}/` === asHttpUrl(value)?.href,
  'redis-url': (value: string) => /^rediss?:\/\/\S+$/.test(value) && URL.canParse(value),
  'postgres-url': (value: string) => /^postgres(?:ql)?:\/\/\S+$/.test(value) && URL.canParse(value),
  'http-url-list': (value: string) => splitList(value).every((uri) => asHttpUrl(uri)?.hash === ''),
};

function withSettingKeywords(ajv: Ajv): Ajv {
  for (const keyword of ['mustBe', 'hint', 'secret']) ajv.addKeyword(keyword);
  for (const [name, validate] of Object.entries(formats)) ajv.addFormat(name, validate);
  return ajv;
}

/** Blank means unset, and surrounding spaces are a copy-paste accident, not part of the value. */
export const isSet = (env: Env, name: string): boolean => (env[name]?.trim() ?? '') !== '';

type Setting = Extra & {
  type?: string;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  mustBe?: string;
};

/** One sentence per refused setting, naming it and the value it got (or a secret's length). */
function describe(name: string, setting: Setting, raw: string): string {
  const { minimum, maximum, minLength } = setting;
  const mustBe =
    setting.type === 'integer'
      ? `must be a whole number from ${minimum} to ${maximum}`
      : setting.enum !== undefined
        ? `must be one of ${setting.enum.join(', ')}`
        : (setting.mustBe ?? `must be at least ${minLength} characters long`);
  const message = `${name} ${mustBe} (${setting.secret ? `it has ${raw.length} characters` : `got "${raw}"`})`;
  return setting.hint === undefined ? `${message}.` : `${message}; ${setting.hint}`;
}

/**
 * Validates the settings `schema` names (and only those) and fills in defaults. Whole numbers
 * must be digits before ajv's coercion turns them into numbers, so "1e3" or "+80" never pass.
 */
export function readSettings<S extends TObject>(schema: S, env: Env) {
  const properties = schema.properties as Record<string, Setting>;
  const input: Env = {};
  const refused = new Set<string>();
  for (const [name, setting] of Object.entries(properties)) {
    if (!isSet(env, name)) continue;
    input[name] = env[name]?.trim();
    if (setting.type === 'integer' && !/^\d+$/.test(input[name] ?? '')) refused.add(name);
  }
  try {
    const values = envSchema<Static<S>>({
      schema: structuredClone(schema),
      data: { ...input },
      env: false,
      ajv: { customOptions: withSettingKeywords },
    });
    if (refused.size === 0) return { ok: true as const, values };
  } catch (error) {
    const errors = (error as { errors?: { instancePath: string }[] }).errors;
    if (errors === undefined) throw error;
    for (const problem of errors) refused.add(problem.instancePath.slice(1));
  }
  const errors = Object.keys(properties).filter((name) => refused.has(name));
  return {
    ok: false as const,
    errors: errors.map((name) => describe(name, properties[name] ?? {}, input[name] ?? '')),
  };
}

/** One message naming everything that is wrong, for the console; both servers use it. */
export function formatSettingErrors(server: string, errors: readonly string[], advice?: string) {
  const count = errors.length === 1 ? 'one setting needs' : `${errors.length} settings need`;
  const lines = [
    `${server} cannot start: ${count} fixing.`,
    ...errors.map((error) => `  - ${error}`),
  ];
  return [...lines, ...(advice === undefined ? [] : [advice])].join('\n');
}
