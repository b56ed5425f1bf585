import { MAX_TRANSITION_NOTE_LENGTH, TRANSITION_NAMES } from '@dalil/shared';
import { errorReplies, idParams, sectionStatusSchema } from '../commonSchemas.ts';

const sectionParams = idParams('guideId', 'sectionId');
const status = sectionStatusSchema;
const transitionName = { type: 'string', enum: [...TRANSITION_NAMES] } as const;

const workflowEventView = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    from: status,
    to: status,
    actorId: { type: 'string' },
    actorName: { type: 'string' },
    note: { type: ['string', 'null'] },
    createdAt: { type: 'string' },
    transition: { anyOf: [{ type: 'null' }, transitionName] },
  },
  required: ['id', 'from', 'to', 'actorId', 'actorName', 'note', 'createdAt', 'transition'],
} as const;

const changeBlock = {
  type: 'object',
  properties: {
    kind: { type: 'string', enum: ['same', 'added', 'removed', 'changed'] },
    parts: {
      type: 'array',
      items: {
        type: 'object',
        properties: { text: { type: 'string' }, change: { type: ['string', 'null'], enum: ['added', 'removed', null] } },
        required: ['text', 'change'],
      },
    },
  },
  required: ['kind', 'parts'],
} as const;
const changes = {
  anyOf: [{ type: 'null' }, { type: 'object', properties: { since: { type: 'string' }, blocks: { type: 'array', items: changeBlock } }, required: ['since', 'blocks'] }],
} as const;

export const transitionSchema = {
  tags: ['workflow'],
  summary: 'Move a section through the workflow: submit (→ review), approve (→ validated), request changes, withdraw or reopen (→ draft); `transition` names the one meant when several lead to `to`',
  params: sectionParams,
  body: {
    type: 'object',
    additionalProperties: false,
    properties: { to: status, transition: transitionName, note: { type: 'string', maxLength: MAX_TRANSITION_NOTE_LENGTH } },
    required: ['to'],
  },
  response: {
    200: { type: 'object', properties: { status, event: workflowEventView }, required: ['status', 'event'] },
    ...errorReplies,
  },
};

export const sectionWorkflowSchema = {
  tags: ['workflow'],
  summary: 'A section’s status, history, the transitions the caller may make and what changed since its last validation',
  params: sectionParams,
  response: {
    200: {
      type: 'object',
      properties: {
        status,
        history: { type: 'array', items: workflowEventView },
        validated: {
          anyOf: [{ type: 'null' }, { type: 'object', properties: { byName: { type: 'string' }, at: { type: 'string' } }, required: ['byName', 'at'] }],
        },
        transitions: {
          type: 'array',
          items: {
            type: 'object',
            properties: { name: transitionName, to: status, noteRequired: { type: 'boolean' } },
            required: ['name', 'to', 'noteRequired'],
          },
        },
        changes,
        changesSinceSubmission: changes,
        openThreads: { type: 'integer' },
        blockingThreads: {
          type: 'array',
          items: { type: 'object', properties: { id: { type: 'string' }, sectionId: { type: 'string' }, quote: { type: 'string' } }, required: ['id', 'sectionId', 'quote'] },
        },
        sentBack: {
          anyOf: [
            { type: 'null' },
            { type: 'object', properties: { byName: { type: 'string' }, at: { type: 'string' }, note: { type: ['string', 'null'] } }, required: ['byName', 'at', 'note'] },
          ],
        },
      },
      required: ['status', 'history', 'validated', 'transitions', 'changes', 'changesSinceSubmission', 'openThreads', 'blockingThreads', 'sentBack'],
    },
    ...errorReplies,
  },
};
