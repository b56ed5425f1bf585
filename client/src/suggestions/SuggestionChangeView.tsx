import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { SuggestionView } from '@dalil/shared/api/suggestions.ts';
import { formatLabelKey } from './formatLabel.ts';
import { blockTypeMessageKey, describeBlockParts } from '@dalil/shared/editor';

const MARK_PREVIEW = { bold: 'strong', italic: 'em', underline: 'u', strike: 's' } as const;

/** What a suggestion changes, on its card: the words it deletes or formats, what it inserts ('\n' as paragraph breaks), the blocks it adds. */
export function SuggestionChangeView({ suggestion: s, language }: { suggestion: SuggestionView; language: string }) {
  const { t } = useTranslation();
  if (s.format) {
    const Preview = s.format.action === 'add' ? MARK_PREVIEW[s.format.mark] : 'span';
    return (
      <p className="suggestion-card__format">
        <span className="suggestion-card__format-label">{t(formatLabelKey(s.format))}</span>
        {' · '}
        <Preview dir="auto" lang={language}>
          {s.quote}
        </Preview>
      </p>
    );
  }
  if (s.blockType) {
    return (
      <p className="suggestion-card__format">
        <span className="suggestion-card__format-label">{t(`suggestedBlocks.${blockTypeMessageKey(s.blockType)}`, { level: s.blockType.level ?? '' })}</span>
        {' · '}
        <bdi lang={language}>{s.quote}</bdi>
      </p>
    );
  }
  if (s.block) {
    // one line per block, "Tableau 3 × 2 · Budget par quartier", labelled in the reader's interface language
    const lines = s.block.content.map((node) =>
      describeBlockParts(node, { message: (key, vars) => t(`suggestedBlocks.${key}`, vars ?? {}), calloutKind: (kind) => t(`content.callouts.${kind}`) }),
    );
    return (
      <ul className="suggestion-card__blocks">
        {lines.map(({ label, text }, i) => (
          <li key={i}>
            {label && <strong className="suggestion-card__block-label">{label}</strong>}
            {label && text && ' · '}
            {text && (
              <ins>
                <bdi lang={language}>{text}</bdi>
              </ins>
            )}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <>
      {s.quote && (
        <p className="suggestion-card__quote" dir="auto" lang={language}>
          <del>{s.quote}</del>
        </p>
      )}
      {s.replacement && (
        <p className="suggestion-card__replacement" dir="auto" lang={language}>
          <ins>
            {s.replacement.split('\n').map((line, i) => (
              <Fragment key={i}>
                {i > 0 && (
                  <>
                    <span className="suggestion-insert__break" aria-hidden="true">
                      ¶
                    </span>
                    <br />
                  </>
                )}
                {line}
              </Fragment>
            ))}
          </ins>
        </p>
      )}
    </>
  );
}
