/**
 * The titles of the reference data as a trie of folded words, so the longest title that a
 * text starts with is found in one walk over the words after a law head, whatever the size
 * of the data.
 */
import type { ReferenceAct } from './schema.ts';
import type { TextToken } from './title-tokens.ts';

interface TrieNode {
  children: Map<string, TrieNode>;
  /** Acts whose title (or a variant) ends here; several when a title was passed again. */
  acts: ReferenceAct[] | null;
}

/** Where the longest title match ended. */
export interface TitleMatch {
  /** Number of tokens the title took. */
  tokenCount: number;
  /** The acts with that title. */
  acts: ReferenceAct[];
}

/** A trie over folded title words. */
export class TitleIndex {
  private readonly root: TrieNode = { children: new Map(), acts: null };

  /** Add `act` under the folded words of one of its titles. */
  add(keys: readonly string[], act: ReferenceAct): void {
    let node = this.root;
    for (const key of keys) {
      let child = node.children.get(key);
      if (!child) node.children.set(key, (child = { children: new Map(), acts: null }));
      node = child;
    }
    node.acts ??= [];
    if (!node.acts.includes(act)) node.acts.push(act);
  }

  /**
   * The longest title that `tokens` start with, and how far the walk followed some title at
   * all (a text may cite an older, shorter title: "Luật Hoạt động giám sát của Quốc hội").
   *
   * @param tokens Words of the text from the law head on.
   * @returns The longest complete title (or null) and the depth of the walk in tokens.
   */
  longest(tokens: readonly TextToken[]): { match: TitleMatch | null; depth: number } {
    let node: TrieNode | undefined = this.root;
    let match: TitleMatch | null = null;
    let depth = 0;
    for (let index = 0; index < tokens.length; index += 1) {
      node = node.children.get(tokens[index]!.key);
      if (!node) break;
      depth = index + 1;
      if (node.acts) match = { tokenCount: index + 1, acts: node.acts };
    }
    return { match, depth };
  }
}
