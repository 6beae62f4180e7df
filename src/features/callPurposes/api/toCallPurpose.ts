import {
  indexIncluded,
  numberOrNull,
  relatedIdentifier,
  stringAttribute,
} from '../../../lib/jsonApi';
import type { JsonApiDocument, Resource } from '../../../lib/jsonApi';
import type { CallPurpose } from '../types';

/** The adapter from a JSON:API `callPurpose` resource (plus `included` users) to the domain. */
export function toCallPurpose(resource: Resource, included: Map<string, Resource>): CallPurpose {
  const creator = relatedIdentifier(resource, 'creator');
  const user = creator ? included.get(`user:${creator.id}`) : undefined;
  return {
    id: Number(resource.id),
    name: stringAttribute(resource, 'name'),
    order: numberOrNull(resource.attributes?.order),
    createdAt: stringAttribute(resource, 'createdAt'),
    updatedAt: stringAttribute(resource, 'updatedAt'),
    creatorId: creator ? numberOrNull(creator.id) : null,
    creatorName: user ? fullName(user) : null,
    canWrite: resource.meta?.canWrite === true,
    canDelete: resource.meta?.canDelete === true,
  };
}

export function callPurposesFromDocument(document: JsonApiDocument<Resource[]>): CallPurpose[] {
  const included = indexIncluded(document.included);
  return document.data.map((resource) => toCallPurpose(resource, included));
}

export function callPurposeFromDocument(document: JsonApiDocument<Resource>): CallPurpose {
  return toCallPurpose(document.data, indexIncluded(document.included));
}

function fullName(user: Resource): string | null {
  const name = [stringAttribute(user, 'firstName'), stringAttribute(user, 'lastName')]
    .filter((part) => part !== '')
    .join(' ');
  return name === '' ? stringAttribute(user, 'email') || null : name;
}
