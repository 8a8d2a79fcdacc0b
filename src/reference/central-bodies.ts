/**
 * Names of central bodies as one pattern, so the issuer grammar can keep a name whole across
 * the comma, hyphen or "và" inside it ("Bộ Văn hóa, Thể thao và Du lịch").
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_LOCATIONS, type ReferenceLocations } from './load.ts';
import { parseTsv } from './tsv.ts';

/** Old and new tone placement ("hóa"/"hoá", "Ủy"/"Uỷ") and any run of spaces. */
function namePattern(name: string): string {
  return name
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\s*-\s*/g, '\\s*[-–]\\s*')
    .replace(/,\s*/g, ',\\s*')
    .replace(/ /g, '\\s+')
    .replace(/hóa/g, 'h(?:óa|oá)')
    .replace(/Ủy/g, '(?:Ủy|Uỷ)');
}

/**
 * A pattern matching any central body's name (longest first), or null when there are none.
 *
 * @param locations Folders of the reference data.
 */
function loadCentralBodies(locations: ReferenceLocations = DEFAULT_LOCATIONS): RegExp | null {
  const names = new Set<string>();
  const files = [join(locations.dataDir, 'central-bodies.tsv')];
  if (locations.userDir) files.push(join(locations.userDir, 'central-bodies.tsv'));
  for (const file of files) {
    if (!existsSync(file)) continue;
    for (const record of parseTsv(readFileSync(file, 'utf8')).records) {
      const name = record.cells['name']?.trim();
      if (name) names.add(name);
    }
  }
  if (names.size === 0) return null;
  const alternation = [...names]
    .sort((a, b) => b.length - a.length)
    .map(namePattern)
    .join('|');
  return new RegExp(`(?<![\\p{L}])(?:${alternation})(?![\\p{L}])`, 'u');
}

let cached: RegExp | null | undefined;

/** The repository's central bodies, loaded on first use. */
export function centralBodyPattern(): RegExp | null {
  if (cached === undefined) cached = loadCentralBodies();
  return cached;
}
