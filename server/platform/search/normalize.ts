/**
 * The search key of a Vietnamese text: lower case, no diacritics, "đ" as "d", single spaces. It matches
 * what PostgreSQL's f_unaccent() (migration 0001) stores in the search_text columns, so queries compare
 * like with like and can use the trigram indexes.
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of a query as LIKE patterns (wildcards in the input are matched literally). */
export function likePatterns(query: string, maxWords = 8): string[] {
  return searchKey(query)
    .split(' ')
    .filter(Boolean)
    .slice(0, maxWords)
    .map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}
