import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { CommentIcon } from '../components/CommentIcon.tsx';

interface PhoneCommentsBarProps {
  openCount: number;
  listOpen: boolean;
  /** Words are selected and the user may comment: offer to comment them. */
  canCommentSelection: boolean;
  onOpenList: () => void;
  onComment: () => void;
  /** Where focus returns when the sheet closes and had nowhere better to go. */
  buttonRef: Ref<HTMLButtonElement>;
}

/** Beside the status line on a narrow screen: the comments sheet's button, and "Commenter" while words are selected. */
export function PhoneCommentsBar({ openCount, listOpen, canCommentSelection, onOpenList, onComment, buttonRef }: PhoneCommentsBarProps) {
  const { t } = useTranslation();
  return (
    <>
      {canCommentSelection && (
        // keeps the editor's selection: the new comment is about the selected words
        <button type="button" className="button button--small button--primary phone-comments__add" onMouseDown={(e) => e.preventDefault()} onClick={onComment}>
          {t('comments.add')}
        </button>
      )}
      <button
        ref={buttonRef}
        type="button"
        className="button button--small phone-comments__open"
        aria-haspopup="dialog"
        aria-expanded={listOpen}
        data-testid="phone-comments-button"
        onClick={onOpenList}
      >
        <CommentIcon />
        {t('phoneComments.button', { count: openCount })}
      </button>
    </>
  );
}
