import type { CatalogueShape } from '../catalogueShape.ts';
import type { membershipFr } from './fr.ts';

export const membershipEn: CatalogueShape<typeof membershipFr> = {
  addHeading: 'Add someone who already has an account',
  addIntro: 'Enter their email address: if they have an account on this server, they join the guide at once, without a link.',
  emailLabel: 'Email address',
  roleLabel: 'Role',
  add: 'Add to the guide',
  adding: 'Adding…',
  addDone: 'If {{email}} has an account on this server, that person is now a member of the guide (a member keeps their role). Otherwise, send them an invitation link below.',
  labelLabel: 'Who it is for (optional)',
  labelPlaceholder: 'E.g. CEFAD trainer, chapter 2',
  createdHeading_one: 'Link created during this visit',
  createdHeading_other: 'Links created during this visit',
  createdNote: 'Copy them before leaving the page: the server does not keep the links themselves (only a fingerprint) and cannot show them again.',
  usedBy: 'Used by {{names}}',
  notUsed: 'Not used yet',
  inactiveHeading: 'Revoked, expired or used links ({{count}})',
  noActive: 'No active link.',
  unlabelled: 'Link without a label',
  createdFor: 'Link “{{label}}”',
};
