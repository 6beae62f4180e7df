import { useEffect, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Button } from '../../../components/Button/Button';
import { StatusMessage } from '../../../components/StatusMessage/StatusMessage';
import { useUnsavedChangesPrompt } from '../../../hooks/useUnsavedChangesPrompt';
import { serverErrorsByField } from '../../../lib/serverFieldErrors';
import { findDuplicateName } from '../purposeNames';
import type { CallPurpose } from '../types';
import styles from './CallPurposeForm.module.css';
import { duplicateMessage, NameField, nameRules } from './NameField';
import { UnsavedChangesDialog } from './UnsavedChangesDialog';

export type CallPurposeFormValues = { name: string };

type CallPurposeFormProps = {
  /** The form element's id, for a submit button outside it (`form=` attribute). */
  id?: string;
  defaultName: string;
  /** The purposes a new name is compared with; `editingId` is left out of the comparison. */
  existing: readonly CallPurpose[];
  editingId?: number;
  submitLabel: string;
  /** Sends the trimmed name; throws the server's error to be shown on the form. */
  onSubmit: (name: string) => Promise<unknown>;
  onSaved: () => void;
  onCancel: () => void;
};

export function CallPurposeForm(props: CallPurposeFormProps) {
  const { existing, editingId, submitLabel, onSubmit, onSaved, onCancel } = props;
  const form = useForm<CallPurposeFormValues>({ defaultValues: { name: props.defaultName } });
  const { control, handleSubmit, setError, setFocus, formState } = form;
  const name = useWatch({ control, name: 'name' });
  const [formError, setFormError] = useState<string | null>(null);
  const { held, allowNextNavigation } = useUnsavedChangesPrompt(formState.isDirty);
  const duplicate = findDuplicateName(name, existing, editingId);

  useEffect(() => setFocus('name'), [setFocus]);

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    // One rule with Add several, which skips such names: two purposes reps cannot tell apart
    // are refused, not merely warned about.
    const twin = findDuplicateName(values.name, existing, editingId);
    if (twin) {
      setError(
        'name',
        { type: 'duplicate', message: duplicateMessage(twin.name) },
        { shouldFocus: true },
      );
      return;
    }
    try {
      await onSubmit(values.name.trim());
    } catch (error) {
      const { fieldErrors, formErrors } = serverErrorsByField(error, ['name'] as const);
      if (fieldErrors.name)
        setError('name', { type: 'server', message: fieldErrors.name }, { shouldFocus: true });
      setFormError(formErrors.length > 0 ? formErrors.join(' ') : null);
      return;
    }
    allowNextNavigation();
    onSaved();
  });

  return (
    <form id={props.id} className={styles.form} noValidate onSubmit={(event) => void submit(event)}>
      {formError && <StatusMessage tone="error">{formError}</StatusMessage>}
      <NameField
        registration={form.register('name', nameRules)}
        value={name}
        error={formState.errors.name?.message}
        duplicateOf={formState.errors.name ? undefined : duplicate?.name}
      />
      <div className={styles.buttons}>
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" busy={formState.isSubmitting}>
          {formState.isSubmitting ? 'Saving…' : submitLabel}
        </Button>
      </div>
      <UnsavedChangesDialog held={held} />
    </form>
  );
}
