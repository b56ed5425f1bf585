import { IdParams } from '@dalil/shared/api/common.ts';
import { GuideProgressView } from '@dalil/shared/api/progress.ts';
import { errorReplies } from '../commonSchemas.ts';

export const progressSchema = {
  tags: ['workflow'],
  summary: 'Where the guide stands: sections per state, per assignee, open threads, words, last activity, overdue sections',
  params: IdParams('guideId'),
  response: { 200: GuideProgressView, ...errorReplies },
};
