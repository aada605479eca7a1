// A problem with how ledger was called or configured (not with the records): exit 2, one line.
export class UsageError extends Error {}
