import type { AddMemberBody, AddMemberReply, GuideRole, MemberView } from '@dalil/shared';
import { requestJson } from './http.ts';

const members = (guideId: string): string => `/api/guides/${encodeURIComponent(guideId)}/members`;
const member = (guideId: string, userId: string): string => `${members(guideId)}/${encodeURIComponent(userId)}`;

export const listMembers = (guideId: string): Promise<MemberView[]> => requestJson('GET', members(guideId));

/** 409 when it would leave the guide without a coordinator. */
export const changeMemberRole = (guideId: string, userId: string, role: GuideRole): Promise<MemberView> =>
  requestJson('PATCH', member(guideId, userId), { role });

/** The same reply whether or not the address has an account here. */
export const addMemberByEmail = (guideId: string, body: AddMemberBody): Promise<AddMemberReply> =>
  requestJson('POST', members(guideId), body);

export const removeMember = (guideId: string, userId: string): Promise<void> =>
  requestJson('DELETE', member(guideId, userId));
