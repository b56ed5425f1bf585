export * from './types/domain.ts';
export * from './types/api.ts';
export * from './collaboration/closeCodes.ts';
export * from './collaboration/messageTypes.ts';
export * from './collaboration/docNames.ts';
export * from './collaboration/savedState.ts';
export * from './toc/tocOrder.ts';
