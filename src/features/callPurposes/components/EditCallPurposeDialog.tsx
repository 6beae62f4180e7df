import { useNavigate, useParams } from 'react-router';
import { Dialog } from '../../../components/Dialog/Dialog';
import { useToast } from '../../../hooks/useToast';
import { paths } from '../../../lib/paths';
import { useCallPurposes } from '../api/getCallPurposes';
import { useCallPurpose } from '../api/getCallPurpose';
import { rethrowNotFoundAsGone } from '../api/rethrowNotFoundAsGone';
import { useUpdateCallPurpose } from '../api/updateCallPurpose';
import { CallPurposeForm } from './CallPurposeForm';
import { EditUnavailable } from './EditUnavailable';

/** Route `paths.callPurposes.edit`: the form opens prefilled once the purpose is known. */
export function EditCallPurposeDialog() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const toast = useToast();
  const purpose = useCallPurpose(id);
  const existing = useCallPurposes().data ?? [];
  const update = useUpdateCallPurpose(id);
  const close = () => void navigate(paths.callPurposes.list.href());
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
