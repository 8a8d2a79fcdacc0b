/**
 * The editors' notes (`content/notes/<document-id>.mdx`) by document id, read once per build.
 *
 * Every document page looks for its note. `getEntry` on a document without one logs
 * "Entry notes → <id> was not found" each time (2,058 lines at 1,000 plans), so the pages ask
 * this map instead: one `getCollection` per build process, kept at module level.
 */
import { getCollection, type CollectionEntry } from 'astro:content';

let notesById: Promise<Map<string, CollectionEntry<'notes'>>> | undefined;

/**
 * The note of a document, if an editor wrote one.
 *
 * @param id Node id of the document.
 * @returns Its note entry, or undefined.
 */
export async function authoredNote(id: string): Promise<CollectionEntry<'notes'> | undefined> {
  notesById ??= getCollection('notes').then((entries) => new Map(entries.map((entry) => [entry.id, entry])));
  return (await notesById).get(id);
}
