/**
 * Validators built from the published contract in ../shared/contract. Where API.md and those
 * files disagree, the files describe Outreach and API.md the emulator; see contract.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { repoRoot } from './harness';

export const contractDir = path.resolve(repoRoot, '../shared/contract');

export function readContract(name: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(contractDir, name), 'utf8')) as Record<
    string,
    unknown
  >;
}

export const openapi = readContract('outreach-openapi-callPurposes.json');
export const hyperSchema = readContract('outreach-hyper-schema-callPurpose.json') as {
  definitions: Record<string, { readOnly?: boolean; filterable?: boolean; sortable?: boolean }>;
};

/**
 * API.md writes links relative and with literal brackets ("/api/v2/calls?filter[callPurpose][id]=7");
 * the OpenAPI file says `format: uri`, which needs a scheme and percent-encoded brackets. The
 * emulator follows API.md, so these validators drop that one format; contract.test.ts shows
 * the published schema as is would reject API.md's link.
 */
function relaxUriFormat(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(relaxUriFormat);
  if (node && typeof node === 'object') {
    return Object.fromEntries(
      Object.entries(node)
        .filter(([key, value]) => !(key === 'format' && value === 'uri'))
        .map(([key, value]) => [key, relaxUriFormat(value)]),
    );
  }
  return node;
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

export function createAjv(document: unknown, id: string): Ajv {
  // strict: false because OpenAPI carries keywords (x-internal, nullable, ...) JSON Schema lacks.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(document as object, id);
  return ajv;
}

const ajv = createAjv(relaxUriFormat(openapi), 'openapi');

const pointerTo = (...segments: string[]) =>
  `openapi#/${segments.map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;

const media = 'application/vnd.api+json';
/** The published schema of one operation's response body. */
const responseBody = (path: string, method: string, status: string) =>
  ajv.compile({
    $ref: pointerTo('paths', path, method, 'responses', status, 'content', media, 'schema'),
  });

export const validators = {
  list: responseBody('/callPurposes', 'get', '200'),
  created: responseBody('/callPurposes', 'post', '201'),
  read: responseBody('/callPurposes/{id}', 'get', '200'),
  updated: responseBody('/callPurposes/{id}', 'patch', '200'),
  error: responseBody('/callPurposes', 'post', '422'),
  resource: ajv.compile({ $ref: 'openapi#/components/schemas/callPurposeResponse' }),
};

/** Throws with ajv's messages, so a failing test says what is wrong. */
export function assertValid(
  validate: (typeof validators)[keyof typeof validators],
  body: unknown,
): void {
  if (!validate(body))
    throw new Error(`contract violation: ${JSON.stringify(validate.errors, null, 2)}`);
}

/** JSON:API error document as API.md states it (stricter than the published 422 schema). */
export function isErrorDocument(body: unknown): boolean {
  if (!body || typeof body !== 'object' || !('errors' in body)) return false;
  const { errors } = body;
  return (
    Array.isArray(errors) &&
    errors.length > 0 &&
    errors.every(
      (error) =>
        error !== null &&
        typeof error === 'object' &&
        typeof (error as { id?: unknown }).id === 'string' &&
        typeof (error as { title?: unknown }).title === 'string' &&
        !JSON.stringify(error).includes('    at '),
    )
  );
}
