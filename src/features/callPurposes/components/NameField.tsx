import { useId } from 'react';
import type { RegisterOptions, UseFormRegisterReturn } from 'react-hook-form';
import {
  checkPurposeName,
  NAME_MAX_LENGTH,
  nameLength,
  type NameProblem,
} from '../../../../shared/purposeName';
import { IsolatedText } from '../../../components/IsolatedText/IsolatedText';
import { isolate } from '../../../lib/isolate';
import styles from './CallPurposeForm.module.css';

// The emulator's rule (shared/purposeName.ts), said before sending rather than after a 422.
const NAME_MESSAGES: Record<NameProblem, (value: string) => string> = {
  blank: () => 'Enter a name.',
  controlCharacter: () => 'Remove tabs, line breaks and other control characters from the name.',
  brokenCharacter: () => 'The name contains a broken character; retype it.',
  formatCharacter: () =>
    'Remove invisible formatting characters (direction overrides, zero-width characters, line separators) from the name.',
  stackedMarks: () => 'Use at most four accents or other marks on one character.',
  tooLong: (value) =>
    `Use at most ${NAME_MAX_LENGTH} characters (this name has ${nameLength(value)}).`,
};

export const nameRules = {
  validate: (value: string) => {
    const checked = checkPurposeName(value);
    return checked.ok ? true : NAME_MESSAGES[checked.problem](value);
  },
} satisfies RegisterOptions<{ name: string }, 'name'>;

export function duplicateMessage(existingName: string): string {
  return `“${isolate(existingName)}” already exists. Choose a name reps can tell apart from it.`;
}

type NameFieldProps = {
  registration: UseFormRegisterReturn<'name'>;
  value: string;
  error: string | undefined;
  /** The existing purpose whose name reads the same, if any: said as the user types. */
  duplicateOf: string | undefined;
};

export function NameField({ registration, value, error, duplicateOf }: NameFieldProps) {
  const id = useId();
  const length = nameLength(value);
  const tooLong = length > NAME_MAX_LENGTH;
  const describedBy = [`${id}-counter`, error && `${id}-error`, duplicateOf && `${id}-duplicate`];

  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        Name
      </label>
      <input
        {...registration}
        id={id}
        className={styles.input}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy.filter(Boolean).join(' ')}
      />
      <div className={styles.hints}>
        {error ? (
          <p id={`${id}-error`} className={styles.error}>
            <IsolatedText text={error} />
          </p>
        ) : (
          <span />
        )}
        <p id={`${id}-counter`} className={styles.counter} data-over={tooLong || undefined}>
          {length}/{NAME_MAX_LENGTH}
          <span className="visually-hidden"> characters</span>
        </p>
      </div>
      {duplicateOf && (
        <p id={`${id}-duplicate`} className={styles.warning} role="status">
          <IsolatedText text={duplicateMessage(duplicateOf)} />
        </p>
      )}
    </div>
  );
}
