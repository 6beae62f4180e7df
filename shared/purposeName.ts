// What makes a call purpose name acceptable: the one rule the emulator enforces (422 with a
// pointer) and the SPA's form checks before sending, so both say the same thing.
export const NAME_MAX_LENGTH = 255;

export type NameProblem = 'brokenCharacter' | 'controlCharacter' | 'blank' | 'tooLong';

export type NameCheck = { ok: true; name: string } | { ok: false; problem: NameProblem };

/** A UTF-16 half with no partner: JSON can carry it, but no database or screen can show it. */
const LONE_SURROGATE = /\p{Surrogate}/u;
/** NUL, tabs, line breaks, escape and the C1 controls: not text a rep should pick from. */
const CONTROL = /\p{Cc}/u;
/** Spaces and characters that draw nothing (zero-width space, joiners, BOM, soft hyphen…). */
const INVISIBLE = /[\p{White_Space}\p{Default_Ignorable_Code_Point}]/gu;

/** Length as a person counts it: code points, so an emoji is one character. */
export function nameLength(name: string): number {
  return [...name.trim()].length;
}

export function checkPurposeName(value: string): NameCheck {
  if (LONE_SURROGATE.test(value)) return { ok: false, problem: 'brokenCharacter' };
  const name = value.trim();
  if (CONTROL.test(name)) return { ok: false, problem: 'controlCharacter' };
  if (name.replace(INVISIBLE, '') === '') return { ok: false, problem: 'blank' };
  if (nameLength(name) > NAME_MAX_LENGTH) return { ok: false, problem: 'tooLong' };
  return { ok: true, name };
}
