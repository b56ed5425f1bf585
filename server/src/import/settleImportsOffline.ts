import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { GuideFile } from '../storage/metadataRecords.ts';
import { FileMetadataBackend } from '../storage/fileMetadataBackend.ts';
import { FileDocStore } from '../storage/fileDocStore.ts';
import { ImageStore } from '../images/imageStore.ts';
import { DOCS_DIR, IMAGES_DIR, IMPORT_JOURNAL_EXT, IMPORTS_DIR } from '../storage/dataDirLayout.ts';
import { ImportJournal } from './importJournal.ts';
import { importRecovery } from './importRecovery.ts';

/** Whether a data dir holds the journal of an import its server did not settle. */
export function hasImportJournals(dataDir: string): boolean {
  const dir = join(dataDir, IMPORTS_DIR);
  return existsSync(dir) && readdirSync(dir).some((f) => f.endsWith(IMPORT_JOURNAL_EXT));
}

/**
 * Settles the import journals of a data dir no server runs on (a restored archive's staging copy)
 * as its server would at start: an import that committed gets its missing documents written from
 * its journal, one that did not is undone. Returns how many there were. Only for a directory the
 * caller owns: a live server's data dir is its server's to settle.
 */
export async function settleImportsOffline(dataDir: string): Promise<number> {
  if (!hasImportJournals(dataDir)) return 0;
  const dir = join(dataDir, IMPORTS_DIR);
  const guides = new Set<string>();
  const docNames = new Set<string>();
  for (const record of await new FileMetadataBackend(dataDir).load()) {
    if (record.kind !== 'guide') continue;
    const file = record.data as GuideFile;
    guides.add(file.guide.id);
    for (const section of file.sections) docNames.add(section.docName);
  }
  const docStore = new FileDocStore(join(dataDir, DOCS_DIR), { warn: () => {} });
  try {
    const images = new ImageStore(join(dataDir, IMAGES_DIR));
    const journal = new ImportJournal(
      dir,
      importRecovery({
        guideExists: (guideId) => guides.has(guideId),
        docIsReferenced: (docName) => docNames.has(docName),
        deleteGuideImages: (guideId) => images.forget(guideId),
        writeImageFiles: (files) => images.writeFiles(files),
        docStore,
      }),
    );
    return await journal.settleAll();
  } finally {
    await docStore.close();
  }
}
