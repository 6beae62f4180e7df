import { Button } from '../../../components/Button/Button';
import { useToast } from '../../../hooks/useToast';
import { describeError } from '../../../lib/describeError';
import { useSignOut } from '../api/signOut';
import { useSession } from '../../../lib/session';
import styles from './UserMenu.module.css';

/** Who is signed in, and the way out; always in the header. */
export function UserMenu() {
  const { user } = useSession();
  const signOut = useSignOut();
  const toast = useToast();

  return (
    <div className={styles.menu}>
      <span className={styles.name} title={user.email ?? undefined}>
        <span className="visually-hidden">Signed in as </span>
        <bdi>{user.name}</bdi>
      </span>
      <Button
        variant="secondary"
        busy={signOut.isPending}
        onClick={() =>
          signOut.mutate(undefined, {
            onError: (error) =>
              toast.show(`Could not sign out: ${describeError(error)}`, { tone: 'error' }),
          })
        }
      >
        Sign out
      </Button>
    </div>
  );
}
