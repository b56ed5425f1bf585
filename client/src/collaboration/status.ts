/**
 * What the UI shows about one collaboration socket. Components switch on these unions and never
 * look at sockets themselves.
 */
export type ConnectionStatus =
  /** First attempt in progress. */
  | 'connecting'
  /** Socket open, waiting for the server's state. */
  | 'syncing'
  /** In sync with the server. */
  | 'connected'
  /** Lost or never reached; edits stay in the local Y.Doc and IndexedDB, and we keep retrying. */
  | 'offline'
  /** The server closed with a final refusal (4400–4499); we no longer retry. */
  | 'refused';

/** Whether the local state of the document is on the server's disk. */
export type SaveStatus = 'unknown' | 'saving' | 'saved';

export interface CollabStatus {
  connection: ConnectionStatus;
  save: SaveStatus;
  /** Changes (characters typed or erased) the server has not confirmed; null or absent while unknown. */
  pending?: number | null;
}
