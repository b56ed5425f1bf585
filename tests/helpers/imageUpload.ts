import type { Api } from './api.ts';

/**
 * Posts a file to the image upload route as a browser form would (multipart/form-data), with the
 * caller's session and CSRF token. `name` and `type` are what the sender claims; the server must
 * not believe them.
 */
export async function uploadImageFile(
  api: Api,
  guideId: string,
  data: Uint8Array,
  claimed: { name?: string; type?: string; field?: string } = {},
): Promise<{ status: number; body: any }> {
  const form = new FormData();
  form.append(claimed.field ?? 'file', new Blob([new Uint8Array(data)], { type: claimed.type ?? 'image/png' }), claimed.name ?? 'photo.png');
  const res = await fetch(`${api.baseUrl}/api/guides/${guideId}/images`, {
    method: 'POST',
    headers: {
      ...(api.cookie ? { cookie: api.cookie } : {}),
      ...(api.csrfToken ? { 'x-csrf-token': api.csrfToken } : {}),
    },
    body: form,
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body };
}

export async function getImage(api: Api, path: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const res = await fetch(api.baseUrl + path, { headers: api.cookie ? { cookie: api.cookie } : {} });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}
