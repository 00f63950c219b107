import { describe, expect, it } from 'vitest';
import { likePatterns, searchKey } from './normalize.js';

describe('searchKey', () => {
  it('folds Vietnamese diacritics, đ and case, in NFC or NFD input', () => {
    expect(searchKey('Ủy ban nhân dân phường Rạch Giá')).toBe('uy ban nhan dan phuong rach gia');
    expect(searchKey('ĐẶNG THU TRANG')).toBe('dang thu trang');
    expect(searchKey('Hòa'.normalize('NFD'))).toBe('hoa');
    expect(searchKey('  Sở   Giáo dục\tvà Đào tạo ')).toBe('so giao duc va dao tao');
  });

  it('turns each word into a LIKE pattern with wildcards escaped', () => {
    expect(likePatterns('Giáo  DỤC')).toEqual(['%giao%', '%duc%']);
    expect(likePatterns('50%_a')).toEqual(['%50\\%\\_a%']);
    expect(likePatterns('a b c d e f g h i j')).toHaveLength(8);
  });
});
