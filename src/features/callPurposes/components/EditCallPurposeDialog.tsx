import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Dialog } from '../../../components/Dialog/Dialog';
import { useToast } from '../../../hooks/useToast';
import { paths } from '../../../lib/paths';
import { useCallPurposes } from '../api/getCallPurposes';
import { callPurposeQueryOptions, getCallPurpose, useCallPurpose } from '../api/getCallPurpose';
import { rethrowNotFoundAsGone } from '../api/rethrowNotFoundAsGone';
import { useUpdateCallPurpose } from '../api/updateCallPurpose';
import type { CallPurpose } from '../types';
import { CallPurposeForm } from './CallPurposeForm';
import { EditUnavailable } from './EditUnavailable';
import { StaleEditNotice } from './StaleEditNotice';
import { isolate } from '../../../lib/isolate';

/** Route `paths.callPurposes.edit`: the form opens prefilled once the purpose is known. */
export function EditCallPurposeDialog() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const toast = useToast();
  const queryClient = useQueryClient();
  const purpose = useCallPurpose(id);
  const existing = useCallPurposes().data ?? [];
  const update = useUpdateCallPurpose(id);
  const close = () => void navigate(paths.callPurposes.list.href());
  const formId = useId();
  const loaded = purpose.data;
  // The version the form was filled from; a newer one (from the live list or a fresh read)
  // means someone else saved meanwhile.
  const [base, setBase] = useState<CallPurpose | undefined>(undefined);
  if (base === undefined && loaded !== undefined) setBase(loaded);
  const latest = newest(
    loaded,
    existing.find((item) => item.id === id),
  );
  const stale = base !== undefined && latest !== undefined && latest.updatedAt !== base.updatedAt;
  /** The version the user chose to save over with "Save anyway". */
  const overwriting = useRef<string | null>(null);

  return (
    <Dialog title={loaded ? `Edit “${isolate(loaded.name)}”` : 'Edit call purpose'} onClose={close}>
      {loaded && base && loaded.canWrite && !purpose.isError ? (
        <>
          {stale && (
            <StaleEditNotice
              latest={latest}
              formId={formId}
              onReload={() => setBase(latest)}
              onSaveAnyway={() => (overwriting.current = latest.updatedAt)}
            />
          )}
          <CallPurposeForm
            key={`${base.id}@${base.updatedAt}`}
            id={formId}
            defaultName={base.name}
            existing={existing}
            editingId={base.id}
            submitLabel="Save changes"
            onSubmit={async (name) => {
              // Read the purpose once more: a change the list has not shown yet counts too. A
              // plain read, not the detail query: offline it fails at once (a query would pause
              // and send the write on reconnect) and a failure leaves the form as it is.
              const current = await getCallPurpose(id).catch(rethrowNotFoundAsGone);
              queryClient.setQueryData(callPurposeQueryOptions(id).queryKey, current);
              if (
                current.updatedAt !== base.updatedAt &&
                overwriting.current !== current.updatedAt
              ) {
                throw new Error('Not saved yet: reload to see their change, or save anyway.');
              }
              const saved = await update.mutateAsync({ name }).catch(rethrowNotFoundAsGone);
              toast.show(`Saved “${isolate(saved.name)}”.`, { tone: 'success' });
            }}
            onSaved={close}
            onCancel={close}
          />
        </>
      ) : (
        <EditUnavailable query={purpose} onClose={close} />
      )}
    </Dialog>
  );
}

/** Of two reads of the same purpose, the one saved last (ISO timestamps compare as text). */
function newest(a: CallPurpose | undefined, b: CallPurpose | undefined): CallPurpose | undefined {
  if (!a || !b) return a ?? b;
  return b.updatedAt > a.updatedAt ? b : a;
}
