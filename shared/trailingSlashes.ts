// Without the slashes a base URL ends with, so `${base}/path` has one. A loop rather than
// `/\/+$/`, which moves quadratically over a long run of slashes followed by something else.
export function withoutTrailingSlashes(value: string): string {
  let end = value.length;
  while (end > 0 && value[end - 1] === '/') end--;
  return value.slice(0, end);
}
