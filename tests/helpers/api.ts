import type { GuideView, MeView, SectionView } from '@dalil/shared';

/**
 * Thin REST client for tests: real HTTP against a real server, with the session cookie and CSRF
 * token a browser would send once signed in.
 */
export class Api {
  cookie: string | null = null;
  csrfToken: string | null = null;

  constructor(readonly baseUrl: string) {}

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: T; headers: Headers }> {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken && method !== 'GET' ? { 'x-csrf-token': this.csrfToken } : {}),
        ...headers,
      },
      body: body !== undefined ? (typeof body === 'string' ? body : JSON.stringify(body)) : undefined,
    });
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('dalil_session='));
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  async ok<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.request<T>(method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** Signs in and picks up the CSRF token, like the client does after login. */
  async login(email: string, password: string): Promise<MeView> {
    await this.ok('POST', '/api/auth/login', { email, password });
    const me = await this.ok<MeView>('GET', '/api/me');
    this.csrfToken = me.csrfToken;
    return me;
  }

  createGuide(title = 'Guide de test', language = 'fr'): Promise<GuideView> {
    return this.ok('POST', '/api/guides', { title, language });
  }

  getGuide(guideId: string): Promise<GuideView> {
    return this.ok('GET', `/api/guides/${guideId}`);
  }

  createSection(guideId: string, title: string, parentId: string | null = null, position?: number): Promise<SectionView> {
    return this.ok('POST', `/api/guides/${guideId}/sections`, { title, parentId, position });
  }

  /** A new guide with one section, ready for collaboration tests. */
  async guideWithSection(): Promise<{ guide: GuideView; section: SectionView }> {
    const guide = await this.createGuide();
    const section = await this.createSection(guide.id, 'Section de test');
    return { guide, section };
  }
}
