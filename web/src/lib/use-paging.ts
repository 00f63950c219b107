import { useState } from 'react';

/**
 * Page and page size of a server-paginated list. A new filter or page size goes back to page 1: the page
 * the user was on may lie past the end of the new result.
 */
export function usePaging(initialPageSize = 20) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(initialPageSize);
  return {
    page,
    pageSize,
    /** Wraps a filter's setter so that choosing a filter value also returns to page 1. */
    filter:
      <T>(set: (value: T) => void) =>
      (value: T) => {
        set(value);
        setPage(1);
      },
    change: (nextPage: number, nextSize: number) => {
      setPage(nextSize === pageSize ? nextPage : 1);
      setPageSize(nextSize);
    },
  };
}

export type Paging = ReturnType<typeof usePaging>;
