import type { GuideView, SectionView } from '@dalil/shared';

/** Thin REST client for tests: real HTTP against a real server. */
export class Api {
  constructor(private readonly baseUrl: string) {}

  async request<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: body !== undefined ? { 'content-type': 'application/json' } : {},
      body: body !== undefined ? (typeof body === 'string' ? body : JSON.stringify(body)) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  }

  async ok<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.request<T>(method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
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
