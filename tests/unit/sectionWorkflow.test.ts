import { describe, expect, it } from 'vitest';
import {
  availableTransitions,
  decideTransition,
  GUIDE_ROLES,
  isContentLocked,
  SECTION_STATUSES,
  type GuideRole,
  type SectionStatus,
  type TransitionName,
} from '@dalil/shared';
import { textChanges } from '@dalil/shared/textChanges';

const ME = 'u-me';
const OTHER = 'u-other';

/**
 * Every transition, written out by hand from the issues (not derived from the code under test):
 * the roles allowed when assigned and whether a note is required.
 */
const RULES: Array<{ name: TransitionName; from: SectionStatus; to: SectionStatus; roles: GuideRole[]; note: boolean }> = [
  { name: 'submit', from: 'draft', to: 'review', roles: ['coordinator', 'author'], note: false },
  { name: 'approve', from: 'review', to: 'validated', roles: ['coordinator', 'reviewer'], note: false },
  { name: 'requestChanges', from: 'review', to: 'draft', roles: ['coordinator', 'reviewer'], note: true },
  { name: 'withdraw', from: 'review', to: 'draft', roles: ['coordinator', 'author'], note: false },
  { name: 'reopen', from: 'validated', to: 'draft', roles: ['coordinator'], note: true },
];

describe('section workflow state machine', () => {
  for (const role of GUIDE_ROLES) {
    for (const from of SECTION_STATUSES) {
      for (const to of SECTION_STATUSES) {
        const key = `${from}>${to}`;
        it(`${role}: ${key}`, () => {
          // assigned as both author and reviewer, so only the role decides here
          const subject = { status: from, authorIds: [ME], reviewerIds: [ME] };
          const rules = RULES.filter((r) => r.from === from && r.to === to);
          if (rules.length === 0) {
            const withNote = decideTransition(subject, { userId: ME, role }, to, 'une note');
            expect(withNote).toMatchObject({ ok: false, reason: 'notFromState' });
            if (!withNote.ok && withNote.reason === 'notFromState') {
              const expected = [...new Set(RULES.filter((r) => r.from === from).map((r) => r.to))];
              expect(withNote.allowedTargets.sort()).toEqual(expected.sort());
            }
            return;
          }
          for (const rule of rules) {
            const withNote = decideTransition(subject, { userId: ME, role }, to, 'une note', rule.name);
            if (rule.roles.includes(role)) {
              expect(withNote, rule.name).toMatchObject({ ok: true, rule: { name: rule.name } });
              const withoutNote = decideTransition(subject, { userId: ME, role }, to, undefined, rule.name);
              expect(withoutNote.ok, rule.name).toBe(!rule.note);
              if (!withoutNote.ok) expect(withoutNote.reason).toBe('noteRequired');
              const blank = decideTransition(subject, { userId: ME, role }, to, '   ', rule.name);
              expect(blank.ok, rule.name).toBe(!rule.note);
            } else {
              expect(withNote, rule.name).toMatchObject({ ok: false, reason: 'forbidden' });
            }
          }
        });
      }
    }
  }

  it('a transition named from the wrong state is refused as not from this state', () => {
    const subject = { status: 'review' as SectionStatus, authorIds: [ME], reviewerIds: [ME] };
    expect(decideTransition(subject, { userId: ME, role: 'coordinator' }, 'draft', 'note', 'reopen')).toMatchObject({ ok: false, reason: 'notFromState' });
    expect(decideTransition(subject, { userId: ME, role: 'coordinator' }, 'validated', 'note', 'withdraw')).toMatchObject({ ok: false, reason: 'notFromState' });
  });

  it('without a name, review → draft is the first transition the member may make: withdraw for the author, a change request otherwise', () => {
    const subject = { status: 'review' as SectionStatus, authorIds: [ME], reviewerIds: [ME] };
    const unnamed = (role: GuideRole) => decideTransition(subject, { userId: ME, role }, 'draft', 'note');
    expect(unnamed('author')).toMatchObject({ ok: true, rule: { name: 'withdraw' } });
    expect(unnamed('reviewer')).toMatchObject({ ok: true, rule: { name: 'requestChanges' } });
    expect(unnamed('coordinator')).toMatchObject({ ok: true, rule: { name: 'requestChanges' } });
    expect(unnamed('contributor')).toMatchObject({ ok: false, reason: 'forbidden' });
  });

  it('only an assigned author (or the coordinator) may withdraw', () => {
    const subject = { status: 'review' as SectionStatus, authorIds: [OTHER], reviewerIds: [] };
    expect(decideTransition(subject, { userId: ME, role: 'author' }, 'draft', null, 'withdraw')).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(decideTransition(subject, { userId: OTHER, role: 'author' }, 'draft', null, 'withdraw')).toMatchObject({ ok: true });
    expect(decideTransition(subject, { userId: ME, role: 'coordinator' }, 'draft', null, 'withdraw')).toMatchObject({ ok: true });
  });

  it('an author must be assigned to submit; the coordinator need not be', () => {
    const subject = { status: 'draft' as SectionStatus, authorIds: [OTHER], reviewerIds: [] };
    expect(decideTransition(subject, { userId: ME, role: 'author' }, 'review')).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(decideTransition({ ...subject, authorIds: [] }, { userId: ME, role: 'author' }, 'review')).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(decideTransition(subject, { userId: OTHER, role: 'author' }, 'review')).toMatchObject({ ok: true });
    expect(decideTransition(subject, { userId: ME, role: 'coordinator' }, 'review')).toMatchObject({ ok: true });
  });

  it('any reviewer may review a section without assigned reviewers; only assigned ones otherwise', () => {
    const open = { status: 'review' as SectionStatus, authorIds: [], reviewerIds: [] };
    expect(decideTransition(open, { userId: ME, role: 'reviewer' }, 'validated')).toMatchObject({ ok: true });
    const assigned = { ...open, reviewerIds: [OTHER] };
    expect(decideTransition(assigned, { userId: ME, role: 'reviewer' }, 'validated')).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(decideTransition(assigned, { userId: ME, role: 'reviewer' }, 'draft', 'non')).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(decideTransition(assigned, { userId: OTHER, role: 'reviewer' }, 'validated')).toMatchObject({ ok: true });
    expect(decideTransition(assigned, { userId: ME, role: 'coordinator' }, 'validated')).toMatchObject({ ok: true });
  });

  it('a non-member may do nothing', () => {
    for (const from of SECTION_STATUSES) {
      expect(availableTransitions({ status: from, authorIds: [ME], reviewerIds: [ME] }, { userId: ME, role: null })).toEqual([]);
    }
  });

  it('offers exactly the allowed transitions as buttons', () => {
    const names = (status: SectionStatus, role: GuideRole) =>
      availableTransitions({ status, authorIds: [ME], reviewerIds: [] }, { userId: ME, role }).map((r) => r.name);
    expect(names('draft', 'author')).toEqual(['submit']);
    expect(names('review', 'reviewer')).toEqual(['approve', 'requestChanges']);
    expect(names('review', 'author')).toEqual(['withdraw']);
    expect(names('review', 'coordinator')).toEqual(['approve', 'requestChanges', 'withdraw']);
    expect(names('validated', 'coordinator')).toEqual(['reopen']);
    expect(names('validated', 'reviewer')).toEqual([]);
  });

  it('locks the text in review and once validated', () => {
    expect(SECTION_STATUSES.filter(isContentLocked)).toEqual(['review', 'validated']);
  });
});

describe('text changes since the last validated version', () => {
  it('marks added, removed and changed blocks, word by word inside a changed block', () => {
    const blocks = textChanges(['Titre', 'Le conseil se réunit chaque mois.', 'Paragraphe supprimé.'], ['Titre', 'Le conseil municipal se réunit chaque trimestre.', 'Nouveau paragraphe.']);
    expect(blocks[0]).toEqual({ kind: 'same', parts: [{ text: 'Titre', change: null }] });
    expect(blocks[1]!.kind).toBe('changed');
    const added = blocks[1]!.parts.filter((p) => p.change === 'added').map((p) => p.text.trim());
    const removed = blocks[1]!.parts.filter((p) => p.change === 'removed').map((p) => p.text.trim());
    expect(added).toEqual(expect.arrayContaining(['municipal', 'trimestre']));
    expect(removed).toContain('mois');
    // the reconstructed new text equals the new version
    expect(blocks[1]!.parts.filter((p) => p.change !== 'removed').map((p) => p.text).join('')).toBe('Le conseil municipal se réunit chaque trimestre.');
    expect(blocks[2]!.kind).toBe('changed');
  });

  it('splits Arabic into words, not letters', () => {
    const [block] = textChanges(['المجلس البلدي يجتمع كل شهر'], ['المجلس البلدي يجتمع كل أسبوع'], 'ar');
    expect(block!.parts.filter((p) => p.change === 'removed').map((p) => p.text)).toEqual(['شهر']);
    expect(block!.parts.filter((p) => p.change === 'added').map((p) => p.text)).toEqual(['أسبوع']);
  });

  it('reports whole blocks added at the end and removed', () => {
    expect(textChanges(['a'], ['a', 'b']).map((b) => b.kind)).toEqual(['same', 'added']);
    expect(textChanges(['a', 'b'], ['a']).map((b) => b.kind)).toEqual(['same', 'removed']);
  });
});
