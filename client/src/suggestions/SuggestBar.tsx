import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CALLOUT_KINDS, type CalloutKind } from '@dalil/shared/editor';
import type { CreateSuggestionBody } from '@dalil/shared/api/suggestions.ts';

interface SuggestBarProps {
  /** Contributors and reviewers always suggest; authors and the coordinator may switch. */
  forced: boolean;
  suggesting: boolean;
  onToggle: (suggesting: boolean) => void;
  /** Where a suggested box goes (after the block holding the caret); null before the document is bound. */
  boxAnchor: () => string | null;
  send: (body: CreateSuggestionBody) => void;
  notice: string | null;
}

/** Suggesting mode's controls: the switch (for those who may also edit), what it means, and "suggest a box". */
export function SuggestBar({ forced, suggesting, onToggle, boxAnchor, send, notice }: SuggestBarProps) {
  const { t } = useTranslation();
  const [boxOpen, setBoxOpen] = useState(false);
  const [kind, setKind] = useState<CalloutKind>('goodPractice');
  const [text, setText] = useState('');

  function submit(event: FormEvent): void {
    event.preventDefault();
    const at = boxAnchor();
    if (!at || !text.trim()) return;
    send({ at, block: { type: 'callout', kind, text: text.trim() } });
    setText('');
    setBoxOpen(false);
  }

  return (
    <div className={`suggest-bar${suggesting ? ' suggest-bar--on' : ''}`} data-testid="suggest-bar">
      {!forced && (
        <label className="suggest-bar__toggle">
          <input type="checkbox" checked={suggesting} onChange={(event) => onToggle(event.target.checked)} data-testid="suggest-toggle" />
          {t('suggestions.mode')}
        </label>
      )}
      {suggesting && <p className="suggest-bar__note">{forced ? t('suggestions.modeForced') : t('suggestions.modeOn')}</p>}
      {suggesting && (
        <button type="button" className="button button--small button--quiet" aria-expanded={boxOpen} onClick={() => setBoxOpen((open) => !open)}>
          {t('suggestions.suggestBox')}
        </button>
      )}
      {notice && (
        <p className="suggest-bar__notice" role="status">
          {notice}
        </p>
      )}
      {suggesting && boxOpen && (
        <form className="suggest-box-form" onSubmit={submit}>
          <label>
            {t('suggestions.boxKind')}
            <select value={kind} onChange={(event) => setKind(event.target.value as CalloutKind)}>
              {CALLOUT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`content.callouts.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('suggestions.boxText')}
            <textarea value={text} rows={3} dir="auto" onChange={(event) => setText(event.target.value)} />
          </label>
          <div className="suggest-box-form__actions">
            <button type="submit" className="button button--small button--primary" disabled={!text.trim()}>
              {t('suggestions.send')}
            </button>
            <button type="button" className="button button--small button--quiet" onClick={() => setBoxOpen(false)}>
              {t('suggestions.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
