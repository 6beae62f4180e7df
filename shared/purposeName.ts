// What makes a call purpose name acceptable: the one rule the emulator enforces (422 with a
// pointer) and the SPA's form checks before sending, so both say the same thing.
export const NAME_MAX_LENGTH = 255;

export type NameProblem =
  'brokenCharacter' | 'controlCharacter' | 'blank' | 'formatCharacter' | 'stackedMarks' | 'tooLong';

export type NameCheck = { ok: true; name: string } | { ok: false; problem: NameProblem };

/** A UTF-16 half with no partner: JSON can carry it, but no database or screen can show it. */
const LONE_SURROGATE = /\p{Surrogate}/u;
/** NUL, tabs, line breaks, escape and the C1 controls: not text a rep should pick from. */
const CONTROL = /\p{Cc}/u;
/** Spaces and characters that draw nothing (zero-width space, joiners, BOM, soft hyphen…). */
const INVISIBLE = /[\p{White_Space}\p{Default_Ignorable_Code_Point}]/gu;

/**
 * Characters that change how the text around them reads without drawing anything: direction
 * overrides, embeddings, isolates and marks (a name could show as "Demo" while it sorts and
 * searches as something else), zero-width spaces, word joiners and BOMs (two names that look
 * the same), interlinear annotation marks, and line and paragraph separators.
 */
const FORMAT_CHARACTER =
  /[\u061c\u180e\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]/u;
/**
 * The two joiners stay where writing needs them: ZWJ inside an emoji sequence (👩‍💻, ❤️‍🔥),
 * ZWNJ between letters (Persian and Indic words). Anywhere else they only hide a difference.
 */
const JOINER = /[\u200c\u200d]/u;
const EMOJI_JOINER =
  /(?<=[\p{Extended_Pictographic}\p{Emoji_Modifier}\ufe0f])\u200d(?=\p{Extended_Pictographic})/gu;
const LETTER_JOINER = /(?<=[\p{L}\p{M}])\u200c(?=\p{L})/gu;
/** More combining marks on one character than any script writes ("Zalgo" text). */
const STACKED_MARKS = /\p{M}{5}/u;

function hasFormatCharacter(name: string): boolean {
  if (FORMAT_CHARACTER.test(name)) return true;
  return JOINER.test(name.replace(EMOJI_JOINER, '').replace(LETTER_JOINER, ''));
}

/** Length as a person counts it: code points, so an emoji is one character. */
export function nameLength(name: string): number {
  return [...name.trim()].length;
}

export function checkPurposeName(value: string): NameCheck {
  if (LONE_SURROGATE.test(value)) return { ok: false, problem: 'brokenCharacter' };
  const name = value.trim();
  if (CONTROL.test(name)) return { ok: false, problem: 'controlCharacter' };
  if (name.replace(INVISIBLE, '') === '') return { ok: false, problem: 'blank' };
  if (hasFormatCharacter(name)) return { ok: false, problem: 'formatCharacter' };
  if (STACKED_MARKS.test(name)) return { ok: false, problem: 'stackedMarks' };
  if (nameLength(name) > NAME_MAX_LENGTH) return { ok: false, problem: 'tooLong' };
  return { ok: true, name };
}
