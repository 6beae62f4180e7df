import { useMemo, useState } from 'react';
import { Button } from '../../../components/Button/Button';
import { Dialog } from '../../../components/Dialog/Dialog';
import type { CallPurpose } from '../types';
import { isInNameOrder, sortByNameIntent } from './intents';
import { planReorder } from './planReorder';
import styles from './reorder.module.css';

type SortAlphabeticallyProps = {
  purposes: readonly CallPurpose[];
  disabled: boolean;
  onSort: () => void;
};

/**
 * "Sort A–Z" for someone who may move every purpose (an admin). It rewrites the order reps have
 * learned, so it asks first and says how many purposes it will change.
 */
export function SortAlphabetically({ purposes, disabled, onSort }: SortAlphabeticallyProps) {
  const [confirming, setConfirming] = useState(false);
  const sorted = useMemo(() => isInNameOrder(purposes), [purposes]);

  let changes = 0;
  if (confirming) {
    const sequence = sortByNameIntent().sequenceFor(purposes) ?? [];
    const plan = planReorder({ items: purposes, sequence });
    changes = plan.ok ? plan.patches.length : 0;
  }

  return (
    <>
      <Button
        variant="quiet"
        className={styles.sortButton}
        aria-disabled={disabled || sorted || undefined}
        title={sorted ? 'Already in A–Z order' : undefined}
        onClick={() => {
          if (!disabled && !sorted) setConfirming(true);
        }}
      >
        Sort A–Z
      </Button>
      {confirming && (
        <Dialog title="Sort call purposes A–Z?" onClose={() => setConfirming(false)}>
          <p className={styles.dialogText}>
            Reps will see all {purposes.length} call purposes in alphabetical order. Saving it
            updates {changes === 1 ? 'one of them' : `${changes} of them`}.
          </p>
          <div className={styles.dialogActions}>
            <Button onClick={() => setConfirming(false)}>Cancel</Button>
            <Button
              variant="primary"
              onClick={() => {
                setConfirming(false);
                onSort();
              }}
            >
              Sort A–Z
            </Button>
          </div>
        </Dialog>
      )}
    </>
  );
}
