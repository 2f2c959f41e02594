// One page of a list: which rows to read and how many there are in all.
export interface PageRequest {
  /** 1–100. */
  limit: number;
  /** 0-based row offset. */
  offset: number;
}

export interface Page<T> {
  total: number;
  items: T[];
}
