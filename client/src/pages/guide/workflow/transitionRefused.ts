import type { BlockingThread } from '@dalil/shared';

/** A refusal the transition dialog can help with: the open threads to resolve first, each a link. */
export class TransitionRefused extends Error {
  constructor(
    message: string,
    readonly threads: BlockingThread[],
  ) {
    super(message);
  }
}
