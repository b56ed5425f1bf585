import type { PersonRef } from '@dalil/shared';
import { splitMessage } from './splitMessage.ts';

/** A message's text with its links and mentions; rendered as text nodes only. */
export function MessageText({ body, mentions }: { body: string; mentions: PersonRef[] }) {
  return (
    <p className="message__body" dir="auto">
      {splitMessage(body, mentions).map((part, i) => {
        if (part.kind === 'link') {
          return (
            <a key={i} href={part.href} target="_blank" rel="noopener noreferrer nofollow">
              {part.text}
            </a>
          );
        }
        if (part.kind === 'mention') {
          return (
            <span key={i} className="message__mention" data-user-id={part.userId}>
              {part.text}
            </span>
          );
        }
        return <span key={i}>{part.text}</span>;
      })}
    </p>
  );
}
