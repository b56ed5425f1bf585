import { useTranslation } from 'react-i18next';
import type { ChangeBlock } from '@dalil/shared';
import './workflow.css';

/**
 * Blocks of a comparison, additions and deletions marked as <ins>/<del> (announced by screen
 * readers; a legend says so beside them). Text comes from users: React text nodes only, never HTML.
 * Used for the changes since approval and for comparing guide versions.
 */
export function ChangeBlocks({ blocks, language }: { blocks: readonly ChangeBlock[]; language: string }) {
  const { t } = useTranslation();
  return (
    <div className="changes__blocks" lang={language}>
      {blocks.map((block, i) => (
        <p key={i} className={`changes__block changes__block--${block.kind}`} dir="auto">
          {block.parts.map((part, k) =>
            part.change === 'added' ? (
              <ins key={k} className="changes__added" title={t('workflow.added')}>
                {part.text}
              </ins>
            ) : part.change === 'removed' ? (
              <del key={k} className="changes__removed" title={t('workflow.removed')}>
                {part.text}
              </del>
            ) : (
              <span key={k}>{part.text}</span>
            ),
          )}
        </p>
      ))}
    </div>
  );
}
