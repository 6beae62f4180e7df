import { QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ToastProvider } from '../components/toast/ToastProvider';
import { SIGN_IN_PATH, signInPath } from '../features/auth/signInUrls';
import { prefetchFirstPage, routes } from './AppRoutes';
import { createQueryClient } from './createQueryClient';

const router = createBrowserRouter(routes);

const queryClient = createQueryClient({
  // The session ended (expired, signed out elsewhere): sign in again, then come back here.
  onUnauthenticated: () => {
    const { pathname, search } = router.state.location;
    if (pathname === SIGN_IN_PATH) return;
    void router.navigate(signInPath(pathname + search), { replace: true });
    queryClient.clear();
  },
});

prefetchFirstPage(queryClient, router.state.location.pathname);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </QueryClientProvider>
  );
}
