import type { FastifyPluginAsync } from 'fastify';
import {
  availableTransitions,
  decideTransition,
  isContentLocked,
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
import { newId } from '../../storage/ids.ts';
import { approvedContent, blocksOf } from '../../workflow/approvedContent.ts';
import { transitionRecipients } from '../../workflow/transitionRecipients.ts';
import { figuresWithoutAlt } from '../../workflow/figuresWithoutAlt.ts';
import { sectionWorkflowSchema, transitionSchema } from './schemas.ts';

type SectionParams = { guideId: string; sectionId: string };

/** A section's workflow, mounted under /api/guides/:guideId. */
const workflowRoute: FastifyPluginAsync<RouteServices> = async (app, services) => {
  const { guides, members, accounts, access, live, workflow, snapshots, notifications, threads } = services;
  const eventView = (e: WorkflowEvent): WorkflowEventView => ({
    id: e.id,
    from: e.from,
    to: e.to,
    actorId: e.actorId,
    actorName: accounts.nameOf(e.actorId),
    note: e.note,
    createdAt: e.createdAt,
  });

  app.post<{ Params: SectionParams; Body: TransitionBody }>(
    '/sections/:sectionId/transitions',
    { schema: transitionSchema },
    async (request): Promise<TransitionResult> => {
      const { guideId, sectionId } = request.params;
      const { user, role } = access.authorize(request.auth?.user, guideId, 'guide.read');
      const section = guides.getSection(guideId, sectionId);
      if (section.deletedAt !== null) throw badRequest('the section is in the trash');
      const note = request.body.note?.trim() || null;
      const from = section.status;
      const decision = decideTransition(section, { userId: user.id, role }, request.body.to, note);
      if (!decision.ok) {
        if (decision.reason === 'notFromState') {
          const allowed = decision.allowedTargets.join(', ') || 'none';
          throw new Conflict('transition_not_allowed', `a ${from} section cannot go to ${request.body.to}; allowed from ${from}: ${allowed}`);
        }
        if (decision.reason === 'forbidden') {
          throw forbidden(decision.rule.assignment && role !== 'coordinator'
            ? `only the section's assigned ${decision.rule.assignment}s (or the coordinator) may ${decision.rule.name} it`
            : `your role may not ${decision.rule.name} this section`);
        }
        throw new Invalid(`a note is required to ${decision.rule.name} a section`, 'note_required');
      }

      const guide = guides.getGuide(guideId);
      const validating = request.body.to === 'validated';
      if (validating && guide.requireResolvedThreads) {
        const open = threads.openThreadsOf(guideId, sectionId);
        if (open.length > 0) {
          const list = open.map((t) => `${t.id} («${t.quote.slice(0, 60)}»)`).join(', ');
          throw new Conflict('open_threads', `resolve the ${open.length} open comment thread(s) first: ${list}`, {
            threads: open.map((t) => ({ id: t.id, sectionId, quote: t.quote })),
          });
        }
      }

      if (request.body.to === 'review') {
        // accessibility: every figure needs a description before reviewers see the section
        const missing = await live.readSection(guideId, section.docName, figuresWithoutAlt);
        if (missing.length > 0) {
          throw new Conflict('figures_without_alt', `describe every figure before submitting: ${missing.length} figure(s) without alternative text or without an uploaded image (figure ${missing.join(', ')} of the section)`);
        }
      }

      let snapshotId: string | null = null;
      let result: Awaited<ReturnType<typeof workflow.record>>;
      try {
        if (validating) {
          // Lock first, then read: no update can slip in between the snapshot and the lock.
          live.setSectionLocked(section.docName, true);
          snapshotId = newId('v');
          await snapshots.save(sectionId, snapshotId, await live.readSection(guideId, section.docName, approvedContent));
        }
        result = await workflow.record({ guideId, sectionId, from, to: request.body.to, actorId: user.id, note, snapshotId });
      } finally {
        // Whatever happened, the lock follows the status now stored (a concurrent approval may have won).
        live.setSectionLocked(section.docName, isContentLocked(guides.getSection(guideId, sectionId).status));
      }
      live.structureChanged(guideId, result.structureVersion);

      const { kind, recipientIds } = transitionRecipients(section, from, request.body.to, members.listMembers(guideId));
      await notifications
        .notify({ recipientIds, actorId: user.id, guideId, sectionId, kind, note })
        .catch((err: unknown) => request.log.warn({ err }, 'could not store workflow notifications'));
      return { status: request.body.to, event: eventView(result.event) };
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

      // Reviewers of a resubmitted section see what changed since the approved version.
      let changes: SectionWorkflowView['changes'] = null;
      if (section.status === 'review' && lastValidation?.snapshotId) {
        const approved = await snapshots.loadText(sectionId, lastValidation.snapshotId);
        if (approved) {
          const now = await live.readSection(guideId, section.docName, blocksOf);
          changes = { since: lastValidation.createdAt, blocks: textChanges(approved.blocks, now, guide.language) };
        }
      }
      return {
        status: section.status,
        history: history.map(eventView),
        validated,
        transitions: availableTransitions(section, { userId: user.id, role }).map((r) => ({ name: r.name, to: r.to, noteRequired: r.noteRequired })),
        changes,
        openThreads: threads.openThreadsOf(guideId, sectionId).length,
      };
    },
  );
};

export default workflowRoute;
