/**
 * First varuint of every /collab frame. 0–3 are the y-websocket protocol; 100+ are Dalil's own,
 * and the server sends them only to clients that asked (stock clients log unknown types).
 */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /** server → client: Y snapshot (state vector + delete set) of what is fsynced on the server. */
  saved: 100,
  /** client → server: "send me `saved` messages". No payload. */
  subscribeSaved: 101,
} as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];
