import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router/dom';
import { ToastProvider } from '../components/toast/ToastProvider';
import { SIGN_IN_PATH, signInPath } from '../features/auth/signInUrls';
import { createQueryClient } from './createQueryClient';
import { createAppRouter } from './router';

const queryClient = createQueryClient({
  // The session ended (expired, signed out elsewhere): sign in again, then come back here.
  onUnauthenticated: () => {
    const { pathname, search } = router.state.location;
    if (pathname === SIGN_IN_PATH) return;
    void router
      .navigate(signInPath(pathname + search), { replace: true })
      .then(() => queryClient.clear());
  },
});

const router = createAppRouter(queryClient);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </QueryClientProvider>
  );
}
