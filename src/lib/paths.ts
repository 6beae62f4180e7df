// Every route of the SPA, in one place: components and features build links from here and
// never spell a URL. `path` is the pattern the router matches (relative where the route is
// nested), `href` the address to link or navigate to.
import { SIGN_IN_PAGE_PATH } from '../../shared/firstPageRequests';

export const paths = {
  home: { path: '/', href: () => '/' },
  signIn: { path: SIGN_IN_PAGE_PATH, href: () => SIGN_IN_PAGE_PATH },
  callPurposes: {
    list: { path: 'call-purposes', href: () => '/call-purposes' },
    create: { path: 'new', href: () => '/call-purposes/new' },
    edit: { path: ':id/edit', href: (id: number) => `/call-purposes/${id}/edit` },
    history: { path: '/call-purposes/history', href: () => '/call-purposes/history' },
  },
} as const;
