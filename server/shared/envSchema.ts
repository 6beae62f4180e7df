// Settings from the environment, read through one JSON schema per server (env-schema + ajv) and
// reported all at once: a person fixing a deployment sees every problem in one message instead of
// one per restart. The setting kinds below are the only rules there are; both configs use them,
// so "a whole number from 1 to 65535" means the same thing for PORT and EMULATOR_PORT.
import type { Ajv, ErrorObject as AjvError, SchemaValidateFunction } from 'ajv';
import envSchema from 'env-schema';

export type Env = Record<string, string | undefined>;

export type EnvResult<T> = { ok: true; values: T } | { ok: false; errors: string[] };

/** What each setting's schema may carry besides standard keywords. */
type SettingSchema = {
  type: 'string';
  default?: string;
  enum?: readonly string[];
  minLength?: number;
  examples?: readonly string[];
  /** Appended to the message when the value is refused: how to put it right. */
  hint?: string;
  wholeNumber?: readonly [number, number];
  httpUrl?: 'url' | 'origin';
  httpUrlList?: true;
};

export type EnvSchema = { type: 'object'; properties: Record<string, SettingSchema> };

/** Digits only: no sign, exponent, hex or decimal point sneaks past as a number. */
export function wholeNumber(min: number, max: number, fallback?: number): SettingSchema {
  return {
    type: 'string',
    wholeNumber: [min, max],
    ...(fallback === undefined ? {} : { default: String(fallback) }),
  };
}

export function oneOf(values: readonly string[]): SettingSchema {
  return { type: 'string', enum: values };
}

export function text(options: { minLength?: number; hint?: string } = {}): SettingSchema {
  return { type: 'string', ...options };
}

/** An absolute http(s) URL; `origin` also refuses a path, query or fragment. */
export function httpUrl(
  example: string,
  options: { origin?: boolean; hint?: string } = {},
): SettingSchema {
  return {
    type: 'string',
    httpUrl: options.origin === true ? 'origin' : 'url',
    examples: [example],
    ...(options.hint === undefined ? {} : { hint: options.hint }),
  };
}

/** Comma-separated http(s) URLs without fragments (RFC 6749 §3.1.2 redirect URIs). */
export function httpUrlList(): SettingSchema {
  return { type: 'string', httpUrlList: true };
}

function parseHttpUrl(value: string): URL | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

type KeywordValidate = SchemaValidateFunction & { errors?: Partial<AjvError>[] };

function failing(validate: KeywordValidate, keyword: string, params: Record<string, unknown>) {
  validate.errors = [{ keyword, params }];
  return false;
}

const validateWholeNumber: KeywordValidate = (
  [min, max]: [number, number],
  data: string,
  _schema,
  where,
) => {
  const value = Number(data);
  if (!/^\d+$/.test(data) || !Number.isSafeInteger(value) || value < min || value > max) {
    return failing(validateWholeNumber, 'wholeNumber', { min, max });
  }
  if (where !== undefined) where.parentData[where.parentDataProperty] = value;
  return true;
};

const validateHttpUrl: KeywordValidate = (kind: 'url' | 'origin', data: string) => {
  const url = parseHttpUrl(data);
  if (url === undefined) return failing(validateHttpUrl, 'httpUrl', { problem: 'notHttp' });
  if (kind === 'origin' && (url.pathname !== '/' || url.search !== '' || url.hash !== '')) {
    return failing(validateHttpUrl, 'httpUrl', { problem: 'notOrigin' });
  }
  return true;
};

const validateHttpUrlList: KeywordValidate = (_enabled: true, data: string, _schema, where) => {
  const uris = data
    .split(',')
    .map((uri) => uri.trim())
    .filter((uri) => uri !== '');
  const problems = uris.flatMap((uri) => {
    let url: URL;
    try {
      url = new URL(uri);
    } catch {
      return [`"${uri}" is not an absolute URL`];
    }
    return url.hash !== '' || !/^https?:$/.test(url.protocol)
      ? [`"${uri}" must be http(s) without a fragment`]
      : [];
  });
  if (problems.length > 0) {
    validateHttpUrlList.errors = problems.map((problem) => ({
      keyword: 'httpUrlList',
      params: { problem },
    }));
    return false;
  }
  if (where !== undefined) where.parentData[where.parentDataProperty] = uris;
  return true;
};

function withSettingKinds(ajv: Ajv): Ajv {
  ajv.addKeyword('hint');
  ajv.addKeyword({
    keyword: 'wholeNumber',
    type: 'string',
    modifying: true,
    errors: true,
    validate: validateWholeNumber,
  });
  ajv.addKeyword({ keyword: 'httpUrl', type: 'string', errors: true, validate: validateHttpUrl });
  ajv.addKeyword({
    keyword: 'httpUrlList',
    type: 'string',
    modifying: true,
    errors: true,
    validate: validateHttpUrlList,
  });
  return ajv;
}

function withHint(message: string, hint: string | undefined): string {
  return hint === undefined ? `${message}.` : `${message}; ${hint}`;
}

/** One sentence per problem, naming the setting and the value it got. */
function describe(error: AjvError, schema: EnvSchema, input: Env): string {
  const name = error.instancePath.replace(/^\//, '');
  const setting = schema.properties[name];
  const raw = input[name] ?? '';
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'wholeNumber':
      return `${name} must be a whole number from ${String(params.min)} to ${String(params.max)} (got "${raw}").`;
    case 'enum':
      return `${name} must be one of ${(setting?.enum ?? []).join(', ')} (got "${raw}").`;
    case 'httpUrl':
      return params.problem === 'notOrigin'
        ? withHint(
            `${name} must be an origin without a path, query or fragment (got "${raw}")`,
            setting?.hint,
          )
        : `${name} must be an http(s) URL such as ${setting?.examples?.[0] ?? 'https://example.com'} (got "${raw}").`;
    case 'httpUrlList':
      return `${name}: ${String(params.problem)}.`;
    case 'minLength':
      return withHint(
        `${name} must be at least ${String(params.limit)} characters long (it is ${raw.length})`,
        setting?.hint,
      );
    default:
      return `${name} ${error.message ?? 'is not valid'} (got "${raw}").`;
  }
}

/** Blank means unset, and surrounding spaces are a copy-paste accident, not part of the value. */
export function isSet(env: Env, name: string): boolean {
  return (env[name]?.trim() ?? '') !== '';
}

function presentSettings(env: Env, schema: EnvSchema): Env {
  const present: Env = {};
  for (const name of Object.keys(schema.properties)) {
    if (isSet(env, name)) present[name] = env[name]?.trim();
  }
  return present;
}

/**
 * Validates the settings `schema` names (and only those) and fills in defaults; whole numbers
 * come back as numbers and URL lists as arrays. Never throws for a bad value: every problem is
 * in `errors`.
 */
export function readEnv<T>(schema: EnvSchema, env: Env): EnvResult<T> {
  const input = presentSettings(env, schema);
  try {
    const values = envSchema<T>({
      schema: structuredClone(schema),
      data: { ...input },
      env: false,
      ajv: { customOptions: withSettingKinds },
    });
    return { ok: true, values };
  } catch (error) {
    const problems = (error as { errors?: AjvError[] }).errors;
    if (problems === undefined) throw error;
    return { ok: false, errors: problems.map((problem) => describe(problem, schema, input)) };
  }
}
