/** Vietnamese text folded for matching: no diacritics, đ → d, lower case ("Đồng Tháp" ~ "dong thap"). */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

export const includesFolded = (haystack: string, needle: string): boolean => foldVietnamese(haystack).includes(foldVietnamese(needle.trim()));
