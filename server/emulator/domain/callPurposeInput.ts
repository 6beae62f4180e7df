/**
 * Validates JSON:API write documents for callPurposes. Collects every problem, so a form can
 * show all field errors at once, and reports each with a JSON pointer into the request body.
 */
import { ORDER_MAX, ORDER_MIN } from '../../../shared/order';
import { checkPurposeName, NAME_MAX_LENGTH, type NameProblem } from '../../../shared/purposeName';
import { conflict, validationErrors } from '../http/errors';

/** What a PATCH (or, with a name, a POST) asks to change. */
export type CallPurposeChanges = { name?: string; order?: number | null };

// 0 and negative orders are allowed: orders only need to compare, not to count from 1.

const READ_ONLY_ATTRIBUTES = ['createdAt', 'updatedAt'];
const DATA_MEMBERS = ['type', 'id', 'attributes', 'relationships'];

type Problem = { pointer: string; detail: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const NAME_PROBLEMS: Record<NameProblem, string> = {
  brokenCharacter: 'name contains a lone UTF-16 surrogate, which is not a character.',
  controlCharacter: 'name cannot contain control characters (NUL, tabs, line breaks).',
  blank: 'name cannot be blank (invisible characters do not count).',
  formatCharacter:
    'name cannot contain invisible formatting characters (direction overrides, zero-width characters, line or paragraph separators).',
  stackedMarks: 'name cannot stack more than four combining marks on one character.',
  tooLong: `name must be at most ${NAME_MAX_LENGTH} characters.`,
};

function checkName(value: unknown, problems: Problem[]): string | undefined {
  const pointer = '/data/attributes/name';
  if (typeof value !== 'string') {
    problems.push({ pointer, detail: 'name must be a string.' });
    return undefined;
  }
  const checked = checkPurposeName(value);
  if (!checked.ok) {
    problems.push({ pointer, detail: NAME_PROBLEMS[checked.problem] });
    return undefined;
  }
  return checked.name;
}

function checkOrder(value: unknown, problems: Problem[]): number | null | undefined {
  const pointer = '/data/attributes/order';
  if (value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    problems.push({ pointer, detail: 'order must be an integer or null.' });
    return undefined;
  }
  if (value < ORDER_MIN || value > ORDER_MAX) {
    problems.push({ pointer, detail: `order must be between ${ORDER_MIN} and ${ORDER_MAX}.` });
    return undefined;
  }
  return value;
}

function checkAttributes(
  attributes: Record<string, unknown>,
  problems: Problem[],
): CallPurposeChanges {
  const changes: CallPurposeChanges = {};
  for (const [key, value] of Object.entries(attributes)) {
    const pointer = `/data/attributes/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (key === 'name') {
      const name = checkName(value, problems);
      if (name !== undefined) changes.name = name;
    } else if (key === 'order') {
      const order = checkOrder(value, problems);
      if (order !== undefined) changes.order = order;
    } else if (READ_ONLY_ATTRIBUTES.includes(key)) {
      problems.push({ pointer, detail: `${key} is read-only.` });
    } else {
      problems.push({ pointer, detail: `callPurpose has no attribute "${key}".` });
    }
  }
  return changes;
}

/** Shared checks of the top level and `data`; returns `data` and the attributes' changes. */
function checkDocument(body: unknown, problems: Problem[]) {
  if (!isObject(body)) {
    problems.push({
      pointer: '',
      detail: 'The body must be a JSON:API document: {"data": {...}}.',
    });
    return undefined;
  }
  for (const key of Object.keys(body)) {
    if (key !== 'data')
      problems.push({ pointer: `/${key}`, detail: `Unexpected member "${key}".` });
  }
  const data = body.data;
  if (!isObject(data)) {
    problems.push({ pointer: '/data', detail: 'data must be a resource object.' });
    return undefined;
  }
  for (const key of Object.keys(data)) {
    if (key === 'relationships') {
      problems.push({ pointer: '/data/relationships', detail: 'creator and calls are read-only.' });
    } else if (!DATA_MEMBERS.includes(key)) {
      problems.push({ pointer: `/data/${key}`, detail: `Unexpected member "${key}".` });
    }
  }
  if (!('type' in data)) problems.push({ pointer: '/data/type', detail: 'type is required.' });
  else if (typeof data.type !== 'string') {
    problems.push({ pointer: '/data/type', detail: 'type must be a string.' });
  }
  let changes: CallPurposeChanges = {};
  if ('attributes' in data) {
    if (isObject(data.attributes)) changes = checkAttributes(data.attributes, problems);
    else problems.push({ pointer: '/data/attributes', detail: 'attributes must be an object.' });
  }
  return { data, changes };
}

function throwIfProblems(problems: Problem[]): void {
  if (problems.length > 0) throw validationErrors(problems);
}

function checkType(data: Record<string, unknown>): void {
  // JSON:API: a type the endpoint does not serve is a conflict (409), not a validation error.
  if (typeof data.type === 'string' && data.type !== 'callPurpose') {
    throw conflict(`type must be "callPurpose", not "${data.type}".`, '/data/type');
  }
}

export function parseCreateDocument(body: unknown): { name: string; order?: number | null } {
  const problems: Problem[] = [];
  const checked = checkDocument(body, problems);
  if (checked) {
    checkType(checked.data);
    if ('id' in checked.data) {
      problems.push({ pointer: '/data/id', detail: 'ids are assigned by the server.' });
    }
    if (!('attributes' in checked.data)) {
      problems.push({
        pointer: '/data/attributes',
        detail: 'attributes with a name are required.',
      });
    } else if (isObject(checked.data.attributes) && !('name' in checked.data.attributes)) {
      problems.push({ pointer: '/data/attributes/name', detail: 'name is required.' });
    }
  }
  throwIfProblems(problems);
  const { name, order } = checked?.changes ?? {};
  if (name === undefined)
    throw validationErrors([{ pointer: '/data/attributes/name', detail: 'name is required.' }]);
  return order === undefined ? { name } : { name, order };
}

export function parseUpdateDocument(body: unknown, urlId: number): CallPurposeChanges {
  const problems: Problem[] = [];
  const checked = checkDocument(body, problems);
  if (checked) {
    checkType(checked.data);
    const { id } = checked.data;
    if (!('id' in checked.data)) {
      problems.push({ pointer: '/data/id', detail: 'id is required.' });
    } else if (typeof id !== 'number' && typeof id !== 'string') {
      problems.push({ pointer: '/data/id', detail: 'id must be an integer.' });
    } else if (String(id) !== String(urlId)) {
      // JSON:API ids are often strings; "7" and 7 name the same resource.
      throw conflict(
        `data.id ${JSON.stringify(id)} does not match the URL's id ${urlId}.`,
        '/data/id',
      );
    }
  }
  throwIfProblems(problems);
  return checked?.changes ?? {};
}
