import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { Dialog } from '../../../components/Dialog/Dialog';
import { useToast } from '../../../components/toast/useToast';
import { callPurposesQueryOptions } from '../api/getCallPurposes';
import { useUpdateCallPurpose } from '../api/updateCallPurpose';
import { useCallPurpose } from '../api/useCallPurpose';
import { CallPurposeForm } from './CallPurposeForm';
import { EditUnavailable } from './EditUnavailable';
import { rethrowNotFoundAsGone } from './rethrowNotFoundAsGone';

const LIST_PATH = '/call-purposes';

/** Route `/call-purposes/:id/edit`: the form opens prefilled once the purpose is known. */
export function EditCallPurposeDialog() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const toast = useToast();
  const purpose = useCallPurpose(id);
  const existing = useQuery(callPurposesQueryOptions()).data ?? [];
  const update = useUpdateCallPurpose(id);
  const close = () => void navigate(LIST_PATH);
  const loaded = purpose.data;

  return (
    <Dialog title={loaded ? `Edit “${loaded.name}”` : 'Edit call purpose'} onClose={close}>
      {loaded && loaded.canWrite && !purpose.isError ? (
        <CallPurposeForm
          key={loaded.id}
          defaultName={loaded.name}
          existing={existing}
          editingId={loaded.id}
          submitLabel="Save changes"
          onSubmit={async (name) => {
            const saved = await update.mutateAsync({ name }).catch(rethrowNotFoundAsGone);
            toast.show(`Saved “${saved.name}”.`, { tone: 'success' });
          }}
          onSaved={close}
          onCancel={close}
        />
      ) : (
        <EditUnavailable query={purpose} onClose={close} />
      )}
    </Dialog>
  );
}
