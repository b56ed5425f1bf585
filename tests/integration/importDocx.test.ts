import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuideSummary, GuideView } from '@dalil/shared';
import type { ImportedGuide, ImportedIntoSection, ImportPreview } from '@dalil/shared/api/import.ts';
import { startServer, type TestServer } from '../helpers/inProcessServer.ts';
import { addMember, createUser, type TestUser } from '../helpers/accounts.ts';
import { ARABIC_PARAGRAPH, blankDocx, referenceDocx, simpleDocx, headingsDocx, wordHabitsDocx } from '../helpers/docxFixtures.ts';
import { allNodes, plainText, sectionJson, storedFiles, upload } from '../helpers/importApi.ts';
import { strToU8, zipSync } from 'fflate';
import { ImageRun } from 'docx';
import { oleFile, withExternalEntity, zipBomb } from '../helpers/badDocx.ts';
import { connectClient } from '../helpers/yClient.ts';
import { waitFor } from '../helpers/waitFor.ts';

describe('Word import', () => {
  let server: TestServer;
  let coordinator: TestUser;
  let reference: Buffer;
  beforeAll(async () => {
    server = await startServer({ IMPORT_MAX_BYTES: String(2 * 1024 * 1024) });
    coordinator = await createUser(server, 'Amel');
    reference = await referenceDocx();
  });
  afterAll(() => server.dispose());

  it('previews the table of contents, counts and warnings without writing anything', async () => {
    const before = storedFiles(server.dataDir);
    const res = await upload<ImportPreview>(coordinator.api, '/api/guides/import/preview?splitLevel=2', reference);
    expect(res.status).toBe(200);
    const preview = res.body;
    expect(preview.title).toBe('Guide de la participation citoyenne');
    expect(preview.language).toBe('fr');
    expect(preview.sections.map((s) => [s.depth, s.title])).toEqual([
      [0, 'Introduction'],
      [0, 'Comprendre le cadre'],
      [1, 'Les acteurs'],
      [1, 'Outils'],
      [0, 'الإطار القانوني'],
    ]);
    expect(preview.sections[0]).toMatchObject({ introduction: true, words: 6 });
    const acteurs = preview.sections[2]!;
    expect(acteurs).toMatchObject({ tables: 1, images: 0 });
    const outils = preview.sections[3]!;
    expect(outils).toMatchObject({ boxes: 1, footnotes: 1, images: 1 });
    expect(preview.sections.reduce((n, s) => n + s.footnotes, 0)).toBe(2);
    expect(preview.warnings).toContainEqual(expect.objectContaining({ code: 'unsafeLinks', count: 1, examples: ['javascript:alert(1)'] }));
    expect(storedFiles(server.dataDir)).toEqual(before);
    expect((await coordinator.api.ok<GuideSummary[]>('GET', '/api/guides')).length).toBe(0);
  });

  it("a draft with Word's habits: its table of contents, typed heading numbers and an empty heading go, each with a warning; the introduction takes no number", async () => {
    const file = await wordHabitsDocx();
    const preview = await upload<ImportPreview>(coordinator.api, '/api/guides/import/preview?splitLevel=2', file);
    expect(preview.body.sections.map((s) => [s.depth, s.title])).toEqual([
      [0, 'Introduction'],
      [0, 'Cadre'],
      [1, 'Les acteurs'],
      [1, 'Outils'],
      [0, 'Mise en œuvre'],
    ]);
    const codes = Object.fromEntries(preview.body.warnings.map((w) => [w.code, w.count]));
    expect(codes).toMatchObject({ wordContents: 2, headingNumbers: 4, emptyHeadings: 1 });
    const res = await upload<ImportedGuide>(coordinator.api, '/api/guides/import?splitLevel=2', file, 'brouillon.docx');
    expect(res.status).toBe(201);
    const guide = await coordinator.api.getGuide(res.body.guideId);
    const intro = guide.sections.find((s) => s.title === 'Introduction')!;
    expect(guide.numbering.unnumberedSectionIds).toEqual([intro.id]);
    expect(plainText(await sectionJson(server, guide.id, intro.docName))).toBe('Ce guide accompagne les communes.');
    // the paragraph under the empty heading stays where Word had it: after "Outils"' text
    const outils = guide.sections.find((s) => s.title === 'Outils')!;
    expect(plainText(await sectionJson(server, guide.id, outils.docName))).toBe('Les outils de la participation.Un paragraphe sous un titre vide.');
    await coordinator.api.request('DELETE', `/api/guides/${guide.id}`);
  });

  it('keeps numbers that are part of a title, or typed in only some headings', async () => {
    for (const titles of [
      ['2030 : une commune ouverte', '2040 : une commune durable'],
      ['1. Cadre', 'Mise en œuvre'],
      ['1. Cadre', '1.1 Les acteurs'],
    ]) {
      const preview = await upload<ImportPreview>(coordinator.api, '/api/guides/import/preview?splitLevel=1', await headingsDocx(titles));
      expect(preview.body.sections.map((s) => s.title)).toEqual(titles);
      expect(preview.body.warnings.map((w) => w.code)).not.toContain('headingNumbers');
    }
    const numbered = await upload<ImportPreview>(coordinator.api, '/api/guides/import/preview?splitLevel=1', await headingsDocx(['1) Cadre', '2) Mise en œuvre']));
    expect(numbered.body.sections.map((s) => s.title)).toEqual(['Cadre', 'Mise en œuvre']);
  });

  it('splits at the level asked: chapters only with splitLevel=1', async () => {
    const res = await upload<ImportPreview>(coordinator.api, '/api/guides/import/preview?splitLevel=1', reference);
    expect(res.body.sections.map((s) => s.title)).toEqual(['Introduction', 'Comprendre le cadre', 'الإطار القانوني']);
    expect(res.body.sections[1]).toMatchObject({ tables: 1, boxes: 1, footnotes: 2 });
  });

  it('creates the guide, its sections and their documents, with the importer as coordinator', async () => {
    const res = await upload<ImportedGuide>(coordinator.api, '/api/guides/import?splitLevel=2', reference, 'participation.docx');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ title: 'Guide de la participation citoyenne', sectionCount: 5 });
    const guide = await coordinator.api.getGuide(res.body.guideId);
    expect(guide.role).toBe('coordinator');
    const byTitle = new Map(guide.sections.map((s) => [s.title, s]));
    expect(byTitle.get('Les acteurs')!.parentId).toBe(byTitle.get('Comprendre le cadre')!.id);
    expect(byTitle.get('Outils')!.parentId).toBe(byTitle.get('Comprendre le cadre')!.id);
    expect(byTitle.get('الإطار القانوني')!.parentId).toBeNull();

    // Read at once: a section whose document is still being written (after the commit) is waited for.
    const cadre = await sectionJson(server, guide.id, byTitle.get('Comprendre le cadre')!.docName);
    const marks = allNodes(cadre).flatMap((n) => (n.marks ?? []).map((m) => m.type));
    expect(marks).toEqual(expect.arrayContaining(['bold', 'italic', 'underline']));
    expect(allNodes(cadre).find((n) => n.type === 'footnote')?.attrs?.text).toContain('Loi organique n° 2018-29');

    const acteurs = await sectionJson(server, guide.id, byTitle.get('Les acteurs')!.docName);
    const nodes = allNodes(acteurs);
    expect(nodes.filter((n) => n.type === 'bulletList')).toHaveLength(1);
    // Numbers, then letters ("a)") with Roman numerals inside: each list keeps how Word numbered it.
    expect(nodes.filter((n) => n.type === 'orderedList').map((n) => n.attrs?.type ?? null)).toEqual([null, 'a', 'I']);
    expect(plainText(acteurs)).not.toMatch(/[\uE000-\uE005]/);
    const table = nodes.find((n) => n.type === 'table')!;
    expect(table.attrs?.caption).toBe('Étapes et délais');
    const cells = allNodes(table).filter((n) => n.type === 'tableCell' || n.type === 'tableHeader');
    expect(cells.find((c) => plainText(c) === 'Annonce et affichage')?.attrs).toMatchObject({ colspan: 2 });
    expect(cells.find((c) => plainText(c) === 'Mairie')?.attrs).toMatchObject({ rowspan: 2 });
    expect(nodes.find((n) => n.type === 'heading')?.attrs).toMatchObject({ level: 1 }); // H3 under an H2 section

    const outils = await sectionJson(server, guide.id, byTitle.get('Outils')!.docName);
    const figure = allNodes(outils).find((n) => n.type === 'figure')!;
    expect(figure.attrs).toMatchObject({ alt: 'Carte de la commune', src: `/api/guides/${guide.id}/images/${figure.attrs?.imageId}` });
    expect(plainText(figure)).toBe('Carte des quartiers');
    const image = await fetch(server.url + String(figure.attrs?.src), { headers: { cookie: coordinator.cookie } });
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(JSON.stringify(outils)).not.toContain('data:');
    const callout = allNodes(outils).find((n) => n.type === 'callout')!;
    expect(callout.attrs?.kind).toBe('goodPractice');
    expect(plainText(callout)).toBe('Associer les jeunes dès le diagnostic.Prévoir un local accessible.');
    const links = allNodes(outils).flatMap((n) => (n.marks ?? []).filter((m) => m.type === 'link').map((m) => m.attrs?.href));
    expect(links).toEqual(['https://www.collectivites-locales.gov.tn', 'mailto:contact@example.org']);
    expect(plainText(outils)).toContain('piège');

    const arabic = await sectionJson(server, guide.id, byTitle.get('الإطار القانوني')!.docName);
    const paragraphs = allNodes(arabic).filter((n) => n.type === 'paragraph');
    expect(paragraphs.map((p) => [plainText(p), p.attrs?.dir])).toEqual([
      [ARABIC_PARAGRAPH, 'rtl'],
      ['PDF ملف للتحميل', 'rtl'],
    ]);
    expect(allNodes(cadre).filter((n) => n.type === 'paragraph').every((p) => p.attrs?.dir === 'ltr')).toBe(true);
    // The journal goes once the documents are written.
    await server.importsWritten();
    expect(storedFiles(server.dataDir).imports).toEqual([]);
  });

  it('drops an image the image store refuses, with a warning', async () => {
    const file = await simpleDocx('Photos', ['Avant la photo.'], [new ImageRun({ type: 'png', data: Buffer.from('<script>alert(1)</script> not a picture'), transformation: { width: 10, height: 10 } })]);
    const preview = await upload<ImportPreview>(coordinator.api, '/api/guides/import/preview', file);
    expect(preview.body.warnings).toContainEqual(expect.objectContaining({ code: 'imageRefused', count: 1 }));
    expect(preview.body.sections[0]).toMatchObject({ images: 0 });
    const res = await upload<ImportedGuide>(coordinator.api, '/api/guides/import', file);
    expect(res.status).toBe(201);
    const guide = await coordinator.api.getGuide(res.body.guideId);
    const doc = await sectionJson(server, guide.id, guide.sections[0]!.docName);
    expect(allNodes(doc).some((n) => n.type === 'figure')).toBe(false);
    expect(plainText(doc)).toBe('Avant la photo.');
  });

  describe('refuses bad files with a clear error and creates nothing', () => {
    const refusals: Array<[string, () => Promise<Uint8Array> | Uint8Array, number, string, RegExp]> = [
      ['an empty file', () => new Uint8Array(0), 400, 'import_empty', /empty/],
      ['a text file', () => Buffer.from('Ceci est un texte, pas un document Word.'), 415, 'import_not_docx', /save it as \.docx/],
      ['a zip that is not Word', () => zipSync({ 'notes.txt': strToU8('des notes') }), 415, 'import_not_docx', /save it as \.docx/],
      ['an old .doc', () => oleFile(['Root Entry', 'WordDocument', '1Table']), 415, 'import_legacy_doc', /97–2003.*\.docx/],
      ['a password-protected .docx', () => oleFile(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']), 415, 'import_encrypted', /password/],
      ['a blank Word document', () => blankDocx(), 422, 'import_no_content', /no text/],
      ['a Word document holding only its title', () => blankDocx('Guide de la participation'), 422, 'import_no_content', /no text/],
      ['a truncated .docx', async () => (await referenceDocx()).subarray(0, 4000), 415, 'import_damaged', /damaged or incomplete/],
      ['a zip bomb', () => zipBomb(100 * 1024 * 1024), 413, 'import_too_big_uncompressed', /before unpacking/],
      ['XML with an external entity', async () => withExternalEntity(await referenceDocx(), 'file:///etc/passwd'), 415, 'import_unsafe_xml', /DOCTYPE/],
      ['a file over IMPORT_MAX_BYTES', () => new Uint8Array(3 * 1024 * 1024).fill(65), 413, 'import_too_large', /2 MB/],
    ];
    for (const [what, make, status, error, message] of refusals) {
      it(what, async () => {
        const guidesBefore = await coordinator.api.ok<GuideSummary[]>('GET', '/api/guides');
        const files = storedFiles(server.dataDir);
        const bytes = await make();
        for (const path of ['/api/guides/import/preview', '/api/guides/import']) {
          const res = await upload<{ error: string; message: string }>(coordinator.api, path, bytes, 'fichier.docx');
          expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(status);
          expect(res.body.error).toBe(error);
          expect(res.body.message).toMatch(message);
        }
        expect(await coordinator.api.ok<GuideSummary[]>('GET', '/api/guides')).toEqual(guidesBefore);
        expect(storedFiles(server.dataDir)).toEqual(files);
        expect((await coordinator.api.request('GET', '/api/health')).status).toBe(200);
      });
    }

    it('a request without a file', async () => {
      const res = await coordinator.api.request<{ error: string }>('POST', '/api/guides/import', {});
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('import_no_file');
    });
  });

  describe('into an existing section', () => {
    let guide: GuideView;
    let author: TestUser;
    let reader: TestUser;
    beforeAll(async () => {
      guide = await coordinator.api.createGuide('Guide existant', 'fr');
      author = await createUser(server, 'Sami');
      reader = await createUser(server, 'Rym');
      await addMember(server, guide.id, author, 'author');
      await addMember(server, guide.id, reader, 'reader');
    });

    it('appends the file as one edit that an open editor receives live', async () => {
      const section = await coordinator.api.createSection(guide.id, 'Diagnostic');
      const client = connectClient(server.wsUrl, section.docName, { cookie: author.cookie });
      try {
        await client.synced();
        let transactions = 0;
        client.doc.on('update', () => (transactions += 1));
        const file = await simpleDocx('Diagnostic partagé', ['Premier constat.', 'Second constat.']);
        const res = await upload<ImportedIntoSection>(author.api, `/api/guides/${guide.id}/sections/${section.id}/import`, file);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ sectionId: section.id, blocks: 3, createdSections: [] });
        await waitFor('the import reached the open editor', () => client.fragment.length === 3);
        expect(transactions).toBe(1);
        expect(client.fragment.toString()).toContain('Second constat.');
      } finally {
        client.destroy();
      }
    });

    it('with split=true, turns headings into sub-sections (coordinator only)', async () => {
      const section = await coordinator.api.createSection(guide.id, 'Annexes');
      const path = `/api/guides/${guide.id}/sections/${section.id}/import?split=true&splitLevel=2`;
      expect((await upload(author.api, path, reference)).status).toBe(403);
      const res = await upload<ImportedIntoSection>(coordinator.api, path, reference);
      expect(res.status).toBe(200);
      expect(res.body.createdSections.map((s) => s.title)).toEqual(['Comprendre le cadre', 'Les acteurs', 'Outils', 'الإطار القانوني']);
      const after = await coordinator.api.getGuide(guide.id);
      const created = new Map(after.sections.map((s) => [s.title, s]));
      expect(created.get('Comprendre le cadre')!.parentId).toBe(section.id);
      expect(created.get('Les acteurs')!.parentId).toBe(created.get('Comprendre le cadre')!.id);
      expect(plainText(await sectionJson(server, guide.id, section.docName))).toBe('Ce guide accompagne les équipes municipales.');
    });

    it('is refused to readers and on a validated section', async () => {
      const section = await coordinator.api.createSection(guide.id, 'Conclusion');
      const file = await simpleDocx('Titre', ['Texte.']);
      expect((await upload(reader.api, `/api/guides/${guide.id}/sections/${section.id}/import`, file)).status).toBe(403);
      await server.metadata.mutate((change) => {
        change.guide(guide.id).sections.find((s) => s.id === section.id)!.status = 'validated';
      });
      const res = await upload<{ error: string }>(author.api, `/api/guides/${guide.id}/sections/${section.id}/import`, file);
      expect(res.status).toBe(409);
      expect(res.body.error).toBe('section_locked');
    });
  });
});
