import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { apiFetch } from '../../../lib/apiClient';
import { forgetSession } from '../../../lib/session';
import { SIGN_IN_PATH } from '../signInUrls';

export function signOut(): Promise<void> {
  return apiFetch<void>('/auth/logout', { method: 'POST' });
}

/** Ends the session, leaves for the sign-in page, then forgets every answer given to it. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: signOut,
    onSuccess: async () => {
      await navigate(SIGN_IN_PATH, { replace: true });
      forgetSession(queryClient);
    },
  });
}
