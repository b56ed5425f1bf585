import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideRole, MemberView, SectionView } from '@dalil/shared';
import { useSubmit } from '../hooks/useSubmit.ts';
import { isolate } from '../i18n/isolate.ts';
import { Dialog } from '../components/Dialog.tsx';

/** Who may be assigned to what: the server refuses anyone else (400). */
const AUTHOR_ROLES: readonly GuideRole[] = ['author', 'coordinator'];
const REVIEWER_ROLES: readonly GuideRole[] = ['reviewer', 'coordinator'];

interface AssignDialogProps {
  section: SectionView;
  members: MemberView[] | null;
  onSave: (authorIds: string[], reviewerIds: string[], dueDate: string | null) => Promise<void>;
  onClose: () => void;
}

/** Picks the section's authors and reviewers among the members whose role allows it. */
export function AssignDialog({ section, members, onSave, onClose }: AssignDialogProps) {
  const { t } = useTranslation();
  const [authors, setAuthors] = useState(() => new Set(section.authorIds));
  const [reviewers, setReviewers] = useState(() => new Set(section.reviewerIds));
  const [dueDate, setDueDate] = useState(section.dueDate ?? '');
  const dueId = useId();

  // the dialog closes once saved
  const { busy, error, submit } = useSubmit(
    async (event: FormEvent) => {
      event.preventDefault();
      // keep only people who can still hold the assignment (a role may have changed meanwhile)
      const eligible = (roles: readonly GuideRole[]) => new Set((members ?? []).filter((m) => roles.includes(m.role)).map((m) => m.userId));
      const authorIds = [...authors].filter((id) => eligible(AUTHOR_ROLES).has(id));
      const reviewerIds = [...reviewers].filter((id) => eligible(REVIEWER_ROLES).has(id));
      await onSave(authorIds, reviewerIds, dueDate || null);
    },
    { staysBusyOnSuccess: true },
  );

  return (
    <Dialog title={t('assign.title', { title: isolate(section.title) })} onClose={onClose} testId="assign-dialog">
      {() => (
        <form onSubmit={(event) => void submit(event)} className="assign-form">
          {members === null ? (
            <p className="muted" role="status">{t('assign.loadingMembers')}</p>
          ) : (
            <>
              <Choices legend={t('assign.authors')} members={members.filter((m) => AUTHOR_ROLES.includes(m.role))} chosen={authors} onChange={setAuthors} kind="author" />
              <Choices legend={t('assign.reviewers')} members={members.filter((m) => REVIEWER_ROLES.includes(m.role))} chosen={reviewers} onChange={setReviewers} kind="reviewer" />
              <div className="assign-form__due">
                <label htmlFor={dueId}>{t('assign.dueDate')}</label>
                <input id={dueId} type="date" value={dueDate} onChange={(event) => setDueDate(event.target.value)} />
              </div>
            </>
          )}
          {error && <p className="form-error" role="alert">{error}</p>}
          <div className="form-actions dialog__actions">
            <button type="submit" className="button button--primary" disabled={busy || members === null}>
              {t('assign.save')}
            </button>
            <button type="button" className="button" onClick={onClose}>
              {t('assign.cancel')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

interface ChoicesProps {
  legend: string;
  members: MemberView[];
  chosen: Set<string>;
  onChange: (next: Set<string>) => void;
  kind: 'author' | 'reviewer';
}

function Choices({ legend, members, chosen, onChange, kind }: ChoicesProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="assign-form__group" data-kind={kind}>
      <legend>{legend}</legend>
      {members.length === 0 && <p className="muted">{t('assign.noneEligible')}</p>}
      {members.map((member) => (
        <label key={member.userId} className="checkbox">
          <input
            type="checkbox"
            value={member.userId}
            checked={chosen.has(member.userId)}
            onChange={(event) => {
              const next = new Set(chosen);
              if (event.target.checked) next.add(member.userId);
              else next.delete(member.userId);
              onChange(next);
            }}
          />
          <span dir="auto">{member.name}</span>
          <span className="muted"> · {t(`roles.${member.role}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}
