import { NAME_MAX_LENGTH, nameLength } from '../../../../shared/purposeName';
import type { ClassifiedLine } from './classifyNames';

/** The preview's verdict on one pasted line. */
export function lineStatusText(line: ClassifiedLine): string {
  switch (line.status) {
    case 'new':
      return 'will be added';
    case 'blank':
      return 'blank, skipped';
    case 'repeated':
      return `repeats line ${String(line.sameAs)}, skipped`;
    case 'existing':
      return `same as “${String(line.sameAs)}”, skipped`;
    case 'tooLong':
      return `too long (${nameLength(line.name)}/${NAME_MAX_LENGTH}), skipped`;
    case 'invalid':
      return line.problem === 'brokenCharacter'
        ? 'has a broken character, skipped'
        : 'has a tab or another control character, skipped';
  }
}

export function addButtonLabel(count: number): string {
  return count === 1 ? 'Add 1 call purpose' : `Add ${count} call purposes`;
}
