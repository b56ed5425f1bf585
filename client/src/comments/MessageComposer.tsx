import { useId, useLayoutEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_MESSAGE_LENGTH, type PersonRef } from '@dalil/shared';
import { apiErrorMessage } from '../i18n/apiErrorMessage.ts';
import { foldName, mentionQuery } from './mentionQuery.ts';

export interface ComposedMessage {
  body: string;
  mentions: string[];
}

interface MessageComposerProps {
  label: string;
  submitLabel: string;
  /** Members who can be mentioned (empty when the role cannot list members). */
  people: PersonRef[];
  initialBody?: string;
  initialMentions?: PersonRef[];
  autoFocus?: boolean;
  onSubmit: (message: ComposedMessage) => Promise<void>;
  onCancel?: () => void;
}

/**
 * A plain-text message box. Typing @ offers the guide's members; a picked name is kept as a
 * mention as long as "@Name" is still in the text when it is sent. Ctrl+Enter sends.
 */
export function MessageComposer({ label, submitLabel, people, initialBody = '', initialMentions = [], autoFocus, onSubmit, onCancel }: MessageComposerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [body, setBody] = useState(initialBody);
  const [picked, setPicked] = useState<PersonRef[]>(initialMentions);
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [highlighted, setHighlighted] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  // Where the caret goes once a picked name is in the textarea. Set in a layout effect, right when
  // React commits the new value: a later frame would move the caret behind keys typed meanwhile.
  const caretAfterPick = useRef<number | null>(null);

  useLayoutEffect(() => {
    const caret = caretAfterPick.current;
    if (caret === null || !textarea.current) return;
    caretAfterPick.current = null;
    textarea.current.focus();
    textarea.current.setSelectionRange(caret, caret);
  }, [body]);

  const suggestions = useMemo(() => {
    if (!query) return [];
    const wanted = foldName(query.query);
    return people.filter((p) => foldName(p.name).includes(wanted)).slice(0, 6);
  }, [people, query]);

  function onChange(value: string, caret: number): void {
    setBody(value);
    setQuery(mentionQuery(value, caret));
    setHighlighted(0);
  }

  function pick(person: PersonRef): void {
    if (!query) return;
    const caret = textarea.current?.selectionStart ?? body.length;
    const next = `${body.slice(0, query.start)}@${person.name} ${body.slice(caret)}`;
    caretAfterPick.current = query.start + person.name.length + 2;
    setBody(next);
    setPicked((current) => (current.some((p) => p.id === person.id) ? current : [...current, person]));
    setQuery(null);
  }

  async function submit(event?: FormEvent): Promise<void> {
    event?.preventDefault();
    const text = body.trim();
    if (!text || busy) return;
    setBusy(true);
    setError(null);
    try {
      await onSubmit({ body: text, mentions: picked.filter((p) => text.includes(`@${p.name}`)).map((p) => p.id) });
      setBody('');
      setPicked([]);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): void {
    if (suggestions.length > 0) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setHighlighted((i) => (i + step + suggestions.length) % suggestions.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        pick(suggestions[highlighted]!);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        setQuery(null);
        return;
      }
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    } else if (event.key === 'Escape' && onCancel) {
      event.preventDefault();
      onCancel();
    }
  }

  const listId = `${id}-people`;
  return (
    <form className="composer" onSubmit={submit}>
      <label className="visually-hidden" htmlFor={`${id}-text`}>
        {label}
      </label>
      <textarea
        ref={textarea}
        id={`${id}-text`}
        className="composer__text"
        dir="auto"
        rows={2}
        placeholder={label}
        value={body}
        maxLength={MAX_MESSAGE_LENGTH}
        autoFocus={autoFocus}
        disabled={busy}
        // a text box that suggests names: role="combobox" is not allowed on a textarea (axe
        // aria-allowed-role), and a textbox supports these attributes as they are
        aria-autocomplete="list"
        aria-controls={suggestions.length > 0 ? listId : undefined}
        aria-activedescendant={suggestions.length > 0 ? `${listId}-${highlighted}` : undefined}
        onChange={(e) => onChange(e.target.value, e.target.selectionStart)}
        onKeyDown={onKeyDown}
      />
      {suggestions.length > 0 && (
        <ul id={listId} className="composer__people" role="listbox" aria-label={t('comments.mentionList')}>
          {suggestions.map((person, i) => (
            <li
              key={person.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === highlighted}
              className={i === highlighted ? 'composer__person composer__person--active' : 'composer__person'}
              onMouseDown={(e) => {
                e.preventDefault(); // keep the focus (and the caret) in the text box
                pick(person);
              }}
            >
              {person.name}
            </li>
          ))}
        </ul>
      )}
      {error !== null && (
        <p className="composer__error" role="alert">
          {t('comments.sendFailed', { message: apiErrorMessage(error, t) })}
        </p>
      )}
      <div className="composer__actions">
        {onCancel && (
          <button type="button" className="button button--small button--quiet" onClick={onCancel} disabled={busy}>
            {t('comments.cancel')}
          </button>
        )}
        <button type="submit" className="button button--small button--primary" disabled={busy || !body.trim()}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
