import { useTranslation } from 'react-i18next';
import type { PersonRef } from '@dalil/shared';
import { MessageComposer, type ComposedMessage } from './MessageComposer.tsx';

interface NewThreadFormProps {
  quote: string;
  people: PersonRef[];
  onSubmit: (message: ComposedMessage) => Promise<void>;
  onCancel: () => void;
}

/** The first message of a thread, on the words that were selected. */
export function NewThreadForm({ quote, people, onSubmit, onCancel }: NewThreadFormProps) {
  const { t } = useTranslation();
  return (
    <section className="thread thread--new thread--active" aria-label={t('comments.newThread')}>
      <p className="thread__quote thread__quote--static" dir="auto">
        <q>{quote.length > 160 ? `${quote.slice(0, 159)}…` : quote}</q>
      </p>
      <MessageComposer label={t('comments.newLabel')} submitLabel={t('comments.send')} people={people} autoFocus onSubmit={onSubmit} onCancel={onCancel} />
    </section>
  );
}
