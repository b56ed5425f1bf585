import { Api } from '../helpers/api.ts';

/** What the benchmark needs from Dalil's REST API: a guide and its sections (their document names). */
export interface DalilContent {
  createSections(count: number, title?: string): Promise<string[]>;
}

export async function dalilContent(baseUrl: string): Promise<DalilContent> {
  const api = new Api(baseUrl);
  const guide = await api.createGuide('Guide de mesure', 'fr');
  return {
    async createSections(count, title = 'Section') {
      const names: string[] = [];
      for (let i = 0; i < count; i++) names.push((await api.createSection(guide.id, `${title} ${i + 1}`)).docName);
      return names;
    },
  };
}
