/** Roles a member can hold in one guide; a user may hold different roles in different guides. */
export const GUIDE_ROLES = ['coordinator', 'author', 'contributor', 'reviewer', 'reader'] as const;
export type GuideRole = (typeof GUIDE_ROLES)[number];

