// What a document is called in this browser's list: the same rule as dev.tandem.document.Title
// on the server, so that a document has one name wherever it is listed.

/** Characters (code points, so that no surrogate pair is cut) a title keeps. */
export const MAX_TITLE = 80;

const HEADING = /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const EMPTY_HEADING = /^\s*#{1,6}\s*$/;

/** The first Markdown heading of `text`, else its first line that is not blank, cut to 80; else `id`. */
export function titleOf(id, text) {
  const lines = text.split(/\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/);
  for (const line of lines) {
    const heading = HEADING.exec(line);
    if (heading && heading[1].trim()) return cut(heading[1].trim());
  }
  for (const line of lines) {
    if (line.trim() && !EMPTY_HEADING.test(line)) return cut(line.trim());
  }
  return id;
}

function cut(title) {
  const points = Array.from(title);
  return points.length <= MAX_TITLE ? title : points.slice(0, MAX_TITLE).join('');
}
