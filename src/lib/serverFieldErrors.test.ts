import { describe, expect, it } from 'vitest';
import { ApiError } from './apiError';
import { serverErrorsByField } from './serverFieldErrors';

describe('serverErrorsByField', () => {
  it('puts 422 errors on the field their pointer names', () => {
    const error = new ApiError(422, [
      {
        id: 'validationError',
        title: 'Invalid',
        detail: 'Name must not be blank',
        source: { pointer: '/data/attributes/name' },
      },
    ]);
    expect(serverErrorsByField(error, ['name'])).toEqual({
      fieldErrors: { name: 'Name must not be blank' },
      formErrors: [],
    });
  });

  it('keeps errors about other members for the form as a whole', () => {
    const error = new ApiError(422, [
      { title: 'Read-only', source: { pointer: '/data/attributes/createdAt' } },
      { detail: 'Bad body' },
    ]);
    expect(serverErrorsByField(error, ['name'])).toEqual({
      fieldErrors: {},
      formErrors: ['Read-only', 'Bad body'],
    });
  });

  it('describes anything that is not a validation error', () => {
    const error = new ApiError(403, [{ id: 'unauthorizedRequest' }]);
    const { fieldErrors, formErrors } = serverErrorsByField(error, ['name']);
    expect(fieldErrors).toEqual({});
    expect(formErrors).toHaveLength(1);
    expect(formErrors[0]).toMatch(/not allowed/);
  });
});
