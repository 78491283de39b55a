/* Names made from construct ids and paths for files, Terraform identifiers and provider remotes. */

/** `text` with every character but letters, digits, `_`, `.` and `-` replaced by `_`: a file name word. */
export function fileNameWord(text: string): string {
  return text.replace(/[^A-Za-z0-9_.-]/g, '_');
}

/** `text` as a Terraform identifier: letters, digits and `_`, not starting with a digit (`''` stays `''`). */
export function terraformIdentifier(text: string): string {
  return text.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(?=\d)/, '_');
}

/** `text` as a lower-case name of letters, digits and `-` (a provider remote's name, from a host id). */
export function remoteName(text: string): string {
  return text.replace(/[^A-Za-z0-9-]/g, '-').toLowerCase();
}

/** `text` as a construct id: runs of other characters than letters and digits become one `-`, none at the ends. */
export function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
