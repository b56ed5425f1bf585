import { SectionWorkflowView, TransitionBody, TransitionResult, WorkflowParams } from '@dalil/shared/api/workflow.ts';
import { errorReplies } from '../commonSchemas.ts';

export const transitionSchema = {
  tags: ['workflow'],
  summary: 'Move a section through the workflow: submit (→ review), approve (→ validated), request changes, withdraw or reopen (→ draft); `transition` names the one meant when several lead to `to`',
  params: WorkflowParams,
  body: TransitionBody,
  response: { 200: TransitionResult, ...errorReplies },
};

export const sectionWorkflowSchema = {
  tags: ['workflow'],
  summary: 'A section’s status, history, the transitions the caller may make and what changed since its last validation',
  params: WorkflowParams,
  response: { 200: SectionWorkflowView, ...errorReplies },
};
