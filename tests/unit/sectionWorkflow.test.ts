import { describe, expect, it } from 'vitest';
import {
  availableTransitions,
  decideTransition,
  GUIDE_ROLES,
  isContentLocked,
  SECTION_STATUSES,
  type GuideRole,
  type SectionStatus,
} from '@dalil/shared';
import { textChanges } from '@dalil/shared/textChanges';

const ME = 'u-me';
const OTHER = 'u-other';

/**
 * The expected outcome of every role × state × target, written out by hand from the issue (not
 * derived from the code under test). Key: `${from}>${to}`; value: roles allowed when assigned.
 */
const ALLOWED: Record<string, GuideRole[]> = {
  'draft>review': ['coordinator', 'author'],
  'review>validated': ['coordinator', 'reviewer'],
  'review>draft': ['coordinator', 'reviewer'],
  'validated>draft': ['coordinator'],
};
const NOTE_REQUIRED = new Set(['review>draft', 'validated>draft']);

describe('section workflow state machine', () => {
  for (const role of GUIDE_ROLES) {
    for (const from of SECTION_STATUSES) {
      for (const to of SECTION_STATUSES) {
        const key = `${from}>${to}`;
        it(`${role}: ${key}`, () => {
          // assigned as both author and reviewer, so only the role decides here
          const subject = { status: from, authorIds: [ME], reviewerIds: [ME] };
          const withNote = decideTransition(subject, { userId: ME, role }, to, 'une note');
          const exists = key in ALLOWED;
          if (!exists) {
            expect(withNote).toMatchObject({ ok: false, reason: 'notFromState' });
            if (!withNote.ok && withNote.reason === 'notFromState') {
              const expected = Object.keys(ALLOWED).filter((k) => k.startsWith(`${from}>`)).map((k) => k.split('>')[1]);
              expect(withNote.allowedTargets.sort()).toEqual(expected.sort());
            }
            return;
          }
          if (ALLOWED[key]!.includes(role)) {
            expect(withNote).toMatchObject({ ok: true });
            const withoutNote = decideTransition(subject, { userId: ME, role }, to);
            expect(withoutNote.ok).toBe(!NOTE_REQUIRED.has(key));
            if (!withoutNote.ok) expect(withoutNote.reason).toBe('noteRequired');
            const blank = decideTransition(subject, { userId: ME, role }, to, '   ');
            expect(blank.ok).toBe(!NOTE_REQUIRED.has(key));
          } else {
            expect(withNote).toMatchObject({ ok: false, reason: 'forbidden' });
          }
        });
      }
    }
  }

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
    expect(names('review', 'author')).toEqual([]);
    expect(names('validated', 'coordinator')).toEqual(['reopen']);
    expect(names('validated', 'reviewer')).toEqual([]);
  });

  it('locks only validated content', () => {
    expect(SECTION_STATUSES.filter(isContentLocked)).toEqual(['validated']);
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
