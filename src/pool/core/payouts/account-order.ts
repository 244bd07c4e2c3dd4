/**
 * The one order of account ids: UTF-16 code units, as `<` compares strings. Never
 * `localeCompare`, whose answer depends on the machine's locale and ICU version.
 */
export function compareAccounts(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
