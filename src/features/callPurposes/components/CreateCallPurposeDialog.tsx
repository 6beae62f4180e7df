import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { Dialog } from '../../../components/Dialog/Dialog';
import { useToast } from '../../../components/toast/useToast';
import { useCreateCallPurpose } from '../api/createCallPurpose';
import { callPurposesQueryOptions } from '../api/getCallPurposes';
import { CallPurposeForm } from './CallPurposeForm';

const LIST_PATH = '/call-purposes';

/** Route `/call-purposes/new`: the new purpose goes to the end of the list. */
export function CreateCallPurposeDialog() {
  const navigate = useNavigate();
  const toast = useToast();
  const existing = useQuery(callPurposesQueryOptions()).data ?? [];
  const creation = useCreateCallPurpose();
  const close = () => void navigate(LIST_PATH);

  return (
    <Dialog title="New call purpose" onClose={close}>
      <CallPurposeForm
        defaultName=""
        existing={existing}
        submitLabel="Create"
        onSubmit={async (name) => {
          const created = await creation.mutateAsync({ name });
          toast.show(`Created “${created.name}”.`, { tone: 'success' });
        }}
        onSaved={close}
        onCancel={close}
      />
    </Dialog>
  );
}
