import { errorReplies, idParams, sectionStatusSchema } from '../commonSchemas.ts';

const status = sectionStatusSchema;
const ids = { type: 'array', items: { type: 'string' } } as const;

export const progressSchema = {
  tags: ['workflow'],
  summary: 'Where the guide stands: sections per state, per assignee, open threads, words, last activity, overdue sections',
  params: idParams('guideId'),
  response: {
    200: {
      type: 'object',
      properties: {
        guideId: { type: 'string' },
        total: { type: 'integer' },
        byStatus: {
          type: 'object',
          properties: { draft: { type: 'integer' }, review: { type: 'integer' }, validated: { type: 'integer' } },
          required: ['draft', 'review', 'validated'],
        },
        words: { type: 'integer' },
        openThreads: { type: 'integer' },
        overdue: { type: 'integer' },
        readyForLayout: { type: 'boolean' },
        today: { type: 'string' },
        sections: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              id: { type: 'string' },
              title: { type: 'string' },
              parentId: { type: ['string', 'null'] },
              status,
              authorIds: ids,
              reviewerIds: ids,
              wordCount: { type: 'integer' },
              openThreads: { type: 'integer' },
              lastActivityAt: { type: 'string' },
              dueDate: { type: ['string', 'null'] },
              overdue: { type: 'boolean' },
              heading: { type: 'boolean' },
            },
            required: ['id', 'title', 'parentId', 'status', 'authorIds', 'reviewerIds', 'wordCount', 'openThreads', 'lastActivityAt', 'dueDate', 'overdue', 'heading'],
          },
        },
        assignees: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              userId: { type: 'string' },
              name: { type: 'string' },
              draft: { type: 'integer' },
              review: { type: 'integer' },
              validated: { type: 'integer' },
              overdue: { type: 'integer' },
            },
            required: ['userId', 'name', 'draft', 'review', 'validated', 'overdue'],
          },
        },
      },
      required: ['guideId', 'total', 'byStatus', 'words', 'openThreads', 'overdue', 'readyForLayout', 'today', 'sections', 'assignees'],
    },
    ...errorReplies,
  },
};
