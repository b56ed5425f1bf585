import type { FastifyPluginAsync } from 'fastify';
import {
  availableTransitions,
  type SectionWorkflowView,
  type TransitionBody,
  type TransitionResult,
  type WorkflowEvent,
  type WorkflowEventView,
} from '@dalil/shared';
import { textChanges } from '@dalil/shared/textChanges';
import type { RouteServices } from '../routeServices.ts';
import { badRequest, Conflict, Invalid } from '../../domain/errors.ts';
import { forbidden } from '../../auth/guideAccess.ts';
import { blocksOf } from '../../workflow/approvedContent.ts';
import { transitionSection } from '../../workflow/transitionSection.ts';
import { sectionWorkflowSchema, transitionSchema } from './schemas.ts';

type SectionParams = { guideId: string; sectionId: string };

/** A section's workflow, mounted under /api/guides/:guideId. */
const workflowRoute: FastifyPluginAsync<RouteServices> = async (app, services) => {
  const { guides, accounts, access, live, workflow, snapshots, threads } = services;
  const eventView = (e: WorkflowEvent): WorkflowEventView => ({
    id: e.id,
    from: e.from,
    to: e.to,
    actorId: e.actorId,
    actorName: accounts.nameOf(e.actorId),
    note: e.note,
    createdAt: e.createdAt,
    transition: e.transition ?? null,
  });

  app.post<{ Params: SectionParams; Body: TransitionBody }>(
    '/sections/:sectionId/transitions',
    { schema: transitionSchema },
    async (request): Promise<TransitionResult> => {
      const { guideId, sectionId } = request.params;
      const { user, role } = access.authorize(request.auth?.user, guideId, 'guide.read');
      const { to, transition, note } = request.body;
      const outcome = await transitionSection(services, { guideId, sectionId, actorId: user.id, role, to, transition, note });
      if (!outcome.ok) {
        switch (outcome.reason) {
          case 'trashed':
            throw badRequest('the section is in the trash');
          case 'notFromState': {
            const allowed = outcome.allowedTargets.join(', ') || 'none';
            throw new Conflict('transition_not_allowed', `a ${outcome.from} section cannot go to ${to}${transition ? ` by ${transition}` : ''}; allowed from ${outcome.from}: ${allowed}`);
          }
          case 'forbidden':
            throw forbidden(outcome.byAssignment
              ? `only the section's assigned ${outcome.rule.assignment}s (or the coordinator) may ${outcome.rule.name} it`
              : `your role may not ${outcome.rule.name} this section`);
          case 'noteRequired':
            throw new Invalid(`a note is required to ${outcome.rule.name} a section`, 'note_required');
          case 'openThreads': {
            const list = outcome.threads.map((t) => `${t.id} («${t.quote.slice(0, 60)}»)`).join(', ');
            throw new Conflict('open_threads', `resolve the ${outcome.threads.length} open comment thread(s) first: ${list}`, { threads: outcome.threads });
          }
          case 'openSuggestions':
            throw new Conflict('open_suggestions', `accept or reject the ${outcome.count} open suggestion(s) of this section first`);
          case 'figuresWithoutAlt':
            throw new Conflict('figures_without_alt', `describe every figure before submitting: ${outcome.figures.length} figure(s) without alternative text or without an uploaded image (figure ${outcome.figures.join(', ')} of the section)`);
        }
      }
      if (outcome.notifyError) request.log.warn({ err: outcome.notifyError }, 'could not store workflow notifications');
      return { status: outcome.event.to, event: eventView(outcome.event) };
    },
  );

  app.get<{ Params: SectionParams }>(
    '/sections/:sectionId/workflow',
    { schema: sectionWorkflowSchema },
    async (request): Promise<SectionWorkflowView> => {
      const { guideId, sectionId } = request.params;
      const { user, role } = access.authorize(request.auth?.user, guideId, 'guide.read');
      const guide = guides.getGuide(guideId);
      const section = guides.getSection(guideId, sectionId);
      const history = workflow.historyOf(guideId, sectionId);
      const lastValidation = workflow.lastValidation(guideId, sectionId);
      const validated =
        section.status === 'validated' && lastValidation
          ? { byName: accounts.nameOf(lastValidation.actorId), at: lastValidation.createdAt }
          : null;

      // Reviewers of a resubmitted section see what changed since the approved version, and since
      // the text submitted in the previous round when it was sent back or withdrawn meanwhile.
      let changes: SectionWorkflowView['changes'] = null;
      let changesSinceSubmission: SectionWorkflowView['changesSinceSubmission'] = null;
      if (section.status === 'review') {
        const since = async (event: WorkflowEvent | undefined) => {
          const before = event?.snapshotId ? await snapshots.loadText(sectionId, event.snapshotId) : null;
          if (!event || !before) return null;
          const now = await live.readSection(guideId, section.docName, blocksOf);
          return { since: event.createdAt, blocks: textChanges(before.blocks, now, guide.language) };
        };
        changes = await since(lastValidation);
        changesSinceSubmission = await since(workflow.previousSubmission(guideId, sectionId));
      }
      const sentBackBy = section.status === 'draft' ? workflow.pendingChangeRequest(guideId, sectionId) : undefined;
      const open = threads.openThreadsOf(guideId, sectionId);
      return {
        status: section.status,
        history: history.map(eventView),
        validated,
        transitions: availableTransitions(section, { userId: user.id, role }).map((r) => ({ name: r.name, to: r.to, noteRequired: r.noteRequired })),
        changes,
        changesSinceSubmission,
        openThreads: open.length,
        blockingThreads: guide.requireResolvedThreads ? open.map((t) => ({ id: t.id, sectionId, quote: t.quote })) : [],
        sentBack: sentBackBy ? { byName: accounts.nameOf(sentBackBy.actorId), at: sentBackBy.createdAt, note: sentBackBy.note } : null,
      };
    },
  );
};

export default workflowRoute;
