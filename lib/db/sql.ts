// SQL fragments shared by the hand-written statements.

/**
 * A DateTime column as epoch milliseconds (float8). DateTime columns are timestamp(3) holding UTC, so the
 * nominal epoch of the column is the instant; pg would otherwise parse the value in the server's zone.
 */
export const epochMs = (col: string) => `(extract(epoch from ${col}) * 1000)::float8`;
