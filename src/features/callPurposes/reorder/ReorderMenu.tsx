import type { CallPurpose } from '../types';
import { useReorderContext } from './reorderContext';
import { RowMenu } from '../../../components/RowMenu/RowMenu';

/** The row's "More actions" menu: moves that need no dragging, for every input method. */
export function ReorderMenu({ purpose }: { purpose: CallPurpose }) {
  const context = useReorderContext();
  if (context === null || !context.available || !purpose.canWrite) return null;
  const index = context.indexOf(purpose.id);
  return (
    <RowMenu
      label={`More actions for ${purpose.name}`}
      items={[
        {
          label: 'Move to top',
          disabled: !context.enabled || index === 0,
          onSelect: () => context.moveTo(purpose, 'top'),
        },
        {
          label: 'Move to bottom',
          disabled: !context.enabled || index === context.total - 1,
          onSelect: () => context.moveTo(purpose, 'bottom'),
        },
      ]}
    />
  );
}
