import type { GuideRole } from '@dalil/shared';

/** Shared by every demo account; printed in README.md. Demo data only: never use on a real server. */
export const DEMO_PASSWORD = 'dalil-demo-2026';

/** One account per role, named after the people of the guides Dalil is for. */
export const demoAccounts: Array<{ email: string; name: string; role: GuideRole }> = [
  { email: 'coordinatrice@demo.dalil.tn', name: 'Leïla Ben Salah', role: 'coordinator' },
  { email: 'auteur@demo.dalil.tn', name: 'Karim Trabelsi', role: 'author' },
  { email: 'contributrice@demo.dalil.tn', name: 'Amel Jaziri', role: 'contributor' },
  { email: 'relecteur@demo.dalil.tn', name: 'Sami Gharbi', role: 'reviewer' },
  { email: 'lectrice@demo.dalil.tn', name: 'Nadia Ferchichi', role: 'reader' },
];
