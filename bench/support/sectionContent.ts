import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MessageType } from '@dalil/shared';
import { closeAll, openClient, type BenchClient, type Endpoint } from './clients.ts';
import { until } from './stats.ts';
import { seededRandom } from '../../tests/helpers/seededRandom.ts';

/** Deterministic pseudo-random words (mulberry32), so every run writes the same guide. */
export function wordsGenerator(seed: number): () => string {
  const vocabulary = (
    'le la les un une des de du et à pour avec dans sur par guide section terrain équipe projet ' +
    'formation partenaire communauté santé eau école famille rapport budget mission objectif étape ' +
    'outil méthode suivi évaluation atelier réunion village district ressource planification risque ' +
    'sécurité logistique transport donnée indicateur collecte analyse résultat recommandation annexe'
  ).split(' ');
  const next = seededRandom(seed);
  return () => vocabulary[Math.floor(next() * vocabulary.length)]!;
}

/** Fills a TipTap section fragment with ~`words` words: a heading every 5 paragraphs of ~100 words. */
export function writeSectionContent(fragment: Y.XmlFragment, words: number, seed: number): void {
  const word = wordsGenerator(seed);
  const nodes: Y.XmlElement[] = [];
  let written = 0;
  for (let p = 0; written < words; p++) {
    if (p % 5 === 0) {
      const heading = new Y.XmlElement('heading');
      heading.setAttribute('level', '2');
      heading.insert(0, [new Y.XmlText(Array.from({ length: 4 }, word).join(' '))]);
      nodes.push(heading);
      written += 4;
    }
    const count = Math.min(100, words - written);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(Array.from({ length: count }, word).join(' ') + '.')]);
    nodes.push(paragraph);
    written += count;
  }
  fragment.insert(0, nodes);
}

/**
 * Writes content through a stock client and resolves once the server reported it durable with a
 * `saved` message covering the client's state (the client subscribes with type 101, as the web
 * client does).
 */
export async function writeDurably(endpoint: Endpoint, docName: string, fill: (doc: Y.Doc) => void): Promise<void> {
  const client = openClient(endpoint, docName);
  try {
    await client.whenSynced;
    let savedCovers = false;
    const handlers = client.provider.messageHandlers as unknown as Array<(e: unknown, d: decoding.Decoder) => void>;
    handlers[MessageType.saved] = (_encoder, decoder) => {
      const saved = Y.decodeSnapshot(decoding.readVarUint8Array(decoder));
      const local = Y.snapshot(client.doc);
      savedCovers = [...local.sv].every(([c, clock]) => (saved.sv.get(c) ?? 0) >= clock);
    };
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.subscribeSaved);
    client.provider.ws!.send(encoding.toUint8Array(encoder));
    fill(client.doc);
    await until(`${docName} saved`, () => savedCovers, 30_000, 5);
  } finally {
    client.destroy();
  }
}

export interface OpenTimes {
  /** connect → synced, per section, client side, ms. */
  clientMs: number[];
  clients: BenchClient[];
}

/** Opens each section with its own stock client, one after the other, and keeps them open. */
export async function openSectionsOneByOne(endpoint: Endpoint, docNames: string[]): Promise<OpenTimes> {
  const clients: BenchClient[] = [];
  const clientMs: number[] = [];
  try {
    for (const name of docNames) {
      const client = openClient(endpoint, name);
      clients.push(client);
      clientMs.push(await client.whenSynced);
    }
  } catch (err) {
    closeAll(clients);
    throw err;
  }
  return { clientMs, clients };
}

/** For the reference relay, which has no `saved`: write, wait until the socket sent it all, leave. */
export async function writeThenLeave(endpoint: Endpoint, docName: string, fill: (doc: Y.Doc) => void): Promise<void> {
  const client = openClient(endpoint, docName);
  try {
    await client.whenSynced;
    fill(client.doc);
    await until(`${docName} sent`, () => client.provider.ws!.bufferedAmount === 0, 30_000, 5);
    await new Promise((resolve) => setTimeout(resolve, 20));
  } finally {
    client.destroy();
  }
}
