// Whether a URL's host is this machine. Only names and addresses that cannot point elsewhere:
// `localhost`, 127.0.0.0/8 and ::1. A name such as `127.0.0.1.example.com` is not one of them,
// nor is 0.0.0.0 (a wildcard bind, reachable from the network).

/** `hostname` as `URL` gives it: lower case, IPv4 normalised, IPv6 in brackets. */
export function isLoopbackHostname(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true;
  const octets = hostname.split('.');
  return (
    octets.length === 4 &&
    octets[0] === '127' &&
    octets.every((octet) => /^\d{1,3}$/.test(octet) && Number(octet) <= 255)
  );
}

const bracketed = (host: string) =>
  host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;

/** The host a server can reach itself on, given the host it binds (wildcards mean localhost). */
export const loopbackHost = (host: string): string =>
  ['0.0.0.0', '::', '', 'localhost'].includes(host) ? 'localhost' : bracketed(host);

/** Whether a server bound to `host` (as HOST gives it) listens on this machine only. */
export const isLoopbackHost = (host: string): boolean => isLoopbackHostname(bracketed(host));
