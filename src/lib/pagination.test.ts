import { describe, expect, it } from 'vitest';
import { clampPage, pageCount, pageRange, pageRowSpan, pagerItems } from '@/lib/pagination';

describe('pagination maths', () => {
  it('pages by 50', () => {
    expect(50).toBe(50);
    expect(pageRange(1, 50)).toEqual({ from: 0, to: 49 });
    expect(pageRange(3, 50)).toEqual({ from: 100, to: 149 });
  });

  it('treats page numbers below 1 as page 1', () => {
    expect(pageRange(0, 50)).toEqual({ from: 0, to: 49 });
    expect(pageRange(-4, 50)).toEqual({ from: 0, to: 49 });
  });

  it('counts pages, an empty list having one empty page', () => {
    expect(pageCount(0, 50)).toBe(1);
    expect(pageCount(1, 50)).toBe(1);
    expect(pageCount(50, 50)).toBe(1);
    expect(pageCount(51, 50)).toBe(2);
    expect(pageCount(20_000, 50)).toBe(400);
  });

  it('shows the last page for a page past the end', () => {
    expect(clampPage(9, 120, 50)).toBe(3);
    expect(clampPage(3, 120, 50)).toBe(3);
    expect(clampPage(2, 0, 50)).toBe(1);
    expect(clampPage(0, 120, 50)).toBe(1);
  });

  it('gives the row span of a page, the last one partial', () => {
    expect(pageRowSpan(1, 120, 50)).toEqual({ first: 1, last: 50 });
    expect(pageRowSpan(3, 120, 50)).toEqual({ first: 101, last: 120 });
    expect(pageRowSpan(8, 120, 50)).toEqual({ first: 101, last: 120 });
    expect(pageRowSpan(1, 0, 50)).toBeNull();
  });

  it('lists pager items with gaps', () => {
    expect(pagerItems(1, 1)).toEqual([1]);
    expect(pagerItems(1, 3)).toEqual([1, 2, 3]);
    expect(pagerItems(5, 10)).toEqual([1, null, 4, 5, 6, null, 10]);
    // A gap of one page shows the page, not "…".
    expect(pagerItems(4, 10)).toEqual([1, 2, 3, 4, 5, null, 10]);
    expect(pagerItems(10, 10)).toEqual([1, null, 9, 10]);
  });
});
