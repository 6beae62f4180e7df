// A name shown inside a sentence must not reorder the sentence: one created elsewhere may hold a
// right-to-left override ("Demo \u202egnp.exe"), and even plain Arabic or Hebrew pulls the
// quotes and numbers around it to its side. Messages are plain strings (toasts, dialog titles,
// announcements), so a name goes in between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE;
// `IsolatedText` renders each such run as a <bdi>, so the page's text holds no control characters.
const FSI = '\u2068';
const PDI = '\u2069';

const INITIATORS = '\u2066\u2067\u2068';

/**
 * `name`, marked to be shown isolated from the text around it. A stray PDI in the name is
 * dropped and an isolate it leaves open is closed: neither changes how the name itself shows (the
 * bidi algorithm ignores the first and ends the second with the run), but either would make the
 * run end in the wrong place.
 */
export function isolate(name: string): string {
  let open = 0;
  let balanced = '';
  for (const char of name) {
    if (INITIATORS.includes(char)) open++;
    if (char === PDI) {
      if (open === 0) continue;
      open--;
    }
    balanced += char;
  }
  return `${FSI}${balanced}${PDI.repeat(open)}${PDI}`;
}

export type TextPart = { text: string; isolated: boolean };

/**
 * Splits a message into plain runs and the isolated runs `isolate` marked (outermost only; the
 * isolates a name holds stay inside its run).
 */
export function isolatedParts(message: string): TextPart[] {
  const parts: TextPart[] = [];
  let depth = 0;
  let start = 0;
  const push = (end: number, isolated: boolean) => {
    if (end > start) parts.push({ text: message.slice(start, end), isolated });
  };
  for (let index = 0; index < message.length; index++) {
    const char = message.charAt(index);
    if (char === FSI && depth === 0) {
      push(index, false);
      start = index + 1;
      depth = 1;
    } else if (depth > 0 && INITIATORS.includes(char)) {
      depth++;
    } else if (char === PDI && depth > 0) {
      depth--;
      if (depth === 0) {
        push(index, true);
        start = index + 1;
      }
    }
  }
  push(message.length, depth > 0);
  return parts;
}
