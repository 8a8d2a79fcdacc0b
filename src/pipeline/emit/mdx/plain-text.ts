/**
 * The `text` handler of `mdast-util-to-markdown`, with its answer known beforehand for text
 * that needs no escaping.
 *
 * The library's `text` handler hands every text node to `state.safe`, which runs each unsafe
 * pattern in scope (about thirty in a paragraph, with `mdast-util-mdx`'s) as a regex over the
 * text, then escapes at the positions found. In a plan almost no text node holds a character
 * any of them is about (no `*`, `_`, `[`, `<`, `{`, `#` or line break), yet the scans took most
 * of the MDX writer's time (`scripts/bench-mdx.ts`). This handler asks the same question
 * cheaper and leaves every answer to the library:
 *
 * - a match of a pattern always sits on the pattern's `character` (`compilePattern` writes it
 *   as the one literal of the regex, after the group of what comes before), and `safe` only
 *   acts on positions inside the text, so a pattern whose character the text lacks finds
 *   nothing `safe` would use;
 * - a pattern whose character the text holds is run, as `safe` runs it (its compiled regex,
 *   on the same subject); any match at all hands the node to the library's handler.
 *
 * - a pattern marked `atBreak` is compiled with a line ending before its character
 *   (`[\r\n][\t ]*`), and so is one whose `before` or `after` is exactly `[\r\n]` (a space or
 *   tab at a line's end or start) or whose character is `\r` or `\n`: each can match only where
 *   the subject holds `\r` or `\n`. For text whose subject holds neither (nearly all of it: a
 *   plan's line breaks are between blocks) those patterns, about three quarters of the ones in
 *   scope, on characters as common as the space, `e`, `i`, `-` and `.`, are not run, and the
 *   characters of the others (`*`, `_`, `[`, `<`, `{`, `&`…) are looked for in one scan.
 *
 * When no pattern in scope matches, `safe` finds no position and returns the text through
 * `escapeBackslashes`, which changes nothing when neither the text nor what follows holds a
 * backslash: the text itself is then the library's answer. Anything else (a match, a
 * backslash) goes to the library's own `text` handler, so the escaping is still the
 * library's, and the output is byte for byte the same (test/emit/mdx-plain-text.test.ts
 * compares both on every text node of the seed plans and on text holding every character the
 * patterns name).
 */
import type { Text } from 'mdast';
import { defaultHandlers, type ConstructName, type Handle, type State, type Unsafe } from 'mdast-util-to-markdown';

/** The in-scope patterns for one construct stack, grouped by their character. */
interface Gate {
  /** Every pattern in scope. */
  all: Map<string, Unsafe[]>;
  /** Those that can match without a line ending in the subject. */
  inline: Map<string, Unsafe[]>;
  /** Any character of `inline`, or null when it is empty. */
  inlineCharacters: RegExp | null;
}

/** A construct stack seen, with its gate. */
interface StackGate {
  stack: ConstructName[];
  gate: Gate;
}

/**
 * Per list of patterns (one per `toMarkdown` options), the gates of the construct stacks
 * seen: a few (paragraph, list item, link, JSX element…), found by comparing the stack
 * itself, which costs less than a key made of it for each of the ~140 text nodes of a plan.
 */
const gates = new WeakMap<Unsafe[], StackGate[]>();

/** Each pattern's regex without the global flag (the library's is shared and stateful). */
const tests = new WeakMap<Unsafe, RegExp>();

/**
 * A `text` handler for `toMarkdown`'s `handlers` option.
 *
 * @param node The text node.
 * @param parent Its parent.
 * @param state The serializer's state.
 * @param info Characters before and after, and position.
 * @returns The serialized text.
 */
export const plainText: Handle = (node: Text, parent, state, info) => {
  const value = node.value;
  if (!value.includes('\\') && !info.after.includes('\\') && !anyPatternMatches(state, value, info.before, info.after)) {
    return value;
  }
  return defaultHandlers.text(node, parent, state, info);
};

/**
 * @param state The serializer's state.
 * @param value The text.
 * @param before Characters before it.
 * @param after Characters after it.
 * @returns Whether some pattern in scope matches where `safe` would look for it.
 */
function anyPatternMatches(state: State, value: string, before: string, after: string): boolean {
  const gate = gateFor(state);
  const lineEnding = hasLineEnding(value) || hasLineEnding(before) || hasLineEnding(after);
  if (!lineEnding && (gate.inlineCharacters === null || !gate.inlineCharacters.test(value))) return false;
  const whole = before + value + after;
  const patternsByCharacter = lineEnding ? gate.all : gate.inline;
  const end = whole.length - after.length;
  for (const [character, patterns] of patternsByCharacter) {
    if (!value.includes(character)) continue;
    for (const pattern of patterns) {
      // The subject `safe` runs the pattern on.
      const subject = whole.slice(pattern.beforeNode ? before.length : 0, pattern.afterNode ? end : undefined);
      if (testOf(state, pattern).test(subject)) return true;
    }
  }
  return false;
}

/**
 * @param text Text.
 * @returns Whether it holds a line ending.
 */
function hasLineEnding(text: string): boolean {
  return text.includes('\n') || text.includes('\r');
}

/**
 * @param state The serializer's state.
 * @returns The patterns in scope of the current construct stack, by character.
 */
function gateFor(state: State): Gate {
  let seen = gates.get(state.unsafe);
  if (!seen) {
    seen = [];
    gates.set(state.unsafe, seen);
  }
  const stack = state.stack;
  for (const entry of seen) {
    if (sameStack(entry.stack, stack)) return entry.gate;
  }
  const gate: Gate = { all: new Map(), inline: new Map(), inlineCharacters: null };
  for (const pattern of state.unsafe) {
    if (!patternInScope(stack, pattern)) continue;
    add(gate.all, pattern);
    if (!needsLineEnding(pattern)) add(gate.inline, pattern);
  }
  if (gate.inline.size > 0) {
    const characters = [...gate.inline.keys()].map((character) => character.replace(/[\\\]^-]/gu, '\\$&'));
    gate.inlineCharacters = new RegExp(`[${characters.join('')}]`, 'u');
  }
  seen.push({ stack: [...stack], gate });
  return gate;
}

/**
 * @param pattern An unsafe pattern.
 * @returns Whether its compiled regex can only match a subject holding `\r` or `\n`.
 */
function needsLineEnding(pattern: Unsafe): boolean {
  return (
    pattern.atBreak === true ||
    pattern.character === '\r' ||
    pattern.character === '\n' ||
    pattern.before === LINE_ENDING ||
    pattern.after === LINE_ENDING
  );
}

/** The library's `before`/`after` of the patterns about a line's edges. */
const LINE_ENDING = '[\\r\\n]';

/**
 * @param byCharacter Patterns by character.
 * @param pattern A pattern to add under its character.
 */
function add(byCharacter: Map<string, Unsafe[]>, pattern: Unsafe): void {
  const list = byCharacter.get(pattern.character);
  if (list) list.push(pattern);
  else byCharacter.set(pattern.character, [pattern]);
}

/**
 * @param a A construct stack.
 * @param b Another.
 * @returns Whether they hold the same constructs in the same order.
 */
function sameStack(a: readonly ConstructName[], b: readonly ConstructName[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) {
    if (a[index] !== b[index]) return false;
  }
  return true;
}

/**
 * @param state The serializer's state.
 * @param pattern An unsafe pattern.
 * @returns Its compiled regex, without the global flag.
 */
function testOf(state: State, pattern: Unsafe): RegExp {
  let test = tests.get(pattern);
  if (!test) {
    const compiled = state.compilePattern(pattern);
    test = new RegExp(compiled.source, compiled.flags.replace('g', ''));
    tests.set(pattern, test);
  }
  return test;
}

/**
 * The library's own scope rule (`lib/util/pattern-in-scope.js`, not exported). The node
 * conditions (`beforeNode`, `afterNode`) are not checked: a pattern they would rule out is
 * run anyway, which can only send more text to the library.
 *
 * @param stack The construct stack.
 * @param pattern An unsafe pattern.
 * @returns Whether the pattern applies there.
 */
function patternInScope(stack: ConstructName[], pattern: Unsafe): boolean {
  return listInScope(stack, pattern.inConstruct, true) && !listInScope(stack, pattern.notInConstruct, false);
}

function listInScope(stack: ConstructName[], list: Unsafe['inConstruct'], none: boolean): boolean {
  const names = typeof list === 'string' ? [list] : list;
  if (!names || names.length === 0) return none;
  return names.some((name) => stack.includes(name));
}
