import type { FastifyPluginAsync } from 'fastify';
import type { AssigneeProgressView, GuideProgressView, SectionProgressView } from '@dalil/shared';
import type { RouteServices } from '../routeServices.ts';
import { progressSchema } from './schemas.ts';

/** The guide's progress dashboard, mounted under /api/guides/:guideId. */
const progressRoute: FastifyPluginAsync<RouteServices> = async (app, { guides, accounts, access, workflow, threads, suggestions }) => {
  app.get<{ Params: { guideId: string } }>('/progress', { schema: progressSchema }, async (request): Promise<GuideProgressView> => {
    const { guideId } = request.params;
    access.authorize(request.auth?.user, guideId, 'guide.read');
    const today = new Date().toISOString().slice(0, 10);
    const threadsBySection = threads.openCountsBySection(guideId);
    const suggestionsBySection = suggestions.openCountsBySection(guideId);
    const transitions = workflow.lastTransitionAt(guideId);

    const listed = guides.listSections(guideId);
    const parents = new Set(listed.map((s) => s.parentId).filter((id): id is string => id !== null));
    const sections: SectionProgressView[] = listed.map((s) => {
      const activity = [s.updatedAt, s.editedAt, transitions.get(s.id)].filter((d): d is string => !!d);
      return {
        id: s.id,
        title: s.title,
        parentId: s.parentId,
        status: s.status,
        authorIds: [...s.authorIds],
        reviewerIds: [...s.reviewerIds],
        wordCount: s.wordCount,
        openThreads: threadsBySection.get(s.id) ?? 0,
        openSuggestions: suggestionsBySection.get(s.id) ?? 0,
        lastActivityAt: activity.sort().at(-1)!,
        dueDate: s.dueDate,
        // due that day means still on time; validated sections are never late
        overdue: s.dueDate !== null && s.dueDate < today && s.status !== 'validated',
        heading: s.wordCount === 0 && parents.has(s.id) && s.status === 'draft',
      };
    });
    const toValidate = sections.filter((s) => !s.heading);

    const byAssignee = new Map<string, AssigneeProgressView>();
    const count = (userId: string, role: AssigneeProgressView['role'], s: SectionProgressView, waitsOnRole: boolean) => {
      const key = `${role}:${userId}`;
      let row = byAssignee.get(key);
      if (!row) {
        row = { userId, name: accounts.nameOf(userId), role, draft: 0, review: 0, validated: 0, overdue: 0 };
        byAssignee.set(key, row);
      }
      row[s.status] += 1;
      if (s.overdue && waitsOnRole) row.overdue += 1;
    };
    for (const s of toValidate) {
      // a late draft waits on its authors, a late section in review on its reviewers
      for (const userId of new Set(s.authorIds)) count(userId, 'author', s, s.status === 'draft');
      for (const userId of new Set(s.reviewerIds)) count(userId, 'reviewer', s, s.status === 'review');
    }
    const byStatus = { draft: 0, review: 0, validated: 0 };
    for (const s of toValidate) byStatus[s.status] += 1;
    return {
      guideId,
      total: toValidate.length,
      byStatus,
      words: sections.reduce((sum, s) => sum + s.wordCount, 0),
      openThreads: sections.reduce((sum, s) => sum + s.openThreads, 0),
      openSuggestions: sections.reduce((sum, s) => sum + s.openSuggestions, 0),
      overdue: toValidate.filter((s) => s.overdue).length,
      readyForLayout: toValidate.length > 0 && byStatus.validated === toValidate.length,
      sections,
      assignees: [...byAssignee.values()].sort((a, b) => a.role.localeCompare(b.role) || a.name.localeCompare(b.name)),
      today,
    };
  });
};

export default progressRoute;
