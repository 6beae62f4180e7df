import { useNavigate } from 'react-router';
import { Dialog } from '../../../components/Dialog/Dialog';
import { useToast } from '../../../hooks/useToast';
import { paths } from '../../../lib/paths';
import { useCreateCallPurpose } from '../api/createCallPurpose';
import { useCallPurposes } from '../api/getCallPurposes';
import { CallPurposeForm } from './CallPurposeForm';
import { isolate } from '../../../lib/isolate';

/** Route `paths.callPurposes.create`: the new purpose goes to the end of the list. */
export function CreateCallPurposeDialog() {
  const navigate = useNavigate();
  const toast = useToast();
  const existing = useCallPurposes().data ?? [];
  const creation = useCreateCallPurpose();
  const close = () => void navigate(paths.callPurposes.list.href());

  return (
    <Dialog title="New call purpose" onClose={close}>
      <CallPurposeForm
        defaultName=""
        existing={existing}
        submitLabel="Create"
        onSubmit={async (name) => {
          const created = await creation.mutateAsync({ name });
          toast.show(`Created “${isolate(created.name)}”.`, { tone: 'success' });
        }}
        onSaved={close}
        onCancel={close}
      />
    </Dialog>
  );
}
