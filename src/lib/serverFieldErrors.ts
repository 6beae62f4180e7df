import { isApiError } from './apiError';
import { describeError } from './describeError';

export type ServerErrorsByField<Field extends string> = {
  fieldErrors: Partial<Record<Field, string>>;
  formErrors: string[];
};

/**
 * Splits a failed write's errors between form fields (by `source.pointer`, e.g.
 * `/data/attributes/name` → `name`) and the form as a whole (everything else).
 */
export function serverErrorsByField<Field extends string>(
  error: unknown,
  fields: readonly Field[],
): ServerErrorsByField<Field> {
  const result: ServerErrorsByField<Field> = { fieldErrors: {}, formErrors: [] };
  if (!isApiError(error) || error.status !== 422 || error.errors.length === 0) {
    result.formErrors.push(describeError(error));
    return result;
  }
  for (const item of error.errors) {
    const message = item.detail ?? item.title ?? 'This value was not accepted.';
    const field = fieldOfPointer(item.source?.pointer, fields);
    if (field !== undefined && result.fieldErrors[field] === undefined) {
      result.fieldErrors[field] = message;
    } else if (field === undefined) {
      result.formErrors.push(message);
    }
  }
  return result;
}

function fieldOfPointer<Field extends string>(
  pointer: string | undefined,
  fields: readonly Field[],
): Field | undefined {
  const match = /^\/data\/attributes\/([^/]+)/u.exec(pointer ?? '');
  return fields.find((field) => field === match?.[1]);
}
