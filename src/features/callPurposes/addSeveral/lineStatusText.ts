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
      return `${invalidLineText(line.problem)}, skipped`;
  }
}

function invalidLineText(problem: ClassifiedLine['problem']): string {
  switch (problem) {
    case 'brokenCharacter':
      return 'has a broken character';
    case 'formatCharacter':
      return 'has an invisible formatting character';
    case 'stackedMarks':
      return 'stacks too many marks on one character';
    default:
      return 'has a tab or another control character';
  }
}

export function addButtonLabel(count: number): string {
  return count === 1 ? 'Add 1 call purpose' : `Add ${count} call purposes`;
}
