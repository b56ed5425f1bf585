import { cleanText } from '@dalil/shared';
import { badRequest } from '../domain/errors.ts';
import type { MemberRepository } from '../storage/memberRepository.ts';

/**
 * A message as stored: cleaned like every title and name (`cleanText`, keeping its line breaks),
 * mentions limited to members of the guide.
 */
export function messageInput(
  guideId: string,
  input: { body: string; mentions?: string[] },
  members: MemberRepository,
): { body: string; mentions: string[] } {
  const body = cleanText(input.body, { multiline: true });
  if (body === null) throw badRequest('a message cannot be empty');
  const mentions = input.mentions ?? [];
  for (const userId of mentions) {
    if (!members.roleOf(guideId, userId)) throw badRequest(`mentioned user ${userId} is not a member of this guide`);
  }
  return { body, mentions };
}
