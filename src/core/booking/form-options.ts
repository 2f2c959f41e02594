// Matching answers against the options of a dropdown or checkboxlist. Checkboxlist answers arrive
// as one comma-delimited string, yet an option may itself contain a comma ("Red, white"), so items
// are matched against whole options, longest first, rather than split blindly.

/** The option `text` names, ignoring case and surrounding spaces, as the form spells it. */
export function findOption(options: readonly string[] | null, text: string): string | undefined {
  const wanted = text.trim().toLowerCase();
  return (options ?? []).find((option) => option.trim().toLowerCase() === wanted);
}

/**
 * The chosen options of a comma-delimited answer, deduplicated, in the form's option order, joined
 * by ","; undefined when an item is not an option. Empty items ("A,,C", a trailing comma) are
 * slips, not choices, and are dropped.
 */
export function normalizeChoices(options: readonly string[] | null, text: string): string | undefined {
  const pieces = text.split(',');
  const chosen = new Set<string>();
  let start = 0;
  while (start < pieces.length) {
    if (pieces[start].trim() === '') {
      start += 1;
      continue;
    }
    const end = longestOptionEnd(options, pieces, start);
    if (end === undefined) return undefined;
    chosen.add(findOption(options, pieces.slice(start, end).join(','))!);
    start = end;
  }
  return (options ?? []).filter((option) => chosen.has(option)).join(',');
}

/** The end of the longest run of pieces from `start` that, joined back with commas, is an option. */
function longestOptionEnd(options: readonly string[] | null, pieces: readonly string[], start: number): number | undefined {
  for (let end = pieces.length; end > start; end -= 1) {
    if (findOption(options, pieces.slice(start, end).join(',')) !== undefined) return end;
  }
  return undefined;
}
