// Defined once as TypeBox schemas in `shared/src/api/threads.ts` (the server validates with them);
// re-exported here under the names the client has always used.
export type {
  CreateThreadBody,
  PersonRef,
  PostMessageBody,
  ThreadAnchorBody,
  ThreadMessageView,
  ThreadView,
  UpdateThreadBody,
} from '../api/threads.ts';
