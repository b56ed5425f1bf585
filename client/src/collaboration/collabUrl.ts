/** Base URL of the collaboration endpoint, on the page's own origin (Vite proxies it in dev). */
export function collabUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.host}/collab`;
}
