import { Button } from '../../../components/Button/Button';
import { StatusMessage } from '../../../components/StatusMessage/StatusMessage';
import type { CallPurpose } from '../types';

type StaleEditNoticeProps = {
  latest: CallPurpose;
  /** The id of the edit form, which "Save anyway" submits. */
  formId: string;
  onReload: () => void;
  onSaveAnyway: () => void;
};

/** Someone else saved this purpose after the form loaded it: say so before the user saves over it. */
export function StaleEditNotice({ latest, formId, onReload, onSaveAnyway }: StaleEditNoticeProps) {
  return (
    <StatusMessage
      tone="warning"
      action={
        <>
          <Button onClick={onReload}>Reload</Button>
          <Button type="submit" form={formId} onClick={onSaveAnyway}>
            Save anyway
          </Button>
        </>
      }
    >
      Someone else changed this purpose since you opened it: it is now “<bdi>{latest.name}</bdi>”.
    </StatusMessage>
  );
}
