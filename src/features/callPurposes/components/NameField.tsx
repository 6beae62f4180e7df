import { useId } from 'react';
import type { RegisterOptions, UseFormRegisterReturn } from 'react-hook-form';
import { NAME_MAX_LENGTH } from '../purposeNames';
import styles from './CallPurposeForm.module.css';

export const nameRules = {
  validate: (value: string) => {
    const length = value.trim().length;
    if (length === 0) return 'Enter a name.';
    if (length > NAME_MAX_LENGTH) {
      return `Use at most ${NAME_MAX_LENGTH} characters (this name has ${length}).`;
    }
    return true;
  },
} satisfies RegisterOptions<{ name: string }, 'name'>;

type NameFieldProps = {
  registration: UseFormRegisterReturn<'name'>;
  value: string;
  error: string | undefined;
  /** The existing purpose whose name reads the same, if any: a warning, not an error. */
  duplicateOf: string | undefined;
};

export function NameField({ registration, value, error, duplicateOf }: NameFieldProps) {
  const id = useId();
  const length = value.trim().length;
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
            {error}
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
          “{duplicateOf}” already exists. A second purpose with the same name may confuse reps.
        </p>
      )}
    </div>
  );
}
