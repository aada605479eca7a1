// JSON output: stable key order and 2-space indentation, one document per run.
export function formatJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
