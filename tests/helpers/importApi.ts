import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { SECTION_FRAGMENT } from '@dalil/shared';
import type { Api } from './api.ts';
import type { TestServer } from './inProcessServer.ts';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Sends a file as a browser form would (multipart, field "file"), with the session of `api`. */
export async function upload<T = unknown>(api: Api, path: string, bytes: Uint8Array, fileName = 'guide.docx'): Promise<{ status: number; body: T }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: DOCX_TYPE }), fileName);
  const res = await fetch(api.baseUrl + path, {
    method: 'POST',
    headers: { ...(api.cookie ? { cookie: api.cookie } : {}), ...(api.csrfToken ? { 'x-csrf-token': api.csrfToken } : {}) },
    body: form,
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

/** ProseMirror JSON of a section's document, read where it lives in the server. */
export function sectionJson(server: TestServer, guideId: string, docName: string): Promise<{ type: string; content?: unknown[] }> {
  return server.registry.readSection(docName, guideId, (doc) => yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(SECTION_FRAGMENT)) as { type: string; content?: unknown[] });
}

interface Node {
  type: string;
  text?: string;
  attrs?: Record<string, unknown>;
  content?: Node[];
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
}

/** Every node of a ProseMirror JSON tree, depth first. */
export function allNodes(root: unknown): Node[] {
  const out: Node[] = [];
  const walk = (n: Node) => {
    out.push(n);
    n.content?.forEach(walk);
  };
  walk(root as Node);
  return out;
}

export const plainText = (root: unknown) => allNodes(root).filter((n) => n.type === 'text').map((n) => n.text).join('');

/** Files of the data dir that hold documents, image indexes and pending imports (what an aborted import must not leave). */
export function storedFiles(dataDir: string): { docs: string[]; imports: string[]; imageIndexes: string[] } {
  const list = (dir: string) => {
    try {
      return readdirSync(join(dataDir, dir)).sort();
    } catch {
      return [];
    }
  };
  return { docs: list('docs'), imports: list('imports'), imageIndexes: list('images/guides') };
}
