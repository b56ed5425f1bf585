import { badRequest } from '../../errors.ts';
import type { MemberRepository } from '../../storage/memberRepository.ts';

/**
 * A message as stored: text with line breaks normalised and control characters removed (it is
 * only ever shown as text), mentions limited to members of the guide.
 */
export function messageInput(
  guideId: string,
  input: { body: string; mentions?: string[] },
  members: MemberRepository,
): { body: string; mentions: string[] } {
  // eslint-disable-next-line no-control-regex
  const body = input.body.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim();
  if (!body) throw badRequest('a message cannot be empty');
  const mentions = input.mentions ?? [];
  for (const userId of mentions) {
    if (!members.roleOf(guideId, userId)) throw badRequest(`mentioned user ${userId} is not a member of this guide`);
  }
  return { body, mentions };
}
