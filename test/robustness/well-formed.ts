/**
 * What every stage's output must satisfy whatever the input: spans inside the text they
 * point into, in order, and texts that match their spans. Returns problems as strings so
 * a failing case lists them all at once.
 */
import type { Mention, NormalizedText, ParsedPlan } from '../../src/model.ts';

/**
 * Problems of a `normalize` result.
 *
 * @param result What `normalize` returned.
 */
export function normalizedProblems(result: NormalizedText): string[] {
  const problems: string[] = [];
  const { text, emphasis } = result;
  if (typeof text !== 'string') return ['text is not a string'];
  if (text.normalize('NFC') !== text) problems.push('text is not NFC');
  if (text.includes('\r')) problems.push('text keeps a carriage return');
  let previous = -1;
  for (const span of emphasis) {
    if (!(span.start >= 0 && span.start < span.end && span.end <= text.length))
      problems.push(`emphasis ${span.start}-${span.end} outside text`);
    if (span.start < previous) problems.push(`emphasis ${span.start} not sorted`);
    previous = span.start;
  }
  return problems;
}

/** Problems of a `parse` result. */
export function parsedProblems(plan: ParsedPlan): string[] {
  const problems: string[] = [];
  const length = plan.text.length;
  if (!(plan.body.start >= 0 && plan.body.start <= plan.body.end && plan.body.end <= length)) {
    problems.push(`body ${plan.body.start}-${plan.body.end} outside text`);
  }
  let previousEnd = 0;
  for (const block of plan.blocks) {
    if (!(block.start >= 0 && block.start <= block.end && block.end <= length))
      problems.push(`block ${block.start}-${block.end} outside text`);
    if (block.start < previousEnd) problems.push(`block ${block.start} overlaps or is out of order`);
    previousEnd = block.end;
    if (block.kind === 'heading' && !(block.level >= 1 && Number.isInteger(block.level)))
      problems.push(`heading level ${block.level}`);
  }
  for (const message of plan.messages) if (!message.message) problems.push(`empty message ${message.code}`);
  return problems;
}

/** Problems of an `extract` result on `text`. */
export function mentionProblems(text: string, mentions: Mention[]): string[] {
  const problems: string[] = [];
  let previous = -1;
  mentions.forEach((mention, index) => {
    if (!(mention.start >= 0 && mention.start < mention.end && mention.end <= text.length)) {
      problems.push(`mention ${index} ${mention.start}-${mention.end} outside text`);
    } else if (text.slice(mention.start, mention.end) !== mention.text)
      problems.push(`mention ${index} text differs from its span`);
    if (mention.start < previous) problems.push(`mention ${index} not sorted`);
    previous = mention.start;
    for (const link of mention.links) {
      if (!(link.target >= 0 && link.target < mentions.length)) problems.push(`mention ${index} links to ${link.target}`);
    }
  });
  return problems;
}
