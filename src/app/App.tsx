import { QueryClientProvider } from '@tanstack/react-query';
import { ToastProvider } from '../components/toast/ToastProvider';
import { SIGN_IN_PATH, signInPath } from '../features/auth/signInUrls';
import { createBlockableHistory } from '../lib/blockableHistory';
import { forgetSession } from '../lib/session';
import { AppRouter } from './AppRouter';
import { AppRoutes, prefetchFirstPage } from './AppRoutes';
import { createQueryClient } from './createQueryClient';
import { PublicDemoNotice } from './PublicDemoNotice';

const history = createBlockableHistory();

const queryClient = createQueryClient({
  // The session ended (expired, signed out elsewhere): sign in again, then come back here.
  onUnauthenticated: () => {
    const { pathname, search } = history.location;
    if (pathname === SIGN_IN_PATH) return;
    history.replace(signInPath(pathname + search));
    forgetSession(queryClient);
  },
});

prefetchFirstPage(queryClient, history.location.pathname);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <PublicDemoNotice />
        <AppRouter history={history}>
          <AppRoutes />
        </AppRouter>
      </ToastProvider>
    </QueryClientProvider>
  );
}
